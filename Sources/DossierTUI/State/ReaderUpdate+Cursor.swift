import DossierCore

/// The reading cursor: the paragraph that `a`, `m` and `B` act on, marked in the margin.
///
/// `j`/`k` scroll while the view can scroll; once it cannot (the article fits the screen, or its
/// end is in view) they move the cursor from paragraph to paragraph instead, so every paragraph of
/// a short article can be reached. A paragraph that scrolls away gives the cursor to the first
/// paragraph that starts on screen. Headings and the title never hold it: a note belongs to text.
extension ReaderState {
    /// Whether a block can hold the cursor.
    func holdsCursor(_ block: Int) -> Bool {
        let info = document.blocks[block]
        return info.kind != .heading && info.kind != .title && !info.span.isEmpty
    }

    /// Distinct blocks with at least one line on screen, in reading order.
    var blocksOnScreen: [Int] {
        let g = geometry
        var blocks: [Int] = []
        for (block, line) in document.visibleLines(from: top, count: g.bodyHeight, width: g.textWidth)
        where blocks.last != block && !document.lines(block, width: g.textWidth)[line].isSeparator {
            blocks.append(block)
        }
        return blocks
    }

    /// The cursor's block: the one the reader put it on while it is on screen, else the first
    /// paragraph that starts on screen, else the first one on screen.
    public var cursorBlock: Int {
        guard !documents.isEmpty else { return 0 }
        let onScreen = blocksOnScreen
        if let chosen = cursors[current], chosen < document.blocks.count, onScreen.contains(chosen), holdsCursor(chosen) {
            return chosen
        }
        let starting = onScreen.filter { holdsCursor($0) && document.blocks[$0].span.start >= top.offset }
        return starting.first ?? onScreen.first(where: holdsCursor) ?? top.block
    }

    /// The text the cursor (or, in visual mode, the selection) covers.
    var cursorSpan: Span {
        guard let anchor = visualAnchor else { return document.blocks[cursorBlock].span }
        let first = min(anchor, cursorBlock), last = max(anchor, cursorBlock)
        return Span(document.blocks[first].span.start, document.blocks[last].span.end)
    }

    /// The blocks the visual selection covers (empty outside visual mode).
    var selectedBlocks: ClosedRange<Int>? {
        visualAnchor.map { min($0, cursorBlock)...max($0, cursorBlock) }
    }

    /// Moves the cursor to the next (previous) paragraph, scrolling it into view when needed.
    /// Returns false at the end (start) of the article.
    @discardableResult
    mutating func moveCursor(forward: Bool) -> Bool {
        let from = cursorBlock
        var candidate = forward ? from + 1 : from - 1
        while candidate >= 0, candidate < document.blocks.count, !holdsCursor(candidate) { candidate += forward ? 1 : -1 }
        guard candidate >= 0, candidate < document.blocks.count else { return false }
        cursors[current] = candidate
        bringBlockOnScreen(candidate)
        return true
    }

    /// Puts the cursor on `block` (the nearest following paragraph when it is a heading).
    mutating func placeCursor(onBlock block: Int) {
        var candidate = block
        while candidate < document.blocks.count, !holdsCursor(candidate) { candidate += 1 }
        if candidate < document.blocks.count { cursors[current] = candidate }
    }

    /// Scrolls the least needed for `block` to have a line on screen (all of it when it fits).
    private mutating func bringBlockOnScreen(_ block: Int) {
        let g = geometry
        let visible = document.visibleLines(from: top, count: g.bodyHeight, width: g.textWidth)
        let blockLines = document.lines(block, width: g.textWidth).filter { !$0.isSeparator }
        let isFullyVisible = blockLines.allSatisfy { line in visible.contains { $0.block == block && document.lines(block, width: g.textWidth)[$0.line].start == line.start } }
        if isFullyVisible { return }
        if block < top.block || (block == top.block && document.blocks[block].span.start < top.offset) {
            top = DocumentPosition(block: block, offset: document.blocks[block].span.start)
        } else {
            // The block's last line at the bottom, unless the block is taller than the screen.
            let end = DocumentPosition(block: block, offset: blockLines.last?.start ?? document.blocks[block].span.start)
            let wanted = document.moved(end, by: -(g.bodyHeight - 1), width: g.textWidth)
            let start = DocumentPosition(block: block, offset: document.blocks[block].span.start)
            top = wanted < start && blockLines.count > g.bodyHeight ? start : max(top, wanted)
        }
        settleTop()
    }

    /// `j`: scroll a line, or move the cursor when the view cannot scroll further.
    mutating func lineDown() {
        if visualAnchor != nil { if !moveCursor(forward: true) { message = "end of article" }; return }
        let g = geometry
        let last = document.lastTop(width: g.textWidth, height: g.bodyHeight)
        if top >= last {
            if !moveCursor(forward: true) { message = "end of article" }
            return
        }
        scroll(by: 1)
    }

    /// `k`: while the cursor is below the first paragraph on screen at the end of the article
    /// (where `j` moved it), move it back up; else scroll a line.
    mutating func lineUp() {
        if visualAnchor != nil { _ = moveCursor(forward: false); return }
        let g = geometry
        let last = document.lastTop(width: g.textWidth, height: g.bodyHeight)
        let firstOnScreen = blocksOnScreen.first(where: holdsCursor)
        if top >= last || top <= document.startPosition, let first = firstOnScreen, cursorBlock > first {
            _ = moveCursor(forward: false)
            return
        }
        scroll(by: -1)
    }

    /// `v`: starts (or ends) selecting whole paragraphs from the cursor.
    mutating func toggleVisual() {
        if visualAnchor != nil {
            visualAnchor = nil
            message = "selection cleared"
        } else {
            cursors[current] = cursorBlock
            visualAnchor = cursorBlock
            message = "visual: j/k extend, m highlights, a notes, Esc cancels"
        }
    }
}
