import DossierCore

/// What reading needs to know that it does not own: the article laid out, and the screen's geometry.
/// Passed in, not stored: the documents and the terminal size belong to the reader.
struct ReadingContext {
    let document: ArticleDocument
    let geometry: ReaderGeometry
}

/// Reading as a child model: which article is read, where each article is, the reading cursor and
/// visual selection, the selected entity, the search and the jump list. Its `apply` owns the keys
/// that move within the article (scrolling, the cursor, sections, Esc); the parent `ReaderState`
/// owns what crosses into other parts (prompts, overlays, other articles, the side pane).
public struct ReadingState: Equatable, Sendable {
    /// Index of the article being read.
    public var article = 0
    /// The top-of-screen position in each article.
    public var positions: [DocumentPosition]
    /// The reading cursor's block in each article the reader moved it in (see `cursorBlock`).
    public var cursors: [Int: Int] = [:]
    /// Visual mode (`v`): the block where the selection started; the cursor is its other end.
    public var visualAnchor: Int?
    /// Entity index (in the current article) whose mentions stand out and `n`/`N` visit.
    public var selectedEntity: Int?
    /// The mention, match or evidence last jumped to: drawn as the current match, and where `n` continues from.
    public var focusSpan: Span?
    public var search: SearchState?
    public var jumps: [JumpLocation] = []
    public var jumpIndex = 0

    static let jumpListLimit = 100

    public init(positions: [DocumentPosition]) {
        self.positions = positions
    }

    public var top: DocumentPosition {
        get { positions[article] }
        set { positions[article] = newValue }
    }

    /// The section of the top line.
    func currentSection(in c: ReadingContext) -> Int { c.document.blocks[top.block].section }
}

/// What reading tells the parent after a command.
enum ReadingOutcome: Equatable {
    /// Not a key reading moves with: the parent handles it.
    case notMine
    /// Done; with a one-line note for the status line, if any.
    case handled(note: String?)
}

extension ReadingState {
    /// The keys that move within the article.
    mutating func apply(_ command: Command, in c: ReadingContext) -> ReadingOutcome {
        let g = c.geometry, document = c.document
        switch command {
        case .scrollDown: return .handled(note: lineDown(in: c))
        case .scrollUp: lineUp(in: c)
        case .visual: return .handled(note: toggleVisual(in: c))
        case .pageDown: return .handled(note: scroll(by: max(1, g.bodyHeight - 2), in: c))
        case .pageUp: return .handled(note: scroll(by: -max(1, g.bodyHeight - 2), in: c))
        case .halfPageDown: return .handled(note: scroll(by: max(1, g.bodyHeight / 2), in: c))
        case .halfPageUp: return .handled(note: scroll(by: -max(1, g.bodyHeight / 2), in: c))
        case .activate: return .handled(note: scroll(by: 1, in: c))
        case .top: jump(to: document.startPosition, in: c)
        case .bottom:
            jump(to: document.lastTop(width: g.textWidth, height: g.bodyHeight), in: c)
            // The end is what G is for: the cursor (and the status line's §) on the last paragraph.
            if let last = document.blocks.indices.last(where: { holdsCursor($0, in: c) }) { cursors[article] = last }
        case .nextSection:
            let section = currentSection(in: c) + 1
            guard section < document.sectionCount else { return .handled(note: "last section") }
            jumpToSection(section, in: c)
        case .previousSection:
            let section = currentSection(in: c)
            let sectionStart = document.sectionFirstBlock[section]
            // Like [ in an editor: to the start of this section first, then to the previous one.
            if top.block > sectionStart || top.offset > document.blocks[sectionStart].span.start {
                jumpToSection(section, in: c)
            } else if section > 0 {
                jumpToSection(section - 1, in: c)
            } else {
                return .handled(note: "first section")
            }
        case .cancel:
            // One Esc clears one thing, the most recent kind first; the side pane's focus is the parent's.
            if visualAnchor != nil { visualAnchor = nil }
            else if search != nil { search = nil; focusSpan = nil }
            else if selectedEntity != nil { selectedEntity = nil; focusSpan = nil }
            else { return .notMine }
        default:
            return .notMine
        }
        return .handled(note: nil)
    }

    // MARK: Scrolling and jumping

    /// Scrolls by `lines`; returns "end of article" when a scroll down could not move.
    mutating func scroll(by lines: Int, in c: ReadingContext) -> String? {
        let g = c.geometry
        var moved = c.document.moved(top, by: lines, width: g.textWidth)
        let last = c.document.lastTop(width: g.textWidth, height: g.bodyHeight)
        // Down stops at the last full screen, or stays put when a jump already went past it.
        if lines > 0, moved > last { moved = max(last, top) }
        let stuck = lines > 0 && moved == top
        top = moved
        return stuck ? "end of article" : nil
    }

    /// Keeps the top on a line start at the current width. Scrolling stops at the last full screen,
    /// but a jump may put a short last section at the top with blank rows below it.
    mutating func settleTop(clampToLastScreen: Bool = false, in c: ReadingContext) {
        let g = c.geometry
        var settled = c.document.lineStart(top, width: g.textWidth)
        if clampToLastScreen {
            let last = c.document.lastTop(width: g.textWidth, height: g.bodyHeight)
            if settled > last { settled = last }
        }
        top = settled
    }

    mutating func jump(to position: DocumentPosition, in c: ReadingContext) {
        recordJump()
        top = position
        settleTop(in: c)
    }

    mutating func jumpToSection(_ section: Int, in c: ReadingContext) {
        let block = c.document.sectionFirstBlock[section]
        jump(to: DocumentPosition(block: block, offset: c.document.blocks[block].span.start), in: c)
        // The cursor goes to the section's first paragraph, never to its heading.
        placeCursor(onBlock: block, in: c)
    }

    /// Brings `span` on screen (a few lines below the top when it has to scroll) and makes it the focus.
    mutating func reveal(_ span: Span, recordJump: Bool, in c: ReadingContext) {
        let g = c.geometry, document = c.document
        focusSpan = span
        let target = document.position(ofOffset: span.start, width: g.textWidth)
        let visible = document.visibleLines(from: top, count: g.bodyHeight, width: g.textWidth)
        let onScreen = visible.contains { $0.block == target.block && document.lines($0.block, width: g.textWidth)[$0.line].start == target.offset }
        defer { placeCursor(onBlock: target.block, in: c) }
        if onScreen { return }
        if recordJump { self.recordJump() }
        top = document.moved(target, by: -min(3, g.bodyHeight / 4), width: g.textWidth)
        settleTop(in: c)
    }

    mutating func recordJump() {
        if jumpIndex < jumps.count { jumps.removeSubrange(jumpIndex...) }
        jumps.append(JumpLocation(article: article, position: top))
        if jumps.count > Self.jumpListLimit { jumps.removeFirst() }
        jumpIndex = jumps.count
    }

    /// Another article is read from now on: what pointed into this one's text is dropped.
    mutating func leave(for index: Int) {
        article = index
        visualAnchor = nil
        selectedEntity = nil
        focusSpan = nil
        search = nil
    }
}
