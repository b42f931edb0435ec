import DossierCore

/// The actors of a briefing: the core's `BriefingIndex` merges each referent across articles
/// ("Vasko" in one, "General Dorian Vasko" in another); here are those that act or speak
/// in at least one article, with every claim they make.
struct BriefingSummary {
    struct BriefingActor {
        var name: String
        var kind: EntityKind
        var mentions: Int
        var articles: [Int]
        var claims: [BriefingClaim]
    }

    var actors: [BriefingActor] = []

    init(_ exports: [ArticleExport]) {
        let index = BriefingIndex(articles: exports.map(\.annotated))
        let actorIDs = exports.map { Set($0.annotated.actors.map(\.entity)) }
        for entity in index.ranked {
            let acts = entity.occurrences.contains { occurrence in
                occurrence.entityIDs.contains { actorIDs[occurrence.article].contains($0) }
            }
            guard acts else { continue }
            actors.append(BriefingActor(name: entity.name, kind: entity.kind, mentions: entity.mentionCount,
                                        articles: entity.occurrences.map(\.article), claims: index.claims(of: entity)))
        }
    }
}
