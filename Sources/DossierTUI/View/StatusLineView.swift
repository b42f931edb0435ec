/// The bottom line: article, section i/n, position, mode, selected entity, search "3/14", or the prompt.
enum StatusLineView {
    static func draw(_ canvas: inout Canvas, state: ReaderState) {
        let theme = state.theme
        let row = canvas.height - 1
        let width = canvas.width
        canvas.fill(row: row, columns: 0..<width, style: theme[.status])
        if let prompt = state.notes.prompt {
            PromptLineView.draw(&canvas, state: state, prompt: prompt)
            return
        }
        var left: [(String, ThemeElement)] = []
        let document = state.document
        left.append((" \(document.name) ", .statusAccent))
        if state.documents.count > 1 { left.append((" \(state.current + 1)/\(state.documents.count)", .status)) }
        if case .library = state.mode {
            left.append((" LIBRARY", .status))
        } else {
            // The section of the reading cursor: after G, the last one, though the top line is earlier.
            let section = state.isAnnotated ? document.blocks[state.cursorBlock].section : state.currentSection
            left.append((" §\(section + 1)/\(document.sectionCount)", .status))
            left.append((" \(state.percent)%", .status))
            left.append((" \(modeLabel(state))", .status))
            switch state.library.entries.indices.contains(state.current) ? state.library.entries[state.current].status : .annotated {
            case .waiting: left.append((" reading…", .message))
            case .previewed(let complete): left.append((complete ? " annotating…" : " reading… (the beginning so far)", .message))
            case .annotated, .failed: break
            }
            // Always in view (a message on the right may hide the rest): notes are lost on quit.
            if !state.notes.saving { left.append((" not saving", .message)) }
        }
        var right: [(String, ThemeElement)] = []
        if let message = state.message {
            right.append((" \(message) ", .message))
        } else {
            if let name = state.selectedEntityName { right.append(("● \(name)", .statusAccent)) }
            if let search = state.search {
                right.append(("  /\(search.query) \(search.current + 1)/\(search.matches.count)", .status))
            }
            if right.isEmpty { right.append(("? help", .status)) }
            right.append((" ", .status))
        }
        var x = 0
        for (text, element) in left { x = canvas.put(text, column: x, row: row, style: theme[.status].layered(with: theme[element])) }
        let rightWidth = right.reduce(0) { $0 + DisplayWidth.of($1.0) }
        var rx = max(x + 1, width - rightWidth)
        for (text, element) in right {
            rx = canvas.put(text, column: rx, row: row, style: theme[.status].layered(with: theme[element]), limit: width)
        }
    }

    static func modeLabel(_ state: ReaderState) -> String {
        switch state.mode {
        case .reading:
            if state.visualAnchor != nil { return "VISUAL" }
            if state.notes.list.isOpen { return state.notes.list.kind == .bookmarks ? "BOOKMARKS" : "NOTES" }
            return state.focus == .side ? "SIDE" : "READ"
        case .hints(let typed, _): return "HINT \(typed)"
        case .contents: return "CONTENTS"
        case .help: return "HELP"
        case .library: return "LIBRARY"
        case .entities: return "ENTITIES"
        }
    }
}
