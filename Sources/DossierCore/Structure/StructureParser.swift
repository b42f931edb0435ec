/// Finds the title, standfirst, datelines, sections, paragraphs and sentences of clean text.
///
/// Paragraphs are lines (hard-wrapped lines joined, see `ParagraphSplitter`). The title is the
/// source's title hint or a headline-like first paragraph (after a breadcrumb that repeats it);
/// a short paragraph right after the title and dateline is the standfirst; section headings are
/// short unpunctuated title-case lines followed by body text, or the source's heading hints.
public struct StructureParser: Sendable {
    /// A paragraph longer than this many scalars is cut into pieces of at most this length, each a
    /// paragraph of its own (`LongParagraphCutter`): the later stages hold one paragraph's tokens at
    /// a time, so this bounds their memory on a file that is one huge line.
    public var longestParagraph = StructureParser.defaultLongestParagraph
    public static let defaultLongestParagraph = 1 << 17

    public init() {}

    public func parse(_ text: ArticleText, removed: [RemovedBlock] = [], titleHint: String? = nil,
                      headingHints: Set<String> = []) -> StructuredArticle {
        let scalars = text.scalars
        let blocks = ParagraphSplitter.blocks(scalars)
        var paragraphs = blocks.map { Paragraph(span: $0, role: .body, sentences: []) }
        guard !blocks.isEmpty else {
            return StructuredArticle(text: text, title: nil, standfirst: nil, paragraphs: [], sections: [], removed: removed)
        }
        let shapes = blocks.map { BlockShape(span: $0, scalars) }
        let hints = Set(headingHints.map(normalised))

        // The title: the hinted one, else a headline-like opening line (after a breadcrumb that repeats it).
        var titleIndex: Int? = nil
        if let hint = titleHint.map(normalised), !hint.isEmpty {
            titleIndex = blocks.indices.prefix(6).first { shapes[$0].short && normalised(text.slice(blocks[$0])) == hint }
        }
        if titleIndex == nil {
            var first = 0
            if shapes[0].isBreadcrumb, blocks.count > 1 { first = 1 }
            if shapes[first].isHeadlineLike && blocks.count > 1 { titleIndex = first }
        }
        var next = 0
        if let t = titleIndex {
            paragraphs[t].role = .title
            next = t + 1
            // The same headline printed twice (page title and H1): the copy is part of the title block.
            if next < blocks.count, text.slice(blocks[next]) == text.slice(blocks[t]) {
                paragraphs[next].role = .title
                next += 1
            }
        }
        // Datelines and the standfirst right under the title.
        var standfirstIndex: Int? = nil
        if titleIndex != nil {
            var i = next
            var sawDateline = false
            // A standfirst sits right under the headline; after a dateline comes the article's lead.
            while i < blocks.count && i < next + 4 {
                if shapes[i].isDateline { paragraphs[i].role = .dateline; sawDateline = true; i += 1; continue }
                if standfirstIndex == nil, !sawDateline, shapes[i].words <= 45, shapes[i].span.length <= 320, i + 1 < blocks.count,
                   !hints.contains(normalised(text.slice(blocks[i]))), !shapes[i].endsWithColon,
                   shapes[i + 1].words > shapes[i].words, !shapes[i + 1].isDateline, isStandfirstFollower(i + 1, shapes) {
                    paragraphs[i].role = .standfirst
                    standfirstIndex = i
                    i += 1
                    continue
                }
                break
            }
        }
        // Section headings.
        for i in blocks.indices where paragraphs[i].role == .body {
            let hinted = !hints.isEmpty && shapes[i].short && hints.contains(normalised(text.slice(blocks[i])))
            if hinted || (shapes[i].isHeadingLike && i + 1 < blocks.count && shapes[i + 1].isBodyText) {
                paragraphs[i].role = .heading
            }
        }
        for i in paragraphs.indices {
            paragraphs[i].sentences = paragraphs[i].role == .body || paragraphs[i].role == .standfirst
                ? shapes[i].sentences ?? SentenceSplitter.sentences(in: blocks[i], of: scalars) : [blocks[i]]
        }
        if paragraphs.contains(where: { $0.span.length > longestParagraph }) {
            paragraphs = paragraphs.flatMap { LongParagraphCutter.pieces(of: $0, in: scalars, longest: longestParagraph) }
        }
        // Sections: one per heading, the paragraphs before the first heading form an untitled one.
        var sections: [Section] = []
        var sectionStart = 0
        func closeSection(before end: Int) {
            guard end > sectionStart else { return }
            let head = paragraphs[sectionStart]
            let isHeading = head.role == .heading
            sections.append(Section(heading: isHeading ? text.slice(head.span) : nil, headingSpan: isHeading ? head.span : nil,
                                    span: Span(head.span.start, paragraphs[end - 1].span.end),
                                    paragraphIndices: sectionStart..<end))
        }
        for i in paragraphs.indices where paragraphs[i].role == .heading && i > sectionStart {
            closeSection(before: i)
            sectionStart = i
        }
        closeSection(before: paragraphs.count)
        return StructuredArticle(text: text, title: titleIndex.map { blocks[$0] }, standfirst: standfirstIndex.map { blocks[$0] },
                                 paragraphs: paragraphs, sections: sections, removed: removed)
    }

