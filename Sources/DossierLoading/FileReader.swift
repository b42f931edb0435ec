#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files and standard input as bytes (through `ByteSource`), turning errno into `InputError`.
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
        let source = try ByteSource(path: path, fifoTimeout: fifoTimeout)
        var bytes: [UInt8] = []
        try source.readToEnd(appendingTo: &bytes, byteLimit: byteLimit)
        return bytes
    }

    /// Seconds to wait for a writer on a named pipe; `DOSSIER_FIFO_TIMEOUT` overrides the 10 s.
    static var fifoTimeout: Double {
        getenv("DOSSIER_FIFO_TIMEOUT").flatMap { Double(String(cString: $0)) }.map { max(0, $0) } ?? 10
    }

    public static func isFIFO(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
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
