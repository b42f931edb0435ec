import DossierCore
import DossierExport

/// The update step while a prompt is open: one line editor for all of them, Up/Down through the
/// prompt's history, Tab completion, and Enter, which either finishes or keeps the prompt open with
/// what was wrong. Writing files is the run loop's work (`StoreRequest.export`).
extension ReaderState {
    static let historyLimit = 50

    /// The prompt is a child model (`PromptState.apply`): it edits itself and says what it needs;
    /// this routes the outcome (history, a path listing, Enter's work, Esc).
    mutating func applyPrompt(_ action: Action) {
        guard var prompt = notes.prompt else { return }
        if case .confirmOverwrite(let format, let scope, let path) = prompt.purpose {
            confirmOverwrite(action, format: format, scope: scope, path: path)
            return
        }
        let outcome = prompt.apply(action, history: notes.history[prompt.historyKey, default: []])
        switch outcome {
        case .editing:
            notes.prompt = prompt
        case .needsPathListing(let typed):
            notes.prompt = prompt
            notes.requests.append(.completePath(typed))
        case .cancelled:
            notes.prompt = nil
            message = "cancelled"
        case .submitted:
            remember(prompt)
            notes.prompt = nil
            finish(prompt)
        }
    }

    /// Notes are not kept in the history (they are in the Notes list); everything else is.
    private mutating func remember(_ prompt: PromptState) {
        let text = prompt.text, key = prompt.historyKey
        guard !text.isEmpty, key != "note" else { return }
        var entries = notes.history[key, default: []].filter { $0 != text }
        entries.append(text)
        if entries.count > Self.historyLimit { entries.removeFirst() }
        notes.history[key] = entries
    }

    // MARK: Enter

    private mutating func finish(_ prompt: PromptState) {
        let text = prompt.text.trimmingSpaces
        switch prompt.purpose {
        case .search:
            runSearch(prompt.text)
        case .newNote(let anchor):
            guard !text.isEmpty else { message = "empty note not saved"; return }
            notes.requests.append(.addNote(article: current, anchor: anchor, body: text))
            message = notes.saving ? "note saved" : "note kept until you quit (not saving)"
        case .editNote(let id):
            guard !text.isEmpty else { message = "empty note: d deletes a note"; return }
            notes.requests.append(.updateNote(id: id, body: text))
            message = "note changed"
        case .exportScope:
            guard let scope = ExportScope.allCases.first(where: { !text.isEmpty && $0.rawValue.hasPrefix(text.lowercased()) }) else {
                reopen(prompt, error: "type article (this one) or briefing (all \(documents.count) articles)")
                return
            }
            notes.prompt = PromptState(purpose: .exportFormat(scope: scope), text: ExportFormat.markdown.rawValue, selected: true)
        case .exportFormat(let scope):
            let matches = ExportFormat.allCases.filter { !text.isEmpty && $0.rawValue.hasPrefix(text.lowercased()) }
            guard matches.count == 1, let format = matches.first else {
                reopen(prompt, error: "unknown format \"\(text)\": markdown, json, webannotation or html (Tab completes)")
                return
            }
            notes.prompt = PromptState(purpose: .exportPath(format: format, scope: scope),
                                       text: defaultExportPath(format: format, scope: scope), selected: true)
        case .exportPath(let format, let scope):
            guard !text.isEmpty else { reopen(prompt, error: "type a file name (Esc cancels)"); return }
            notes.requests.append(.export(article: current, scope: scope, format: format, path: text, overwrite: false,
                                          palette: exportPalette))
        case .confirmOverwrite:
            break
        case .goTo:
            goTo(text, prompt: prompt)
        }
    }

    private mutating func reopen(_ prompt: PromptState, error: String) {
        var again = prompt
        again.error = error
        again.historyIndex = nil
        notes.prompt = again
    }

    private mutating func confirmOverwrite(_ action: Action, format: ExportFormat, scope: ExportScope, path: String) {
        switch action {
        case .text("y"), .text("Y"):
            notes.prompt = nil
            notes.requests.append(.export(article: current, scope: scope, format: format, path: path, overwrite: true,
                                          palette: exportPalette))
        case .command(.cancel):
            notes.prompt = nil
            message = "not exported"
        default:
            // Anything else: back to the file name, to choose another.
            notes.prompt = PromptState(purpose: .exportPath(format: format, scope: scope), text: path)
        }
    }

    /// Where an export goes unless the reader types another place: the exports folder, never
    /// beside the articles (the library would list the export as an article next time).
    func defaultExportPath(format: ExportFormat, scope: ExportScope) -> String {
        let sources = scope == .briefing ? documents.map { $0.annotated.source } : [document.annotated.source]
        let path = ExportDestination.defaultPath(for: sources, format: format)
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        guard let folder = notes.exportFolder else { return name }
        return folder + "/" + name
    }

    /// The HTML export's colours: the theme on screen (from --theme or the config, or switched to
    /// with `T`), the same palette `dossier export --theme` makes of it, so the page looks like what
    /// was read. With colours off (NO_COLOR, a terminal without colours) the theme shown has none,
    /// and the page is the built-in light one, as for `mono`.
    var exportPalette: HTMLPalette { theme.htmlPalette }

    // MARK: Go to

    private mutating func goTo(_ text: String, prompt: PromptState) {
        if text.hasSuffix("%"), let percent = Int(text.dropLast()), (0...100).contains(percent) {
            let offset = document.text.count * percent / 100
            jump(to: document.position(ofOffset: offset, width: geometry.textWidth))
            if percent == 100 { jump(to: document.lastTop(width: geometry.textWidth, height: geometry.bodyHeight)) }
            return
        }
        if let section = Int(text.hasPrefix("§") ? String(text.dropFirst()) : text), section >= 1, section <= document.sectionCount {
            jumpToSection(section - 1)
            return
        }
        reopen(prompt, error: "a section from 1 to \(document.sectionCount), or a percentage like 40%")
    }

    // MARK: Theme

    /// Cycles through the built-in themes.
    mutating func switchTheme() {
        let names = BuiltinThemes.sources.map(\.0)
        let currentName = theme.name.replacingOccurrences(of: " (no colour)", with: "")
        let next = names[((names.firstIndex(of: currentName) ?? -1) + 1) % names.count]
        guard let source = BuiltinThemes.source(named: next),
              var loaded = try? ThemeParser.parse(source, file: next + ".toml", base: nil) else { return }
        if colorsOff { loaded = loaded.withoutColors() }
        theme = loaded
        message = "theme: \(next)" + (colorsOff ? " (no colours: NO_COLOR or the terminal)" : "")
    }
}
