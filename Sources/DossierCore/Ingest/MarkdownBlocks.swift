/// The line-level Markdown that `MarkdownReader` reads besides `#` headings, lists and fences:
/// underlined (setext) headings, GitHub tables, reference and footnote definitions, HTML comments.
enum MarkdownBlocks {
    /// 1 for a line of "=", 2 for a line of "-" (up to three spaces before, any after), else nil.
    /// Two signs at least: a lone "-" under a line is a list item more often than a heading.
    static func setextLevel(_ line: String) -> Int? {
        let trimmed = line.trimmingSpaces
        guard trimmed.unicodeScalars.count >= 2, line.prefix(while: { $0 == " " }).count <= 3 else { return nil }
        if trimmed.allSatisfy({ $0 == "=" }) { return 1 }
        if trimmed.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    /// Whether a line can be the text of an underlined heading: text, not a list item, quote or table row.
    static func mayBeSetextText(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.contains("|") else { return false }
        return !["- ", "* ", "+ ", "> "].contains { trimmed.hasPrefix($0) }
    }

    /// The number of columns when the line is a table's delimiter row ("|---|:---:|"), else nil:
    /// cells of dashes with optional colons, and a pipe somewhere.
    static func delimiterColumns(_ line: String) -> Int? {
        guard line.contains("|"), line.contains("-") else { return nil }
        let cells = cells(of: line)
        for cell in cells {
            var dashes = Substring(cell)
            if dashes.hasPrefix(":") { dashes = dashes.dropFirst() }
            if dashes.hasSuffix(":") { dashes = dashes.dropLast() }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
        }
        return cells.count
    }

    /// A table row's cells, trimmed: split at each "|" that no backslash escapes, without the
    /// empty cells outside a leading and a trailing pipe.
    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for c in line.trimmingSpaces {
            if c == "|" && !escaped {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
            escaped = c == "\\" && !escaped
        }
        cells.append(cell)
        let trimmed = line.trimmingSpaces
        if trimmed.hasPrefix("|") { cells.removeFirst() }
        if trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|") && !cells.isEmpty { cells.removeLast() }
        return cells.map { $0.trimmingSpaces }
    }

    /// A table row as one line of text: its cells' text, " | " between them.
    static func row(_ line: String) -> String {
        cells(of: line).map(MarkdownInline.plain).joined(separator: " | ")
    }

    /// For a definition line: nil when the line is none; `.some(nil)` for a reference link's address
    /// ("[label]: https://… "title""), whose line shows nothing; `.some(text)` for a footnote
    /// ("[^1]: text"), shown as "[1] text".
    static func definition(_ line: String) -> String?? {
        let trimmed = Substring(line.trimmingSpaces)
        guard line.prefix(while: { $0 == " " }).count <= 3, trimmed.hasPrefix("["),
              let close = trimmed.firstIndex(of: "]"), trimmed[trimmed.index(after: close)...].hasPrefix(":") else { return nil }
        let label = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
        let rest = trimmed[trimmed.index(close, offsetBy: 2)...].trimmingSpaces
        guard !label.isEmpty, !label.contains("[") else { return nil }
        if label.hasPrefix("^") { return .some("[\(label.dropFirst())] " + rest) }
        // A reference's destination is one run with no space ("<…>" may hold spaces), then perhaps a title.
        guard let destination = rest.split(separator: " ").first, !destination.isEmpty,
              destination.contains("/") || destination.contains(".") || destination.hasPrefix("#") || destination.hasPrefix("<") else { return nil }
        return .some(nil)
    }

    /// The line without its HTML comments; `inComment` carries a comment left open to the next lines.
    static func withoutComments(_ line: String, inComment: inout Bool) -> String {
        guard inComment || line.contains("<!--") else { return line }
        var out = ""
        var rest = Substring(line)
        while !rest.isEmpty {
            if inComment {
                guard let end = rest.firstRange(of: "-->") else { return out }
                rest = rest[end.upperBound...]
                inComment = false
            } else {
                guard let start = rest.firstRange(of: "<!--") else { out += rest; break }
                out += rest[..<start.lowerBound]
                rest = rest[start.upperBound...]
                inComment = true
            }
        }
        return out
    }
}
