import DossierCore

/// The entity view (`E`): every briefing entity, most widely mentioned first, and the chosen one's
/// concordance. Built from a `BriefingIndex` when the view opens, so drawing it stays cheap.
public struct EntityViewState: Sendable {
    public let index: BriefingIndex
    /// Sorted by article count, then mentions (`BriefingIndex.ranked`).
    public let entities: [BriefingEntity]
    /// The chosen entity in `entities`.
    public private(set) var selected = 0
    /// The chosen entity's mentions with one line of context each, grouped by article.
    public private(set) var concordance: [ConcordanceGroup] = []
    /// Whether j/k move through the concordance (after Tab or `l`) rather than the entity list.
    public var inConcordance = false
    /// The chosen mention, counted across the groups.
    public var mentionSelection = 0

    public init(index: BriefingIndex) {
        self.index = index
        self.entities = index.ranked
        choose(0)
    }

    public var chosenEntity: BriefingEntity? { selected < entities.count ? entities[selected] : nil }

    /// The concordance lines in display order, as `mentionSelection` counts them.
    public var mentionLines: [ConcordanceLine] { concordance.flatMap(\.lines) }

    public mutating func choose(_ entity: Int) {
        selected = max(0, min(entity, entities.count - 1))
        concordance = chosenEntity.map { index.concordance(of: $0) } ?? []
        mentionSelection = 0
    }
}
