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
        var info = stat()
        // Through a symbolic link to its file, so the link stays a link (a dangling one is replaced).
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            defer { free(resolved) }
            let target = String(decoding: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)), as: UTF8.self)
            if target != path { return try write(contents, to: target, overwrite: overwrite) }
        }
        let bytes = Array(contents.utf8)
        let exists = lstat(path, &info) == 0
        if exists {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw .isDirectory(path)
            case S_IFCHR, S_IFIFO, S_IFSOCK:
                // A device or pipe (/dev/stdout, a fifo) cannot be replaced atomically; write into it.
                try writeInPlace(bytes, to: path)
                return
            default:
                if !overwrite { throw .exists(path) }
            }
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder == "/" ? "" : folder)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(errno, path: path) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var keepTemporary = false
        defer { if !keepTemporary { unlink(temporary) } }

        // Keep an overwritten file's permissions; a new file gets the usual 0644 less the umask.
        let mask = umask(0o022); umask(mask)
        let mode: mode_t = exists ? (info.st_mode & 0o7777) : (0o666 & ~mask)
        fchmod(fd, mode)
        if let code = writeAll(bytes, to: fd) { close(fd); throw failure(code, path: path) }
        if fsync(fd) != 0 && errno != EINVAL { let code = errno; close(fd); throw failure(code, path: path) }
        if close(fd) != 0 { throw failure(errno, path: path) }

        if overwrite {
            if rename(temporary, path) != 0 { throw failure(errno, path: path) }
            keepTemporary = true
        } else {
            // link() fails if the target appeared meanwhile: never clobber a file without --force.
            if link(temporary, path) != 0 {
                let code = errno
                if code == EEXIST { throw .exists(path) }
                guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV else { throw failure(code, path: path) }
                if access(path, F_OK) == 0 { throw .exists(path) }
                if rename(temporary, path) != 0 { throw failure(errno, path: path) }
                keepTemporary = true
            }
        }
        syncFolder(folder)
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(ExportWriteError) {
        let fd = open(path, O_WRONLY | O_APPEND)
        guard fd >= 0 else { throw failure(errno, path: path) }
        if let code = writeAll(bytes, to: fd) { close(fd); throw failure(code, path: path) }
        close(fd)
    }

    /// Nil when every byte was written, else the errno.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
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

    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    private static func failure(_ code: Int32, path: String) -> ExportWriteError {
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
