/// Merges mentions into entities: one per real-world referent, aliases and acronyms joined.
///
/// UNFINISHED (skeleton): one entity per distinct name.
public struct Linker: Sendable {
    public init() {}

    public func link(_ mentions: [EntityMention], in article: StructuredArticle) -> [Entity] {
        var order: [String] = []
        var byName: [String: Entity] = [:]
        for mention in mentions.sorted(by: { $0.span < $1.span }) {
            if byName[mention.name] == nil {
                order.append(mention.name)
                byName[mention.name] = Entity(id: "e\(order.count)", name: mention.name, kind: mention.kind,
                                              mentions: [], aliases: [mention.name])
            }
            byName[mention.name]!.mentions.append(mention.span)
        }
        return order.map { byName[$0]! }
    }
}
