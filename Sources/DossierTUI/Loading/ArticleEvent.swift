/// What the background annotator reports to the main loop about one article; the main loop turns
/// each into `Action.loaded` for `update`, so the state changes only there.
public enum ArticleEvent: Sendable, Equatable {
    /// A source held more than one article (a JSON Lines feed): a new entry, always at the end.
    case added(index: Int, source: String)
    /// The article's text before annotation; `complete` is false for the first part of a large file.
    case previewed(index: Int, ArticleDocument, complete: Bool)
    /// The annotated article, prepared for the reader, with what the library shows about it.
    case annotated(index: Int, ArticleDocument, LibraryFacts)
    case failed(index: Int, LoadFailure)
    /// A refresh (`r`) read the article again: it replaces the one shown, annotated or not.
    case refreshed(index: Int, ArticleDocument, LibraryFacts)

    public var index: Int {
        switch self {
        case .added(let index, _), .previewed(let index, _, _), .annotated(let index, _, _), .failed(let index, _),
             .refreshed(let index, _, _): return index
        }
    }
}

/// What the library shows about an annotated article, worked out off the main loop.
public struct LibraryFacts: Sendable, Equatable {
    /// "2026-11-28": the feed's date, else a date in the dateline, else the file's modification day.
    public var date: String?
    public var words: Int
    /// Opened in the reader before (it has a saved reading position in the notes database).
    public var read: Bool
    public var notes: Int
    /// Where a feed's article says it comes from: its `source` (site name), else its `url`.
    public var origin: String?
    /// The article's identity in the notes database, hashed off the main loop; nil without a database.
    public var articleID: String?
    /// Something the reader should know about how it was read ("not UTF-8: read as Windows-1252").
    public var note: String?

    public init(date: String?, words: Int, read: Bool = false, notes: Int = 0, origin: String? = nil) {
        self.origin = origin
        self.date = date
        self.words = words
        self.read = read
        self.notes = notes
    }
}

extension ArticleDocument: Equatable {
    /// The same document object: events carry prepared documents, compared by identity.
    public static func == (lhs: ArticleDocument, rhs: ArticleDocument) -> Bool { lhs === rhs }
}
