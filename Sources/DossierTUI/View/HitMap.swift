/// What the last frame drew where, for the mouse: the view answers "what is under this cell", so
/// the update step never asks a view which row was clicked (`Action.click` carries the answer).
public struct HitMap: Equatable, Sendable {
    /// Something a click can land on.
    public enum Target: Equatable, Sendable {
        /// A row of the library: the article it lists.
        case libraryArticle(Int)
        /// A row of the side pane: the index of its item.
        case sideItem(Int)
        /// A line of the article text (block and line index at the current width).
        case textLine(block: Int, line: Int)
    }

    struct Region: Equatable, Sendable {
        var row: Int
        var columns: Range<Int>
        var target: Target
    }

    private(set) var regions: [Region] = []

    mutating func add(row: Int, columns: Range<Int>, _ target: Target) {
        regions.append(Region(row: row, columns: columns, target: target))
    }

    public func target(column: Int, row: Int) -> Target? {
        regions.first { $0.row == row && $0.columns.contains(column) }?.target
    }
}

extension ReaderRenderer {
    /// The hit map of the frame `render(state)` draws: library rows, side-pane items, text lines.
    public static func hitMap(_ state: ReaderState) -> HitMap {
        var map = HitMap()
        let g = state.geometry
        guard !g.isTooSmall, !state.documents.isEmpty else { return map }
        switch state.mode {
        case .library:
            for row in LibraryView.firstRow..<g.bodyHeight {
                if let article = LibraryView.article(atRow: row, state: state) { map.add(row: row, columns: 0..<g.width, .libraryArticle(article)) }
            }
        case .reading:
            let document = state.document
            for (row, line) in document.visibleLines(from: state.top, count: g.bodyHeight, width: g.textWidth).enumerated() {
                map.add(row: row, columns: 0..<g.mainWidth, .textLine(block: line.block, line: line.line))
            }
            if g.sideVisible, !state.notes.listOpen {
                for (row, item) in SidePaneView.items(state: state, rows: g.bodyHeight).enumerated() {
                    if let item { map.add(row: row, columns: g.sideX..<g.width, .sideItem(item)) }
                }
            }
        default:
            break
        }
        return map
    }
}
