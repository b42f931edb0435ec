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
    /// `String` or `Substring` per field (tens of thousands of lines, parsed by every run).
    @discardableResult
    static func forEachLine(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        var text = text
        return text.withUTF8 { bytes -> Int in
            var lineStart = 0, count = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                defer { lineStart = index + 1 }
                guard index > lineStart else { continue }
                body(UnsafeBufferPointer(rebasing: bytes[lineStart..<index]))
                count += 1
            }
            return count
        }
    }

    /// The number of lines of a generated list, to size its table before filling it: the non-empty
    /// lines `forEachLine` calls its body with, counted as the bytes that start one (not a newline,
    /// after a newline or at the start) in a branch-free loop the compiler vectorises.
    static func lineCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes -> Int in
            guard let first = bytes.first else { return 0 }
            var count = first != 0x0A ? 1 : 0
            var previous = first
            for k in 1..<bytes.count {
                let byte = bytes[k]
                count &+= previous == 0x0A && byte != 0x0A ? 1 : 0
                previous = byte
            }
            return count
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
