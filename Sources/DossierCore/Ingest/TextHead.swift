/// The first kilobytes of a text as UTF-8 bytes: all that format detection looks at, so that
/// recognising a 100 MB file costs no more than recognising a 1 KB one.
///
/// Matching is on bytes. The patterns are ASCII, and ASCII lowercasing of the bytes finds the same
/// matches as lowercasing the whole String would: the only non-ASCII letters that lowercase to
/// ASCII (K KELVIN SIGN → k, İ → i + U+0307) cannot complete a pattern of these letters.
struct TextHead {
    /// Enough for 50 JSON Lines records or 400 lines of Markdown of ordinary length.
    static let byteLimit = 64 * 1024

    let bytes: [UInt8]
    /// The text goes on after `bytes`: the last line may be cut.
    let isTruncated: Bool

    init(_ text: String, byteLimit: Int = TextHead.byteLimit) {
        self.init(utf8: text.utf8, byteLimit: byteLimit)
    }

    /// The head of raw bytes not yet decoded (a file or a download): sniffed before the whole is decoded.
    init(utf8: some Collection<UInt8>, byteLimit: Int = TextHead.byteLimit) {
        // One byte more than the limit shows whether the text goes on, and where the last whole scalar ends.
        var head = Array(utf8.prefix(byteLimit + 1))
        isTruncated = head.count > byteLimit
        if isTruncated {
            var cut = byteLimit
            while cut > 0 && head[cut] & 0xC0 == 0x80 { cut -= 1 }
            head.removeSubrange(cut...)
        }
        bytes = head
    }

    /// Each line (split at LF) that holds at least one byte, with whether it is cut at the byte limit;
    /// `body` returns false to stop.
    func forEachLine(_ body: (_ line: Range<Int>, _ cut: Bool) -> Bool) {
        let n = bytes.count
        var start = 0
        while start < n {
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            if end > start && !body(start..<end, end == n && isTruncated) { return }
            start = end + 1
        }
    }

    /// The line without leading and trailing spaces, tabs and carriage returns.
    func trimmed(_ line: Range<Int>) -> Range<Int> {
        var s = line.lowerBound, e = line.upperBound
        while s < e && Self.isSpaceTabOrCR(bytes[s]) { s += 1 }
        while e > s && Self.isSpaceTabOrCR(bytes[e - 1]) { e -= 1 }
        return s..<e
    }

    /// Whether `bytes[range]` starts with the ASCII `prefix` (compared as is).
    func starts(_ range: Range<Int>, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard range.count >= count else { return false }
        return prefix.withUTF8Buffer { p in
            for k in 0..<count where bytes[range.lowerBound + k] != p[k] { return false }
            return true
        } && !joinsPrevious(at: range.lowerBound + count)
    }

    /// Whether `bytes[range]` contains the ASCII `needle`; with `ignoringCase`, ASCII letters of the text
    /// are lowercased first (the needle must be lowercase).
    func contains(_ needle: StaticString, in range: Range<Int>, ignoringCase: Bool = false) -> Bool {
        occurrences(of: needle, in: range, ignoringCase: ignoringCase, stopAfter: 1) > 0
    }

    /// How many times the ASCII `needle` occurs (without overlap) in `bytes[range]`.
    func occurrences(of needle: StaticString, in range: Range<Int>, ignoringCase: Bool, stopAfter limit: Int = .max) -> Int {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return 0 }
        return needle.withUTF8Buffer { p in
            var found = 0
            var i = range.lowerBound
            while i + count <= range.upperBound {
                var k = 0
                while k < count {
                    var b = bytes[i + k]
                    if ignoringCase && b >= 0x41 && b <= 0x5A { b |= 0x20 }
                    if b != p[k] { break }
                    k += 1
                }
                if k == count && !joinsPrevious(at: i + count) {
                    found += 1
                    if found >= limit { return found }
                    i += count
                } else {
                    i += 1
                }
            }
            return found
        }
    }

    /// The end of the first `scalars` scalars of `range` (the whole range when it holds fewer).
    func prefixEnd(ofScalars scalars: Int, in range: Range<Int>) -> Int {
        var seen = 0
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] & 0xC0 != 0x80 {
                if seen == scalars { return i }
                seen += 1
            }
            i += 1
        }
        return range.upperBound
    }

    /// Whether the scalar at `offset` joins the character before it (a combining mark, a joiner, a variation
    /// selector …): an ASCII match followed by one ends inside a Character, so as Strings compare it is no match.
    func joinsPrevious(at offset: Int) -> Bool {
        guard offset < bytes.count, bytes[offset] >= 0xCC else { return false }   // nothing below U+0300 joins
        var end = offset + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first else { return false }
        let p = scalar.properties
        return p.isGraphemeExtend || p.isEmojiModifier || p.generalCategory == .spacingMark || scalar == "\u{200D}"
    }

    static func isSpaceTabOrCR(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
}
