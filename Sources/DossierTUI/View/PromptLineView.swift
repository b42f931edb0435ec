/// The bottom line while a prompt is open: label, the line being edited with its cursor (a
/// selected default shows reversed), and the keys, or what was wrong with the last Enter.
enum PromptLineView {
    static func draw(_ canvas: inout Canvas, state: ReaderState, prompt: PromptState) {
        let theme = state.theme
        let row = canvas.height - 1
        let width = canvas.width
        canvas.fill(row: row, columns: 0..<width, style: theme[.status])
        let note = prompt.error.map { " " + $0 + " " } ?? " " + prompt.hint
        let noteWidth = min(DisplayWidth.of(note), width / 2)
        let room = max(8, width - noteWidth - 2)
        let label = prompt.label
        // Long text scrolls: the cursor stays in view, as in a shell.
        var characters = prompt.editor.characters
        var cursor = prompt.editor.cursor
        while DisplayWidth.of(label) + DisplayWidth.of(String(characters)) + 1 > room, cursor > 0, !characters.isEmpty {
            characters.removeFirst()
            cursor -= 1
        }
        let base = theme[.status]
        let selected = base.layered(with: Style(attributes: .reverse))
        var x = canvas.put(label, column: 0, row: row, style: base.layered(with: theme[.statusAccent]), limit: width)
        for (index, character) in characters.enumerated() {
            let style = prompt.editor.isDefaultSelected || index == cursor ? selected : base
            x = canvas.put(String(character), column: x, row: row, style: style, limit: width)
        }
        if cursor >= characters.count, !prompt.editor.isDefaultSelected { canvas.put(" ", column: x, row: row, style: selected, limit: width) }
        if x + 2 + noteWidth <= width {
            canvas.put(note, column: width - noteWidth, row: row, style: base.layered(with: theme[prompt.error == nil ? .status : .message]), limit: width)
        }
    }
}
