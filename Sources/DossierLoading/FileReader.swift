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

    public static func read(path: String) throws(InputError) -> [UInt8] {
        if path == "-" { return readAll(fd: 0) }
        switch kind(of: path) {
        case .missing: throw .noSuchFile(path)
        case .directory: throw .isDirectory(path)
        case .file, .other: break
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES || code == EPERM { throw .permissionDenied(path) }
            if code == ENOENT { throw .noSuchFile(path) }
            throw .unreadable(path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        return readAll(fd: fd)
    }

    private static func readAll(fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                bytes.append(contentsOf: chunk[0..<n])
            } else if n == 0 || errno != EINTR {
                break
            }
        }
        return bytes
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
