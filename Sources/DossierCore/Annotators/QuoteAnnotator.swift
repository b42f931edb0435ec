/// Finds direct quotations (curly, straight, single, guillemets; nested; across paragraphs),
/// leaving out quoted titles and scare quotes.
///
/// UNFINISHED (skeleton): finds nothing.
public struct QuoteAnnotator: Sendable {
    public init() {}

    public func annotate(_ article: StructuredArticle) -> [Quote] { [] }
}
