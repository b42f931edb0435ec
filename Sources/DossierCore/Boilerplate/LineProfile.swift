/// What a block of pasted page text looks like: how many words, how sentence-like, and its
/// lowercased head for matching boilerplate phrases. The boilerplate filter decides from this.
struct LineProfile: Sendable {
    var block: TextBlock
    var words = 0
    var lowercaseWords = 0
    var stopWords = 0
    /// Ends with . ! ? … (closing quotes and brackets skipped).
    var endsSentence = false
    /// Has a quotation mark and a speech verb: never dropped as chrome.
    var hasAttributedQuote = false
    /// The first `headLimit` scalars, lowercased, spaces collapsed, as UTF-8.
    var headBytes: [UInt8] = []
    /// The head holds a scalar that can join the one before it into a grapheme (a combining mark, a format
    /// character …), or that has another canonically equivalent spelling. Byte comparisons then may differ
    /// from `String` (Character) comparisons, so the classifier compares such heads as Strings.
    var headNeedsCharacterComparison = false
    /// The head is plain ASCII: one byte per scalar and per Character.
    var headIsASCII = true

    /// `headBytes` as a String; built on demand (most lines never need it).
    var head: String { String(decoding: headBytes, as: UTF8.self) }

    static let headLimit = 400
    static let tailLimit = 300

    init(block: TextBlock, in page: PageText) {
        self.block = block
        headBytes = Self.head(of: block, in: page, isASCII: &headIsASCII, needsCharacterComparison: &headNeedsCharacterComparison)
        countWords(block, in: page)
        var e = block.bytes.upperBound
        while e > block.bytes.lowerBound && LineProfile.closers.contains(page.lastScalar(in: block.bytes.lowerBound..<e)) {
            e = page.scalarStart(before: e)
        }
        if e > block.bytes.lowerBound { endsSentence = ".!?…".unicodeScalars.contains(page.lastScalar(in: block.bytes.lowerBound..<e)) }
    }

