/// A word of the article as the entity annotator sees it: "U.S.", "ALPHA-K", "Harrow-Lyle", "Dr.".
///
/// There is one for every word of a window of the article, so its size is most of a huge text's
/// peak memory: offsets and the paragraph are kept in 32 bits (an input is at most
/// `FileReader.byteLimit`, 1 GiB), which makes it 40 bytes instead of 56.
struct NameToken: Sendable {
    private var start32: Int32
    private var end32: Int32
    private var paragraph32: Int32
    /// Id of its text among the article's distinct words (`WordStrings`): tokens with the same id
    /// have the same text, and so the same flags that depend on the text alone. -1 for "&".
    var word: Int32 = -1
    var text: String
    /// Starts with an uppercase letter.
    var isCapitalized: Bool
    /// Starts with a lowercase letter.
    var isLowercase: Bool
    /// At least two letters, every letter uppercase: "NATO", "U.S.", "ALPHA-K", "M5S".
    var isAcronym: Bool
    /// Single uppercase letters with periods: "F." in "Laura F. Smith", "C.S." (also "U.S.":
    /// the word lists tell a country from initials).
    var isInitial: Bool
    /// Followed by a possessive "’s" or "’", which is not part of the token.
    var isPossessive: Bool
    /// Capitalised because it opens a sentence, a line or a quotation, not necessarily because it is a name.
    var isSentenceStart: Bool
    /// Only spaces separate it from the previous token (no punctuation, no line break).
    var followsSpace: Bool

    var start: Int {
        get { Int(start32) }
        set { start32 = Int32(newValue) }
    }
    var end: Int {
        get { Int(end32) }
        set { end32 = Int32(newValue) }
    }
    /// Index of its paragraph in `StructuredArticle.paragraphs`.
    var paragraph: Int {
        get { Int(paragraph32) }
        set { paragraph32 = Int32(newValue) }
    }

    init(start: Int, end: Int, text: String, isCapitalized: Bool, isLowercase: Bool, isAcronym: Bool,
         isInitial: Bool, isPossessive: Bool, isSentenceStart: Bool, followsSpace: Bool, paragraph: Int,
         word: Int32 = -1) {
        start32 = Int32(start)
        end32 = Int32(end)
        paragraph32 = Int32(paragraph)
        self.word = word
        self.text = text
        self.isCapitalized = isCapitalized
        self.isLowercase = isLowercase
        self.isAcronym = isAcronym
        self.isInitial = isInitial
        self.isPossessive = isPossessive
        self.isSentenceStart = isSentenceStart
        self.followsSpace = followsSpace
    }
}

/// An article's `NameToken`s, how many distinct words they hold (word ids are below it), and the
/// vocabulary that numbered them (`WordVocabulary.lexeme(ofWord:)` holds for this article only).
struct NameTokens {
    var tokens: [NameToken]
    var distinctWords: Int
    let vocabulary: WordVocabulary
}

/// Splits an article's paragraphs into `NameToken`s in one pass over the scalars.
enum NameTokenizer {
    /// Abbreviations whose final period belongs to the word, not to the sentence.
    static let abbreviations = Abbreviations.words

    /// The second halves of compound adjectives made from a name ("London-based", "Texas-born"):
    /// the name before the hyphen is a name of its own.
    private static let compoundAdjectives: WordSet = ["based", "led", "born", "bred", "inspired", "related", "rated",
                                                      "owned", "backed", "funded", "run", "made", "style", "era",
                                                      "bound", "centric", "affiliated", "allied", "controlled",
                                                      "sponsored", "supported", "themed", "listed", "headquartered"]

    /// "al-Qaeda", "el-Sisi", "ad-Din": the first letters of an Arabic article before a hyphen.
    private static let arabicArticles: WordSet = ["al", "el", "ad", "an", "as", "at", "ar"]