    /// A standfirst is followed by the article's text or its first heading.
    func isStandfirstFollower(_ i: Int, _ shapes: [BlockShape]) -> Bool {
        shapes[i].isBodyText || (shapes[i].isHeadingLike && i + 1 < shapes.count && shapes[i + 1].isBodyText)
            || shapes[i].words >= 25
    }

    /// Lowercased with spaces collapsed and Markdown-ish marks trimmed, for comparing with hints.
    func normalised(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for c in s.unicodeScalars {
            if c == " " || c == "\t" || c == "\n" { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            if c.value < 0x80 {
                // ASCII (nearly every scalar of a title) without the Unicode property tables: the same answer.
                out.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(UInt8(c.value + 32)) : c)
                continue
            }
            out.append(c.properties.isUppercase ? (c.properties.lowercaseMapping.unicodeScalars.first ?? c) : c)
        }
        return String(out)
    }
}

/// The few features of a paragraph that decide its role; computed only for short paragraphs.
///
struct BlockShape {
    var span: Span
    var words = 0
    var capitalised = 0
    var contentWords = 0
    var capitalisedContentWords = 0
    var lastScalar: Unicode.Scalar = " "
    var short: Bool
    var isBreadcrumb = false
    var isDateline = false
    var hasSentenceInside = false
    /// The sentences of a short block: its role needs them, and `parse` keeps them for a body
    /// paragraph rather than splitting it again. Nil for a long block.
    var sentences: [Span]? = nil