    /// The first `headLimit` scalars, lowercased, runs of spaces, tabs and line feeds as one space, in UTF-8.
    static func head(of block: TextBlock, in page: PageText, isASCII: inout Bool, needsCharacterComparison: inout Bool) -> [UInt8] {
        let start = block.bytes.lowerBound
        let headEnd = page.offset(afterScalars: headLimit, from: start, limit: block.bytes.upperBound)
        // Written into a buffer on the stack, then copied once at its exact size: no append per byte.
        // Lowercasing may lengthen a scalar by one byte (Ⱥ U+023A → ⱥ U+2C65): twice the bytes read is enough.
        return asciiHeadBytes.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * (headEnd - start) + 8) { out in
                var n = 0
                var offset = start
                var lastWasSpace = false
                while offset < headEnd {
                    let b = page[offset]
                    if b < 0x80 {
                        // The table gives the lowercase byte, and a space for a space, tab or line feed.
                        let lowered = table[Int(b)]
                        offset += 1
                        if lowered == 0x20 {
                            if !lastWasSpace { out[n] = 0x20; n += 1 }
                            lastWasSpace = true
                        } else {
                            out[n] = lowered
                            n += 1
                            lastWasSpace = false
                        }
                        continue
                    }
                    let c: Unicode.Scalar
                    (c, offset) = page.scalar(at: offset)
                    isASCII = false
                    if c.value >= 0x300 && !needsCharacterComparison && mayJoinOrDecompose(c) { needsCharacterComparison = true }
                    lastWasSpace = false
                    n = UTF8Scalars.write(lower(c), to: out, at: n)
                }
                return Array(UnsafeBufferPointer(rebasing: out[0..<n]))
            }
        }
    }

    /// For each ASCII byte in a head: its lowercase, and a space for a space, tab or line feed.
    static let asciiHeadBytes: [UInt8] = (0..<128).map { (b: Int) -> UInt8 in
        let byte = UInt8(b)
        if byte == 0x09 || byte == 0x0A { return 0x20 }
        return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Counts words, lowercase-initial words and function words, and looks for quotation marks and speech verbs.
    ///
    /// A word is a run of letters and digits, with apostrophes (' and ’) inside it; it is packed into an integer
    /// key (6 bits a letter) so that looking it up allocates nothing. Two loops, between words and inside one,
    /// keep the state in registers.
    private mutating func countWords(_ block: TextBlock, in page: PageText) {
        var quoteMarks = 0
        var speechVerb = false
        var words = 0, lowercaseWords = 0, stopWords = 0
        let wordKeys = LineProfile.wordKeys
        LineProfile.asciiWordCodes.withUnsafeBufferPointer { codes in
            var offset = block.bytes.lowerBound
            let end = block.bytes.upperBound
            while offset < end {
                // Between words: a letter or digit starts one; a quotation mark is counted; the rest is passed over.
                var key: UInt64 = 1      // a leading 1 bit keeps the word's length in the key
                let startsLower: Bool
                let b = page[offset]
                if b < 0x80 {
                    let code = codes[Int(b)]
                    offset += 1
                    guard code < LineProfile.apostrophe else {
                        if b == 0x22 { quoteMarks += 1 }
                        continue
                    }
                    startsLower = b >= 0x61
                    key = key << 6 | UInt64(code)
                } else {
                    let (c, next) = page.scalar(at: offset)
                    offset = next
                    guard c.hasAlphabeticProperty else {
                        let v = c.value
                        if v == 0x201C || v == 0x201D || v == 0xAB || v == 0xBB { quoteMarks += 1 }
                        continue
                    }
                    startsLower = c.hasLowercaseProperty
                    key = key << 6      // a non-ASCII letter has code 0: no listed word holds one
                }
                // Inside the word, up to the scalar that ends it (which the loop above then reads).
                var letters = 1
                while offset < end {
                    let b = page[offset]
                    if b < 0x80 {
                        let code = codes[Int(b)]
                        guard code <= LineProfile.apostrophe else { break }
                        key = key << 6 | UInt64(code)
                        offset += 1
                    } else {
                        let (c, next) = page.scalar(at: offset)
                        if c.hasAlphabeticProperty {
                            key = key << 6
                        } else if c.value == 0x2019 {
                            key = key << 6 | 63
                        } else {
                            break
                        }
                        offset = next
                    }
                    letters &+= 1
                }
                words += 1
                if startsLower { lowercaseWords += 1 }
                if letters <= LineProfile.maxKeyLetters {
                    let flags = wordKeys.flags(of: key)
                    if flags & LineProfile.stopWordFlag != 0 { stopWords += 1 }
                    if flags & LineProfile.speechVerbFlag != 0 { speechVerb = true }
                }
            }
        }
        self.words = words
        self.lowercaseWords = lowercaseWords
        self.stopWords = stopWords
        hasAttributedQuote = quoteMarks >= 2 && speechVerb
    }

    static let apostrophe: UInt8 = 63
    static let notWord: UInt8 = 64
    /// For each ASCII byte: its `keyCode` when it is a letter or digit, `apostrophe` for ', `notWord` otherwise.
    static let asciiWordCodes: [UInt8] = (0..<128).map { (b: Int) -> UInt8 in
        let code = UInt8(keyCode(UInt32(b)))
        return code != 0 ? code : b == 0x27 ? apostrophe : notWord
    }


    /// The profile of one line of text on its own (for tests and single lines).
    init(_ line: String) {
        var line = line
        line.makeContiguousUTF8()
        self = line.utf8.withContiguousStorageIfAvailable { bytes in
            let page = PageText(bytes: bytes)
            return LineProfile(block: TextBlock(bytes: 0..<bytes.count, length: line.unicodeScalars.count), in: page)
        }!
    }

    /// The last `tailLimit` scalars, lowercased, as UTF-8; for calls to comment at the end of a paragraph.
    /// Built when asked for: only the kept paragraphs need it.
    func tailBytes(in page: PageText) -> [UInt8] {
        var tail: [UInt8] = []
        var offset = page.offset(scalars: LineProfile.tailLimit, before: block.bytes.upperBound, floor: block.bytes.lowerBound)
        while offset < block.bytes.upperBound {
            let (c, next) = page.scalar(at: offset)
            LineProfile.appendLowercasedUTF8(c, to: &tail)
            offset = next
        }
        return tail
    }

    /// Closing quotes and brackets, skipped when looking for the full stop that ends a sentence.
    static let closers = "\"”’')]»".unicodeScalars

    static let maxKeyLetters = 10

    /// Whether `c` (at U+0300 or above) may differ between byte and Character comparison: marks, format and
    /// other grapheme-extending characters, prepended concatenation marks, and the few letters and marks with a
    /// singleton canonical decomposition. Letters, digits, spaces, punctuation and symbols do not.
    static func mayJoinOrDecompose(_ c: Unicode.Scalar) -> Bool {
        let p = c.properties
        if p.isGraphemeExtend || p.isEmojiModifier { return true }
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .decimalNumber, .letterNumber,
             .otherNumber, .spaceSeparator, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .connectorPunctuation, .mathSymbol, .currencySymbol, .otherSymbol:
            break
        case .otherLetter, .otherPunctuation:
            // A few are Prepend (they join the next scalar), a few decompose to another scalar.
            if c.value == 0x0D4E || c.value == 0x037E || c.value == 0x0387 || c.value >= 0x11000 { return true }
        default:
            return true
        }
        // Singleton decompositions among letters: Ω (U+2126), K (U+212A), Å (U+212B), and Greek with oxia.
        if c.value == 0x2126 || c.value == 0x212A || c.value == 0x212B || (c.value >= 0x1F70 && c.value <= 0x1FFF)
            || (c.value >= 0x2329 && c.value <= 0x232A) || (c.value >= 0xF900 && c.value <= 0xFAFF) || (c.value >= 0x2F800 && c.value <= 0x2FA1F) {
            return true
        }
        return false
    }

    /// 1–26 for ASCII letters (either case), 27–36 for digits, 0 for anything else (never in a word list).
    static func keyCode(_ v: UInt32) -> UInt64 {
        if v >= 0x41 && v <= 0x5A { return UInt64(v - 0x40) }
        if v >= 0x61 && v <= 0x7A { return UInt64(v - 0x60) }
        if v >= 0x30 && v <= 0x39 { return UInt64(v - 0x30 + 27) }
        return 0
    }

    static func key(_ word: String) -> UInt64 {
        var key: UInt64 = 1
        for c in word.unicodeScalars { key = key << 6 | (c == "'" ? 63 : keyCode(c.value)) }
        return key
    }

    static func appendLowercasedUTF8(_ c: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = lower(c).value
        switch v {
        case 0..<0x80: bytes.append(UInt8(v))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | v >> 6)); bytes.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | v >> 12)); bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | v >> 18)); bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Function words (flag 1) and speech verbs (flag 2).
    static let wordKeys = WordKeyTable([stopWords.map(key), speechVerbs.map(key)])
    static let stopWordFlag: UInt8 = 1
    static let speechVerbFlag: UInt8 = 2

    var lowercaseRatio: Double { words == 0 ? 0 : Double(lowercaseWords) / Double(words) }
    var stopRatio: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }

    /// Sentence-like running text: enough words, function words, mostly lowercase, finished.
    var isProse: Bool {
        // Function words are English-only; lowercase running words and a full stop work in any Latin,
        // Cyrillic or Greek script.
        guard words >= 7 else { return false }
        if words >= 30 { return lowercaseRatio >= 0.3 || stopRatio >= 0.1 }
        return (lowercaseRatio >= 0.4 || stopRatio >= 0.2) && (endsSentence || words >= 18)
    }

    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value < 0x80 {
            return c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 32)! : c
        }
        if c.properties.isUppercase, let l = c.properties.lowercaseMapping.unicodeScalars.first { return l }
        return c
    }

    /// General English function words: running prose is full of them, menus and headlines are not.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "it's", "this",
        "that", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my",
        "your", "him", "them", "us", "who", "which", "what", "when", "where", "while", "not", "no", "also",
        "than", "then", "there", "so", "if", "into", "about", "after", "before", "over", "under", "more",
        "most", "will", "would", "can", "could", "should", "may", "might", "said", "says", "do", "does",
        "did", "all", "some", "any", "one", "such", "only", "just", "up", "out", "very", "because", "since",
        "during", "between", "against", "through", "however", "although", "though",
    ]

    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "asked", "stated", "wrote", "according", "explained",
        "noted", "argued", "warned", "insisted", "claimed", "announced", "declared", "replied", "tweeted",
    ]
}
