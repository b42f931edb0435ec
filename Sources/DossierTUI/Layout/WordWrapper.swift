/// Breaks a paragraph's glyphs into lines no wider than a width: greedy, at spaces, after hyphens
/// and dashes, between wide (CJK) characters, and inside a word only when the word alone is too wide.
enum WordWrapper {
    /// Half-open glyph ranges, one per line; spaces at a break are dropped from both lines.
    static func lines(_ glyphs: [Glyph], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var lineStart = 0
        var lineWidth = 0
        var lastBreak: Int? = nil  // glyph index where the next line would start after a break
        var index = 0
        func skipSpaces(_ from: Int) -> Int {
            var i = from
            while i < glyphs.count, glyphs[i].isSpace, !glyphs[i].isHardBreak { i += 1 }
            return i
        }
        func trimmedEnd(_ end: Int) -> Int {
            var e = end
            while e > lineStart, glyphs[e - 1].isSpace { e -= 1 }
            return e
        }
        while index < glyphs.count {
            let glyph = glyphs[index]
            if glyph.isHardBreak {
                lines.append(lineStart..<trimmedEnd(index))
                index += 1
                lineStart = index
                lineWidth = 0
                lastBreak = nil
                continue
            }
            if glyph.isSpace {
                lastBreak = index
                lineWidth += glyph.width
                index += 1
                continue
            }
            if lineWidth + glyph.width > width {
                if let breakAt = lastBreak, breakAt > lineStart {
                    lines.append(lineStart..<trimmedEnd(breakAt))
                    lineStart = skipSpaces(breakAt)
                } else {
                    lines.append(lineStart..<index)  // a word wider than the line: cut it
                    lineStart = index
                }
                lastBreak = nil
                lineWidth = 0
                for i in lineStart..<index { lineWidth += glyphs[i].width }
                continue
            }
            lineWidth += glyph.width
            index += 1
            if glyph.width == 2 || glyph.text == "-" || glyph.text == "–" || glyph.text == "—" || glyph.text == "/" {
                lastBreak = index
            }
        }
        if lineStart < glyphs.count || lines.isEmpty { lines.append(lineStart..<trimmedEnd(glyphs.count)) }
        return lines
    }
}
