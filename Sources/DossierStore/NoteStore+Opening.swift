import Foundation
import GRDB

/// Opening the notes database, and what happens when it is damaged, read-only or locked.
///
/// Every opening runs `PRAGMA quick_check`: it reads each page once (milliseconds for a notes
/// database, a fraction of a second for one with a large web cache) and finds the damage that would
/// otherwise surface later as a note accepted and then gone. A damaged database is never written:
/// - opened for writing (the reader), it is moved aside to `PATH.corrupt-TIME` (with its -wal file),
///   the notes that can still be read are copied into a fresh database at PATH, and `openingNotice`
///   says so in one line;
/// - opened read-only (`export`), the readable notes are copied into memory and `openingNotice` says
///   the database is damaged; the file is left as it is.
/// A file that is not a SQLite database at all is never moved or touched (`notADatabase`).
/// A database that cannot be written (read-only file, folder or file system) is opened read-only:
/// its notes are shown and exported, and every write throws `NoteStoreError.readOnly`.
extension NoteStore {
    public enum Access: Sendable { case readWrite, readOnly }

    /// Seconds a write waits for another process's lock before failing with a clear error;
    /// `DOSSIER_DB_BUSY_TIMEOUT` overrides it (tests use a short one).
    static var busyTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["DOSSIER_DB_BUSY_TIMEOUT"].flatMap(TimeInterval.init) ?? 15
    }

    /// Opens (creating the file and its folder when needed) and migrates the database.
    /// Never deletes, truncates or rewrites a file that is not a notes database.
    /// `busyTimeout`: seconds a write waits for another process's lock (default `busyTimeout`).
    /// `recoverDamage: false` leaves a damaged file where it is and uses its readable notes from
    /// memory, as `.readOnly` does (for `export`, which should not move the reader's files).
    public static func open(path: String, createIfMissing: Bool = true, access: Access = .readWrite,
                            recoverDamage: Bool = true, busyTimeout: TimeInterval? = nil) throws(NoteStoreError) -> NoteStore {
        // A write past RLIMIT_FSIZE must fail (and the note be kept), not kill the process with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        let timeout = busyTimeout ?? Self.busyTimeout
        let files = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .cannotOpen(path: path, reason: "it is a folder") }
        } else {
            if !createIfMissing || access == .readOnly { throw .missing(path: path) }
            if !folder.isEmpty && !files.fileExists(atPath: folder) {
                do { try files.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                    throw .cannotOpen(path: path, reason: "cannot create the folder \(folder)")
                }
            }
        }
        let openingLock = OpeningLock(folder: folder)
        defer { openingLock.release() }
        if access == .readOnly {
            return try openReadOnly(path: path, notice: nil, refusal: .readOnly(path: path), timeout: timeout)
        }
        // Not to be recovered here: find damage with a read-only connection first, since even
        // opening a writer on a damaged file can change it.
        if !recoverDamage, let store = try? openReadOnly(path: path, notice: nil, refusal: .notADatabase(path: path), timeout: timeout),
           store.wasDamaged {
            return store
        }
        do {
            return NoteStore(writer: try openWritable(path: path, timeout: timeout), path: path)
        } catch let failure {
            switch failure {
            case .damaged where recoverDamage:
                return try recover(path: path, timeout: timeout)
            case .damaged:
                return try openReadOnly(path: path, notice: nil, refusal: .notADatabase(path: path), timeout: timeout)
            case .store(.notADatabase(let path)):
                throw .notADatabase(path: path)
            case .store(let error):
                // Cannot be written (read-only file, folder or file system, a full disk): the notes
                // it has are still shown and exported.
                guard FileManager.default.isReadableFile(atPath: path) else { throw error }
                let why = if case .readOnly = error { "is read-only" } else { "cannot be written (\(reason(of: error)))" }
                let notice = "notes shown, new notes cannot be saved: the notes database \(path) \(why)"
                if let store = try? openReadOnly(path: path, notice: notice, refusal: error, timeout: timeout) { return store }
                throw error
            }
        }
    }

    private static func reason(of error: NoteStoreError) -> String {
        switch error {
        case .cannotOpen(_, let reason), .failed(_, let reason): return reason
        default: return "\(error)"
        }
    }

    /// Why `openWritable` failed: damage is recovered from, anything else is reported.
    enum OpeningFailure: Error {
        case damaged(reason: String)
        case store(NoteStoreError)
    }

    private static func configuration(readOnly: Bool, timeout: TimeInterval = busyTimeout) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(timeout)
        configuration.readonly = readOnly
        configuration.label = "dossier notes"
        return configuration
    }

    private static func openWritable(path: String, timeout: TimeInterval) throws(OpeningFailure) -> DatabasePool {
        let pool: DatabasePool
        do { pool = try DatabasePool(path: path, configuration: configuration(readOnly: false, timeout: timeout)) } catch {
            throw classify(error, path: path)
        }
        try checkIntegrity(pool, path: path)
        do {
            try migrateToleratingARace(pool)
            // A database opened read-only by SQLite only fails on the first write: find out now,
            // so the reader can say so before the reader types a note.
            try pool.write { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                try db.execute(sql: "PRAGMA user_version = \(version)")
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            // Writable, but another process holds a write lock just now: each later write waits for
            // it and fails with a clear error if it is still held.
        } catch {
            throw classify(error, path: path)
        }
        return pool
    }

    /// `PRAGMA quick_check` answers "ok", or lists the damage, or fails reading a damaged page.
    private static func checkIntegrity(_ reader: any DatabaseReader, path: String) throws(OpeningFailure) {
        let answer: [String]
        do { answer = try reader.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") } } catch {
            throw classify(error, path: path)
        }
        if answer != ["ok"] { throw .damaged(reason: firstProblem(answer)) }
    }

    /// The first problem `quick_check` lists, as a short line (its answer spans several lines).
    private static func firstProblem(_ answer: [String]) -> String {
        let lines = answer.flatMap { $0.split(separator: "\n") }.map { $0.trimmingCharacters(in: .whitespaces) }
        let first = lines.first { !$0.isEmpty && !$0.hasPrefix("***") } ?? "the integrity check failed"
        return first.count > 80 ? String(first.prefix(79)) + "…" : first
    }

    /// Read-only: no migration, no write; a damaged database's readable notes are copied into memory.
    private static func openReadOnly(path: String, notice: String?, refusal: NoteStoreError,
                                     timeout: TimeInterval) throws(NoteStoreError) -> NoteStore {
        let queue: DatabaseQueue
        do {
            queue = try readOnlyQueue(path: path, timeout: timeout)
            try checkIntegrity(queue, path: path)
        } catch {
            switch error {
            case .store(let error): throw error
            case .damaged(let reason):
                let salvage = StoreSalvage.read(path: path)
                let store = inMemory()
                salvage.copy(into: store.databaseWriter)
                return NoteStore(writer: store.databaseWriter, path: nil, refusal: .notADatabase(path: path),
                                 notice: "the notes database \(path) is damaged (\(reason)): using the \(salvage.summary) that could be read",
                                 wasDamaged: true)
            }
        }
        return NoteStore(writer: queue, path: path, refusal: refusal, notice: notice)
    }

    /// A read-only connection. A WAL database in a folder that cannot be written has no -shm file to
    /// share, and SQLite refuses it; a private copy of the file (and its -wal) then serves instead.
    static func readOnlyQueue(path: String, timeout: TimeInterval = busyTimeout) throws(OpeningFailure) -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true, timeout: timeout))
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where ![.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            // No -shm file and no room or right to make one (read-only folder, full disk).
            return try readOnlyCopy(of: path)
        } catch {
            throw classify(error, path: path)
        }
    }

    private static func readOnlyCopy(of path: String) throws(OpeningFailure) -> DatabaseQueue {
        let files = FileManager.default
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dossier-readonly-\(getpid())-\(UUID().uuidString)")
        let copy = folder.appendingPathComponent("notes.sqlite").path
        defer { try? files.removeItem(at: folder) }
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            try files.copyItem(atPath: path, toPath: copy)
            if files.fileExists(atPath: path + "-wal") { try files.copyItem(atPath: path + "-wal", toPath: copy + "-wal") }
            // Fold the WAL into the copy so the read-only connection needs no file beside it.
            try DatabaseQueue(path: copy).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            // Loaded into memory: the copy is removed at once and nothing outlives the process.
            let memory = try DatabaseQueue()
            let source = try DatabaseQueue(path: copy, configuration: configuration(readOnly: true))
            try source.backup(to: memory)
            return memory
        } catch {
            throw classify(error, path: path)
        }
    }

    /// The damaged file is moved aside (never deleted), its readable notes go into a fresh database.
    private static func recover(path: String, timeout: TimeInterval) throws(NoteStoreError) -> NoteStore {
        let salvage = StoreSalvage.read(path: path)
        let aside = path + ".corrupt-" + StoreSalvage.timestamp()
        guard rename(path, aside) == 0 else {
            // Cannot move it (a read-only folder): show what could be read, save nothing into it.
            let store = inMemory()
            salvage.copy(into: store.databaseWriter)
            return NoteStore(writer: store.databaseWriter, path: nil, refusal: .notADatabase(path: path),
                             notice: "the notes database \(path) is damaged and cannot be moved aside: showing the \(salvage.summary) that could be read; new notes cannot be saved",
                             wasDamaged: true)
        }
        _ = rename(path + "-wal", aside + "-wal")
        _ = rename(path + "-shm", aside + "-shm")
        let pool: DatabasePool
        do { pool = try openWritable(path: path, timeout: timeout) } catch {
            switch error {
            case .store(let error): throw error
            case .damaged: throw .notADatabase(path: path)
            }
        }
        salvage.copy(into: pool)
        return NoteStore(writer: pool, path: path,
                         notice: "the notes database \(path) was damaged: moved it to \(aside) and recovered the \(salvage.summary) that could be read",
                         wasDamaged: true)
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
    /// default, or an in-memory store, with a one-line warning for the status line: why it is
    /// running without saving, or what the opening found (damaged and recovered, read-only).
    public static func openForReading(option: String?,
                                      environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (store: NoteStore, warning: String?) {
        let (store, failure) = openOrInMemory(path: StoreLocation.path(option: option, environment: environment))
        return (store, failure.map { "\($0); running without saving" } ?? store.openingNotice)
    }

    /// SQLite's error as the reason a person can act on; damage is told apart from a file that is
    /// not a database at all (which keeps its own first 16 bytes).
    static func classify(_ error: any Error, path: String) -> OpeningFailure {
        guard let databaseError = error as? DatabaseError else {
            return .store(.cannotOpen(path: path, reason: String(describing: error)))
        }
        switch databaseError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            if StoreSalvage.hasSQLiteHeader(path: path) {
                return .damaged(reason: databaseError.message ?? "database disk image is malformed")
            }
            return .store(.notADatabase(path: path))
        case .SQLITE_READONLY:
            return .store(.readOnly(path: path))
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            let folder = (path as NSString).deletingLastPathComponent
            if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
                return .store(.cannotOpen(path: path, reason: "its folder is not writable"))
            }
            return .store(.cannotOpen(path: path, reason: "permission denied or unreadable"))
        default:
            return .store(.cannotOpen(path: path, reason: reason(databaseError)))
        }
    }
}
