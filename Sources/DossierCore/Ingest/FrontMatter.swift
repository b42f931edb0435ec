/// YAML front matter at the top of a Markdown file (`---`, `key: value` lines, `---` or `...`), as
/// Jekyll, Hugo, Obsidian and Dossier's own Markdown export write it. It describes the article; it is
/// not its text, so it goes to the document's metadata and its `title` becomes the title hint.
///
/// Only flat `key: value` pairs are kept; lists and nested maps are skipped (their lines are still
/// taken out of the text).
enum FrontMatter {
    static let maximumLines = 200

    /// The metadata and the text after the block; nil when the text does not open with front matter.
    static func split(_ text: String) -> (metadata: [String: String], body: Substring)? {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return nil }
        var metadata: [String: String] = [:]
        var rest = text[text.index(after: text.firstIndex(of: "\n")!)...]
        var lines = 0
        while let newline = rest.firstIndex(of: "\n") ?? (rest.isEmpty ? nil : rest.endIndex) {
            var line = rest[..<newline]
            if line.hasSuffix("\r") { line = line.dropLast() }
            rest = newline < rest.endIndex ? rest[rest.index(after: newline)...] : rest[rest.endIndex...]
            if line == "---" || line == "..." { return metadata.isEmpty && lines > 0 ? nil : (metadata, rest) }
            lines += 1
            if lines > maximumLines { return nil }
            guard let colon = line.firstIndex(of: ":"), line.first != " ", line.first != "-", line.first != "#" else {
                // A list item or nested value of the previous key, a comment, or a blank line.
                if line.isEmpty || line.first == " " || line.first == "-" || line.first == "#" { continue }
                return nil
            }
            let key = line[..<colon].trimmingSpaces
            guard !key.isEmpty, !key.contains(" ") else { return nil }
            var value = line[line.index(after: colon)...].trimmingSpaces
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if !value.isEmpty { metadata[key.lowercased()] = value }
        }
        return nil
    }
}

