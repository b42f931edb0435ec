import DossierCore
import Foundation

/// An article's identity (SHA-256 of its clean text) and the path form the store keeps.
public enum ArticleIdentity {
    public static func id(of text: ArticleText) -> String {
        // Hashed a piece at a time: the whole text as one String (and `update`'s copy of it) held
        // twice the text again while a 50 MB article was being opened (issue 13).
        var hasher = SHA256()
        text.scalars.forEachUTF8Piece { hasher.update($0) }
        return SHA256.hex(hasher.finalize())
    }

    /// An absolute path with symbolic links resolved, so `./a.txt` and `/home/me/a.txt` are one file;
    /// "-" (standard input) and "feed.jsonl:3" (a line of a feed) keep their form when not a real file.
    public static func canonicalPath(_ path: String) -> String {
        if path == "-" { return path }
        guard let resolved = realpath(path, nil) else {
            // "feed.jsonl:3": resolve the file part and keep the line number.
            if let colon = path.lastIndex(of: ":"), Int(path[path.index(after: colon)...]) != nil,
               let file = realpath(String(path[..<colon]), nil) {
                defer { free(file) }
                return String(cString: file) + String(path[colon...])
            }
            return path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
