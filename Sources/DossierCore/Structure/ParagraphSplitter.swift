/// Splits text into paragraph-sized blocks: every non-empty line is a block, except that
/// hard-wrapped lines (a long line that stops mid-sentence, continued on the next line) are joined.
///
/// Pasted web pages put each paragraph, menu item and heading on its own line, sometimes without
/// blank lines between them; plain-text files may wrap paragraphs at a fixed width. Both must give
/// one block per paragraph. Blocks are trimmed of spaces and tabs; linear in the text length.
public enum ParagraphSplitter {
    public static func blocks(_ scalars: ArticleScalars) -> [Span] {
        var blocks: [Span] = []
        var current: Span? = nil
        var previousLine: Span? = nil
        var lineStart = 0
        let count = scalars.count
        while lineStart <= count {
            var lineEnd = lineStart
            while lineEnd < count && scalars[lineEnd] != "\n" { lineEnd += 1 }
            var s = lineStart, e = lineEnd
            while s < e && isBlank(scalars[s]) { s += 1 }
            while e > s && isBlank(scalars[e - 1]) { e -= 1 }
            if s == e {
                if let c = current { blocks.append(c) }
                current = nil
                previousLine = nil
            } else {
                let line = Span(s, e)
                if let c = current, let previous = previousLine, continues(previous, with: line, in: scalars) {
                    current = Span(c.start, e)
                } else {
                    if let c = current { blocks.append(c) }
                    current = line
                }
                previousLine = line
            }
            lineStart = lineEnd + 1
        }
        if let c = current { blocks.append(c) }
        return blocks
    }

    static func spaces(in span: Span, _ scalars: ArticleScalars) -> Int {
        var n = 0
        for i in span.start..<min(span.end, span.start + 200) where scalars[i] == " " { n += 1 }
        return n
    }

    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\r" }

    /// A line continues the previous one when the previous is long and stops mid-sentence.
    static func continues(_ previous: Span, with line: Span, in scalars: ArticleScalars) -> Bool {
        guard previous.length >= 50, spaces(in: previous, scalars) >= 6, spaces(in: line, scalars) >= 2 else { return false }
        let last = scalars[previous.end - 1]
        if ".!?:;…\"”»)]".unicodeScalars.contains(last) { return false }
        let first = scalars[line.start]
        // List items and Markdown structure start their own block.
        if "-*•#>|+".unicodeScalars.contains(first) { return false }
        if first.properties.isLowercase { return true }
        if last == "," || last == "-" || last == "–" || last == "—" { return true }
        return last.properties.isLowercase && previous.length >= 60 && line.length >= 30
    }
}
