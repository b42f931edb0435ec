import DossierCore
import DossierStore

/// The Notes (`o`) or Bookmarks (`'`) list as a child model: whether it is open, which list, the
/// chosen row and the last deleted note. Its `apply` owns the list's keys and says what the reader
/// must do (jump, ask the store, open a prompt); the reader acts on the outcome.
public struct MarkListState: Equatable, Sendable {
    /// The list shows in the side pane (or over the text when the pane is hidden) and takes the keys.
    public var isOpen = false
    public var kind: MarkListKind = .notes
    public var selection = 0
    /// The last deleted note, for `u`.
    public var lastDeleted: Note?

    public init() {}

    /// What the reader does after a key the list saw.
    enum Outcome: Equatable {
        /// Not a key of the list: the reader handles it as usual.
        case notMine
        /// The list changed itself (selection, closed, other list).
        case handled
        case message(String)
        /// Jump to a note's text and mark it as the focus.
        case revealNote(Span, message: String)
        /// Jump to a bookmark, put at the top of the screen.
        case revealBookmark(Span, message: String)
        case request(StoreRequest, message: String)
        case prompt(PromptState)
    }

    /// Opens `kind` (or closes it when it is the list already open); true when it is now open.
    mutating func toggle(_ kind: MarkListKind, itemCount: Int) -> Bool {
        isOpen = !(isOpen && self.kind == kind)
        self.kind = kind
        selection = min(selection, max(0, itemCount - 1))
        return isOpen
    }

    /// Notes: j/k choose, Enter jumps, d deletes, u undoes the last delete, c changes the note, o or
    /// Esc closes. Bookmarks: j/k, Enter, d, and ' or Esc closes, o goes to the notes.
    mutating func apply(_ action: Action, marks: ArticleMarks) -> Outcome {
        let count = kind == .notes ? marks.notes.count : marks.bookmarks.count
        let chosen = min(selection, max(0, count - 1))
        switch action {
        case .command(.scrollDown): selection = min(max(0, count - 1), chosen + 1); return .handled
        case .command(.scrollUp): selection = max(0, chosen - 1); return .handled
        case .command(.top): selection = 0; return .handled
        case .command(.bottom): selection = max(0, count - 1); return .handled
        default: break
        }
        return kind == .notes ? applyNotes(action, notes: marks.notes, chosen: chosen)
                              : applyBookmarks(action, marks: marks, chosen: chosen)
    }

    private mutating func applyNotes(_ action: Action, notes: [NoteMark], chosen: Int) -> Outcome {
        let count = notes.count
        switch action {
        case .command(.cancel), .command(.notes):
            isOpen = false
            return .handled
        case .command(.activate):
            guard count > 0 else { return .message("no notes in this article (a adds one)") }
            selection = chosen
            guard let span = notes[chosen].span else { return .message("orphaned note: its text is no longer in the article") }
            return .revealNote(span, message: SummaryText.elide(notes[chosen].note.body, to: 60))
        case .text("d"):
            guard count > 0 else { return .message("no note to delete") }
            let note = notes[chosen].note
            lastDeleted = note
            selection = max(0, min(chosen, count - 2))
            return .request(.deleteNote(id: note.id ?? -1), message: "note deleted (u undoes)")
        case .text("u"):
            guard let note = lastDeleted else { return .message("nothing to undo") }
            lastDeleted = nil
            return .request(.restoreNote(note), message: "note restored")
        case .text("c"):
            guard count > 0, let id = notes[chosen].note.id else { return .message("no note to change") }
            return .prompt(PromptState(purpose: .editNote(id: id), text: notes[chosen].note.body))
        default:
            return .notMine
        }
    }

    private mutating func applyBookmarks(_ action: Action, marks: ArticleMarks, chosen: Int) -> Outcome {
        let count = marks.bookmarks.count
        switch action {
        case .command(.cancel), .command(.bookmarks):
            isOpen = false
            return .handled
        case .command(.notes):
            kind = .notes
            selection = 0
            return .handled
        case .command(.activate):
            guard count > 0 else { return .message("no bookmarks in this article (B adds one)") }
            selection = chosen
            return .revealBookmark(marks.bookmarks[chosen], message: "bookmark \(chosen + 1)/\(count)")
        case .text("d"):
            guard count > 0, chosen < marks.bookmarkIDs.count else { return .message("no bookmark to delete") }
            selection = max(0, min(chosen, count - 2))
            return .request(.deleteBookmark(id: marks.bookmarkIDs[chosen]), message: "bookmark deleted")
        default:
            return .notMine
        }
    }
}

/// The two lists of the reader's marks that open in the side pane.
public enum MarkListKind: Equatable, Sendable { case notes, bookmarks }
