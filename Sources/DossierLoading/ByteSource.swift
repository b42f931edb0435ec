#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file, named pipe or standard input, read a block at a time: `FileReader.read` reads one
/// whole, and `JSONLinesStream` a block at a time so that a feed of any length is annotated in
/// bounded memory (issue 13).
///
/// A class so that the descriptor is closed exactly once, when the last reader lets go of it;
/// standard input is never closed.
final class ByteSource {
    let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// Where each `read` lands, sized to the largest block asked for.
    private var chunk: [UInt8] = []

    /// Opens `path` ("-" is standard input). A named pipe is opened without blocking and waited on
    /// for `fifoTimeout` seconds, as `FileReader.read` always did.
    init(path: String, fifoTimeout: Double? = nil) throws(InputError) {
        self.path = path
        if path == "-" {
            fd = 0
            ownsDescriptor = false
            return
        }
        switch FileReader.kind(of: path) {
        case .missing: throw .noSuchFile(path)
        case .directory: throw .isDirectory(path)
        case .file, .other: break
        }
        if FileReader.isFIFO(path) {
            fd = try Self.openFIFO(path: path, timeout: fifoTimeout ?? FileReader.fifoTimeout)
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw Self.openError(path: path, code: errno) }
        }
        ownsDescriptor = true
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// The size of a regular file; nil for a pipe, a terminal or standard input from one.
    var regularFileSize: Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        return Int(info.st_size)
    }

    /// Whether a `read` would return at once: always for a regular file, else when the pipe or
    /// terminal has bytes (or its writer has closed it).
    var isReady: Bool {
        if regularFileSize != nil { return true }
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&ready, 1, 0) != 0
    }

    /// Appends up to `count` bytes to `bytes` with one `read` (fewer when a pipe has fewer ready);
    /// how many, 0 at the end of the input.
    func read(appendingTo bytes: inout [UInt8], upTo count: Int) throws(InputError) -> Int {
        // Read into a buffer of our own, then appended: `bytes` grows only by what came, so a buffer
        // reserved for a whole file is never outgrown by a last read asking for more than is left
        // (growing it doubled a 50 MB file's buffer).
        if chunk.count < count { chunk = [UInt8](repeating: 0, count: count) }
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
            if n >= 0 {
                bytes.append(contentsOf: chunk[0..<n])
                return n
            }
            if errno == EINTR { continue }
            throw .unreadable(path, reason: String(cString: strerror(errno)))
        }
    }

    /// Appends the rest of the input; refuses one longer than `byteLimit` in all.
    func readToEnd(appendingTo bytes: inout [UInt8], byteLimit: Int) throws(InputError) {
        // A regular file's size is known: one buffer of that size, where growing by doubling copied a
        // 10 MB feed about twice over and touched a fresh page for every copy.
        if let size = regularFileSize { bytes.reserveCapacity(min(size, byteLimit) + 1) }
        while true {
            let room = min(1 << 16, byteLimit + 1 - bytes.count)
            if try read(appendingTo: &bytes, upTo: max(1, room)) == 0 { return }
            guard bytes.count <= byteLimit else {
                throw .unreadable(path, reason: "larger than \(FileReader.limitText(byteLimit)), the most Dossier reads from one input")
            }
        }
    }

    private static func openError(path: String, code: Int32) -> InputError {
        if code == EACCES || code == EPERM { return .permissionDenied(path) }
        if code == ENOENT { return .noSuchFile(path) }
        return .unreadable(path, reason: String(cString: strerror(code)))
    }

    /// A named pipe blocks `open` until a writer opens it, forever if none does. Opened without
    /// blocking, then `poll` waits for the first bytes (or the writer closing) for `timeout`
    /// seconds; after that the pipe is read to its end like a file.
    private static func openFIFO(path: String, timeout: Double) throws(InputError) -> Int32 {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw openError(path: path, code: errno) }
        let deadline = monotonicSeconds() + timeout
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let left = Int32(max(0, (deadline - monotonicSeconds()) * 1000))
            let result = poll(&ready, 1, left)
            if result > 0 { break }
            if result < 0 && errno == EINTR { continue }
            let reason: String
            if result < 0 {
                reason = String(cString: strerror(errno))
            } else {
                let seconds = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
                reason = "a named pipe with no writer (waited \(seconds) s; DOSSIER_FIFO_TIMEOUT sets the wait)"
            }
            close(fd)
            throw .unreadable(path, reason: reason)
        }
        // A writer is there: block on reads again until it closes the pipe.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
