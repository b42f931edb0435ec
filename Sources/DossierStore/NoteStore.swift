import DossierCore
import Foundation
import GRDB

/// The reader's notes, highlights, bookmarks and reading positions, in one SQLite database
/// (WAL mode, so several readers can have it open at once) or in memory when running without saving.
///
/// Every write is one short `BEGIN IMMEDIATE` transaction with a busy timeout: two processes
/// writing at the same moment wait for each other instead of failing or losing a write.
/// Notes belong to a recorded article: call `article(for:path:)` when an article is opened,
/// then use its `id` for everything else.
public final class NoteStore: Sendable {
    private let writer: any DatabaseWriter
    /// The database file; nil for the in-memory store.
    public let path: String?

    /// False for the in-memory fallback: nothing outlives the process.
    public var isPersistent: Bool { path != nil }

    /// Why every write is refused (read-only file or folder, full disk, damaged and not movable);
    /// nil for a writable store. The notes the store has are still shown.
    public let refusal: NoteStoreError?
    /// False when the database could only be opened read-only: its notes are shown, new ones cannot be saved.
    public var isWritable: Bool { refusal == nil }
    /// Something the person must be told about the opening, in one line: the database was damaged and
    /// moved aside, or it is read-only. Nil when the database opened normally.
    public let openingNotice: String?
    /// True when the database failed its integrity check (its readable notes were salvaged).
    public let wasDamaged: Bool

    /// True when notes written now outlive the process.
    public var savesNotes: Bool { isPersistent && isWritable }

    init(writer: any DatabaseWriter, path: String?, refusal: NoteStoreError? = nil, notice: String? = nil, wasDamaged: Bool = false) {
        self.writer = writer
        self.path = path
        self.refusal = refusal
        self.openingNotice = notice
        self.wasDamaged = wasDamaged
    }

    /// For the opening and salvage code in other files of this module.
    var databaseWriter: any DatabaseWriter { writer }

    // Opening: see NoteStore+Opening.swift.

    // MARK: - Articles

    /// Records that an article is open (identity, path, title) and returns it. When the file at
    /// `path` had different text before (the article was edited and re-saved), the older
    /// version's notes, highlights, bookmarks and reading position are moved over and re-anchored;
    /// those whose text is gone are kept and marked orphaned.
    @discardableResult
    public func article(for annotated: AnnotatedArticle, path: String?) throws(NoteStoreError) -> StoredArticle {
        try article(text: annotated.text, title: annotated.article.titleString, path: path ?? annotated.source)
    }

    /// The same, with the identity already computed (`ArticleIdentity.id(of:)` of this text), so a
    /// caller that hashed a large text off its main thread does not hash it again.
    @discardableResult
    public func article(for annotated: AnnotatedArticle, path: String?, id: String) throws(NoteStoreError) -> StoredArticle {
        try article(text: annotated.text, title: annotated.article.titleString, path: path ?? annotated.source, id: id)
    }

    @discardableResult
    public func article(text: ArticleText, title: String?, path: String?, id knownID: String? = nil) throws(NoteStoreError) -> StoredArticle {
        let id = knownID ?? ArticleIdentity.id(of: text)
        let canonical = path.map(ArticleIdentity.canonicalPath)
        let now = StoreClock.now()
        // A read-only database still shows the notes it has: look the article up without recording it.
        // UNFINISHED: notes on an older version of an edited file are not carried over (that needs a write).
        if !isWritable {
            return try read("find the article") { db in try StoredArticle.fetchOne(db, key: id) }
                ?? StoredArticle(id: id, path: canonical, title: title, firstSeen: now, lastOpened: now)
        }
        let (stored, predecessors) = try write("record the article") { db in
            var stored = try StoredArticle.fetchOne(db, key: id)
                ?? StoredArticle(id: id, path: canonical, title: title, firstSeen: now, lastOpened: now)
            if let canonical { stored.path = canonical }
            if let title { stored.title = title }
            stored.lastOpened = now
            try stored.save(db)
            var predecessors: [String] = []
            if let canonical, canonical != "-" {
                predecessors = try String.fetchAll(db, sql: "SELECT id FROM article WHERE path = ? AND id != ? ORDER BY lastOpened",
                                                   arguments: [canonical, id])
            }
            return (stored, predecessors)
        }
        for previous in predecessors {
            try carryOver(from: previous, to: id, text: text)
        }
        return stored
    }

    /// Every article the store knows, most recently opened first.
    public func articles() throws(NoteStoreError) -> [StoredArticle] {
        try read("list articles") { db in try StoredArticle.order(Column("lastOpened").desc).fetchAll(db) }
    }

    public func storedArticle(id: String) throws(NoteStoreError) -> StoredArticle? {
        try read("find the article") { db in try StoredArticle.fetchOne(db, key: id) }
    }

    // MARK: - Reading positions

    /// Remembers where the reader is; the few code points after the offset are kept to find it again after edits.
    public func setReadingPosition(articleID: String, offset: Int, in text: ArticleText) throws(NoteStoreError) {
        let at = max(0, min(offset, text.count))
        let position = ReadingPosition(articleID: articleID,
                                       anchor: TextAnchor(span: Span(at, min(text.count, at + 16)), in: text),
                                       updated: StoreClock.now())
        try write("save the reading position") { db in try position.save(db) }
    }

    public func readingPosition(articleID: String) throws(NoteStoreError) -> ReadingPosition? {
        try read("read the reading position") { db in try ReadingPosition.fetchOne(db, key: articleID) }
    }

