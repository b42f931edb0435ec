/// Attributes each quotation to the entity that says it, or to nobody — never a guess.
///
/// UNFINISHED (skeleton): attributes nothing.
public struct SpeakerAttribution: Sendable {
    public init() {}

    public func attribute(_ quotes: [Quote], entities: [Entity], in article: StructuredArticle) -> [Quote] { quotes }
}
