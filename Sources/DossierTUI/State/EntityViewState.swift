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

/// What the entity view asks of the reader after a key.
enum EntityViewOutcome: Equatable {
    /// The view moved its own selection (or ignored the key).
    case stay
    /// Open the mention's article at it, with the entity selected.
    case jump(to: BriefingPosition, of: BriefingEntity)
    case close
    /// The help over the view; the view stays open behind it.
    case help
    case library
}

/// The entity view as a child model: j/k choose an entity (or, after Tab/`l`, a mention), `h` goes
/// back to the list, Enter jumps, Esc/q/E close.
extension EntityViewState {
    mutating func apply(_ action: Action) -> EntityViewOutcome {
        let command: Command
        switch action {
        case .text("l"): command = .switchFocus
        case .text("h"):
            inConcordance = false
            return .stay
        case .command(let bound): command = bound
        default: return .stay
        }
        let count = inConcordance ? mentionLines.count : entities.count
        let chosen = inConcordance ? mentionSelection : selected
        switch command {
        case .scrollDown: move(to: chosen + 1, count: count)
        case .scrollUp: move(to: chosen - 1, count: count)
        case .pageDown, .halfPageDown: move(to: chosen + 10, count: count)
        case .pageUp, .halfPageUp: move(to: chosen - 10, count: count)
        case .top: move(to: 0, count: count)
        case .bottom: move(to: count - 1, count: count)
        case .switchFocus:
            // `l` only goes right; Tab goes back and forth.
            inConcordance = action == .text("l") ? true : !inConcordance
        case .activate:
            let lines = mentionLines
            let line = inConcordance ? lines[min(mentionSelection, lines.count - 1)] : lines.first
            guard let line, let entity = chosenEntity else { return .stay }
            return .jump(to: line.position, of: entity)
        case .cancel, .quit, .entities: return .close
        case .help: return .help
        case .library: return .library
        default: break
        }
        return .stay
    }

    private mutating func move(to index: Int, count: Int) {
        let clamped = max(0, min(index, count - 1))
        if inConcordance { mentionSelection = clamped } else { choose(clamped) }
    }
}
