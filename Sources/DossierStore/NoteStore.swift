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

    private init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    // MARK: - Opening

    /// Opens (creating the file and its folder when needed) and migrates the database.
    /// Never deletes, truncates or rewrites a file that is not a notes database.
    public static func open(path: String, createIfMissing: Bool = true) throws(NoteStoreError) -> NoteStore {
        let files = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .cannotOpen(path: path, reason: "it is a folder") }
        } else {
            if !createIfMissing { throw .missing(path: path) }
            if !folder.isEmpty && !files.fileExists(atPath: folder) {
                do { try files.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                    throw .cannotOpen(path: path, reason: "cannot create the folder \(folder)")
                }
            }
        }
        let openingLock = OpeningLock(folder: folder)
        defer { openingLock.release() }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(15)
        configuration.label = "dossier notes"
        let pool: DatabasePool
        do { pool = try DatabasePool(path: path, configuration: configuration) } catch {
            throw classify(error, path: path)
        }
        do {
            try migrateToleratingARace(pool)
            // A database opened read-only by SQLite only fails on the first write: find out now,
            // so the reader can say "running without saving" before the reader types a note.
            try pool.write { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                try db.execute(sql: "PRAGMA user_version = \(version)")
            }
        } catch {
            throw classify(error, path: path)
        }
        return NoteStore(writer: pool, path: path)
    }

    /// Two processes creating the database at the same moment can both find it unmigrated; the
    /// loser's migration then fails ("table already exists") once the winner has committed.
    /// Migrating again sees the winner's work and has nothing left to do.
    private static func migrateToleratingARace(_ pool: DatabasePool) throws {
        var attempt = 0
        while true {
            do {
                try StoreSchema.migrator.migrate(pool)
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && attempt < 3 {
                attempt += 1
                usleep(50_000)
            }
        }
    }

    /// A store that keeps everything in memory: the fallback for "running without saving".
    public static func inMemory() -> NoteStore {
        do {
            let queue = try DatabaseQueue()
            try StoreSchema.migrator.migrate(queue)
            return NoteStore(writer: queue, path: nil)
        } catch {
            // An in-memory SQLite database cannot fail to open short of memory exhaustion.
            fatalError("cannot create an in-memory database: \(error)")
        }
    }

    /// The database at `path` (nil: no place for one), or an in-memory store plus why the file could not be used.
    public static func openOrInMemory(path: String?) -> (store: NoteStore, failure: NoteStoreError?) {
        guard let path else {
            return (inMemory(), .cannotOpen(path: "(no home folder)", reason: "no place for the database"))
        }
        do { return (try open(path: path), nil) } catch { return (inMemory(), error) }
    }

    /// What the reader opens: the database chosen by `--db` (`option`), `$DOSSIER_DB` or the XDG
    /// default, or an in-memory store with a one-line warning for the status line when that fails.
    public static func openForReading(option: String?,
                                      environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (store: NoteStore, warning: String?) {
        let (store, failure) = openOrInMemory(path: StoreLocation.path(option: option, environment: environment))
        return (store, failure.map { "\($0); running without saving" })
    }

    private static func classify(_ error: any Error, path: String) -> NoteStoreError {
        guard let databaseError = error as? DatabaseError else {
            return .cannotOpen(path: path, reason: String(describing: error))
        }
        switch databaseError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path)
        case .SQLITE_READONLY:
            return .readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            let folder = (path as NSString).deletingLastPathComponent
            if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
                return .cannotOpen(path: path, reason: "its folder is not writable")
            }
            return .cannotOpen(path: path, reason: "permission denied or unreadable")
        default:
            return .cannotOpen(path: path, reason: databaseError.message ?? "\(databaseError.resultCode)")
        }
    }

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

    private static func reason(_ error: any Error) -> String {
        if let databaseError = error as? DatabaseError {
            switch databaseError.resultCode {
            case .SQLITE_FULL: return "the disk is full"
            case .SQLITE_READONLY: return "the database is read-only"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "another program kept the database locked"
            default: return databaseError.message ?? "\(databaseError.resultCode)"
            }
        }
        return String(describing: error)
    }
}
