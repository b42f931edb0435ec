/// Why the notes database cannot be used; each reads as one line for a person.
public enum NoteStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or its folder cannot be created or opened (missing permission, read-only place).
    case cannotOpen(path: String, reason: String)
    /// The database opens but cannot be written (read-only file or file system).
    case readOnly(path: String)
    /// The file exists but is not a SQLite database, or is damaged. It is left untouched.
    case notADatabase(path: String)
    /// The file does not exist and the caller asked not to create it.
    case missing(path: String)
    /// A read or write failed after opening (disk full, I/O error, another process holding a lock too long).
    case failed(operation: String, reason: String)
    /// No such note, highlight or bookmark (already deleted, or from another database).
    case notFound(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the notes database \(path): \(reason) (use --db PATH or DOSSIER_DB to choose another file)"
        case .readOnly(let path):
            return "the notes database \(path) is read-only (use --db PATH or DOSSIER_DB to choose a writable file)"
        case .notADatabase(let path):
            return "\(path) is not a notes database or is damaged; it was left untouched (move it aside, or use --db PATH)"
        case .missing(let path):
            return "no notes database at \(path)"
        case .failed(let operation, let reason):
            return "could not \(operation) in the notes database: \(reason)"
        case .notFound(let what):
            return "\(what) is not in the notes database"
        }
    }
}
