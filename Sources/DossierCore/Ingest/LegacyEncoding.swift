/// Windows-1252 (the superset of Latin-1 that Windows and many old web pages write), for bytes that
/// are not UTF-8. Latin-1 text is almost never valid UTF-8 ("é" alone is the byte E9, which UTF-8
/// cannot start a sequence with in front of an ASCII letter); `looksLikeWindows1252` tells it from
/// damaged UTF-8 by how its high bytes stand, with no guessing about languages.
enum LegacyEncoding {
    /// 0x80–0x9F in Windows-1252; 0 where the code page leaves the byte undefined.
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The scalar a Windows-1252 byte stands for (U+FFFD for the five undefined bytes).
    static func scalar(_ byte: UInt8) -> UInt32 {
        if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
        let mapped = windows1252High[Int(byte - 0x80)]
        return mapped == 0 ? 0xFFFD : mapped
    }

    /// Whether bytes that are not valid UTF-8 read as Windows-1252 text: no valid multi-byte UTF-8
    /// sequence anywhere (a UTF-8 file with a few damaged bytes has them), and most bytes above
    /// 0x7F standing alone between ASCII, as accented letters and curly quotes do ("Jos\u{E9} ").
    /// Broken UTF-8 comes in runs of high bytes (C0 AF, ED A0 80) and is repaired as UTF-8 instead.
    static func looksLikeWindows1252(_ bytes: [UInt8], from start: Int) -> Bool {
        var high = 0, isolated = 0
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if let length = validSequenceLength(bytes, at: i), length > 1 { return false }
            high += 1
            let before = i == start || bytes[i - 1] < 0x80
            let after = i + 1 >= n || bytes[i + 1] < 0x80
            if before && after { isolated += 1 }
            i += 1
        }
        return high > 0 && isolated * 2 >= high
    }

    /// The length of the valid UTF-8 sequence starting at `i`, or nil.
    static func validSequenceLength(_ bytes: [UInt8], at i: Int) -> Int? {
        let b0 = bytes[i]
        if b0 < 0x80 { return 1 }
        var need = 0
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; upper = 0x9F
        case 0xF0: need = 3; lower = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; upper = 0x8F
        default: return nil
        }
        for k in 0..<need {
            let j = i + 1 + k
            guard j < bytes.count, bytes[j] >= (k == 0 ? lower : 0x80), bytes[j] <= (k == 0 ? upper : 0xBF) else { return nil }
        }
        return need + 1
    }

    /// Whether `bytes` from `start` are well-formed UTF-8 (the same rules as `TextDecoder.decodeUTF8`).
    static func isValidUTF8(_ bytes: [UInt8], from start: Int) -> Bool {
        var i = start
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            guard let length = validSequenceLength(bytes, at: i) else { return false }
            i += length
        }
        return true
    }
}

/// The encoding `TextDecoder` found.
public enum DetectedEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf16 = "UTF-16"
    /// Not valid UTF-8: read as Windows-1252 / Latin-1.
    case windows1252 = "Windows-1252"
}
