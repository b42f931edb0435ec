/// Turns Markdown into the plain text the core reads: `#` headings become title and heading hints,
/// emphasis and links show as their text, code blocks are kept as text, list markers dropped.
///
/// UNFINISHED: tables, reference-style links, HTML blocks inside Markdown and nested emphasis
/// across lines are passed through as written.
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
        var out: [String] = []
        var title: String? = nil
        var headings: Set<String> = []
        var inFence = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { out.append(line); continue }
            var level = 0
            for c in line.unicodeScalars { if c == "#" { level += 1 } else { break } }
            if level >= 1 && level <= 6, line.dropFirst(level).first == " " {
                var heading = inline(String(line.dropFirst(level + 1)))
                while heading.hasSuffix("#") || heading.hasSuffix(" ") { heading.removeLast() }
                if level == 1 && title == nil { title = heading } else if level <= 3 { headings.insert(heading) }
                out.append("")
                out.append(heading)
                out.append("")
                continue
            }
            var body = Substring(line)
            while body.first == " " { body.removeFirst() }
            for marker in ["- ", "* ", "+ ", "> "] where body.hasPrefix(marker) { body = body.dropFirst(2); break }
            if body == "---" || body == "***" || body == "___" { out.append(""); continue }
            out.append(inline(String(body)))
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

    /// `**bold**`, `*em*`, `_em_`, `` `code` `` → their text; `[text](url)` and `![alt](src)` → the text.
    static func inline(_ line: String) -> String {
        let s = Array(line.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "!" && i + 1 < s.count && s[i + 1] == "[" { i += 1; continue }
            if c == "[", let close = s[i...].firstIndex(of: "]"), close + 1 < s.count, s[close + 1] == "(",
               let end = s[(close + 1)...].firstIndex(of: ")") {
                out.append(contentsOf: String(String.UnicodeScalarView(s[(i + 1)..<close])).unicodeScalars)
                i = end + 1
                continue
            }
            if c == "*" || c == "`" { i += 1; continue }
            // "_" marks emphasis only at word edges, not inside snake_case words.
            if c == "_" {
                let before = i > 0 ? s[i - 1] : " "
                let after = i + 1 < s.count ? s[i + 1] : " "
                if !(before.properties.isAlphabetic && after.properties.isAlphabetic) { i += 1; continue }
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }
}
