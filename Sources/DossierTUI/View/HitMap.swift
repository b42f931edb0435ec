import DossierCore

/// What a frame drew where, for the mouse: the views record it while they draw, the run loop keeps
/// the latest frame's map and turns a click into `Action.click` with the target under the cell, so
/// the update step never asks a view which row, paragraph or mention was clicked.
public struct HitMap: Equatable, Sendable {
    /// Something a click can land on.
    public enum Target: Equatable, Sendable {
        /// A row of the library: the article it lists.
        case libraryArticle(Int)
        /// A row of the side pane: the index of its item.
        case sideItem(Int)
        /// A line of the article text (block and line index at the current width): its paragraph.
        case textLine(block: Int, line: Int)
        /// A mention of entity `entity` (an index into the article's entities) in paragraph `block`.
        case mention(entity: Int, span: Span, block: Int)
    }

    struct Region: Equatable, Sendable {
        var row: Int
        var columns: Range<Int>
        var target: Target
    }

    private(set) var regions: [Region] = []

    public init() {}

    /// Records `target` under `columns` of `row`. A region added later lies on top of earlier ones
    /// (a mention on its line); a cell next to the same target extends the last region.
    mutating func add(row: Int, columns: Range<Int>, _ target: Target) {
        guard !columns.isEmpty else { return }
        if var last = regions.last, last.row == row, last.target == target, last.columns.upperBound == columns.lowerBound {
            last.columns = last.columns.lowerBound..<columns.upperBound
            regions[regions.count - 1] = last
            return
        }
        regions.append(Region(row: row, columns: columns, target: target))
    }

    /// The topmost target drawn at the cell, or nil where nothing clickable was drawn.
    public func target(column: Int, row: Int) -> Target? {
        regions.last { $0.row == row && $0.columns.contains(column) }?.target
    }
}

/// A drawn frame: the cells for the screen and the hit map of the same drawing.
public struct RenderedFrame: Sendable {
    public var canvas: Canvas
    public var hits: HitMap
}
