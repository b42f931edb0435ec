/// Parses the word lists shipped as string literals: one entry per line, `#` starts a comment line.
///
/// The lists are parsed once, lazily, through `static let`s of the lexicon types, so the parsing
/// cost is paid at first use and never per article.
enum WordList {
    /// The entries of a list, blank lines and comments skipped, surrounding spaces trimmed.
    static func entries(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let entry = trimmed(line)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            result.append(entry)
        }
        return result
    }

    static func set(_ text: String) -> Set<String> { Set(entries(text)) }

    /// The lines of a generated list (Generated/): one clean entry a line, no comments, so the
    /// bytes are split without trimming (these lists hold tens of thousands of words).
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { utf8 -> [String] in
            var result: [String] = []
            var start = 0
            for index in 0...utf8.count where index == utf8.count || utf8[index] == 0x0A {
                if index > start {
                    result.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<index]), as: UTF8.self))
                }
                start = index + 1
            }
            return result
        }
    }

    /// Calls `body` with the bytes of each non-empty line of a generated list, and returns how many
    /// lines there were: the large "word value" tables parse their lines from bytes, without a
    /// `String` or `Substring` per field (tens of thousands of lines, parsed by every run). The
    /// newline is looked for eight bytes at a time, about half the time of a byte-by-byte scan.
    @discardableResult
    static func forEachLine(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        var text = text
        return text.withUTF8 { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            let raw = UnsafeRawPointer(base)
            let end = bytes.count
            var lineStart = 0, count = 0
            while lineStart < end {
                var index = lineStart
                while index + 8 <= end {
                    // The first newline of the eight: a zero byte of `word`, whose high bit alone
                    // stays clear in `(byte & 0x7F) + 0x7F | byte` (no carry leaves a byte).
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian ^ 0x0A0A_0A0A_0A0A_0A0A
                    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
                    let zeros = ~(((word & low7) &+ low7) | word | low7)
                    if zeros != 0 {
                        index += zeros.trailingZeroBitCount >> 3
                        break
                    }
                    index += 8
                }
                while index < end, base[index] != 0x0A { index += 1 }
                if index > lineStart {
                    body(UnsafeBufferPointer(start: base + lineStart, count: index - lineStart))
                    count += 1
                }
                lineStart = index + 1
            }
            return count
        }
    }

    /// The number of lines of a generated list, to size its table before filling it: the non-empty
    /// lines `forEachLine` calls its body with, counted as the bytes that start one (not a newline,
    /// after a newline or at the start) in a loop the compiler vectorises (ten times the speed of
    /// walking the lines; a 32-bit sum, and no list is 4 GB).
    static func lineCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes -> Int in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
            var count: UInt32 = base[0] != 0x0A ? 1 : 0
            var k = 1
            while k < bytes.count {
                let afterNewline: UInt8 = base[k - 1] == 0x0A ? 1 : 0
                let notNewline: UInt8 = base[k] != 0x0A ? 1 : 0
                count &+= UInt32(afterNewline & notNewline)
                k += 1
            }
            return Int(count)
        }
    }

    /// The UTF-8 size of a list, to reserve room for its words' bytes.
    static func byteCount(_ text: String) -> Int { text.utf8.count }

    /// The decimal number in `bytes[field]`, nil when it holds anything but digits or exceeds `limit`.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, limit: Int) -> Int? {
        guard !field.isEmpty, field.count <= 10 else { return nil }
        var value = 0
        for k in field {
            guard bytes[k] >= 0x30, bytes[k] <= 0x39 else { return nil }
            value = value * 10 + Int(bytes[k] - 0x30)
        }
        return value <= limit ? value : nil
    }

    /// The entries lowercased, for lists looked up without regard to case (common words).
    static func lowercasedSet(_ text: String) -> Set<String> { Set(entries(text).map { $0.lowercased() }) }

    /// `key: value` lines as a dictionary; a line without a colon maps to itself.
    static func map(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for entry in entries(text) {
            if let colon = entry.firstIndex(of: ":") {
                let key = trimmed(entry[entry.startIndex..<colon])
                let value = trimmed(entry[entry.index(after: colon)...])
                result[key] = value
            } else {
                result[entry] = entry
            }
        }
        return result
    }

    private static func trimmed<S: StringProtocol>(_ text: S) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(Substring(scalars))
    }
}
