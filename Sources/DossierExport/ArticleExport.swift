import DossierCore
import DossierStore
import Foundation

/// One article ready for export: its annotations, the reader's notes and highlights on it
/// (checked against this text), and when it was read.
public struct ArticleExport: Sendable {
    public var annotated: AnnotatedArticle
    /// SHA-256 of the clean text: the article's identity in the store and in Web Annotation targets.
    public var articleID: String
    public var notes: [Note]
    public var highlights: [Highlight]
    /// Places the reader marked with `B`, in reading order.
    public var bookmarks: [Bookmark]
    public var dateRead: Date

    /// Notes and highlights whose anchor no longer matches this text are re-anchored, or marked
    /// orphaned, so every exported position selector slices to its quote.
    public init(annotated: AnnotatedArticle, notes: [Note] = [], highlights: [Highlight] = [], bookmarks: [Bookmark] = [],
                dateRead: Date = Date()) {
        self.annotated = annotated
        self.articleID = ArticleIdentity.id(of: annotated.text)
        let text = annotated.text
        self.notes = notes.map { note in
            var note = note
            (note.anchor, note.isOrphaned) = ArticleExport.checked(note.anchor, orphaned: note.isOrphaned, in: text)
            return note
        }.sorted(by: ArticleExport.readingOrder)
        self.highlights = highlights.map { highlight in
            var highlight = highlight
            (highlight.anchor, highlight.isOrphaned) = ArticleExport.checked(highlight.anchor, orphaned: highlight.isOrphaned, in: text)
            return highlight
        }.sorted { ArticleExport.readingOrder(($0.anchor, $0.isOrphaned), ($1.anchor, $1.isOrphaned)) }
        self.bookmarks = bookmarks.map { bookmark in
            var bookmark = bookmark
            (bookmark.anchor, bookmark.isOrphaned) = ArticleExport.checked(bookmark.anchor, orphaned: bookmark.isOrphaned, in: text)
            return bookmark
        }.sorted { ArticleExport.readingOrder(($0.anchor, $0.isOrphaned), ($1.anchor, $1.isOrphaned)) }
        self.dateRead = dateRead
    }

    /// Loads the reader's notes and highlights for an article from a store (carrying them over
    /// from an older version of the same file when it changed).
    /// `record: false` adds nothing for an article the store does not know (never opened in the
    /// reader, and no older version at the same path): it is exported without notes. A changed
    /// file whose older version has notes still carries them over, as the reader would.
    public static func from(_ annotated: AnnotatedArticle, store: NoteStore, path: String?,
                            record: Bool = true) throws(NoteStoreError) -> ArticleExport {
        if !record {
            var known = try store.storedArticle(id: ArticleIdentity.id(of: annotated.text)) != nil
            if !known, let path { known = try store.articles().contains { $0.path == path } }
            guard known else { return ArticleExport(annotated: annotated) }
        }
        // A known article (or an older version at the same path, whose notes carry over) as the reader records it.
        let stored = try store.article(for: annotated, path: path)
        let notes = try store.notes(for: stored.id)
        let highlights = try store.highlights(for: stored.id)
        let bookmarks = try store.bookmarks(for: stored.id)
        let read = try store.readingPosition(articleID: stored.id)?.updated
            ?? (notes.map(\.updated) + highlights.map(\.created)).max()
            ?? Date()
        return ArticleExport(annotated: annotated, notes: notes, highlights: highlights, bookmarks: bookmarks, dateRead: read)
    }

    var text: ArticleText { annotated.text }

    private static func checked(_ anchor: TextAnchor, orphaned: Bool, in text: ArticleText) -> (TextAnchor, Bool) {
        if !orphaned && anchor.end <= text.count && text.slice(anchor.span) == anchor.exact { return (anchor, false) }
        guard let span = AnchorResolver.resolve(anchor, in: text) else { return (anchor, true) }
        return (TextAnchor(span: span, in: text), false)
    }

    private static func readingOrder(_ a: Note, _ b: Note) -> Bool {
        readingOrder((a.anchor, a.isOrphaned), (b.anchor, b.isOrphaned))
    }

    private static func readingOrder(_ a: (TextAnchor, Bool), _ b: (TextAnchor, Bool)) -> Bool {
        if a.1 != b.1 { return !a.1 }
        return a.0.start != b.0.start ? a.0.start < b.0.start : a.0.end < b.0.end
    }
}
