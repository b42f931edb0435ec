import DossierCore

/// Recognises HTML pages and JSON Lines feeds by their content, for input that arrives on standard
/// input or with an extension that says nothing (`page.txt` saved from a browser, `feed.log`).
///
/// `SourceFormatDetector` (the core's) decides first from the extension; this only upgrades a
/// text or Markdown verdict when the content is unmistakably HTML or JSON Lines. Both read only
/// the first kilobytes, so sniffing costs the same for any size of input.
enum FormatSniffer {
    /// The first 4096 scalars are read.
    static let headScalars = 4096

    static func format(ofText text: String, pathHint: String?) -> SourceFormat {
        let hinted = SourceFormatDetector.format(ofText: text, pathHint: pathHint)
        guard hinted == .text || hinted == .markdown else { return hinted }
        let head = Self.head(of: text)
        if looksLikeHTML(head) { return .html }
        if hinted == .text && looksLikeJSONLines(head) { return .jsonLines }
        return hinted
    }

    /// The UTF-8 bytes of the first `headScalars` scalars.
    static func head(of text: String) -> [UInt8] {
        // A scalar is at most 4 bytes; count scalar starts to cut after the last whole one.
        var bytes = Array(text.utf8.prefix(4 * headScalars))
        var scalars = 0
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
            if scalars == headScalars { bytes.removeSubrange(i...); break }
            scalars += 1
        }
        return bytes
    }

    /// Where the first scalar that is not white space (nor a byte-order mark) starts.
    static func firstVisible(_ head: [UInt8]) -> Int? {
        var i = 0
        while i < head.count {
            let b = head[i]
            if b < 0x80 {
                if !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) { return i }
                i += 1
                continue
            }
            var end = i + 1
            while end < head.count && head[end] & 0xC0 == 0x80 { end += 1 }
            guard let scalar = String(decoding: head[i..<end], as: UTF8.self).unicodeScalars.first,
                  scalar.properties.isWhitespace || scalar == "\u{FEFF}" else { return i }
            i = end
        }
        return nil
    }

    /// Starts with a tag and names the page structure early on: `<!DOCTYPE html>`, `<html>`, `<head>` or `<body>`.
    static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        guard let first = firstVisible(head), head[first] == 0x3C else { return false }
        // ASCII lowercasing finds what full lowercasing would: no non-ASCII letter lowercases to these letters.
        let lower = head[first...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return ["<!doctype html", "<html", "<head", "<body"].contains { contains(lower, Array($0.utf8)) }
    }

    /// The first non-blank line is a JSON object with a "text" field.
    static func looksLikeJSONLines(_ head: [UInt8]) -> Bool {
        guard let first = firstVisible(head), head[first] == 0x7B else { return false }
        let line = Array(head[first...].prefix { $0 != 0x0A })
        return contains(line, Array("\"text\"".utf8))
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
