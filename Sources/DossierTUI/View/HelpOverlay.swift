/// The `?` overlay: every command with its keys, generated from the active key map.
enum HelpOverlay {
    /// The help's lines: "keys  what they do", commands without keys left out.
    /// Each line: the keys, the action's name for the config's [keys] table, what it does.
    static func lines(keyMap: KeyMap, configFile: String = "~/.config/dossier/config.toml") -> [String] {
        var entries: [(String, String, String)] = []
        for command in Command.allCases {
            let keys = keyMap.keys(for: command)
            entries.append((keys.isEmpty ? "(none)" : keys.map(\.description).joined(separator: " "), command.rawValue, command.summary))
        }
        let keyWidth = min(18, entries.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let nameWidth = entries.map { DisplayWidth.of($0.1) }.max() ?? 0
        var lines = ["Keys, [keys] action names (rebind them in \(configFile)):", ""]
        for (keys, name, summary) in entries {
            lines.append(keys + String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(keys) + 2))
                         + name + String(repeating: " ", count: nameWidth - DisplayWidth.of(name) + 2) + summary)
        }
        lines.append("")
        lines.append("Side pane: actors with kind, mentions (men) and claims (cl), then their claims.")
        lines.append("Prompts: C-a C-e home/end, C-u C-w C-k delete, Up/Down history, Tab completes, Esc cancels.")
        lines.append("Visual mode (v): j/k extend the selection by paragraphs; m, a act on it; Esc ends it.")
        return lines
    }

    static func draw(_ canvas: inout Canvas, state: ReaderState, scroll: Int) {
        let lines = lines(keyMap: state.keyMap, configFile: state.configFile)
        OverlayBox.draw(&canvas, state: state, title: "Help — j/k scroll, any other key closes", lines: lines, scroll: scroll, selected: nil)
    }
}

/// A framed box over the main area, shared by the help and the table of contents.
enum OverlayBox {
    static func draw(_ canvas: inout Canvas, state: ReaderState, title: String, lines: [String], scroll: Int, selected: Int?) {
        let theme = state.theme
        let g = state.geometry
        let boxWidth = min(g.width - 2, max(40, (lines.map(DisplayWidth.of).max() ?? 0) + 4))
        let boxHeight = min(g.bodyHeight - 1, lines.count + 2)
        let x0 = max(0, (g.width - boxWidth) / 2)
        let y0 = max(0, (g.bodyHeight - boxHeight) / 2)
        let style = theme[.help]
        canvas.fill(rows: y0..<(y0 + boxHeight), columns: x0..<(x0 + boxWidth), style: style)
        let border = style.layered(with: theme[.border].withoutBackground)
        canvas.put("┌" + String(repeating: "─", count: boxWidth - 2) + "┐", column: x0, row: y0, style: border)
        canvas.put("└" + String(repeating: "─", count: boxWidth - 2) + "┘", column: x0, row: y0 + boxHeight - 1, style: border)
        for y in (y0 + 1)..<(y0 + boxHeight - 1) {
            canvas.put("│", column: x0, row: y, style: border)
            canvas.put("│", column: x0 + boxWidth - 1, row: y, style: border)
        }
        canvas.put(" \(title) ", column: x0 + 2, row: y0, style: style.layered(with: Style(attributes: .bold)), limit: x0 + boxWidth - 1)
        let inner = boxHeight - 2
        var first = min(scroll, max(0, lines.count - inner))
        if let selected { first = max(0, min(selected - inner / 2, lines.count - inner)) }
        for (i, line) in lines.dropFirst(first).prefix(inner).enumerated() {
            let index = first + i
            let rowStyle = index == selected ? style.layered(with: theme[.sideSelected]) : style
            if index == selected { canvas.fill(row: y0 + 1 + i, columns: (x0 + 1)..<(x0 + boxWidth - 1), style: rowStyle) }
            canvas.put(line, column: x0 + 2, row: y0 + 1 + i, style: rowStyle, limit: x0 + boxWidth - 2)
        }
    }
}

extension Style {
    var withoutBackground: Style { Style(foreground: foreground, background: nil, attributes: attributes) }
}