    /// The article's tokens, its words numbered by `vocabulary` (a new one when not given), which
    /// starts a new article.
    static func tokenize(_ article: StructuredArticle, vocabulary: WordVocabulary = WordVocabulary()) -> NameTokens {
        // Compiled once per width of the text: the entity annotator's hottest loop reads each scalar
        // with a plain load (ArticleScalars' own read costs a shift and a mask).
        return article.text.scalars.withFixedWidth({ tokenize(article, $0, vocabulary) }, { tokenize(article, $0, vocabulary) },
                                                   { tokenize(article, $0, vocabulary) })
    }

    private static func tokenize<Scalars: FixedWidthScalars>(_ article: StructuredArticle, _ scalars: Scalars,
                                                             _ vocabulary: WordVocabulary) -> NameTokens {
        // Sized by the paragraphs given, not the whole text: a huge article comes a window at a time.
        let length = article.paragraphs.reduce(0) { $0 + max(0, $1.span.length) }
        var tokens: [NameToken] = []
        tokens.reserveCapacity(length / 5)
        var words = WordStrings(expectedWords: length / 64, vocabulary: vocabulary)
        for (index, paragraph) in article.paragraphs.enumerated() {
            let end = min(paragraph.span.end, scalars.count)
            var i = max(0, paragraph.span.start)
            let firstInParagraph = tokens.count
            // Sentence starts in order, walked alongside the tokens (the splitter gives them in
            // order: sort only when they are not, instead of copying and sorting every paragraph's).
            let sentences = paragraph.sentences
            var inOrder = true
            for k in sentences.indices.dropFirst() where sentences[k].start < sentences[k - 1].start { inOrder = false; break }
            let sentenceStarts = inOrder ? sentences.map(\.start) : sentences.map(\.start).sorted()
            var nextSentence = 0
            while i < end {
                var token: NameToken
                if isWordScalar(scalars[i]) {
                    token = scan(scalars, from: i, to: end, paragraph: index, words: &words)
                } else if scalars[i] == "&", i > 0, scalars[i - 1] == " ", i + 1 < end, scalars[i + 1] == " " {
                    // A free-standing "&" joins names like "and": "Riverside Rail & Steam Museum".
                    token = NameToken(start: i, end: i + 1, text: "&", isCapitalized: false, isLowercase: false,
                                      isAcronym: false, isInitial: false, isPossessive: false,
                                      isSentenceStart: false, followsSpace: false, paragraph: index)
                } else {
                    i += 1
                    continue
                }
                let previous: Int? = tokens.count > firstInParagraph ? tokens.count - 1 : nil
                if let previous {
                    token.followsSpace = !tokens[previous].isPossessive
                        && onlySpaces(scalars, from: tokens[previous].end, to: token.start)
                }
                while nextSentence < sentenceStarts.count, sentenceStarts[nextSentence] < token.start { nextSentence += 1 }
                let startsSentence = nextSentence < sentenceStarts.count && sentenceStarts[nextSentence] == token.start
                token.isSentenceStart = startsSentence
                    || opensSentence(scalars, token: token, previous: previous, in: tokens, paragraphStart: paragraph.span.start)
                i = max(token.end + (token.isPossessive ? possessiveLength(scalars, at: token.end, limit: end) : 0), i + 1)
                tokens.append(consume token)
            }
        }
        return NameTokens(tokens: tokens, distinctWords: words.count, vocabulary: vocabulary)
    }

    // MARK: - Scanning one token

