import DossierCore

/// The reading cursor: the paragraph that `a`, `m` and `B` act on, marked in the margin.
///
/// `j`/`k` scroll while the view can scroll; once it cannot (the article fits the screen, or its
/// end is in view) they move the cursor from paragraph to paragraph instead, so every paragraph of
/// a short article can be reached. A paragraph that scrolls away gives the cursor to the first
/// paragraph that starts on screen. Headings and the title never hold it: a note belongs to text.
extension ReadingState {
    /// Whether a block can hold the cursor.
    func holdsCursor(_ block: Int, in c: ReadingContext) -> Bool {
        let info = c.document.blocks[block]
        return info.kind != .heading && info.kind != .title && !info.span.isEmpty
    }

    /// Distinct blocks with at least one line on screen, in reading order.
    func blocksOnScreen(in c: ReadingContext) -> [Int] {
        let g = c.geometry
        var blocks: [Int] = []
        for (block, line) in c.document.visibleLines(from: top, count: g.bodyHeight, width: g.textWidth)
        where blocks.last != block && !c.document.lines(block, width: g.textWidth)[line].isSeparator {
            blocks.append(block)
        }
        return blocks
    }

    /// The cursor's block: the one the reader put it on while it is on screen, else the first
    /// paragraph that starts on screen, else the first one on screen.
    func cursorBlock(in c: ReadingContext) -> Int {
        let onScreen = blocksOnScreen(in: c)
        if let chosen = cursors[article], chosen < c.document.blocks.count, onScreen.contains(chosen), holdsCursor(chosen, in: c) {
            return chosen
        }
        let starting = onScreen.filter { holdsCursor($0, in: c) && c.document.blocks[$0].span.start >= top.offset }
        return starting.first ?? onScreen.first { holdsCursor($0, in: c) } ?? top.block
    }

    /// The text the cursor (or, in visual mode, the selection) covers.
    func cursorSpan(in c: ReadingContext) -> Span {
        let cursor = cursorBlock(in: c)
        guard let anchor = visualAnchor else { return c.document.blocks[cursor].span }
        let first = min(anchor, cursor), last = max(anchor, cursor)
        return Span(c.document.blocks[first].span.start, c.document.blocks[last].span.end)
    }

    /// The blocks the visual selection covers (nil outside visual mode).
    func selectedBlocks(in c: ReadingContext) -> ClosedRange<Int>? {
        visualAnchor.map { anchor in
            let cursor = cursorBlock(in: c)
            return min(anchor, cursor)...max(anchor, cursor)
        }
    }

    /// Moves the cursor to the next (previous) paragraph, scrolling it into view when needed.
    /// Returns false at the end (start) of the article.
    @discardableResult
    mutating func moveCursor(forward: Bool, in c: ReadingContext) -> Bool {
        let from = cursorBlock(in: c)
        var candidate = forward ? from + 1 : from - 1
        while candidate >= 0, candidate < c.document.blocks.count, !holdsCursor(candidate, in: c) { candidate += forward ? 1 : -1 }
        guard candidate >= 0, candidate < c.document.blocks.count else { return false }
        cursors[article] = candidate
        bringBlockOnScreen(candidate, in: c)
        return true
    }

    /// Puts the cursor on `block` (the nearest following paragraph when it is a heading).
    mutating func placeCursor(onBlock block: Int, in c: ReadingContext) {
        var candidate = block
        while candidate < c.document.blocks.count, !holdsCursor(candidate, in: c) { candidate += 1 }
        if candidate < c.document.blocks.count { cursors[article] = candidate }
    }

    /// Scrolls the least needed for `block` to have a line on screen (all of it when it fits).
    private mutating func bringBlockOnScreen(_ block: Int, in c: ReadingContext) {
        let g = c.geometry, document = c.document
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
        settleTop(in: c)
    }

    /// `j`: scroll a line, or move the cursor when the view cannot scroll further.
    mutating func lineDown(in c: ReadingContext) -> String? {
        let last = c.document.lastTop(width: c.geometry.textWidth, height: c.geometry.bodyHeight)
        if visualAnchor != nil || top >= last {
            return moveCursor(forward: true, in: c) ? nil : "end of article"
        }
        return scroll(by: 1, in: c)
    }

    /// `k`: while the cursor is below the first paragraph on screen at the end of the article
    /// (where `j` moved it), move it back up; else scroll a line.
    mutating func lineUp(in c: ReadingContext) {
        if visualAnchor != nil { moveCursor(forward: false, in: c); return }
        let last = c.document.lastTop(width: c.geometry.textWidth, height: c.geometry.bodyHeight)
        let firstOnScreen = blocksOnScreen(in: c).first { holdsCursor($0, in: c) }
        if top >= last || top <= c.document.startPosition, let first = firstOnScreen, cursorBlock(in: c) > first {
            moveCursor(forward: false, in: c)
            return
        }
        _ = scroll(by: -1, in: c)
    }

    /// `v`: starts (or ends) selecting whole paragraphs from the cursor.
    mutating func toggleVisual(in c: ReadingContext) -> String {
        if visualAnchor != nil {
            visualAnchor = nil
            return "selection cleared"
        }
        let cursor = cursorBlock(in: c)
        cursors[article] = cursor
        visualAnchor = cursor
        return "visual: j/k extend, m highlights, a notes, Esc cancels"
    }
}
