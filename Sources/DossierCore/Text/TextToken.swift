/// A word, a punctuation mark or a whole quotation inside one paragraph: the unit the attribution
/// and claim rules match on, so that a quotation's own words never look like its frame's.
///
/// Sentences are split once, by `SentenceSplitter` in Structure; these tokens are numbered by its
/// sentences (`ParagraphTokenizer.numberSentences`), as `NameTokenizer`'s are.
///
/// The quote annotator, speaker attribution and the claim extractor read one set of these per
/// paragraph (the shared `DiscourseContext`, which keeps the quote annotator's where every quotation
/// mark of the paragraph turned out to be a quotation).
///
/// UNFINISHED (issue 13): words are still cut three times, here, by `NameTokenizer` and by the
/// number annotator's `NumberTokenizer`, each by its own rules (joiners, "@" and "#" here; hyphens
/// and the lexicon in names; digits for numbers). One tokenisation made by Structure, with these as
/// its views, would read the text once. Why it is not done (Benchmarks/README.md, "One sentence
/// splitter"): it saves only the scanning (the three are 17 % of a feed's samples together, the
/// per-word strings and look-ups after them stay), and holding every paragraph's tokens at once
/// breaks issue 13's memory bound on a 50 MB line unless the whole pipeline runs by windows.
struct TextToken: Sendable {
    enum Kind: UInt8, Sendable, Equatable { case word, punctuation, quote }

    // Stored compactly (40 bytes, not 72): a huge paragraph holds one token per word, most of its
    // memory. Offsets and indices are 32-bit (a text of 2^31 scalars would need far more memory
    // than its tokens anyway); `span`, `quote` and `sentence` read them as `Int`.
    /// A word lowercased, a punctuation mark as written, "" for a quotation.
    var text: String
    private var start: Int32
    private var end: Int32
    private var quoteIndex: Int32
    private var sentenceIndex: Int32 = 0
    var kind: Kind
    /// First scalar is an uppercase letter.
    var isCapitalised: Bool
    /// Some scalar is uppercase: a name word even when it starts in lowercase ("al-Amr", "de Villepin" no, "iPhone").
    var hasUppercase: Bool = false
    /// A line break comes right before it (a line of a list, or a hard-wrapped sentence going on).
    var startsLine = false

    init(span: Span, kind: Kind, text: String, isCapitalised: Bool, quote: Int) {
        self.text = text
        self.start = Int32(span.start)
        self.end = Int32(span.end)
        self.quoteIndex = Int32(quote)
        self.kind = kind
        self.isCapitalised = isCapitalised
    }

    var span: Span {
        get { Span(Int(start), Int(end)) }
        set { start = Int32(newValue.start); end = Int32(newValue.end) }
    }
    /// Index of the quotation (into the list given to `tokenize`) for `.quote`, otherwise -1.
    var quote: Int {
        get { Int(quoteIndex) }
        set { quoteIndex = Int32(newValue) }
    }
    /// Index of the sentence within the paragraph.
    var sentence: Int {
        get { Int(sentenceIndex) }
        set { sentenceIndex = Int32(newValue) }
    }

    var isWord: Bool { kind == .word }
    func isPunctuation(_ mark: String) -> Bool { kind == .punctuation && text == mark }
}

/// Splits a paragraph into `TextToken`s, numbered by the paragraph's sentences; quotations given as
/// spans become single tokens.
enum ParagraphTokenizer {
    /// Abbreviations whose full stop does not end a sentence ("Gen. Halvorsen", "Dr. Moss").
    /// Lowercased, as the tokens hold words.
    static let abbreviations = Abbreviations.lowercased

    /// Tokens of `span` in `scalars`; `quotes` are sorted, non-overlapping spans treated as one token each.
    /// `sentences` are the paragraph's sentences as `SentenceSplitter` cut them (`Paragraph.sentences`):
    /// the tokens are numbered by them, not split again (see `numberSentences`).
    static func tokenize(_ scalars: ArticleScalars, span: Span, quotes: [Span], quoteIndexBase: Int = 0,
                         sentences: [Span]) -> [TextToken] {
        // Compiled once per width of the text, so each scalar is a plain load.
        var tokens = scalars.withFixedWidth({ tokenize($0, span: span, quotes: quotes, quoteIndexBase: quoteIndexBase) },
                                            { tokenize($0, span: span, quotes: quotes, quoteIndexBase: quoteIndexBase) },
                                            { tokenize($0, span: span, quotes: quotes, quoteIndexBase: quoteIndexBase) })
        numberSentences(&tokens, from: sentences)
        return tokens
    }