    private static func scan<Scalars: FixedWidthScalars>(_ s: Scalars, from start: Int, to end: Int, paragraph: Int,
                             words: inout WordStrings) -> NameToken {
        var j = start
        var segmentStart = start
        var dottedOnly = true   // every separator so far is a period: "U.S.", not "ALPHA-K."
        var possessive = false
        scanning: while j < end {
            let c = s[j]
            if isWordScalar(c) { j += 1; continue }
            switch c {
            case "-", "\u{2011}":
                // Hyphenated names stay one word: "ALPHA-K", "Harrow-Lyle", "Hyun-woo"; but a known
                // name or acronym before a lowercase word is a name of its own: "U.S.-led", "Pakistan-based".
                guard j + 1 < end, isWordScalar(s[j + 1]) else { break scanning }
                if isLower(s[j + 1]), j - start >= 2, isUpper(s[start]) {
                    let head = string(s, start, j)
                    if EntityLexicon.kind(of: head) != nil || !head.unicodeScalars.contains(where: isLower) {
                        break scanning
                    }
                    // Any name before a compound-adjective word: "Kelmarsh-based", "Orvane-inspired".
                    var k = j + 1
                    while k < end, isWordScalar(s[k]) { k += 1 }
                    if segmentStart == start, compoundAdjectives.contains(string(s, j + 1, k)) { break scanning }
                }
                j += 1; segmentStart = j; dottedOnly = false
                continue
            case ".":
                // Dotted initials and acronyms: "U.S.", "L.A.", "F.".
                if j - segmentStart == 1, isUpper(s[j - 1]), dottedOnly {
                    if j + 2 < end, isUpper(s[j + 1]), s[j + 2] == "." { j += 1; segmentStart = j; continue }
                    j += 1
                }
                break scanning
            case "&":
                // "AT&T", "Ohio A&M".
                if j > start, isUpper(s[j - 1]), j + 1 < end, isUpper(s[j + 1]) { j += 1; dottedOnly = false; continue }
                break scanning
            case "'", "\u{2019}":
                if j + 1 < end, s[j + 1] == "s" || s[j + 1] == "S", j + 2 >= end || !isWordScalar(s[j + 2]) {
                    possessive = true
                    break scanning
                }
                if j + 1 < end, isLetter(s[j + 1]) { j += 1; continue }   // O'Brien, Xi'an, don't
                if s[j - 1] == "s" { possessive = true }                  // "Ministers’"
                break scanning
            default:
                break scanning
            }
        }
        var (text, word) = words.text(s, start, j)
        // The period of "Dr." or "Gen." belongs to the word.
        if j < end, s[j] == ".", j - start <= 6, !text.hasSuffix("."), abbreviations.contains(text) {
            j += 1
            (text, word) = words.text(s, start, j)
        }
        var letters = 0, upper = 0, lower = 0
        for k in start..<j where isLetter(s[k]) {
            letters += 1
            if isUpper(s[k]) { upper += 1 } else if isLower(s[k]) { lower += 1 }
        }
        let first = s[start]
        // "T-shirt", "X-ray": a capital letter prefix on an ordinary word.
        let letterPrefix = j - start > 2 && s[start + 1] == "-" && isLower(s[start + 2])
        // "al-Qaeda", "el-Sisi": an Arabic article before a capitalised name.
        let articlePrefix = (first == "a" || first == "e") && j - start > 3
            && ((s[start + 2] == "-" && isUpper(s[start + 3]))
                || (j - start > 4 && s[start + 3] == "-" && isUpper(s[start + 4]) && text.hasPrefix("ash-")))
            && Self.arabicArticles.contains(String(text.prefix(2)))
        return NameToken(start: start, end: j, text: text,
                         isCapitalized: (isUpper(first) && !letterPrefix) || articlePrefix,
                         isLowercase: isLower(first) && !articlePrefix,
                         isAcronym: letters >= 2 && lower == 0 && upper >= 2,
                         isInitial: dottedOnly && j - start >= 2 && s[j - 1] == "." && isUpper(first),
                         isPossessive: possessive, isSentenceStart: false, followsSpace: false,
                         paragraph: paragraph, word: word)
    }

    private static func possessiveLength<Scalars: FixedWidthScalars>(_ s: Scalars, at offset: Int, limit: Int) -> Int {
        guard offset < limit, s[offset] == "'" || s[offset] == "\u{2019}" else { return 0 }
        if offset + 1 < limit, s[offset + 1] == "s" || s[offset + 1] == "S" { return 2 }
        return 1
    }

