#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small file-system reads for themes and the config file (the reader's only file access).
public enum TextFile {
    /// The file's contents as UTF-8 (invalid bytes repaired), or nil when it cannot be read.
    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > 1 << 20 { return nil }  // a theme or config is never a megabyte
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// $XDG_CONFIG_HOME/dossier, else ~/.config/dossier.
    public static var configDirectory: String? {
        if let xdg = environment("XDG_CONFIG_HOME"), !xdg.isEmpty { return xdg + "/dossier" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.config/dossier" }
        return nil
    }
}
