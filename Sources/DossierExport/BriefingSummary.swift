import DossierCore
import Foundation

/// What a briefing document's head reads of one article: the list of articles and the actors
/// across them. A streamed export keeps this for each article and lets the rest go, so its
/// memory is the briefing's names and claims, not its texts and every layer of annotation.
struct BriefingArticle {
    var title: String
    var source: String?
    var dateRead: Date
    /// The entities, actors and claims: what the briefing index reads. Its text, structure,
    /// quotes, numbers and the entities' related ids are left out.
    var annotated: AnnotatedArticle
    /// The text of each claim that has an actor, by its span: the summary quotes them.
    var claimTexts: [Span: String]

    init(_ export: ArticleExport) {
        let full = export.annotated
        title = full.article.titleString ?? "Untitled"
        source = full.source
        dateRead = export.dateRead
        annotated = BriefingIndex.reading(full, keepingText: false)
        claimTexts = [:]
        for claim in full.claims where claim.actor != nil && claimTexts[claim.span] == nil {
            claimTexts[claim.span] = full.text.slice(claim.span)
        }
    }

    /// The text of a claim of this article (one with an actor: the others are not kept).
    func text(of claim: Claim) -> String { claimTexts[claim.span] ?? "" }
}

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

    init(_ articles: [BriefingArticle]) {
        let index = BriefingIndex(articles: articles.map(\.annotated))
        let actorIDs = articles.map { Set($0.annotated.actors.map(\.entity)) }
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