    // MARK: - Sentence starts

    /// True when the token follows a sentence end, a colon, a line break or an opening quotation,
    /// judged from the scalars before it (sentence splitting may be coarser than that).
    private static func opensSentence<Scalars: FixedWidthScalars>(_ s: Scalars, token: NameToken, previous index: Int?, in tokens: [NameToken],
                                      paragraphStart: Int) -> Bool {
        var k = token.start - 1
        var sawQuote = false
        while k >= paragraphStart {
            let c = s[k]
            if c == " " || c == "\t" || c == "\u{00A0}" { k -= 1; continue }
            if c == "\n" { return true }
            if isOpeningMark(c) { sawQuote = true; k -= 1; continue }
            break
        }
        if k < paragraphStart { return true }
        let c = s[k]
        switch c {
        case "!", "?", ":", "•", "|", "·", "»", "—", "–":
            // A dash too: "WASHINGTON (Reuters) — Shares of …", "— and then".
            return true
        case ".":
            guard let index, tokens[index].end == k + 1, tokens[index].text.hasSuffix(".") else { return true }
            let previous = tokens[index]
            // "Dr. Smith", "Laura F. Smith": the period belongs to the abbreviation.
            if (previous.isInitial && EntityLexicon.kind(of: previous.text) == nil)
                || abbreviations.contains(String(previous.text.dropLast())) { return false }
            // "U.S. officials" or "… in the U.S. The": only a common word after it starts a sentence.
            return CommonWords.all.containsASCII(s, token.start, token.end, lowercasing: true)
                ?? CommonWords.all.contains(token.text.lowercased())
        case ",", ";":
            // `he said, “We …`: an opening quotation after a comma starts the quoted sentence.
            return sawQuote
        case "-":
            // "PanARMENIAN.Net - Verified video footage …": a spaced hyphen used as a dash.
            return k > paragraphStart && s[k - 1] == " "
        default:
            return false
        }
    }

    private static func isOpeningMark(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "“", "‘", "'", "«", "„", "(", "[", "*", "#": return true
        default: return false
        }
    }

    // MARK: - Scalars

    private static func onlySpaces<Scalars: FixedWidthScalars>(_ s: Scalars, from: Int, to: Int) -> Bool {
        guard from < to else { return from == to }
        for k in from..<to where !(s[k] == " " || s[k] == "\u{00A0}") { return false }
        return true
    }

    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let v = c.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        // General punctuation (curly quotes, dashes) is common and never part of a word.
        if c.value >= 0x2000 && c.value <= 0x206F { return false }
        return c.hasAlphabeticOrNumericProperty
    }

    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A) }
        return c.hasAlphabeticProperty
    }

    @inline(__always) static func isUpper(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
        return c.hasUppercaseProperty
    }

    @inline(__always) static func isLower(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x61 && c.value <= 0x7A }
        return c.hasLowercaseProperty
    }

    /// The text of `s[start..<end]`, encoded straight into the string's UTF-8 storage (much
    /// faster than appending scalars one by one; this runs once per word of the article).
    static func string<Scalars: FixedWidthScalars>(_ s: Scalars, _ start: Int, _ end: Int) -> String {
        // Ask for exactly the bytes an ASCII word needs: a capacity over 15 bytes makes the string
        // allocate even when the word turns out short, and most words are short ASCII words that
        // then live inline in the `String`, no allocation at all.
        var ascii = true
        for k in start..<end where s[k].value >= 0x80 { ascii = false; break }
        return String(unsafeUninitializedCapacity: ascii ? end - start : (end - start) * 4) { buffer in
            var count = 0
            for k in start..<end {
                let value = s[k].value
                if value < 0x80 {
                    buffer[count] = UInt8(value)
                    count += 1
                } else {
                    for byte in UTF8.encode(s[k])! {
                        buffer[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }
}
