/// The bottom line while a note or export prompt is open: label, typed text, a cursor block, the keys.
enum PromptLineView {
    static func draw(_ canvas: inout Canvas, state: ReaderState, prompt: PromptState) {
        let theme = state.theme
        let row = canvas.height - 1
        let width = canvas.width
        canvas.fill(row: row, columns: 0..<width, style: theme[.status])
        let hint = " Enter save · Esc cancel"
        let hintWidth = DisplayWidth.of(hint)
        let room = max(8, width - hintWidth - 2)
        let label = prompt.label
        // Long text scrolls: the end of what is typed stays in view, as in a shell.
        var text = prompt.text
        while DisplayWidth.of(label) + DisplayWidth.of(text) + 1 > room, !text.isEmpty { text.removeFirst() }
        var end = canvas.put(label, column: 0, row: row, style: theme[.status].layered(with: theme[.statusAccent]), limit: width)
        end = canvas.put(text, column: end, row: row, style: theme[.status], limit: width)
        canvas.put(" ", column: end, row: row, style: theme[.status].layered(with: Style(attributes: .reverse)), limit: width)
        if end + 2 + hintWidth <= width { canvas.put(hint, column: width - hintWidth, row: row, style: theme[.status]) }
    }
}
