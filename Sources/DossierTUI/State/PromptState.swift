import DossierCore
import DossierExport

/// A one-line text prompt at the bottom of the screen (notes, export): what it is for and the text so far.
public struct PromptState: Equatable, Sendable {
    /// What Enter does with the text.
    public enum Purpose: Equatable, Sendable {
        /// A new note on `anchor` (code points of the current article).
        case newNote(anchor: Span)
        /// Rewrites the body of the note with this store id.
        case editNote(id: Int64)
        case exportFormat
        case exportPath(format: ExportFormat)
    }

    public var purpose: Purpose
    public var text: String

    public init(purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.text = text
    }

    /// The label before the typed text.
    public var label: String {
        switch purpose {
        case .newNote: return "note: "
        case .editNote: return "edit note: "
        case .exportFormat: return "export as (markdown, json, webannotation, html): "
        case .exportPath: return "export to: "
        }
    }
}
