/// Decides what kind of text a file holds: content first, the extension as a tie-breaker.
///
/// HTML is recognised here but extracted by the DossierHTML module; JSON Lines are read by the CLI.
/// Only the first 64 KB are looked at (`TextHead`), so detection costs the same for any size of text.
public enum SourceFormatDetector {
    /// HTML cues are looked for in the first 4096 scalars, as a person would look at the top of the page.
    static let htmlHeadScalars = 4096

    public static func format(ofText text: String, pathHint: String?) -> SourceFormat {
        format(of: TextHead(text), pathHint: pathHint)
    }

    static func format(of head: TextHead, pathHint: String?) -> SourceFormat {
        let lower = pathHint?.lowercased() ?? ""
        let htmlHead = 0..<head.prefixEnd(ofScalars: htmlHeadScalars, in: 0..<head.bytes.count)
        var first = htmlHead.lowerBound
        while first < htmlHead.upperBound && (head.bytes[first] == 0x20 || head.bytes[first] == 0x0A || head.bytes[first] == 0x09) {
            first += 1
        }
        let trimmed = first..<htmlHead.upperBound
        func startsWith(_ prefix: StaticString) -> Bool {
            head.contains(prefix, in: trimmed.lowerBound..<min(trimmed.upperBound, trimmed.lowerBound + prefix.utf8CodeUnitCount),
                          ignoringCase: true)
        }
        if startsWith("<!doctype html") || startsWith("<html") || startsWith("<?xml") && head.contains("<html", in: htmlHead, ignoringCase: true) {
            return .html
        }
        if looksLikeJSONLines(head) { return .jsonLines }
        let startsWithTag = startsWith("<")
        let isHTMLFile = lower.hasSuffix(".html") || lower.hasSuffix(".htm")
        // Counting tags costs a pass over the head: only when a tag starts the text or the name says HTML.
        if startsWithTag || isHTMLFile {
            let tags = tagCues.reduce(0) { $0 + head.occurrences(of: $1, in: htmlHead, ignoringCase: true) }
            if tags >= 5 && startsWithTag { return .html }
            if isHTMLFile { return tags >= 1 || startsWithTag ? .html : .text }
        }
        if MarkdownReader.looksLikeMarkdown(head) { return .markdown }
        if startsWith("---"), FrontMatter.split(String(decoding: head.bytes.prefix(8192), as: UTF8.self)) != nil { return .markdown }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        return .text
    }

    static let tagCues: [StaticString] = ["<p>", "<div", "<p ", "<br", "<a href", "<span", "<body", "<head", "<meta"]

    /// Every non-empty line (of the first 50) is a `{…}` object.
    static func looksLikeJSONLines(_ text: String) -> Bool { looksLikeJSONLines(TextHead(text)) }

    /// The same on the head; a line cut at the head's end counts when it opens with `{`.
    static func looksLikeJSONLines(_ head: TextHead) -> Bool {
        var lines = 0, seen = 0
        var answer = true
        head.forEachLine { line, cut in
            seen += 1
            let s = head.trimmed(line)
            if !s.isEmpty {
                guard head.bytes[s.lowerBound] == 0x7B, !head.joinsPrevious(at: s.lowerBound + 1), cut || head.bytes[s.upperBound - 1] == 0x7D else { answer = false; return false }
                lines += 1
            }
            return seen < 50
        }
        return answer && lines > 0
    }

    /// A plain-text or Markdown document; HTML and JSON Lines need their own readers.
    public static func document(fromText text: String, pathHint: String?) -> SourceDocument {
        let format = format(ofText: text, pathHint: pathHint)
        if format == .markdown { return MarkdownReader.document(from: text) }
        return SourceDocument(text: text, format: format)
    }
}
