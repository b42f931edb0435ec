/// The first screen when several articles are open: one row per article with its title, source,
/// date, length, actors, claims and notes, unread ones marked •, failed ones greyed with their
/// reason. The header says how far the background annotation is and how the list is sorted.
/// Enter opens the chosen one, `S` changes the order, `L` comes back here.
enum LibraryView {
    static let firstRow = 2
    /// Right-aligned columns: heading and width.
    static let columns: [(String, Int)] = [("date", 10), ("words", 7), ("actors", 6), ("claims", 6), ("notes", 5)]
    static let columnGap = 2

    /// The first row of the list shown: the selection stays in the middle of the screen once it can.
    static func firstShown(state: ReaderState, selected: Int) -> Int {
        let visibleRows = max(1, state.geometry.bodyHeight - firstRow)
        let row = state.library.row(of: selected)
        return max(0, min(row - visibleRows / 2, state.library.order.count - visibleRows))
    }

    static func header(_ library: LibraryState) -> String {
        let count = library.entries.count
        var parts = ["Library: \(count) article\(count == 1 ? "" : "s")"]
        if !library.isComplete { parts.append("annotating \(library.settledCount)/\(count)") }
        let failed = library.entries.reduce(0) { $0 + ($1.failure == nil ? 0 : 1) }
        if failed > 0 { parts.append("\(failed) unreadable") }
        parts.append("by \(library.sort.rawValue)\(library.sort == .unread ? " first" : "") (S sorts)")
        parts.append("Enter opens, L returns here, q quits")
        return " " + parts.joined(separator: " · ")
    }

    /// Records each article's row in `hits`.
    static func draw(_ canvas: inout Canvas, hits: inout HitMap, state: ReaderState, selected: Int) {
        let theme = state.theme
        let g = state.geometry
        let library = state.library
        canvas.put(header(library), column: 0, row: 0, style: theme[.title], limit: g.width)
        // Narrow terminals keep room for the title: the date goes first, then all the columns.
        var shown = columns
        func width(_ list: [(String, Int)]) -> Int { list.reduce(0) { $0 + $1.1 + columnGap } + 1 }
        if g.width - width(shown) < 44 { shown.removeFirst() }
        let showColumns = g.width - width(shown) >= 30
        let columnsX = showColumns ? g.width - width(shown) : g.width
        if showColumns { drawColumns(&canvas, columns: shown, values: shown.map(\.0), x: columnsX, row: 1, style: theme[.sideDim]) }
        let visibleRows = max(0, g.bodyHeight - firstRow)
        let first = firstShown(state: state, selected: selected)
        for (rowOffset, index) in library.order.dropFirst(first).prefix(visibleRows).enumerated() {
            let row = firstRow + rowOffset
            let entry = library.entries[index]
            hits.add(row: row, columns: 0..<g.width, .libraryArticle(index))
            let chosen = index == selected
            let base = chosen ? theme[.text].layered(with: theme[.sideSelected]) : theme[.text]
            let dim = chosen ? base : base.layered(with: theme[.sideDim])
            if chosen { canvas.fill(row: row, columns: 0..<g.width, style: base) }
            let failed = entry.failure != nil
            let marker = failed ? "✗" : entry.read ? " " : "•"
            let x = canvas.put(" \(marker) \(first + rowOffset + 1). ", column: 0, row: row, style: failed ? dim : base)
            // A failed row has no figures: its reason may use the whole width.
            let end = failed ? g.width : columnsX - 1
            let room = end - x
            let previewTitle = entry.status == .waiting ? nil : state.documents[index].annotated.article.titleString
            let title = failed ? entry.name : entry.title ?? previewTitle ?? entry.name
            let shownTitle = DisplayWidth.of(title) <= room ? title : SidePaneView.elided(title, to: room)
            let titleStyle = failed || chosen ? (failed ? dim : base) : base.layered(with: theme[.heading])
            let titleEnd = canvas.put(shownTitle, column: x, row: row, style: titleStyle, limit: end)
            let detail = failed ? entry.failure! : entry.origin.map { "\($0) · \(entry.name)" } ?? entry.name
            if failed || DisplayWidth.of(title) + DisplayWidth.of(detail) + 2 <= room {
                canvas.put("  " + detail, column: titleEnd, row: row, style: dim, limit: end)
            }
            guard showColumns, !failed else { continue }
            switch entry.status {
            case .annotated:
                let values = [entry.date ?? "—", entry.words.map(grouped) ?? "—", entry.actors.map(String.init) ?? "—",
                              entry.claims.map(String.init) ?? "—", "\(max(entry.notes, state.notes.marks[index]?.notes.count ?? 0))"]
                drawColumns(&canvas, columns: shown, values: Array(values.suffix(shown.count)), x: columnsX, row: row, style: dim)
            case .waiting, .previewed:
                // A part shown while the rest loads (a large file's head, a feed item's summary while its page is fetched).
                let text = entry.status == .waiting ? "waiting" : entry.status == .previewed(complete: false) ? "loading…" : "annotating…"
                canvas.put(text, column: g.width - 1 - DisplayWidth.of(text), row: row, style: dim)
            case .failed: break
            }
        }
    }

    private static func drawColumns(_ canvas: inout Canvas, columns: [(String, Int)], values: [String], x: Int, row: Int, style: Style) {
        var right = x
        for ((_, width), value) in zip(columns, values) {
            right += columnGap + width
            canvas.put(value, column: right - min(width, DisplayWidth.of(value)), row: row, style: style, limit: right)
        }
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
