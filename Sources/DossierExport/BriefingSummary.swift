import DossierCore

/// Actors merged across the articles of a briefing (by name and kind), with every claim they make.
struct BriefingSummary {
    struct ClaimReference {
        var article: Int
        var claim: Claim
    }

    struct BriefingActor {
        var name: String
        var kind: EntityKind
        var mentions = 0
        var articles: [Int] = []
        var claims: [ClaimReference] = []
    }

    var actors: [BriefingActor] = []

    init(_ exports: [ArticleExport]) {
        var position: [String: Int] = [:]
        for (articleNumber, export) in exports.enumerated() {
            for actor in export.annotated.actors {
                let key = actor.kind.rawValue + "\u{1F}" + actor.name.lowercased()
                let slot: Int
                if let existing = position[key] { slot = existing } else {
                    slot = actors.count
                    position[key] = slot
                    actors.append(BriefingActor(name: actor.name, kind: actor.kind))
                }
                actors[slot].mentions += actor.mentionCount
                if actors[slot].articles.last != articleNumber { actors[slot].articles.append(articleNumber) }
                for claim in export.annotated.claims where claim.actor == actor.entity {
                    actors[slot].claims.append(ClaimReference(article: articleNumber, claim: claim))
                }
            }
        }
        actors.sort { a, b in
            if a.articles.count != b.articles.count { return a.articles.count > b.articles.count }
            if a.claims.count != b.claims.count { return a.claims.count > b.claims.count }
            return a.mentions > b.mentions
        }
    }
}
