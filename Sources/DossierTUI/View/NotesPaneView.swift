import DossierCore

/// The Notes list (`o`): every note of the article in reading order with the start of its
/// paragraph, drawn in the side pane, or over the text when the side pane is hidden.
enum NotesPaneView {
    static func lines(state: ReaderState) -> [String] {
        let marks = state.currentMarks
        let document = state.document
        var lines: [String] = []
        if state.notes.list.kind == .bookmarks {
            // Where each bookmark is: its section and the start of its paragraph.
            for span in marks.bookmarks {
                let block = document.block(containing: span.start)
                let paragraph = document.blocks[block].span
                let words = String(String.UnicodeScalarView(document.text.scalars[span.start..<min(paragraph.end, span.start + 200)]))
                lines.append("§\(document.blocks[block].section + 1) \(SummaryText.elide(words.replacingNewlines, to: 200))")
            }
            return lines
        }
        for mark in marks.notes {
            let place: String
            if let span = mark.span {
                let section = document.blocks[document.position(ofOffset: span.start, width: state.geometry.textWidth).block].section
                place = "§\(section + 1)"
            } else {
                place = "orphaned"
            }
            lines.append("\(place) \(SummaryText.elide(mark.note.body.replacingNewlines, to: 200))")
        }
        return lines
    }

    static func draw(_ canvas: inout Canvas, state: ReaderState) {
        let g = state.geometry
        let theme = state.theme
        let lines = lines(state: state)
        let selected = lines.isEmpty ? nil : min(state.notes.list.selection, lines.count - 1)
        let bookmarks = state.notes.list.kind == .bookmarks
        let title = bookmarks ? "Bookmarks (\(lines.count)) · Enter jump · d delete · ' close"
                              : "Notes (\(lines.count)) · Enter jump · c change · d delete · u undo · o close"
        guard g.sideVisible else {
            let empty = bookmarks ? "No bookmarks in this article: B bookmarks the cursor's paragraph."
                                  : "No notes in this article: a adds one, A in your editor."
            let shown = lines.isEmpty ? [empty] : lines
            OverlayBox.draw(&canvas, state: state, title: bookmarks ? "Bookmarks (\(lines.count)) — Enter d, ' closes"
                                                                      : "Notes (\(lines.count)) — Enter c d u, o closes",
                            lines: shown, scroll: 0, selected: lines.isEmpty ? nil : selected)
            return
        }
        let x0 = g.sideX
        let limit = g.width
        canvas.fill(rows: 0..<g.bodyHeight, columns: x0..<limit, style: theme[.side])
        for row in 0..<g.bodyHeight where x0 > 0 { canvas.put("│", column: x0 - 1, row: row, style: theme[.border]) }
        canvas.put(title, column: x0 + 1, row: 0, style: theme[.side].layered(with: theme[.sideHeading]), limit: limit)
        if lines.isEmpty {
            canvas.put(bookmarks ? "none yet: B adds one" : "none yet: a adds one", column: x0 + 1, row: 2, style: theme[.side].layered(with: theme[.sideDim]), limit: limit)
            return
        }
        let visible = max(1, g.bodyHeight - 2)
        let first = max(0, min((selected ?? 0) - visible / 2, lines.count - visible))
        for (i, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            let index = first + i
            let row = 2 + i
            var style = theme[.side]
            if index == selected {
                style = style.layered(with: theme[.sideSelected])
                canvas.fill(row: row, columns: x0..<limit, style: style)
            }
            canvas.put(" " + line, column: x0, row: row, style: style, limit: limit)
        }
    }
}

extension String {
    /// Line breaks shown as " ⏎ " so a multi-line note fits one list row.
    var replacingNewlines: String {
        split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).joined(separator: " ⏎ ")
    }
}
