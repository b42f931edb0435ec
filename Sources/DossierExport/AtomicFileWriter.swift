#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an export could not be written; one line each, nothing half-written is left behind.
public enum ExportWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    case exists(String)
    case isDirectory(String)
    case permissionDenied(String)
    case cannotWrite(String, reason: String)

    public var description: String {
        switch self {
        case .exists(let path): return "\(path): already exists (add --force to overwrite it, or choose another name with -o)"
        case .isDirectory(let path): return "\(path): is a folder (give a file name with -o)"
        case .permissionDenied(let path): return "\(path): permission denied (choose another place with -o)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        }
    }

    /// sysexits: EX_CANTCREAT 73 for an existing file or folder, EX_NOPERM 77, EX_IOERR 74.
    public var exitCode: Int32 {
        switch self {
        case .exists, .isDirectory: return 73
        case .permissionDenied: return 77
        case .cannotWrite: return 74
        }
    }
}

/// Writes a file all at once: into a temporary file in the same folder, flushed to disk, then
/// renamed over (or, without overwrite, hard-linked to) the target. A reader of the target sees
/// the old file or the new one, never a part; a failed write leaves no temporary file behind.
public enum AtomicFileWriter {
    public static func write(_ contents: String, to path: String, overwrite: Bool) throws(ExportWriteError) {
        let file = try AtomicFile(path: path, overwrite: overwrite)
        try file.append(Array(contents.utf8)[...])
        try file.commit()
    }

    fileprivate static func writeAll(_ bytes: ArraySlice<UInt8>, to fd: Int32) -> Int32? {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return ENOSPC }
            offset += n
        }
        return nil
    }

    fileprivate static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    fileprivate static func failure(_ code: Int32, path: String) -> ExportWriteError {
        switch code {
        case EACCES, EPERM: return .permissionDenied(path)
        case EROFS: return .cannotWrite(path, reason: "read-only file system (choose another place with -o)")
        case ENOSPC, EDQUOT: return .cannotWrite(path, reason: "no space left on the device (free some space or choose another place with -o)")
        case ENOENT, ENOTDIR: return .cannotWrite(path, reason: "no such folder (create it first, or choose another place with -o)")
        case EISDIR: return .isDirectory(path)
        default: return .cannotWrite(path, reason: String(cString: strerror(code)))
        }
    }
}

/// `AtomicFileWriter`'s file written in pieces, for an export streamed as its articles are
/// annotated (a feed's JSON Lines are never held whole): the target appears, whole, at `commit()`.
/// Checked when made: a folder, or an existing file without overwrite, is refused before any
/// work. Let go without `commit()` (an error, no article), it leaves no temporary file behind.
public final class AtomicFile {
    private let path: String
    private let overwrite: Bool
    private var descriptor: Int32
    /// Nil when writing straight into a device or pipe (/dev/stdout, a fifo), which cannot be
    /// replaced atomically.
    private let temporary: String?
    private let folder: String
    private var finished = false

    public init(path requested: String, overwrite: Bool) throws(ExportWriteError) {
        var path = requested
        var info = stat()
        // Through a symbolic link to its file, so the link stays a link (a dangling one is replaced).
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            path = String(decoding: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)), as: UTF8.self)
            free(resolved)
        }
        self.path = path
        self.overwrite = overwrite
        let exists = lstat(path, &info) == 0
        let slash = path.lastIndex(of: "/")
        folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        if exists {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw .isDirectory(path)
            case S_IFCHR, S_IFIFO, S_IFSOCK:
                let fd = open(path, O_WRONLY | O_APPEND)
                guard fd >= 0 else { throw AtomicFileWriter.failure(errno, path: path) }
                descriptor = fd
                temporary = nil
                return
            default:
                if !overwrite { throw .exists(path) }
            }
        }
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder == "/" ? "" : folder)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw AtomicFileWriter.failure(errno, path: path) }
        descriptor = fd
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Keep an overwritten file's permissions; a new file gets the usual 0644 less the umask.
        let mask = umask(0o022); umask(mask)
        fchmod(fd, exists ? (info.st_mode & 0o7777) : (0o666 & ~mask))
    }

    deinit {
        if !finished {
            close(descriptor)
            if let temporary { unlink(temporary) }
        }
        InterruptCleanup.forget(self)
    }

    /// Removes the temporary file if the process is interrupted (SIGINT, SIGTERM, SIGHUP) before
    /// `commit`, then dies of the signal as it would have. For a command that writes while it works
    /// (a streamed export takes as long as its feed); the reader handles its own signals.
    public func removedOnInterrupt() -> AtomicFile {
        if let temporary { InterruptCleanup.remember(temporary, for: self) }
        return self
    }

    public func append(_ bytes: ArraySlice<UInt8>) throws(ExportWriteError) {
        precondition(!finished, "AtomicFile written after commit")
        if let code = AtomicFileWriter.writeAll(bytes, to: descriptor) { throw AtomicFileWriter.failure(code, path: path) }
    }

    /// Flushes the file to disk and puts it in place of the target.
    public func commit() throws(ExportWriteError) {
        precondition(!finished, "AtomicFile committed twice")
        finished = true
        InterruptCleanup.forget(self)
        guard let temporary else { close(descriptor); return }
        var keepTemporary = false
        defer { if !keepTemporary { unlink(temporary) } }
        if fsync(descriptor) != 0 && errno != EINVAL {
            let code = errno
            close(descriptor)
            throw AtomicFileWriter.failure(code, path: path)
        }
        if close(descriptor) != 0 { throw AtomicFileWriter.failure(errno, path: path) }
        if overwrite {
            if rename(temporary, path) != 0 { throw AtomicFileWriter.failure(errno, path: path) }
            keepTemporary = true
        } else {
            // link() fails if the target appeared meanwhile: never clobber a file without --force.
            if link(temporary, path) != 0 {
                let code = errno
                if code == EEXIST { throw .exists(path) }
                guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV else {
                    throw AtomicFileWriter.failure(code, path: path)
                }
                if access(path, F_OK) == 0 { throw .exists(path) }
                if rename(temporary, path) != 0 { throw AtomicFileWriter.failure(errno, path: path) }
                keepTemporary = true
            }
        }
        AtomicFileWriter.syncFolder(folder)
    }
}

/// The one temporary file to remove if the process is killed by an interrupt: a signal handler may
/// only call what is safe there (`unlink`, `signal`, `raise`), so the path waits as a C string.
private enum InterruptCleanup {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) private static var owner: ObjectIdentifier? = nil
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    static func remember(_ temporary: String, for file: AtomicFile) {
        forgetPath()
        path = strdup(temporary)
        owner = ObjectIdentifier(file)
        for number in signals {
            signal(number) { received in
                if let path = InterruptCleanup.path { unlink(path) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func forget(_ file: AtomicFile) {
        guard owner == ObjectIdentifier(file) else { return }
        for number in signals { signal(number, SIG_DFL) }
        forgetPath()
    }

    private static func forgetPath() {
        let old = path
        path = nil
        owner = nil
        free(old)
    }
}
