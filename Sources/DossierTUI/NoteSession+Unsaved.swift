import DossierCore
import DossierExport
import DossierStore
import Foundation

/// A note the store refused (read-only, damaged, disk full, locked) is never dropped: a one-line
/// note goes back into its prompt with the reason (Enter tries again, Esc discards it, the reader's
/// choice), and a long note from the editor is written to a file named on the status line.
extension NoteSession {
    func keepUnsaved(_ request: StoreRequest, because error: NoteStoreError, state: inout ReaderState) {
        switch request {
        case .addNote(let article, let span, let body) where article == state.current:
            reopen(.newNote(anchor: span), text: body, because: error, state: &state)
        case .addNote(_, let span, let body):
            keepUnsavedLongNote(body, anchor: span, because: error, state: &state)
        case .updateNote(let id, let body):
            reopen(.editNote(id: id), text: body, because: error, state: &state)
        default:
            break
        }
    }

    private func reopen(_ purpose: PromptState.Purpose, text: String, because error: NoteStoreError, state: inout ReaderState) {
        var prompt = PromptState(purpose: purpose, text: text)
        prompt.error = "NOT saved: \(Self.shortReason(error)); Enter retries, Esc discards"
        state.notes.prompt = prompt
        state.message = "note not saved: \(error)"
    }

    /// The editor's text is written beside the exports (else in the temporary folder); when even
    /// that fails, it goes into the one-line prompt, its line breaks shown as " / ".
    func keepUnsavedLongNote(_ body: String, anchor: Span, because error: NoteStoreError, state: inout ReaderState) {
        let name = "unsaved-note-\(Self.fileTimestamp()).txt"
        var folders = [NSTemporaryDirectory()]
        if let exports = state.notes.exportFolder { folders.insert(exports, at: 0) }
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(name)
            PathCompletion.makeFolders(upTo: path)
            if (try? AtomicFileWriter.write(body + "\n", to: path, overwrite: false)) != nil {
                state.message = "note NOT saved (\(Self.shortReason(error))); its text is in \(PathCompletion.abbreviatingHome(path))"
                return
            }
        }
        reopen(.newNote(anchor: anchor), text: body.replacingOccurrences(of: "\n", with: " / "),
               because: error, state: &state)
    }

    static func shortReason(_ error: NoteStoreError) -> String {
        switch error {
        case .readOnly: return "the notes database is read-only"
        case .failed(_, let reason), .cannotOpen(_, let reason): return reason
        case .notADatabase: return "the notes database is damaged"
        default: return "\(error)"
        }
    }

    static func fileTimestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date())
    }
}
