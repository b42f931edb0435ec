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
