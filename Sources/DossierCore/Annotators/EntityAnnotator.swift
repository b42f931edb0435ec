/// Finds names of people, organisations, places, groups and events.
///
/// UNFINISHED (skeleton): finds nothing.
public struct EntityAnnotator: Sendable {
    public init() {}

    public func annotate(_ article: StructuredArticle) -> [EntityMention] { [] }
}
