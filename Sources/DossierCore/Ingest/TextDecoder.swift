/// Bytes → sanitised text: the door through which every article enters the core.
///
/// One linear pass over the bytes. UTF-8 is decoded by hand so that every invalid sequence
/// (overlong forms, surrogates, truncated or stray bytes, values above U+10FFFF) becomes one
/// U+FFFD per maximal invalid subpart, as the Unicode standard recommends; a UTF-8 BOM is
/// dropped; UTF-16 with a BOM (or plainly UTF-16 without one) is decoded. NUL bytes in 8-bit
/// text mean a binary file. The decoded scalars then pass through `TerminalSafeFilter`;
/// runs of plain text (most of any article) are copied in bulk by `TerminalSafeFilter.appendPlainRun`.
///
/// 8-bit text that is not UTF-8 but reads as Windows-1252 (Latin-1's superset) is decoded as such:
/// each "é" would otherwise become a replacement character and cut "José" into "Jos".
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) throws(IngestError) -> String {
        try decodeNotingEncoding(bytes, copyingPlainRuns: true).text
    }

    /// The text and the encoding it was read in, for a note to the reader when it was not UTF-8.
    public static func decodeDetectingEncoding(_ bytes: [UInt8]) throws(IngestError) -> (text: String, encoding: DetectedEncoding) {
        try decodeNotingEncoding(bytes, copyingPlainRuns: true)
    }

    /// What `decode` takes the bytes to be.
    public static func encoding(of bytes: [UInt8]) -> DetectedEncoding {
        let n = bytes.count
        if n >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return .utf16 }
        if unmarkedUTF16(bytes) != nil { return .utf16 }
        let start = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        return start == 0 && !LegacyEncoding.isValidUTF8(bytes, from: 0) && LegacyEncoding.looksLikeWindows1252(bytes, from: 0)
            ? .windows1252 : .utf8
    }

    /// `copyingPlainRuns: false` feeds every scalar to the filter: the reference that the bulk copy must match.
    static func decode(_ bytes: [UInt8], copyingPlainRuns: Bool) throws(IngestError) -> String {
        try decodeNotingEncoding(bytes, copyingPlainRuns: copyingPlainRuns).text
    }

    /// The text, and the encoding `encoding(of:)` gives, found while decoding: 8-bit text is decoded
    /// as UTF-8 first, and only when that meets an ill-formed sequence is it judged and, if it reads
    /// as Windows-1252, decoded again as that. A separate validation pass before decoding, and
    /// another for the encoding, cost a quarter of the decoding of a 50 MB line of Cyrillic text.
    static func decodeNotingEncoding(_ bytes: [UInt8], copyingPlainRuns: Bool) throws(IngestError)
        -> (text: String, encoding: DetectedEncoding) {
        var filter = TerminalSafeFilter(capacity: bytes.count)
        let n = bytes.count
        if n >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { throw .unsupportedEncoding("UTF-32") }
        if n >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { throw .unsupportedEncoding("UTF-32") }
        if n >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            try decodeUTF16(bytes, from: 2, bigEndian: false, into: &filter)
            return (filter.finish(), .utf16)
        }
        if n >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            try decodeUTF16(bytes, from: 2, bigEndian: true, into: &filter)
            return (filter.finish(), .utf16)
        }
        if let bigEndian = unmarkedUTF16(bytes) {
            try decodeUTF16(bytes, from: 0, bigEndian: bigEndian, into: &filter)
            return (filter.finish(), .utf16)
        }
        if containsNUL(bytes) { throw .notText }
        let start = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var illFormed = false
        decodeUTF8(bytes, from: start, copyingPlainRuns: copyingPlainRuns, into: &filter, illFormed: &illFormed)
        // `illFormed` is `!LegacyEncoding.isValidUTF8(bytes, from: start)`: the same rules.
        if illFormed, start == 0, LegacyEncoding.looksLikeWindows1252(bytes, from: 0) {
            filter = TerminalSafeFilter(capacity: bytes.count)
            for byte in bytes { filter.feed(LegacyEncoding.scalar(byte)) }
            return (filter.finish(), .windows1252)
        }
        return (filter.finish(), .utf8)
    }

    static func decodeUTF8(_ bytes: [UInt8], from start: Int, copyingPlainRuns: Bool, into filter: inout TerminalSafeFilter,
                           illFormed: inout Bool) {
        bytes.withUnsafeBufferPointer {
            decodeUTF8($0, from: start, copyingPlainRuns: copyingPlainRuns, into: &filter, illFormed: &illFormed)
        }
    }

    /// Sets `illFormed` when a sequence is not well-formed UTF-8 (each becomes U+FFFD).
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, copyingPlainRuns: Bool,
                           into filter: inout TerminalSafeFilter, illFormed: inout Bool) {
        let n = bytes.count
        var i = start
        while i < n {
            // Runs of plain text are copied whole; only what needs the filter's attention is fed scalar by scalar.
            if copyingPlainRuns && filter.acceptsPlainRun {
                i = filter.appendPlainRun(bytes, from: i)
                if i >= n { break }
            }
            let b0 = bytes[i]
            if b0 < 0x80 {
                filter.feed(UInt32(b0))
                i += 1
                continue
            }
            var need = 0
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            var value = UInt32(0)
            switch b0 {
            case 0xC2...0xDF: need = 1; value = UInt32(b0 & 0x1F)
            case 0xE0: need = 2; lower = 0xA0; value = UInt32(b0 & 0x0F)           // no overlong 3-byte forms
            case 0xE1...0xEC, 0xEE...0xEF: need = 2; value = UInt32(b0 & 0x0F)
            case 0xED: need = 2; upper = 0x9F; value = UInt32(b0 & 0x0F)           // no surrogates
            case 0xF0: need = 3; lower = 0x90; value = UInt32(b0 & 0x07)           // no overlong 4-byte forms
            case 0xF1...0xF3: need = 3; value = UInt32(b0 & 0x07)
            case 0xF4: need = 3; upper = 0x8F; value = UInt32(b0 & 0x07)           // nothing above U+10FFFF
            default:                                                                // C0, C1, F5–FF, stray continuation
                filter.feed(0xFFFD)
                illFormed = true
                i += 1
                continue
            }
            var j = i + 1
            var valid = true
            for k in 0..<need {
                guard j < n else { valid = false; break }
                let b = bytes[j]
                guard b >= (k == 0 ? lower : 0x80), b <= (k == 0 ? upper : 0xBF) else { valid = false; break }
                value = value << 6 | UInt32(b & 0x3F)
                j += 1
            }
            // An invalid sequence is replaced once; the byte that broke it starts the next one.
            if !valid { illFormed = true }
            filter.feed(valid ? value : 0xFFFD)
            i = j
        }
    }

    static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool, into filter: inout TerminalSafeFilter) throws(IngestError) {
        let n = bytes.count
        var i = start
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while i + 1 < n {
            let u = unit(i)
            i += 2
            if u == 0 { throw .notText }
            if u >= 0xD800 && u <= 0xDBFF {
                if i + 1 < n {
                    let low = unit(i)
                    if low >= 0xDC00 && low <= 0xDFFF {
                        filter.feed(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                        i += 2
                        continue
                    }
                }
                filter.feed(0xFFFD)
            } else if u >= 0xDC00 && u <= 0xDFFF {
                filter.feed(0xFFFD)
            } else {
                filter.feed(u)
            }
        }
        if i < n { filter.feed(0xFFFD) }   // an odd trailing byte
    }

    /// Whether a NUL byte occurs, eight bytes at a time.
    static func containsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            while i + 8 <= bytes.count {
                if EightBytes.hasByte(0, EightBytes.load(bytes, at: i)) { return true }
                i += 8
            }
            return bytes[i...].contains(0)
        }
    }

    /// UTF-16 without a BOM shows as ASCII text with every other byte zero; nil when it is not that.
    static func unmarkedUTF16(_ bytes: [UInt8]) -> Bool? {
        let sample = min(bytes.count, 200) & ~1
        guard sample >= 4 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for i in 0..<sample where bytes[i] == 0 {
            if i % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let pairs = sample / 2
        if zeroOdd == pairs && zeroEven == 0 { return false }
        if zeroEven == pairs && zeroOdd == 0 { return true }
        return nil
    }
}
