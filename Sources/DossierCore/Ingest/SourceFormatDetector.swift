/// Decides what kind of text a file holds: content first, the extension as a tie-breaker. The one set
/// of rules for every reader of files, standard input and downloads.
///
/// HTML is recognised here but extracted by the DossierHTML module; JSON Lines and feeds are read by
/// DossierLoading. Only the first 64 KB are looked at (`TextHead`), so detection costs the same for any
/// size of text.
public enum SourceFormatDetector {
    /// HTML cues are looked for in the first 4096 scalars, as a person would look at the top of the page.
    static let htmlHeadScalars = 4096

    public static func format(ofText text: String, pathHint: String?) -> SourceFormat {
        format(of: TextHead(text), pathHint: pathHint)
    }

    /// How many leading bytes `format(ofBytes:)` reads: given this many (or the whole input when it
    /// is shorter), it answers as it would on the whole. A reader of a stream reads this much first.
    public static var headByteCount: Int { TextHead.byteLimit + 1 }

    /// The same on bytes not yet decoded: a web page goes to libxml2 as bytes (it decodes the page's
    /// own charset), so it must be recognised before any decoding of the whole.
    public static func format(ofBytes bytes: some Collection<UInt8>, pathHint: String?) -> SourceFormat {
        format(of: TextHead(utf8: bytes), pathHint: pathHint)
    }

    static func format(of head: TextHead, pathHint: String?) -> SourceFormat {
        let lower = pathHint?.lowercased() ?? ""
        let htmlHead = 0..<head.prefixEnd(ofScalars: htmlHeadScalars, in: 0..<head.bytes.count)
        let first = firstVisible(head, in: htmlHead)
        let trimmed = first..<htmlHead.upperBound
        func startsWith(_ prefix: StaticString) -> Bool {
            head.contains(prefix, in: trimmed.lowerBound..<min(trimmed.upperBound, trimmed.lowerBound + prefix.utf8CodeUnitCount),
                          ignoringCase: true)
        }
        let startsWithTag = startsWith("<")
        if startsWithTag {
            if startsWith("<!doctype html") || startsWith("<html") { return .html }
            // An XML document is told by its root element: a feed, an outline of feeds, or XHTML.
            switch rootElement(head, from: first, in: htmlHead) {
            case "rss", "feed", "rdf:rdf", "opml": return .feed
            case "html": return .html
            default: break
            }
            // A page saved without its first lines still names its structure early on.
            if head.contains("<head", in: trimmed, ignoringCase: true) || head.contains("<body", in: trimmed, ignoringCase: true) {
                return .html
            }
        }
        if looksLikeJSONLines(head) { return .jsonLines }
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

    /// Where the first byte that is not white space nor a byte-order mark is (the range's end when none).
    static func firstVisible(_ head: TextHead, in range: Range<Int>) -> Int {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = head.bytes[i]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { i += 1; continue }
            if b == 0xEF, i + 2 < range.upperBound, head.bytes[i + 1] == 0xBB, head.bytes[i + 2] == 0xBF { i += 3; continue }
            break
        }
        return i
    }

    /// The lowercased name of the first element of an XML document starting at `start`, past its
    /// declaration, comments, processing instructions and DOCTYPE; nil when there is none in the range.
    static func rootElement(_ head: TextHead, from start: Int, in range: Range<Int>) -> String? {
        let bytes = head.bytes
        var i = start
        func skip(past terminator: [UInt8]) -> Bool {
            while i + terminator.count <= range.upperBound {
                if bytes[i..<(i + terminator.count)].elementsEqual(terminator) { i += terminator.count; return true }
                i += 1
            }
            return false
        }
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { i += 1; continue }
            guard b == 0x3C, i + 1 < range.upperBound else { return nil }
            switch bytes[i + 1] {
            case 0x3F:   // <? … ?>
                guard skip(past: [0x3F, 0x3E]) else { return nil }
            case 0x21:   // <!-- … --> or <!DOCTYPE …>
                if i + 3 < range.upperBound, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                    guard skip(past: [0x2D, 0x2D, 0x3E]) else { return nil }
                } else {
                    guard skip(past: [0x3E]) else { return nil }
                }
            default:
                var end = i + 1
                while end < range.upperBound, !(bytes[end] == 0x20 || bytes[end] == 0x3E || bytes[end] == 0x2F || (bytes[end] >= 0x09 && bytes[end] <= 0x0D)) {
                    end += 1
                }
                let name = bytes[(i + 1)..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                return String(decoding: name, as: UTF8.self)
            }
        }
        return nil
    }

    /// JSON Lines: the first non-blank line opens a `{…}` object, and either names a `"text"` field (a
    /// feed whose later lines are broken is still read as a feed, each broken line reported) or every
    /// non-empty line of the first 50 is an object.
    static func looksLikeJSONLines(_ text: String) -> Bool { looksLikeJSONLines(TextHead(text)) }

    /// The same on the head; a line cut at the head's end counts when it opens with `{`.
    static func looksLikeJSONLines(_ head: TextHead) -> Bool {
        var answer: Bool? = nil
        var seen = 0
        head.forEachLine { line, cut in
            seen += 1
            let s = head.trimmed(line)
            if s.isEmpty { return seen < 50 }
            let opens = head.bytes[s.lowerBound] == 0x7B && !head.joinsPrevious(at: s.lowerBound + 1)
            if answer == nil && opens && head.contains("\"text\"", in: s) {
                answer = true
                return false
            }
            guard opens && (cut || head.bytes[s.upperBound - 1] == 0x7D) else {
                answer = false
                return false
            }
            answer = true
            return seen < 50
        }
        return answer ?? false
    }

    /// The articles of a plain-text or Markdown file, each with the 1-based line where it starts: a paste of
    /// several articles gives several (`PasteSplitter`), anything else one document as `document(fromText:)`.
    public static func articles(fromText text: String, pathHint: String?) -> [(firstLine: Int, document: SourceDocument)] {
        // YAML front matter opens one Markdown article: its `---` lines are not separators.
        if text.hasPrefix("---"), FrontMatter.split(text) != nil { return [(1, document(fromText: text, pathHint: pathHint))] }
        let parts = PasteSplitter.split(text)
        if parts.count == 1 { return [(1, document(fromText: text, pathHint: pathHint))] }
        // Each part is read on its own: one may be Markdown, the next plain text.
        return parts.map { ($0.firstLine, document(fromText: $0.text, pathHint: pathHint)) }
    }

    /// A plain-text or Markdown document; HTML, JSON Lines and feeds need their own readers.
    public static func document(fromText text: String, pathHint: String?) -> SourceDocument {
        let format = format(ofText: text, pathHint: pathHint)
        if format == .markdown { return MarkdownReader.document(from: text) }
        return SourceDocument(text: text, format: format)
    }
}
