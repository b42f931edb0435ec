/// One screen cell: a grapheme cluster (or the right half of a wide one) and its style.
public struct Cell: Equatable, Sendable {
    /// The text drawn in the cell; empty in the second cell of a wide character.
    public var grapheme: String
    public var style: Style

    public init(_ grapheme: String = " ", style: Style = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    public var isContinuation: Bool { grapheme.isEmpty }
}

/// A grid of styled cells: what `render` produces and `CursesScreen` copies to the terminal.
/// Tests read it back as plain lines (`lines`) and styles (`style(atColumn:row:)`).
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
    }

    public subscript(column: Int, row: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    public func style(atColumn column: Int, row: Int) -> Style { self[column, row].style }

    /// Fills `columns` of `row` with blanks in `style`.
    public mutating func fill(row: Int, columns: Range<Int>, style: Style) {
        guard row >= 0, row < height else { return }
        for x in max(0, columns.lowerBound)..<min(width, columns.upperBound) { self[x, row] = Cell(" ", style: style) }
    }

    public mutating func fill(rows: Range<Int>, columns: Range<Int>, style: Style) {
        for row in rows { fill(row: row, columns: columns, style: style) }
    }

    /// Writes `text` from `column` without passing `limit` (exclusive); returns the column after it.
    /// Control characters become U+FFFD: article text never reaches the terminal as an escape.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: Style, limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        let end = min(limit ?? width, width)
        var x = column
        for character in text {
            let (grapheme, cellWidth) = Canvas.printable(character)
            if x + cellWidth > end { break }
            putGrapheme(grapheme, width: cellWidth, column: x, row: row, style: style)
            x += cellWidth
        }
        return x
    }

    /// Writes one grapheme that already passed `printable`.
    mutating func putGrapheme(_ grapheme: String, width cellWidth: Int, column x: Int, row: Int, style: Style) {
        guard x >= 0, x + cellWidth <= width, row >= 0, row < height else { return }
        // Overwriting half of a wide character leaves the other half blank rather than broken.
        if self[x, row].isContinuation, x > 0 { self[x - 1, row] = Cell(" ", style: self[x - 1, row].style) }
        if x + cellWidth < width, self[x + cellWidth, row].isContinuation {
            self[x + cellWidth, row] = Cell(" ", style: self[x + cellWidth, row].style)
        }
        self[x, row] = Cell(grapheme, style: style)
        if cellWidth == 2 { self[x + 1, row] = Cell("", style: style) }
    }

    /// A grapheme as it may be drawn, and its width (at least one cell so it stays visible): controls and
    /// bidi controls as U+FFFD, a composed emoji as its first emoji (see `DisplayWidth.composedEmojiBase`).
    static func printable(_ character: Character) -> (String, Int) {
        if character.unicodeScalars.contains(where: DisplayWidth.isControl) { return ("\u{FFFD}", 1) }
        if let base = DisplayWidth.composedEmojiBase(character) { return (String(base), max(1, DisplayWidth.of(base))) }
        let cellWidth = DisplayWidth.of(character)
        return (String(character), cellWidth == 0 ? 1 : min(cellWidth, 2))
    }

    /// The row's text, wide characters once; trailing blanks kept so lines compare whole.
    public func line(_ row: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, row].isContinuation { text += self[x, row].grapheme }
        return text
    }

    public var lines: [String] { (0..<height).map(line) }
}
