/// Decides what kind of text a file holds: content first, the extension as a tie-breaker.
///
/// HTML is recognised here but extracted by the DossierHTML module; JSON Lines are read by the CLI.
public enum SourceFormatDetector {
    public static func format(ofText text: String, pathHint: String?) -> SourceFormat {
        let lower = pathHint?.lowercased() ?? ""
        let head = Substring(text.utf8.count > 4096 ? String(text.prefix(4096)) : text)
        let headLower = head.lowercased()
        let trimmed = headLower.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<?xml") && headLower.contains("<html") {
            return .html
        }
        if looksLikeJSONLines(text) { return .jsonLines }
        let tags = ["<p>", "<div", "<p ", "<br", "<a href", "<span", "<body", "<head", "<meta"].reduce(0) { $0 + headLower.components($1) }
        if tags >= 5 && trimmed.hasPrefix("<") { return .html }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return tags >= 1 || trimmed.hasPrefix("<") ? .html : .text }
        if MarkdownReader.looksLikeMarkdown(text) { return .markdown }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        return .text
    }

    /// Every non-empty line (of the first 50) is a `{…}` object.
    static func looksLikeJSONLines(_ text: String) -> Bool {
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(50) {
            var s = line[...]
            while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
            while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
            if s.isEmpty { continue }
            guard s.first == "{", s.last == "}" else { return false }
            lines += 1
        }
        return lines > 0
    }

    /// A plain-text or Markdown document; HTML and JSON Lines need their own readers.
    public static func document(fromText text: String, pathHint: String?) -> SourceDocument {
        let format = format(ofText: text, pathHint: pathHint)
        if format == .markdown { return MarkdownReader.document(from: text) }
        return SourceDocument(text: text, format: format)
    }
}

private extension String {
    func components(_ needle: String) -> Int {
        var count = 0
        var rest = Substring(self)
        while let r = rest.firstRange(of: needle) { count += 1; rest = rest[r.upperBound...] }
        return count
    }
}
