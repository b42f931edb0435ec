import DossierCore

/// The left margin of the main pane: ✎ on the line where a note's text starts, » at a bookmark.
enum NoteMarginView {
    static let noteMarker = "✎"
    static let bookmarkMarker = "»"

    /// The reading cursor: a bar beside every line of its paragraph.
    static let cursorMarker = "▌"

    /// On the first row, a note whose paragraph began above the screen is marked too.
    /// Returns whether it drew a marker (the cursor bar then leaves the column to it).
    @discardableResult
    static func draw(_ canvas: inout Canvas, row: Int, range: Span, marks: ArticleMarks, theme: Theme) -> Bool {
        let startsHere: (Span) -> Bool = {
            ($0.start >= range.start && ($0.start < range.end || ($0.start == range.end && range.isEmpty)))
                || (row == 0 && $0.start < range.start && $0.end > range.start)
        }
        if marks.notes.contains(where: { $0.span.map(startsHere) ?? false }) {
            canvas.put(noteMarker, column: 0, row: row, style: theme[.text].layered(with: theme.noteStyle))
            return true
        } else if marks.bookmarks.contains(where: startsHere) {
            canvas.put(bookmarkMarker, column: 0, row: row, style: theme[.text].layered(with: theme.noteStyle))
            return true
        }
        return false
    }
}