    /// What the reader's library shows of every article at once: the ones read before (they have
    /// a reading position) and how many notes each has. One read for a whole feed: two queries per
    /// article were 8 % of the reader's time annotating a feed of 2,000 articles.
    public func libraryMarks() throws(NoteStoreError) -> LibraryMarks {
        try read("read what the library shows") { db in
            let read = try String.fetchSet(db, sql: "SELECT articleID FROM \(ReadingPosition.databaseTableName)")
            var noteCounts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT articleID, COUNT(*) FROM \(Note.databaseTableName) GROUP BY articleID") {
                noteCounts[row[0]] = row[1]
            }
            return LibraryMarks(readArticles: read, noteCounts: noteCounts)
        }
    }

    // MARK: - Anchors

    /// Where an anchor's text is in `text` now (nil: gone). See `AnchorResolver`.
    public func resolve(_ anchor: TextAnchor, in text: ArticleText) -> Span? {
        AnchorResolver.resolve(anchor, in: text)
    }

    // MARK: - Carrying annotations over to a new version of an article

    /// What happened to an older version's annotations when they moved to the new text.
    public struct CarryOverReport: Sendable, Equatable {
        public var reattached = 0
        public var orphaned = 0
    }

    /// Moves everything anchored in article `oldID` to `newID`, re-anchoring each item in `text`;
    /// when none of it can be found in `text`, nothing moves (`reattached` is 0, `orphaned` counts
    /// what stayed). The fuzzy matching runs outside the write transaction, so the lock is held only briefly.
    @discardableResult
    public func carryOver(from oldID: String, to newID: String, text: ArticleText) throws(NoteStoreError) -> CarryOverReport {
        let (notes, highlights, bookmarks, position) = try read("read the older version's notes") { db in
            (try Note.filter(Column("articleID") == oldID).fetchAll(db),
             try Highlight.filter(Column("articleID") == oldID).fetchAll(db),
             try Bookmark.filter(Column("articleID") == oldID).fetchAll(db),
             try ReadingPosition.fetchOne(db, key: oldID))
        }
        var report = CarryOverReport()
        func reanchor(_ anchor: TextAnchor) -> (TextAnchor, Bool) {
            guard let span = AnchorResolver.resolve(anchor, in: text) else {
                report.orphaned += 1
                return (anchor, true)
            }
            report.reattached += 1
            return (TextAnchor(span: span, in: text), false)
        }
        var moves: [(table: String, id: Int64, anchor: TextAnchor, orphaned: Bool)] = []
        for note in notes { let (anchor, orphaned) = reanchor(note.anchor); moves.append(("note", note.id!, anchor, orphaned)) }
        for item in highlights { let (anchor, orphaned) = reanchor(item.anchor); moves.append(("highlight", item.id!, anchor, orphaned)) }
        for item in bookmarks { let (anchor, orphaned) = reanchor(item.anchor); moves.append(("bookmark", item.id!, anchor, orphaned)) }
        // Nothing found again: the file now holds another article (a feed line shifted, a file
        // overwritten). Moving would only orphan everything, so the notes stay where they are.
        if !moves.isEmpty && report.reattached == 0 { return report }
        let movedPosition = position.map { old -> ReadingPosition in
            let span = AnchorResolver.resolve(old.anchor, in: text)
            let at = span?.start ?? min(old.offset, text.count)
            return ReadingPosition(articleID: newID, anchor: TextAnchor(span: Span(at, min(text.count, at + 16)), in: text),
                                   updated: old.updated)
        }
        try write("move notes to the new version of the article") { db in
            for move in moves {
                // `articleID = old` guards against a second reader that already moved the same row.
                try db.execute(sql: """
                    UPDATE \(move.table) SET articleID = ?, exact = ?, prefix = ?, suffix = ?, startOffset = ?, endOffset = ?, orphaned = ?
                    WHERE id = ? AND articleID = ?
                    """, arguments: [newID, move.anchor.exact, move.anchor.prefix, move.anchor.suffix,
                                     move.anchor.start, move.anchor.end, move.orphaned, move.id, oldID])
            }
            if let movedPosition, try ReadingPosition.fetchOne(db, key: newID) == nil {
                try movedPosition.insert(db)
            }
            try db.execute(sql: """
                DELETE FROM article WHERE id = ?
                  AND NOT EXISTS (SELECT 1 FROM note WHERE articleID = ?)
                  AND NOT EXISTS (SELECT 1 FROM highlight WHERE articleID = ?)
                  AND NOT EXISTS (SELECT 1 FROM bookmark WHERE articleID = ?)
                """, arguments: [oldID, oldID, oldID, oldID])
        }
        return report
    }

    // MARK: - Transactions

    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(NoteStoreError) -> T {
        if let refusal { throw refusal }
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T? = nil
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as NoteStoreError {
            throw error
        } catch {
            throw .failed(operation: operation, reason: NoteStore.reason(error))
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(NoteStoreError) -> T {
        do {
            return try writer.read(body)
        } catch let error as NoteStoreError {
            throw error
        } catch {
            throw .failed(operation: operation, reason: NoteStore.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let databaseError = error as? DatabaseError {
            switch databaseError.resultCode {
            case .SQLITE_FULL: return "the disk is full"
            case .SQLITE_READONLY: return "the database is read-only"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "another program kept the database locked"
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "the database is damaged (restart the reader to recover its notes)"
            case .SQLITE_IOERR: return "a disk read or write failed (disk full?)"
            default: return databaseError.message ?? "\(databaseError.resultCode)"
            }
        }
        return String(describing: error)
    }
}
