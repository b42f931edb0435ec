/// A paragraph-sized block of a pasted page, as a byte range with its length in scalars.
///
/// `blocks(in:)` is `ParagraphSplitter.blocks` (Structure) on UTF-8 bytes: the same blocks, line
/// for line and join for join, so that what the filter keeps splits into the same paragraphs
/// again. A test checks that the two agree on the seed and eval articles.
struct TextBlock: Equatable, Sendable {
    var bytes: Range<Int>
    /// The length in scalars, which the rules of the filter and the splitter are written in.
    var length: Int

    static func blocks(in page: PageText) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var current: TextBlock? = nil
        var previousLine: TextBlock? = nil
        var lineStart = 0
        let count = page.count
        while lineStart <= count {
            var lineEnd = lineStart
            var scalars = 0
            while lineEnd < count {
                // Eight bytes at a time while they are ASCII (one scalar each) and hold no line feed.
                if lineEnd + 8 <= count && EightBytes.allASCIIWithoutLineFeed(EightBytes.load(page.bytes, at: lineEnd)) {
                    scalars += 8
                    lineEnd += 8
                    continue
                }
                let b = page[lineEnd]
                if b == 0x0A { break }
                if b & 0xC0 != 0x80 { scalars += 1 }
                lineEnd += 1
            }
            // Blanks are ASCII: one byte, one scalar each.
            var s = lineStart, e = lineEnd
            while s < e && isBlank(page[s]) { s += 1 }
            while e > s && isBlank(page[e - 1]) { e -= 1 }
            if s == e {
                if let c = current { blocks.append(c) }
                current = nil
                previousLine = nil
            } else {
                let line = TextBlock(bytes: s..<e, length: scalars - (s - lineStart) - (lineEnd - e))
                if let c = current, let previous = previousLine, continues(previous, with: line, in: page) {
                    // Between the two: the previous line's trailing blanks, the line feed, this line's leading blanks.
                    current = TextBlock(bytes: c.bytes.lowerBound..<e, length: c.length + (s - c.bytes.upperBound) + line.length)
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

    /// Spaces among the first 200 scalars.
    static func spaces(in block: TextBlock, _ page: PageText) -> Int {
        var n = 0, seen = 0
        var i = block.bytes.lowerBound
        while i < block.bytes.upperBound {
            let b = page[i]
            if b & 0xC0 != 0x80 {
                if seen == 200 { break }
                seen += 1
                if b == 0x20 { n += 1 }
            }
            i += 1
        }
        return n
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    /// A line continues the previous one when the previous is long and stops mid-sentence.
    static func continues(_ previous: TextBlock, with line: TextBlock, in page: PageText) -> Bool {
        guard previous.length >= 50, spaces(in: previous, page) >= 6, spaces(in: line, page) >= 2 else { return false }
        let last = page.lastScalar(in: previous.bytes)
        if ".!?:;…\"”»)]".unicodeScalars.contains(last) { return false }
        let first = page.scalar(at: line.bytes.lowerBound).0
        // List items and Markdown structure start their own block.
        if "-*•#>|+".unicodeScalars.contains(first) { return false }
        if first.properties.isLowercase { return true }
        if last == "," || last == "-" || last == "–" || last == "—" { return true }
        return last.properties.isLowercase && previous.length >= 60 && line.length >= 30
    }
}
