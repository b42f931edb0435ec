import DossierCore
import DossierStore

/// The reader's own annotations of one article as loaded from the store, in code points of its text.
public struct ArticleMarks: Equatable, Sendable {
    /// Notes in reading order; orphaned ones (their text is gone) last, with no span.
    public var notes: [NoteMark] = []
    public var highlights: [Span] = []
    public var bookmarks: [Span] = []
    /// The store id of the highlight on each span, so `m` on a highlighted span removes it.
    public var highlightIDs: [Span: Int64] = [:]
    /// The store id of each bookmark, parallel to `bookmarks`, so the Bookmarks list can delete one.
    public var bookmarkIDs: [Int64] = []

    public init(notes: [NoteMark] = [], highlights: [Span] = [], bookmarks: [Span] = [], highlightIDs: [Span: Int64] = [:],
                bookmarkIDs: [Int64] = []) {
        self.highlightIDs = highlightIDs
        self.bookmarkIDs = bookmarkIDs
        self.notes = notes
        self.highlights = highlights
        self.bookmarks = bookmarks
    }
}

/// One note as the reader shows it: the stored note and where it sits in the text now (nil: orphaned).
public struct NoteMark: Equatable, Sendable {
    public var note: Note
    public var span: Span?

    public init(note: Note, span: Span?) {
        self.note = note
        self.span = span
    }

    public var id: Int64 { note.id ?? -1 }
}

/// Notes, highlights, bookmarks, the notes list and the prompt: the part of `ReaderState` for issue 4.
public struct ReaderNotes: Equatable, Sendable {
    /// False when the database could not be opened: the status line says "not saving".
    public var saving = true
    /// Marks per article index, filled by the run loop when an article opens.
    public var marks: [Int: ArticleMarks] = [:]
    /// The Notes or Bookmarks list (a child model with its own `apply`).
    public var list = MarkListState()
    public var prompt: PromptState?
    /// What was typed in each kind of prompt (search, export path…), oldest first, for Up/Down.
    public var history: [String: [String]] = [:]
    /// Where exports go by default ($XDG_DATA_HOME/dossier/exports); nil: the current folder.
    public var exportFolder: String?
    /// Work for the store, drained by the run loop after each action.
    public var requests: [StoreRequest] = []

    public init() {}
}
