/// Collects claims: direct quotes, reported speech ("X emphasized that …") and stated figures.
///
/// UNFINISHED (skeleton): only direct quotes become claims.
public struct ClaimExtractor: Sendable {
    public init() {}

    public func extract(article: StructuredArticle, entities: [Entity], quotes: [Quote],
                        numbers: [NumberMention]) -> [Claim] {
        quotes.map { Claim(actor: $0.speaker, cue: $0.cue, kind: .quote, span: $0.span) }
    }
}
