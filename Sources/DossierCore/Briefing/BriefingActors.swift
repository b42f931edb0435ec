/// An actor of the whole briefing: an entity that speaks or acts in at least one article.
public struct BriefingActor: Sendable, Equatable {
    /// The `BriefingEntity` id ("b3").
    public var entity: String
    public var name: String
    public var kind: EntityKind
    public var articleCount: Int
    public var mentionCount: Int
    public var claimCount: Int
    /// The sum of its salience in each article where it is an actor.
    public var salience: Double

    public init(entity: String, name: String, kind: EntityKind, articleCount: Int, mentionCount: Int,
                claimCount: Int, salience: Double) {
        self.entity = entity
        self.name = name
        self.kind = kind
        self.articleCount = articleCount
        self.mentionCount = mentionCount
        self.claimCount = claimCount
        self.salience = salience
    }
}

extension BriefingIndex {
    /// The briefing's actors (the side pane's "whole briefing" list): every entity that is an
    /// actor in some article, with its counts across all articles, most salient first.
    public var actors: [BriefingActor] { actors(claimsOfEntity: nil) }

    /// `actors`, counting each one's claims in `claimsOfEntity` (`claimsOfEveryEntity()`) when the
    /// caller has made it already, as `dossier index` has for its entities: not gathered twice.
    public func actors(claimsOfEntity known: [[BriefingClaim]]?) -> [BriefingActor] {
        precondition(known.map { $0.count == entities.count } ?? true, "one list of claims per entity")
        var byEntity: [String: BriefingActor] = [:]
        var order: [String] = []
        // Every entity's claims in one pass, gathered when the first actor needs its count.
        var claimsOfEntity = known
        for (number, article) in articles.enumerated() {
            for actor in article.actors {
                guard let entity = entity(article: number, localID: actor.entity) else { continue }
                if var known = byEntity[entity.id] {
                    known.salience += actor.salience
                    byEntity[entity.id] = known
                } else {
                    order.append(entity.id)
                    if claimsOfEntity == nil { claimsOfEntity = claimsOfEveryEntity() }
                    let claimCount = position(of: entity).map { claimsOfEntity![$0].count } ?? 0
                    byEntity[entity.id] = BriefingActor(entity: entity.id, name: entity.name, kind: entity.kind,
                                                        articleCount: entity.articleCount, mentionCount: entity.mentionCount,
                                                        claimCount: claimCount, salience: actor.salience)
                }
            }
        }
        return order.enumerated().compactMap { position, id in byEntity[id].map { (position, $0) } }
            .sorted { a, b in a.1.salience != b.1.salience ? a.1.salience > b.1.salience : a.0 < b.0 }
            .map(\.1)
    }
}
