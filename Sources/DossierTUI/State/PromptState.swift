import DossierCore
import DossierExport

/// A one-line text prompt on the bottom line (search, notes, export, go-to): what it is for, the
/// line being edited, and where in the history Up/Down have got to.
public struct PromptState: Equatable, Sendable {
    /// What Enter does with the text.
    public enum Purpose: Equatable, Sendable {
        case search
        /// A new note on `anchor` (code points of the current article).
        case newNote(anchor: Span)
        /// Rewrites the body of the note with this store id.
        case editNote(id: Int64)
        /// The current article or the whole briefing (when several articles are open).
        case exportScope
        case exportFormat(scope: ExportScope)
        case exportPath(format: ExportFormat, scope: ExportScope)
        /// The file exists: y writes over it, anything else goes back to the path.
        case confirmOverwrite(format: ExportFormat, scope: ExportScope, path: String)
        /// A section number ("3") or a percentage ("40%").
        case goTo
    }

    public var purpose: Purpose
    public var editor: LineEditor
    /// Position in the history while Up/Down browse it (nil: the line being typed).
    public var historyIndex: Int?
    /// The line being typed before Up went into the history.
    public var draft: String?
    /// Why the last Enter did not go through; the prompt stays open with it shown.
    public var error: String?

    /// `selected`: the text is a default that the first typed character replaces.
    public init(purpose: Purpose, text: String = "", selected: Bool = false) {
        self.purpose = purpose
        self.editor = LineEditor(text, selected: selected)
    }

    public var text: String {
        get { editor.text }
        set { editor.text = newValue }
    }

    /// The label before the typed text.
    public var label: String {
        switch purpose {
        case .search: return "/"
        case .newNote: return "note: "
        case .editNote: return "edit note: "
        case .exportScope: return "export (article, briefing): "
        case .exportFormat: return "export as (markdown, json, webannotation, html): "
        case .exportPath: return "export to: "
        case .confirmOverwrite(_, _, let path): return "\(path) exists; overwrite? (y/n) "
        case .goTo: return "go to (section number, or 40%): "
        }
    }

    /// The keys shown at the right of the prompt.
    public var hint: String {
        switch purpose {
        case .search: return "Enter search · Esc cancel"
        case .confirmOverwrite: return "y overwrite · n other name"
        case .exportScope, .exportFormat, .exportPath: return "Tab completes · Enter · Esc"
        default: return "Enter save · Esc cancel"
        }
    }

    /// Prompts that share a history: every export path, every search.
    var historyKey: String {
        switch purpose {
        case .search: return "search"
        case .newNote, .editNote: return "note"
        case .exportScope: return "scope"
        case .exportFormat: return "format"
        case .exportPath, .confirmOverwrite: return "path"
        case .goTo: return "goto"
        }
    }
}

/// What `e` exports.
public enum ExportScope: String, Equatable, Sendable, CaseIterable {
    /// The article being read.
    case article
    /// Every open article, as one briefing document.
    case briefing
}
