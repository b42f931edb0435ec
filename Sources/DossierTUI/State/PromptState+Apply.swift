import DossierExport

/// What a prompt needs after a key: nothing (it edited itself), a folder listing for Tab, or the
/// reader's action on Enter or Esc.
enum PromptOutcome: Equatable {
    case editing
    /// Tab on a file name: the run loop lists the folder and answers with `Action.completions`.
    case needsPathListing(String)
    case cancelled
    case submitted
}

/// The prompt as a child model: its own `apply` for the keys it owns (editing, history, completion).
extension PromptState {
    /// `history`: this prompt's earlier entries, oldest first.
    mutating func apply(_ action: Action, history: [String]) -> PromptOutcome {
        error = nil
        switch action {
        case .text(let character): editor.apply(.insert(character))
        case .deleteBackward: editor.apply(.deleteBackward)
        case .lineEdit(let edit): editor.apply(edit)
        case .history(let step): browseHistory(step: step, entries: history)
        case .complete:
            let typed = editor.isDefaultSelected ? "" : text
            switch purpose {
            case .exportScope: applyCompletions(ExportScope.allCases.map(\.rawValue), prefix: typed)
            case .exportFormat: applyCompletions(ExportFormat.allCases.map(\.rawValue), prefix: typed)
            case .exportPath: return .needsPathListing(text)
            default: break
            }
        case .completions(let prefix, let names):
            if text == prefix { applyCompletions(names, prefix: prefix) }
        case .command(.cancel): return .cancelled
        case .command(.activate): return .submitted
        default: break
        }
        return .editing
    }

    private mutating func browseHistory(step: Int, entries: [String]) {
        guard !entries.isEmpty else { return }
        let index = (historyIndex ?? entries.count) + step
        if index >= entries.count {
            // Down past the newest entry: back to what was being typed.
            if let draft { text = draft }
            historyIndex = nil
            draft = nil
            return
        }
        guard index >= 0 else { return }
        if historyIndex == nil { draft = text }
        historyIndex = index
        text = entries[index]
    }

    /// Extends the text to the longest common beginning of the candidates that start with it;
    /// with several left, lists them where the prompt shows its note.
    mutating func applyCompletions(_ names: [String], prefix: String) {
        let folderEnd = prefix.lastIndex(of: "/").map { prefix.index(after: $0) } ?? prefix.startIndex
        let typedName = String(prefix[folderEnd...])
        let candidates = names.filter { $0.hasPrefix(typedName) }.sorted()
        guard let first = candidates.first else { error = "no completion"; return }
        var common = first
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        text = String(prefix[..<folderEnd]) + common
        if candidates.count > 1 { error = candidates.prefix(8).joined(separator: "  ") + (candidates.count > 8 ? "  …" : "") }
    }
}
