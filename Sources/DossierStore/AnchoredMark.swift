import Foundation
import GRDB

/// What notes, highlights and bookmarks have in common: a row of one article, anchored to a passage
/// (`AnchorColumns`), orphaned when the passage is gone. `NoteStore`'s generic CRUD below serves all
/// three; each type adds only its own columns (a note's body, a highlight's entity, a bookmark's label).
public protocol AnchoredMark: FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    var id: Int64? { get }
    var articleID: String { get }
    var anchor: TextAnchor { get }
    var isOrphaned: Bool { get }
    /// "note", "highlight", "bookmark": for error messages.
    static var markName: String { get }
}

extension Note: AnchoredMark { public static let markName = "note" }
extension Highlight: AnchoredMark { public static let markName = "highlight" }
extension Bookmark: AnchoredMark { public static let markName = "bookmark" }

extension NoteStore {
    // MARK: - Generic CRUD

    /// Stores a new mark and returns it with its id.
    public func insert<Mark: AnchoredMark>(_ mark: Mark) throws(NoteStoreError) -> Mark {
        var stored = mark
        try write("save the \(Mark.markName)") { db in try stored.insert(db) }
        return stored
    }

    /// Deletes a mark and returns it, so the caller can keep it for "undo" (`restore`).
    @discardableResult
    public func delete<Mark: AnchoredMark>(_ type: Mark.Type, id: Int64) throws(NoteStoreError) -> Mark {
        try write("delete the \(Mark.markName)") { db in
            guard let mark = try Mark.fetchOne(db, key: id) else { throw NoteStoreError.notFound("\(Mark.markName) \(id)") }
            _ = try Mark.deleteOne(db, key: id)
            return mark
        }
    }

    /// Puts a deleted mark back with its id and timestamps (ids are never reused, so the id is free).
    @discardableResult
    public func restore<Mark: AnchoredMark>(_ mark: Mark) throws(NoteStoreError) -> Mark {
        var restored = mark
        try write("restore the \(Mark.markName)") { db in try restored.insert(db, onConflict: .replace) }
        return restored
    }

    /// One article's marks in reading order; orphaned ones last.
    public func marks<Mark: AnchoredMark>(_ type: Mark.Type, for articleID: String) throws(NoteStoreError) -> [Mark] {
        try read("read the \(Mark.markName)s") { db in
            try Mark.filter(Column("articleID") == articleID)
                .order(Column("orphaned"), Column("startOffset"), Column("endOffset"), Column("id")).fetchAll(db)
        }
    }

    public func mark<Mark: AnchoredMark>(_ type: Mark.Type, id: Int64) throws(NoteStoreError) -> Mark? {
        try read("read the \(Mark.markName)") { db in try Mark.fetchOne(db, key: id) }
    }

    // MARK: - Notes, highlights, bookmarks: what each adds

    public func addNote(articleID: String, anchor: TextAnchor, body: String) throws(NoteStoreError) -> Note {
        let now = StoreClock.now()
        return try insert(Note(articleID: articleID, body: NoteText.clean(body), created: now, updated: now, anchor: anchor))
    }

    @discardableResult
    public func updateNote(id: Int64, body: String) throws(NoteStoreError) -> Note {
        let cleaned = NoteText.clean(body)
        return try write("save the note") { db in
            guard var note = try Note.fetchOne(db, key: id) else { throw NoteStoreError.notFound("note \(id)") }
            note.body = cleaned
            note.updated = StoreClock.now()
            try note.update(db)
            return note
        }
    }

    @discardableResult
    public func deleteNote(id: Int64) throws(NoteStoreError) -> Note { try delete(Note.self, id: id) }
    public func notes(for articleID: String) throws(NoteStoreError) -> [Note] { try marks(Note.self, for: articleID) }
    public func note(id: Int64) throws(NoteStoreError) -> Note? { try mark(Note.self, id: id) }

    public func addHighlight(articleID: String, anchor: TextAnchor, entityID: String? = nil) throws(NoteStoreError) -> Highlight {
        try insert(Highlight(articleID: articleID, anchor: anchor, entityID: entityID, created: StoreClock.now()))
    }

    @discardableResult
    public func deleteHighlight(id: Int64) throws(NoteStoreError) -> Highlight { try delete(Highlight.self, id: id) }
    public func highlights(for articleID: String) throws(NoteStoreError) -> [Highlight] { try marks(Highlight.self, for: articleID) }

    public func addBookmark(articleID: String, anchor: TextAnchor, label: String? = nil) throws(NoteStoreError) -> Bookmark {
        try insert(Bookmark(articleID: articleID, anchor: anchor, label: label.map(NoteText.clean), created: StoreClock.now()))
    }

    @discardableResult
    public func deleteBookmark(id: Int64) throws(NoteStoreError) -> Bookmark { try delete(Bookmark.self, id: id) }
    public func bookmarks(for articleID: String) throws(NoteStoreError) -> [Bookmark] { try marks(Bookmark.self, for: articleID) }

    /// Every bookmark, newest first (a briefing-wide list).
    public func bookmarks() throws(NoteStoreError) -> [Bookmark] {
        try read("read the bookmarks") { db in try Bookmark.order(Column("created").desc, Column("id").desc).fetchAll(db) }
    }
}
