import DossierCore
import DossierExport
import DossierStore

/// Something `update` asks of the notes database. `update` stays pure: it only records requests in
/// `ReaderNotes.requests`; the run loop (`NoteSession`) carries them out and refreshes the marks.
public enum StoreRequest: Equatable, Sendable {
    case addNote(article: Int, anchor: Span, body: String)
    case updateNote(id: Int64, body: String)
    case deleteNote(id: Int64)
    case restoreNote(Note)
    case addHighlight(article: Int, anchor: Span, entityID: String?)
    case deleteHighlight(id: Int64)
    case addBookmark(article: Int, anchor: Span)
    case deleteBookmark(id: Int64)
    /// A long note on `anchor` written in $VISUAL/$EDITOR.
    case editLongNote(article: Int, anchor: Span)
    /// The article (or, for `.briefing`, every open article) with its notes, written to `path`;
    /// an existing file is only replaced with `overwrite` (after the reader said y). `palette` is the
    /// theme shown when the export was asked for, so an HTML page looks like what was read; the
    /// other formats have no colours and ignore it.
    case export(article: Int, scope: ExportScope, format: ExportFormat, path: String, overwrite: Bool, palette: HTMLPalette)
    /// Tab in the export path prompt: list the folder of the typed path.
    case completePath(String)
    /// Reads the article's marks again: another reader on the same database may have added notes.
    case reload(article: Int)
}
