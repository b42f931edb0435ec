/// Turns Markdown into the plain text the core reads: `#` and underlined headings become title and
/// heading hints, emphasis and links show as their text (`MarkdownInline`), code blocks are kept as
/// text, list markers dropped, a table's rows become lines of cells, and reference definitions and
/// HTML comments and tags are dropped (`MarkdownBlocks`).
///
/// UNFINISHED: emphasis across lines, HTML blocks' own structure (a `<table>` shows as its text
/// run together) and nested lists' indentation are read line by line, as written.
public enum MarkdownReader {
    /// `#` headings, `**`/`__` emphasis, `[x](y)` links or fenced code: two signs make it Markdown.
    /// Only the first 400 lines within the first 64 KB are read.
    public static func looksLikeMarkdown(_ text: String) -> Bool { looksLikeMarkdown(TextHead(text)) }

    static func looksLikeMarkdown(_ head: TextHead) -> Bool {
        var signs = 0
        var headings = 0
        var lines = 0
        head.forEachLine { line, _ in
            if head.starts(line, with: "# ") || head.starts(line, with: "## ") || head.starts(line, with: "### ") { headings += 1 }
            if head.starts(line, with: "```") || head.starts(line, with: "~~~") { signs += 1 }
            if head.contains("**", in: line) || head.contains("__", in: line) { signs += 1 }
            if head.contains("](", in: line) && head.contains("[", in: line) { signs += 1 }
            lines += 1
            return lines < 400
        }
        return headings >= 1 && headings + signs >= 2 || signs >= 3
    }

    public static func document(from source: String) -> SourceDocument {
        // Front matter is metadata: its title names the article, its lines are not body text.
        let frontMatter = FrontMatter.split(source)
        let markdown = frontMatter.map { String($0.body) } ?? source
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var title: String? = nil
        var headings: Set<String> = []
        var inFence = false
        var inComment = false
        func heading(_ text: String, level: Int) {
            if level == 1 && title == nil { title = text } else if level <= 3 { headings.insert(text) }
            out.append("")
            out.append(text)
            out.append("")
        }
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            if lines[i].hasPrefix("```") || lines[i].hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { out.append(lines[i]); continue }
            // An HTML comment is no text, on one line or across several.
            let line = MarkdownBlocks.withoutComments(lines[i], inComment: &inComment)
            var level = 0
            for c in line.unicodeScalars { if c == "#" { level += 1 } else { break } }
            if level >= 1 && level <= 6, line.dropFirst(level).first == " " {
                var text = MarkdownInline.plain(String(line.dropFirst(level + 1)))
                while text.hasSuffix("#") || text.hasSuffix(" ") { text.removeLast() }
                heading(text, level: level)
                continue
            }
            let next = i + 1 < lines.count ? lines[i + 1] : nil
            // "Title" over "=====" or "-----", a paragraph of its own: a heading.
            if let next, let underline = MarkdownBlocks.setextLevel(next),
               i == 0 || lines[i - 1].allSatisfy(\.isWhitespace), MarkdownBlocks.mayBeSetextText(line) {
                heading(MarkdownInline.plain(line.trimmingSpaces), level: underline)
                i += 1
                continue
            }
            // A table: a header row, a delimiter row, then rows; each row one line of cells.
            if let next, let columns = MarkdownBlocks.delimiterColumns(next), MarkdownBlocks.cells(of: line).count == columns {
                out.append("")
                out.append(MarkdownBlocks.row(line))
                i += 2
                while i < lines.count, lines[i].contains("|"), !lines[i].allSatisfy(\.isWhitespace) {
                    out.append(MarkdownBlocks.row(lines[i]))
                    i += 1
                }
                out.append("")
                i -= 1
                continue
            }
            // "[label]: https://…" defines a reference link's address: no text. A footnote's is.
            if let footnote = MarkdownBlocks.definition(line) {
                if let text = footnote { out.append(MarkdownInline.plain(text)) }
                continue
            }
            var body = Substring(line)
            while body.first == " " { body.removeFirst() }
            for marker in ["- ", "* ", "+ ", "> "] where body.hasPrefix(marker) { body = body.dropFirst(2); break }
            if body == "---" || body == "***" || body == "___" { out.append(""); continue }
            out.append(MarkdownInline.plain(String(body)))
        }
        var text = out.joined(separator: "\n")
        while text.hasPrefix("\n") { text.removeFirst() }
        let metadata = frontMatter?.metadata ?? [:]
        if title == nil, let named = metadata["title"], !named.isEmpty {
            // The title is shown as the article's first line, as a `#` heading would be.
            title = named
            text = named + "\n\n" + text
        }
        return SourceDocument(text: text, format: .markdown, titleHint: title, headingHints: headings,
                              removeBoilerplate: false, metadata: metadata)
    }
}
