/// The inline part of Markdown made plain text: what a line shows once its marks are read.
///
/// - `**bold**`, `*em*`, `_em_` and `` `code` `` show their text;
/// - `[text](url)`, `![alt](src)`, `[text][ref]` and `[text][]` show their text;
/// - `[^1]`, a footnote reference, shows as "[1]";
/// - a backslash before ASCII punctuation shows that character (Dossier's own Markdown export writes
///   `\*`, `\[`, `\|` … for the text's own signs);
/// - HTML tags are dropped (`<br>` becomes a space), and an autolink `<https://…>` shows its address.
enum MarkdownInline {
    static func plain(_ line: String) -> String {
        let s = Array(line.unicodeScalars)
        var marks = ClosingMarks(s)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count, isASCIIPunctuation(s[i + 1]) {
                out.append(s[i + 1])
                i += 2
                continue
            }
            if c == "!" && i + 1 < s.count && s[i + 1] == "[" { i += 1; continue }
            if c == "[", let (text, end) = link(in: s, at: i, &marks) {
                out.append(contentsOf: plain(String(String.UnicodeScalarView(text))).unicodeScalars)
                i = end
                continue
            }
            if c == "<", let (shown, end) = tag(in: s, at: i, &marks) {
                out.append(contentsOf: shown.unicodeScalars)
                i = end
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

    /// A link or reference opening at `s[i]` ("["): the text it shows and where it ends.
    private static func link(in s: [Unicode.Scalar], at i: Int,
                             _ marks: inout ClosingMarks) -> (text: ArraySlice<Unicode.Scalar>, end: Int)? {
        guard let close = marks.first("]", from: i + 1) else { return nil }
        let text = s[(i + 1)..<close]
        // A footnote reference: "[^1]" → "[1]".
        if text.first == "^", text.count > 1 { return (["["] + text.dropFirst() + ["]"], close + 1) }
        guard close + 1 < s.count else { return nil }
        switch s[close + 1] {
        case "(":
            guard let end = marks.first(")", from: close + 1) else { return nil }
            return (text, end + 1)
        case "[":
            // "[text][ref]" or "[text][]": the label names a definition elsewhere (dropped there).
            guard let end = marks.first("]", from: close + 1),
                  (marks.first("[", from: close + 2) ?? s.count) >= end else { return nil }
            return (text, end + 1)
        default:
            return nil
        }
    }

    /// An HTML tag or autolink opening at `s[i]` ("<"): what it shows and where it ends. A tag is "<",
    /// a letter or "/" and a letter, and no "<" before its ">": "a < b > c" is not one.
    private static func tag(in s: [Unicode.Scalar], at i: Int, _ marks: inout ClosingMarks) -> (shown: String, end: Int)? {
        guard i + 1 < s.count, let close = marks.first(">", from: i + 1), close - i <= 2_000,
              (marks.first("<", from: i + 1) ?? s.count) >= close else { return nil }
        let inside = s[(i + 1)..<close]
        let name = inside.first == "/" ? inside.dropFirst() : inside
        guard let first = name.first, isASCIILetter(first) else { return nil }
        let body = String(String.UnicodeScalarView(inside))
        if !body.contains(" "), body.contains("://") || (body.contains("@") && !body.hasPrefix("/")) {
            return (body.hasPrefix("mailto:") ? String(body.dropFirst(7)) : body, close + 1)   // an autolink
        }
        // A known HTML element's name, then nothing, a space (attributes) or "/" ("<br/>"): a title
        // in angle brackets ("<The Lighthouse>", as some news writes a show's name) is text.
        let tagName = String(String.UnicodeScalarView(name.prefix { isASCIILetter($0) || ("0"..."9").contains($0) }))
        let afterName = name.dropFirst(tagName.unicodeScalars.count).first
        guard afterName == nil || afterName == " " || afterName == "/", htmlElements.contains(tagName.lowercased()) else { return nil }
        return (tagName.lowercased() == "br" ? " " : "", close + 1)
    }

    /// The HTML elements a Markdown article holds in practice (layout, emphasis, media, tables).
    private static let htmlElements: Set<String> = [
        "a", "abbr", "article", "aside", "audio", "b", "blockquote", "br", "caption", "center", "cite", "code",
        "col", "colgroup", "dd", "del", "details", "div", "dl", "dt", "em", "embed", "figcaption", "figure",
        "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "iframe", "img", "ins",
        "kbd", "li", "mark", "nav", "ol", "p", "picture", "pre", "q", "s", "section", "small", "source",
        "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "time", "tr", "u", "ul", "video", "wbr",
    ]

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }

    /// The characters a backslash escapes in CommonMark.
    private static func isASCIIPunctuation(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(c)
    }
}

/// Where the next "]", "[", ")", ">" and "<" of a line are, from any position: each is listed once,
/// on first need, so that asking again costs nothing. Searched afresh at every "[" or "<", a line
/// of 300,000 "[" with no "]" took 34 s (stop 33).
struct ClosingMarks {
    private let scalars: [Unicode.Scalar]
    /// For each mark, the index of its next occurrence at or after each position (`scalars.count`
    /// for none), with one more entry for the end; empty until asked for.
    private var next: [Unicode.Scalar: [Int32]] = [:]

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// The first index at or after `start` that holds `mark`, or nil.
    mutating func first(_ mark: Unicode.Scalar, from start: Int) -> Int? {
        if next[mark] == nil {
            var positions = [Int32](repeating: Int32(scalars.count), count: scalars.count + 1)
            for k in scalars.indices.reversed() { positions[k] = scalars[k] == mark ? Int32(k) : positions[k + 1] }
            next[mark] = positions
        }
        let found = Int(next[mark]![min(start, scalars.count)])
        return found < scalars.count ? found : nil
    }
}