    init(span: Span, _ scalars: ArticleScalars) {
        self.span = span
        short = span.length <= 320
        var e = span.end
        while e > span.start && "\"”’')]".unicodeScalars.contains(scalars[e - 1]) { e -= 1 }
        lastScalar = e > span.start ? scalars[e - 1] : " "
        guard short else { words = 100; return }
        // Words are packed into an integer key (5 bits a lowercase ASCII letter), so that looking them up in the
        // word lists allocates nothing; a word with any other scalar is in neither list (both are ASCII letters).
        var inWord = false
        var firstUpper = false
        var firstNumeric = false
        var key: UInt64 = 1          // a leading 1 bit keeps the word's length in the key
        var letters = 0
        var asciiLetters = true
        var separators = 0
        var monthOrDay = false
        var digits = false
        func finish() {
            guard inWord else { return }
            words += 1
            if firstUpper { capitalised += 1 }
            let listed = asciiLetters && letters <= BlockShape.maxKeyLetters
            if !(listed && BlockShape.functionWordKeys.contains(key)) {
                contentWords += 1
                if firstUpper || firstNumeric { capitalisedContentWords += 1 }
            }
            if listed && BlockShape.dateWordKeys.contains(key) { monthOrDay = true }
            inWord = false
            key = 1
            letters = 0
            asciiLetters = true
        }
        for i in span.start..<span.end {
            let c = scalars[i]
            let v = c.value
            let isLetter: Bool, isNumeric: Bool
            if v < 0x80 {
                isLetter = (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A
                isNumeric = v >= 0x30 && v <= 0x39
            } else {
                isLetter = c.hasAlphabeticProperty
                isNumeric = c.hasNumericProperty
            }
            if isLetter || isNumeric || ((v == 0x27 || v == 0x2019 || v == 0x2D) && inWord) {
                if !inWord {
                    inWord = true
                    firstUpper = v < 0x80 ? (v >= 0x41 && v <= 0x5A) : c.hasUppercaseProperty
                    firstNumeric = isNumeric
                }
                if isNumeric { digits = true }
                if v < 0x80 && isLetter {
                    key = key << 5 | UInt64((v | 0x20) - 0x60)
                } else {
                    asciiLetters = false
                }
                letters += 1
            } else {
                finish()
                if v == 0xBB || v == 0x203A { separators += 1 }
            }
        }
        finish()
        let sentences = SentenceSplitter.sentences(in: span, of: scalars)
        hasSentenceInside = sentences.count > 1
        self.sentences = sentences
        isBreadcrumb = separators >= 2
        isDateline = monthOrDay && digits && words <= 9 && !".!?".unicodeScalars.contains(lastScalar)
    }

    var endsWithColon: Bool { lastScalar == ":" }
    var endsSentence: Bool { ".!?…".unicodeScalars.contains(lastScalar) }

    /// A headline: short, no final full stop (a question or exclamation is fine).
    var isHeadlineLike: Bool {
        short && words >= 2 && words <= 30 && lastScalar != "." && lastScalar != ":" && lastScalar != ","
    }

    /// A section heading: short, unpunctuated, title case (or numbered, or all capitals).
    var isHeadingLike: Bool {
        guard short, words >= 1, words <= 14, span.length <= 120, !hasSentenceInside,
              !".,;:".unicodeScalars.contains(lastScalar), !isDateline else { return false }
        if contentWords == 0 { return false }
        return capitalisedContentWords * 10 >= contentWords * 7
    }

    /// Running text: long, or a finished sentence of some length.
    var isBodyText: Bool { !short || words >= 25 || (endsSentence && words >= 6) }

    static let maxKeyLetters = 12

    /// The packed key of a lowercase ASCII word, as `init` builds it.
    static func key(_ word: String) -> UInt64 {
        var key: UInt64 = 1
        for c in word.unicodeScalars { key = key << 5 | UInt64(c.value - 0x60) }
        return key
    }

    static let functionWordKeys = PackedKeySet(functionWords.map(key))
    static let dateWordKeys = PackedKeySet(dateWords.map(key))

    static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "its", "it", "is", "are", "was", "be", "into", "onto", "over", "via", "vs", "than", "that", "this", "their",
        "his", "her", "our", "your", "my", "up", "off", "out", "about", "after", "before", "under", "upon",
    ]
    static let dateWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
}

/// A small set of packed word keys (`BlockShape.key`), probed with a multiplicative hash:
/// `Set<UInt64>` hashes a key with SipHash, and every word of every short paragraph is looked up
/// twice.
struct PackedKeySet {
    /// Open addressing, at most a quarter full; 0 (never a key: a key has its leading 1 bit) is empty.
    private var slots: [UInt64]
    private let shift: UInt64

    init(_ keys: [UInt64]) {
        var bits: UInt64 = 4
        while 1 << bits < keys.count * 4 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
        for key in keys where !contains(key) {
            var slot = index(key)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = key
        }
    }

    func contains(_ key: UInt64) -> Bool {
        var slot = index(key)
        while slots[slot] != 0 {
            if slots[slot] == key { return true }
            slot = (slot + 1) & (slots.count - 1)
        }
        return false
    }

    private func index(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }
}
