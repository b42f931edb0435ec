#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files and standard input as bytes, turning errno into `InputError`.
public enum FileReader {
    public enum Kind { case file, directory, missing, other }

    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    public static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Seconds since 1970 of the last change; nil when the file cannot be examined.
    public static func modificationTime(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mtim.tv_sec)
    }

    /// The first `count` bytes of a file (fewer when it is shorter); nil when it cannot be opened.
    public static func head(path: String, bytes count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes[filled...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 { filled += n } else if n == 0 || errno != EINTR { break }
        }
        return Array(bytes[..<filled])
    }

    /// The most bytes one input may hold. The core keeps token offsets in 32 bits (a huge paragraph
    /// holds one token per word, most of its memory), so a text must stay well under 2^31 scalars;
    /// a larger input gets a one-line refusal instead of a trap deep inside the annotator.
    public static let byteLimit = 1 << 30

    /// `fifoTimeout`: seconds to wait for a named pipe's writer (default `fifoTimeout`).
    /// `byteLimit`: inputs longer than this are refused (`byteLimit` above; tests pass a small one).
    public static func read(path: String, fifoTimeout: Double? = nil,
                            byteLimit: Int = FileReader.byteLimit) throws(InputError) -> [UInt8] {
        if path == "-" { return try readAll(fd: 0, path: path, byteLimit: byteLimit) }
        switch kind(of: path) {
        case .missing: throw .noSuchFile(path)
        case .directory: throw .isDirectory(path)
        case .file, .other: break
        }
        if isFIFO(path) { return try readFIFO(path: path, timeout: fifoTimeout ?? Self.fifoTimeout, byteLimit: byteLimit) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES || code == EPERM { throw .permissionDenied(path) }
            if code == ENOENT { throw .noSuchFile(path) }
            throw .unreadable(path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        return try readAll(fd: fd, path: path, byteLimit: byteLimit)
    }

    /// Seconds to wait for a writer on a named pipe; `DOSSIER_FIFO_TIMEOUT` overrides the 10 s.
    static var fifoTimeout: Double {
        getenv("DOSSIER_FIFO_TIMEOUT").flatMap { Double(String(cString: $0)) }.map { max(0, $0) } ?? 10
    }

    static func isFIFO(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    }

    /// A named pipe blocks `open` until a writer opens it, forever if none does. Opened without
    /// blocking, then `poll` waits for the first bytes (or the writer closing) for `fifoTimeout`
    /// seconds; after that the pipe is read to its end like a file.
    private static func readFIFO(path: String, timeout: Double, byteLimit: Int) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES || code == EPERM { throw .permissionDenied(path) }
            throw .unreadable(path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        let deadline = monotonicSeconds() + timeout
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let left = Int32(max(0, (deadline - monotonicSeconds()) * 1000))
            let result = poll(&ready, 1, left)
            if result > 0 { break }
            if result < 0 && errno == EINTR { continue }
            if result < 0 { throw .unreadable(path, reason: String(cString: strerror(errno))) }
            let seconds = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
            throw .unreadable(path, reason: "a named pipe with no writer (waited \(seconds) s; DOSSIER_FIFO_TIMEOUT sets the wait)")
        }
        // A writer is there: block on reads again until it closes the pipe.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return try readAll(fd: fd, path: path, byteLimit: byteLimit)
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func readAll(fd: Int32, path: String, byteLimit: Int) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        // A regular file's size is known: one buffer of that size, where growing by doubling copied a
        // 10 MB feed about twice over and touched a fresh page for every copy.
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 {
            bytes.reserveCapacity(min(Int(info.st_size), byteLimit))
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                guard bytes.count + n <= byteLimit else {
                    throw .unreadable(path, reason: "larger than \(limitText(byteLimit)), the most Dossier reads from one input")
                }
                bytes.append(contentsOf: chunk[0..<n])
            } else if n == 0 || errno != EINTR {
                break
            }
        }
        return bytes
    }

    /// "1024 MB" for the real limit, "100 bytes" for a test's.
    static func limitText(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }

    /// Article files in a folder, sorted by name; subfolders only when `recursive`.
    public static func articleFiles(in directory: String, recursive: Bool) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var files: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            switch kind(of: path) {
            case .directory where recursive: files.append(contentsOf: articleFiles(in: path, recursive: true))
            case .file where isArticleName(name): files.append(path)
            default: break
            }
        }
        return files.sorted()
    }

    /// Article files by extension; README, LICENSE and NOTICE files document a folder, they are not articles.
    public static func isArticleName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if ["readme", "license", "licence", "notice"].contains(where: { lower.hasPrefix($0) }) { return false }
        // Dossier's own exports ("x.notes.md", "briefing.notes.html") are not articles to read again.
        if [".notes.md", ".notes.html", ".notes.json", ".notes.jsonld"].contains(where: { lower.hasSuffix($0) }) { return false }
        return [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl"].contains { lower.hasSuffix($0) }
    }
}