    /// Gives each token the index of its sentence within the paragraph. The sentences are
    /// Structure's (one splitter for the whole core), read at the level of tokens:
    /// - a boundary inside a token is none: a quotation is one token, and its own sentences are
    ///   part of the sentence that frames it;
    /// - a quotation ends no sentence: `“… a fine job!” the governor wrote.` is one sentence, so the
    ///   cue after a quotation stays with it (the splitter sees "!" and a capital);
    /// - a line that opens like a sentence starts one, even when the line before has no full stop
    ///   (a list, or a hard-wrapped paragraph whose splitter ran over the line break).
    /// Numbering from the splitter rather than from the tokens' own punctuation gave the same
    /// quote and speaker figures on ../shared/eval (Benchmarks/README.md, "One sentence splitter (stop 30)").
    static func numberSentences(_ tokens: inout [TextToken], from sentences: [Span]) {
        var nextStart = 1   // the first of `sentences` whose start no token has reached yet
        var sentence = 0
        for k in tokens.indices {
            let start = tokens[k].span.start
            var crossesBoundary = false
            while nextStart < sentences.count, sentences[nextStart].start <= start {
                if k > 0, sentences[nextStart].start >= tokens[k - 1].span.end { crossesBoundary = true }
                nextStart += 1
            }
            if crossesBoundary, tokens[k - 1].kind != .quote {
                sentence += 1
            } else if k > 0, tokens[k].startsLine, tokens[k].isCapitalised || tokens[k].kind == .quote,
                      tokens[k - 1].sentence == sentence, !isTerminal(tokens[k - 1]) {
                sentence += 1
            }
            tokens[k].sentence = sentence
        }
    }

