/// The first screen when several articles are open: one line per article with its title, source
/// and counts; Enter opens the chosen one, `L` comes back here.
enum LibraryView {
    static let firstRow = 2

    static func draw(_ canvas: inout Canvas, state: ReaderState, selected: Int) {
        let theme = state.theme
        let g = state.geometry
        canvas.put(" Library: \(state.documents.count) articles — Enter opens, L returns here, q quits", column: 0, row: 0,
                   style: theme[.title])
        let visibleRows = g.bodyHeight - firstRow
        let first = max(0, min(selected - visibleRows / 2, state.documents.count - visibleRows))
        for (i, document) in state.documents.enumerated().dropFirst(first).prefix(visibleRows) {
            let row = firstRow + i - first
            let chosen = i == selected
            let style = chosen ? theme[.text].layered(with: theme[.sideSelected]) : theme[.text]
            if chosen { canvas.fill(row: row, columns: 0..<g.width, style: style) }
            let annotated = document.annotated
            let counts = "\(annotated.actors.count) actors · \(annotated.claims.count) claims · \(document.sectionCount) §"
            let title = annotated.article.titleString ?? document.name
            let countsX = g.width - DisplayWidth.of(counts) - 1
            let x = canvas.put(" \(i + 1). ", column: 0, row: row, style: style)
            let room = countsX - 1 - x
            let nameWidth = DisplayWidth.of(document.name) + 2
            let showName = DisplayWidth.of(title) + nameWidth <= room
            let shownTitle = DisplayWidth.of(title) <= room ? title : SidePaneView.elided(title, to: room)
            let titleEnd = canvas.put(shownTitle, column: x, row: row, style: chosen ? style : style.layered(with: theme[.heading]),
                                      limit: countsX - 1)
            if showName {
                canvas.put("  " + document.name, column: titleEnd, row: row,
                           style: chosen ? style : style.layered(with: theme[.sideDim]), limit: countsX - 1)
            }
            canvas.put(counts, column: countsX, row: row, style: chosen ? style : style.layered(with: theme[.sideDim]))
        }
    }
}
