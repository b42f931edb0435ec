import DossierCore

/// Why an input could not be read, as one line for a person and a distinct exit code
/// (the BSD sysexits values that shell scripts already know).
public enum InputError: Error, Sendable, CustomStringConvertible {
    case noSuchFile(String)
    case permissionDenied(String)
    case isDirectory(String)
    case emptyDirectory(String)
    case unreadable(String, reason: String)
    case notText(String, IngestError)
    case unparsable(String, reason: String)
    /// A web address that could not be fetched (or, offline, is not in the cache).
    case fetchFailed(String, FetchError)

    /// One line, with the path or address made printable (`PrintableName`): it is shown on the terminal.
    public var description: String {
        switch self {
        case .noSuchFile(let path): return "\(PrintableName.of(path)): no such file or directory"
        case .permissionDenied(let path): return "\(PrintableName.of(path)): permission denied"
        case .isDirectory(let path): return "\(PrintableName.of(path)): is a directory (give its files, or the folder to a command that reads folders)"
        case .emptyDirectory(let path): return "\(PrintableName.of(path)): no readable articles in this folder (.txt, .md, .html, .jsonl)"
        case .unreadable(let path, let reason): return "\(PrintableName.of(path)): cannot read: \(reason)"
        case .notText(let path, let error): return "\(PrintableName.of(path)): \(error)"
        case .unparsable(let path, let reason): return "\(PrintableName.of(path)): \(reason)"
        case .fetchFailed(let address, let error): return "\(PrintableName.of(address)): \(error)"
        }
    }

    /// sysexits: EX_DATAERR 65, EX_NOINPUT 66, EX_UNAVAILABLE 69, EX_IOERR 74, EX_NOPERM 77.
    public var exitCode: Int32 {
        switch self {
        case .notText, .unparsable: return 65
        case .noSuchFile, .emptyDirectory: return 66
        case .isDirectory, .unreadable: return 74
        case .permissionDenied: return 77
        case .fetchFailed(_, .notCached): return 66
        case .fetchFailed: return 69
        }
    }
}