    private static func tokenize<Scalars: FixedWidthScalars>(_ scalars: Scalars, span: Span, quotes: [Span],
                                                             quoteIndexBase: Int) -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(span.length / 5 + 4) // about one token per five scalars in English prose
        var i = span.start
        var q = 0
        var lineBreak = false
        // Appends, then marks the line break on the stored token: no copy of the token on the way.
        func append(_ token: consuming TextToken) {
            tokens.append(consume token)
            if lineBreak {
                tokens[tokens.count - 1].startsLine = true
                lineBreak = false
            }
        }
        while q < quotes.count && quotes[q].end <= i { q += 1 }
        while i < span.end {
            if q < quotes.count && quotes[q].start <= i {
                append(TextToken(span: quotes[q], kind: .quote, text: "", isCapitalised: false,
                                 quote: quoteIndexBase + q))
                i = max(i + 1, quotes[q].end)
                q += 1
                continue
            }
            let c = scalars[i]
            if isWordScalar(c) {
                var j = i + 1
                while j < span.end {
                    if q < quotes.count && quotes[q].start <= j { break }
                    let d = scalars[j]
                    if isWordScalar(d) { j += 1; continue }
                    // Joiners inside a word: don't, al-Amr, AT&T, U.S.
                    if isJoiner(d), j + 1 < span.end, isWordScalar(scalars[j + 1]),
                       !(q < quotes.count && quotes[q].start == j) {
                        j += 2; continue
                    }
                    break
                }
                // "U.S." keeps its final full stop: an initialism's dot is part of the word.
                if j < span.end, scalars[j] == ".", j - i >= 3, scalars[j - 2] == ".",
                   !(q < quotes.count && quotes[q].start == j) {
                    j += 1
                }
                let wordSpan = Span(i, j)
                var token = TextToken(span: wordSpan, kind: .word, text: lowercased(scalars, wordSpan),
                                      isCapitalised: isUppercase(c), quote: -1)
                if !token.isCapitalised {
                    var k = i + 1
                    while k < j, !isUppercase(scalars[k]) { k += 1 }
                    token.hasUppercase = k < j
                } else {
                    token.hasUppercase = true
                }
                append(consume token)
                i = j
            } else if c == " " || c == "\t" || c == "\n" || c == "\u{A0}" {
                if c == "\n" { lineBreak = true }
                i += 1
            } else {
                append(TextToken(span: Span(i, i + 1), kind: .punctuation, text: punctuationText(c),
                                 isCapitalised: false, quote: -1))
                i += 1
            }
        }
        return tokens
    }

    /// The text of a punctuation token: ASCII marks (most of them) come from a table built once,
    /// where building a one-scalar `String` each time cost a few hundred instructions a mark.
    static func punctuationText(_ c: Unicode.Scalar) -> String {
        if c.value < 0x80 { return asciiMarks[Int(c.value)] }
        return String(Character(c))
    }

    private static let asciiMarks: [String] = (0..<0x80).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let v = c.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x40 || v == 0x23
        }
        // Punctuation and spaces of the general-punctuation block are common in news text: answer them cheaply.
        if c.value >= 0x2000 && c.value <= 0x206F { return false }
        return c.hasAlphabeticOrNumericProperty
    }

    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A) }
        return c.hasAlphabeticProperty
    }

    /// The end of the word that starts at `start` (a word scalar), by this tokenizer's rule: word
    /// scalars, and a joiner between two of them ("don't", "al-Amr", "AT&T"). For the readers that
    /// want a span's words without its tokens (a quotation's first words, a cue's phrase); the
    /// tokens themselves also stop at a quotation and keep an initialism's final full stop.
    static func wordEnd(_ scalars: ArticleScalars, from start: Int, before end: Int) -> Int {
        var j = start + 1
        while j < end, isWordScalar(scalars[j]) || (isJoiner(scalars[j]) && j + 1 < end && isWordScalar(scalars[j + 1])) {
            j += 1
        }
        return j
    }

    @inline(__always) static func isJoiner(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}" || c == "-" || c == "." || c == "&" || c == "\u{2010}" || c == "\u{2011}"
    }

    @inline(__always) static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
        return c.hasUppercaseProperty
    }

    /// The word lowercased, with ’ written as ' so one spelling serves both; "" past 24 scalars.
    /// ASCII words (nearly all) are written straight into the string's storage: no allocation
    /// for words of up to 15 letters.
    static func lowercased<Scalars: FixedWidthScalars>(_ scalars: Scalars, _ span: Span) -> String {
        guard span.length <= 24 else { return "" }
        var ascii = true
        for k in span.start..<span.end where scalars[k].value >= 0x80 && scalars[k] != "\u{2019}" {
            ascii = false
            break
        }
        if ascii {
            return String(unsafeUninitializedCapacity: span.length) { buffer in
                for k in span.start..<span.end {
                    let v = scalars[k].value
                    buffer[k - span.start] = v == 0x2019 ? 0x27 : UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v)
                }
                return span.length
            }
        }
        // Other scripts: written in UTF-8 on the stack, then one string made of the bytes. Appended
        // scalar by scalar to a `UnicodeScalarView`, a 50 MB line of Greek letters spent 9 % of its
        // time here (perf, stop 33). A scalar lowercases to at most three, twelve bytes.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: span.length * 12) { buffer in
            var count = 0
            for k in span.start..<span.end {
                let c = scalars[k]
                if c.value >= 0x41 && c.value <= 0x5A {
                    count = UTF8Scalars.write(Unicode.Scalar(c.value + 32)!, to: buffer, at: count)
                } else if c == "\u{2019}" {
                    count = UTF8Scalars.write("'", to: buffer, at: count)
                } else if c.value < 0x80 || !c.changesWhenLowercased {
                    count = UTF8Scalars.write(c, to: buffer, at: count)
                } else {
                    // The same as `String(c).lowercased()`, whose mapping of one scalar is this one.
                    for lowered in c.properties.lowercaseMapping.unicodeScalars {
                        count = UTF8Scalars.write(lowered, to: buffer, at: count)
                    }
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    static func isTerminal(_ t: TextToken) -> Bool {
        t.kind == .punctuation && isTerminalMark(t.text)
    }

    /// "." "!" "?" or "…", by their bytes: a copy of the token's text and `String ==` (which
    /// normalises a non-ASCII mark such as "“" before it can say no) cost more, and no other string
    /// is canonically equivalent to these.
    @inline(__always) private static func isTerminalMark(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.count == 1 { return bytes[0] == 0x2E || bytes[0] == 0x21 || bytes[0] == 0x3F }
            return bytes.count == 3 && bytes[0] == 0xE2 && bytes[1] == 0x80 && bytes[2] == 0xA6   // U+2026
        }
    }

    /// Index ranges of the tokens of each sentence, in order.
    static func sentenceRanges(_ tokens: [TextToken]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for k in tokens.indices where k > 0 && tokens[k].sentence != tokens[k - 1].sentence {
            ranges.append(start..<k)
            start = k
        }
        if start < tokens.count { ranges.append(start..<tokens.count) }
        return ranges
    }
}
