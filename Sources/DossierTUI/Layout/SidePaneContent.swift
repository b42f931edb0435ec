import DossierCore

/// The actors and claims the side pane lists for a section or the whole article.
struct SidePaneContent {
    /// One choosable line group of the side pane.
    enum Item: Equatable {
        /// An actor: the entity, its mentions and claims counted in the scope, and where to jump.
        case actor(entity: Int, name: String, kind: EntityKind, mentions: Int, claims: Int, firstMention: Span?)
        /// A claim: who makes it (nil for the article's own figures), the cue, and its evidence.
        case claim(entity: Int?, actorName: String, cue: String?, kind: ClaimKind, span: Span)
        /// An actor of the whole briefing: the briefing entity id ("b3") and its counts across articles.
        case briefingActor(id: String, name: String, kind: EntityKind, articles: Int, mentions: Int, claims: Int)
    }

    var actorCount = 0
    var claimCount = 0
    var items: [Item] = []

    init(document: ArticleDocument, scope: SidePaneScope, section: Int, briefingActors: [BriefingActor] = []) {
        if scope == .briefing {
            // Actors only: the claims stay with their articles.
            items = briefingActors.map {
                .briefingActor(id: $0.entity, name: $0.name, kind: $0.kind, articles: $0.articleCount,
                               mentions: $0.mentionCount, claims: $0.claimCount)
            }
            actorCount = items.count
            return
        }
        let annotated = document.annotated
        let range: Span
        if scope == .section, section < annotated.article.sections.count {
            range = annotated.article.sections[section].span
        } else {
            range = Span(0, annotated.text.count)
        }
        var entityIndex: [String: Int] = [:]
        for (index, entity) in annotated.entities.enumerated() { entityIndex[entity.id] = index }
        // The claims in scope are visited in place, never copied out, and `items` is sized once: a huge
        // article has a claim a sentence (588,000 in a 50 MB line), and a copy or an array grown by
        // doubling held a hundred megabytes more than the reader needs (issue 13).
        func inScope(_ claim: Claim) -> Bool { claim.span.overlaps(range) || (range.isEmpty && claim.span.start == range.start) }
        var claimsByEntity: [String: Int] = [:]
        var claimsInScope = 0
        for claim in annotated.claims where inScope(claim) {
            claimsInScope += 1
            if let actor = claim.actor { claimsByEntity[actor, default: 0] += 1 }
        }
        items.reserveCapacity(annotated.actors.count + claimsInScope)
        for actor in annotated.actors {
            guard let index = entityIndex[actor.entity] else { continue }
            let inRange = document.mentionsByEntity[index].filter { range.contains($0) || $0.overlaps(range) }
            let claimsHere = claimsByEntity[actor.entity] ?? 0
            if scope == .section, inRange.isEmpty, claimsHere == 0 { continue }
            items.append(.actor(entity: index, name: actor.name, kind: actor.kind,
                                mentions: scope == .section ? inRange.count : actor.mentionCount,
                                claims: scope == .section ? claimsHere : actor.claimCount,
                                firstMention: inRange.first ?? document.mentionsByEntity[index].first))
            actorCount += 1
        }
        for claim in annotated.claims where inScope(claim) {
            let index = claim.actor.flatMap { entityIndex[$0] }
            // A source that is no entity ("a police spokesman") is shown by its phrase.
            let name = index.map { annotated.entities[$0].name } ?? claim.actor ?? "the article"
            items.append(.claim(entity: index, actorName: name, cue: claim.cue, kind: claim.kind, span: claim.span))
            claimCount += 1
        }
    }
}
