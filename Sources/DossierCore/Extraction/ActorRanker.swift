/// Picks the entities that speak or act and ranks them by salience.
///
/// UNFINISHED (skeleton): every person or organisation with a claim, ranked by claims then mentions.
public struct ActorRanker: Sendable {
    public init() {}

    public func rank(entities: [Entity], claims: [Claim], quotes: [Quote], in article: StructuredArticle) -> [Actor] {
        var claimCounts: [String: Int] = [:]
        for claim in claims { if let actor = claim.actor { claimCounts[actor, default: 0] += 1 } }
        return entities.compactMap { entity -> Actor? in
            let count = claimCounts[entity.id] ?? 0
            guard count > 0 else { return nil }
            return Actor(entity: entity.id, name: entity.name, kind: entity.kind, mentionCount: entity.mentions.count,
                         claimCount: count, salience: Double(count * 3 + entity.mentions.count))
        }.sorted { $0.salience > $1.salience }
    }
}
