/// Unicode Normalization Form C of UTF-8 text, one line at a time, and only for the lines that
/// hold a scalar NFC could change.
///
/// Why: normalising a whole feed or article costs the standard library's NFC walk over every
/// scalar from U+0300 up, and news text is full of such scalars that NFC never changes (curly
/// quotes, dashes, the euro sign). Why per line is the same as the whole text: LF has combining
/// class 0, is its own NFC, and composes with nothing on either side, so NFC never reorders or
/// joins across it: NFC(a + "\n" + b) == NFC(a) + "\n" + NFC(b). A line (or a piece of a long one)
/// whose scalars are all below U+0300, in `isStable` or NFC-inert is already NFC and is copied as it is.
/// `LineNFCTests` compares the result with the whole-text NFC.
enum LineNFC {
    /// `bytes` (valid UTF-8) in NFC. A long line is normalised `pieceBytes` at a time (see `pieceEnd`):
    /// a 50 MB single line made a 50 MB `String` and an NFC buffer grown to 100 MB at once.
    static func normalized(_ bytes: [UInt8], pieceBytes: Int = 1 << 16) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            // Made only when a piece changes: most lines that may change do not ("é" is written
            // composed already), and a copy of a whole 10 MB feed cost a fresh page every 4 KB.
            var changed: [UInt8]? = nil
            var copiedUpTo = 0
            var from = 0
            while let line = firstUnstableLine(buffer, from: from) {
                from = line.upperBound
                var pieceStart = line.lowerBound
                while pieceStart < line.upperBound {
                    let end = pieceEnd(buffer, from: pieceStart, lineEnd: line.upperBound, pieceBytes: pieceBytes)
                    defer { pieceStart = end }
                    // Most pieces of a long line are their own NFC (a line of Cyrillic or Greek
                    // letters with one emoji is unstable as a whole): copied later with the rest.
                    if stableEnd(buffer, from: pieceStart, to: end) == end { continue }
                    let original = UnsafeBufferPointer(rebasing: buffer[pieceStart..<end])
                    let nfc = String(decoding: original, as: UTF8.self)._nfcCodeUnits
                    if changed == nil {
                        if nfc.elementsEqual(original) { continue }
                        changed = []
                        changed?.reserveCapacity(buffer.count + buffer.count / 16)
                    }
                    changed?.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copiedUpTo..<pieceStart]))
                    changed?.append(contentsOf: nfc)
                    copiedUpTo = end
                }
            }
            guard var out = changed else { return String(decoding: buffer, as: UTF8.self) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copiedUpTo...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Where the piece of a line that starts at `start` ends: the line's end when that is within
    /// `pieceBytes`, else the first scalar from `start + pieceBytes` on that `cutsBefore` allows (an
    /// ASCII scalar, a letter: a line of Chinese, Greek or Hangul with no space is cut too); the piece
    /// ends before it.
    static func pieceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, lineEnd: Int, pieceBytes: Int) -> Int {
        guard lineEnd - start > pieceBytes else { return lineEnd }
        var cut = start + max(1, pieceBytes)
        while cut < lineEnd {
            let lead = bytes[cut]
            if lead < 0x80 { return cut }
            // A continuation byte is inside a scalar; a lead byte starts one worth decoding.
            if lead >= 0xC0, let scalar = scalar(in: bytes, at: cut, lineEnd: lineEnd), cutsBefore(scalar) { return cut }
            cut += 1
        }
        return lineEnd
    }

    /// Whether NFC neither reorders nor joins across the point before `scalar`, whatever comes before
    /// it: it has combining class 0, so no mark moves across it, and it (or the first scalar of its
    /// decomposition) is the second half of no composition, so nothing before it composes with it.
    /// Marks after it stay with it, in the next piece, as across a line feed. Every letter but the
    /// Hangul vowel and final jamo is such a scalar; the Unicode data is checked by `LineNFCTests`,
    /// for every scalar.
    static func cutsBefore(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return true }
        // Hangul medial and final jamo compose with the syllable or jamo before them.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return false }
        let properties = scalar.properties
        guard properties.canonicalCombiningClass == .notReordered else { return false }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// The scalar whose lead byte is at `index` (valid UTF-8), or nil when it runs past `lineEnd`.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, lineEnd: Int) -> Unicode.Scalar? {
        let lead = UInt32(bytes[index])
        let (length, bits): (Int, UInt32) = lead >= 0xF0 ? (4, lead & 0x07) : lead >= 0xE0 ? (3, lead & 0x0F) : (2, lead & 0x1F)
        guard index + length <= lineEnd else { return nil }
        var value = bits
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// The byte range of the first line at or after `start` (without its LF) that may change under NFC.
    static func firstUnstableLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        var lineStart = start, i = start
        while i < bytes.count {
            i = stableEnd(bytes, from: i, to: bytes.count, stoppingAtLineFeeds: true)
            guard i < bytes.count else { return nil }
            if bytes[i] == 0x0A {
                lineStart = i + 1
                i += 1
                continue
            }
            var lineEnd = i
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            return lineStart..<lineEnd
        }
        return nil
    }

    /// Where the run of scalars from `start` that NFC leaves alone wherever they stand ends (`end`
    /// when all do), at a scalar boundary: ASCII, scalars below U+0300, the stable punctuation of
    /// `isStable`, and NFC-inert scalars of the Basic Multilingual Plane (`ScalarFlags.nfcInert`:
    /// most letters of most scripts, Cyrillic and Greek among them). With `stoppingAtLineFeeds`,
    /// a line feed ends the run too.
    static func stableEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                          stoppingAtLineFeeds: Bool = false) -> Int {
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte < 0xCC {
                // ASCII, a continuation byte, or the lead byte of a scalar below U+0300.
                if byte == 0x0A && stoppingAtLineFeeds { return i }
                i += 1
            } else if byte == 0xE2, i + 2 < end, isStable(bytes[i + 1], bytes[i + 2]) {
                i += 3
            } else if byte < 0xF0, let scalar = scalar(in: bytes, at: i, lineEnd: end),
                      let flags = ScalarFlags.flags(of: scalar), flags & ScalarFlags.nfcInert != 0 {
                i += byte < 0xE0 ? 2 : 3
            } else {
                return i
            }
        }
        return end
    }

    /// Whether the three-byte scalar E2 `second` `third` is one that NFC leaves alone wherever it
    /// stands: combining class 0, no decomposition, and the second half of no composition.
    /// U+2010…U+205E (dashes, quotation marks, bullets, ellipsis, primes) and U+20A0…U+20BF
    /// (currency signs); checked against Unicode's data by `LineNFCTests`.
    @inline(__always)
    static func isStable(_ second: UInt8, _ third: UInt8) -> Bool {
        switch second {
        case 0x80: return third >= 0x90                       // U+2010…U+203F
        case 0x81: return third >= 0x80 && third <= 0x9E      // U+2040…U+205E
        case 0x82: return third >= 0xA0 && third <= 0xBF      // U+20A0…U+20BF
        default: return false
        }
    }
}
