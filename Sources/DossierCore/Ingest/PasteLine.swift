/// One line of a pasted text, with the features that tell where one article ends and the next begins.
///
/// Its text is not kept here (`PasteLines` finds it by offset): a paste holds one of these per line,
/// and a file of short paragraphs has a line every few bytes. With the text as a `Substring` it was
/// 72 bytes, and the splitter's arrays held 112 bytes a line, the peak of annotating such a file
/// (Benchmarks/README.md, "Many short paragraphs (stop 30)"); now it is 12.
struct PasteLine {
    enum Kind: UInt8, Equatable {
        case blank
        /// `---`, `* * *`, `====`, `___`, `# # #`: a rule drawn between articles (or inside one).
        case separator
        /// "By Ada Quell", "BY ADA QUELL AND TOM VARGA, Staff Writers".
        case byline
        /// "Saturday, March 3, 2029", "Published 12 March 2029 09:40": a date on a line of its own.
        case dateLine
        case text
    }

    var kind: Kind
    private var storedWords: Int32
    /// Short, and not closed by a full stop, comma, colon or semicolon: a headline or a heading.
    var isHeadlineLike: Bool
    private var storedMarkdownLevel: UInt8
    /// Opens with a wire dateline: "ROTTERDAM — …", "LONDON (Reuters) - …".
    var opensWithDateline: Bool
    /// A sentence of running text: words that end in sentence punctuation.
    var isProse: Bool

    /// The words of the line, as `split` on spaces and tabs counts them (at most `Int32.max`).
    var words: Int { Int(storedWords) }
    /// 2 for "## Heading", 0 for a line that is no Markdown heading.
    var markdownLevel: Int { Int(storedMarkdownLevel) }

    init(_ text: Substring) {
        let trimmed = PasteLine.trimmed(text)
        // A long line's words are only counted: every test that reads the words themselves wants 25
        // or fewer, and a paragraph of a million words made as many substrings (a third of the
        // memory of annotating a 50 MB single line).
        let asciiCount = PasteLine.asciiWordCount(trimmed)
        let words = asciiCount ?? PasteLine.wordCount(trimmed)
        storedWords = Int32(clamping: words)
        let isShort = words <= PasteLine.maximumListedWords && trimmed.utf8.count <= PasteLine.maximumListedBytes
        let isASCII = asciiCount != nil
        let last = PasteLine.lastSignificant(trimmed)
        let hashes = trimmed.unicodeScalars.prefix { $0 == "#" }.count
        storedMarkdownLevel = hashes > 0 && trimmed.unicodeScalars.dropFirst(hashes).first == " " ? UInt8(clamping: hashes) : 0
        // A Markdown heading ("# Title") is a headline too.
        let firstScalar = trimmed.unicodeScalars.first { $0 != "#" && $0 != " " }
        let opensLikeTitle = firstScalar.map { $0.properties.isUppercase || $0.properties.numericType != nil
            || "\"'“‘([".unicodeScalars.contains($0) } ?? false
        // Only short lines can be headlines (body paragraphs cost no more than their count), and
        // scalars are counted only past 200 bytes: fewer bytes are fewer scalars.
        let mayBeHeadline = words >= 1 && isShort && opensLikeTitle
            && (trimmed.utf8.count <= 200 || trimmed.unicodeScalars.count <= 200)
            && (!(last.map { ".,;:".unicodeScalars.contains($0) } ?? true)
                || PasteLine.endsWithAbbreviation(PasteLine.lastWord(of: trimmed, isASCII: isASCII), words: words))
        // The words are listed only for a line that a test below reads word by word: a sentence of
        // prose is answered by its count, its first word and its last (listing every short line was
        // half of this initialiser's time on a file of a paragraph a sentence).
        let needsWords = isShort && (mayBeHeadline || PasteLine.mayBeByline(trimmed, words: words)
            || PasteLine.mayBeDateLine(words: words, last: last))
        let wordList = needsWords ? PasteLine.words(of: trimmed, isASCII: isASCII) : []
        // A headline has a word of three letters: "4:14 p.m." under a rule is a live blog's time stamp.
        isHeadlineLike = mayBeHeadline && wordList.contains { $0.unicodeScalars.lazy.filter(NameTokenizer.isLetter).count >= 3 }
        isProse = words >= 8 && (last.map { ".!?…".unicodeScalars.contains($0) } ?? false)
        opensWithDateline = trimmed.isEmpty ? false : DatelinePrefix.opens(trimmed)
        if trimmed.isEmpty {
            kind = .blank
        } else if PasteLine.isSeparator(trimmed) {
            kind = .separator
        } else if PasteLine.isByline(wordList, last: last) {
            kind = .byline
        } else if PasteLine.isDateLine(wordList, last: last) {
            kind = .dateLine
        } else {
            kind = .text
        }
        if kind != .text { isHeadlineLike = false }
    }

    /// What `isByline` asks first, from the line itself: two to fourteen words, the first of them "By".
    static func mayBeByline(_ trimmed: Substring, words: Int) -> Bool {
        words >= 2 && words <= 14 && (trimmed.utf8.starts(with: "By".utf8) || trimmed.utf8.starts(with: "BY".utf8))
    }

    /// What `isDateLine` asks first, from the count and the last scalar: two to nine words, no sentence end.
    static func mayBeDateLine(words: Int, last: Unicode.Scalar?) -> Bool {
        words >= 2 && words <= 9 && !(last.map { ".!?".unicodeScalars.contains($0) } ?? false)
    }

    /// The most words a headline-like line, a byline or a date line has: the word list of a longer line is not made.
    static let maximumListedWords = 25
    /// The most bytes such a line has (a headline has at most 200 scalars): a line of 50 MB with no
    /// space is one word, and its word list and the tests that read it walked it character by character.
    static let maximumListedBytes = 1_000

    /// The words of an ASCII line as `split` on spaces and tabs counts them (in ASCII a character is
    /// one byte), from its bytes; nil when the line is not ASCII.
    static func asciiWordCount(_ line: Substring) -> Int? {
        var line = line
        return line.withUTF8 { bytes -> Int? in
            var count = 0, inWord = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                let isSeparator = byte == 0x20 || byte == 0x09
                if !isSeparator && !inWord { count += 1 }
                inWord = !isSeparator
            }
            return count
        }
    }

    /// The words of any line as `split` on the characters space and tab counts them, without making
    /// them (a long line outside ASCII made one substring a word: 200 MB for a 16 MB line), and
    /// reading its UTF-8, not characters (grapheme breaking was 7 % of such a line's time). A byte
    /// of a scalar outside ASCII is never a space or a tab, so a word's bytes count it once.
    static func wordCount(_ line: Substring) -> Int {
        var line = line
        return line.withUTF8 { bytes in
            var count = 0, inWord = false
            var joins = SpaceJoinAnswers()
            for i in bytes.indices {
                let byte = bytes[i]
                let isSeparator = byte == 0x09 || (byte == 0x20 && spaceStandsAlone(in: bytes, at: i, answers: &joins))
                if !isSeparator && !inWord { count += 1 }
                inWord = !isSeparator
            }
            return count
        }
    }

    /// `spaceStandsAlone(after:before:)` for the space at byte `i` of valid UTF-8, decoding its
    /// neighbours only when they are not ASCII (an ASCII neighbour never joins a space).
    private static func spaceStandsAlone(in bytes: UnsafeBufferPointer<UInt8>, at i: Int,
                                         answers: inout SpaceJoinAnswers) -> Bool {
        let previousIsASCII = i == 0 || bytes[i - 1] < 0x80
        let nextIsASCII = i + 1 == bytes.count || bytes[i + 1] < 0x80
        if previousIsASCII && nextIsASCII { return true }
        var previous: Unicode.Scalar? = nil, next: Unicode.Scalar? = nil
        if !previousIsASCII {
            var start = i - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            previous = UTF8Scalars.decode(bytes, at: start)
        }
        if !nextIsASCII { next = UTF8Scalars.decode(bytes, at: i + 1) }
        // Before a space only a Prepend joins it, and every Prepend is U+0600 or above: below that
        // the answer depends on the next scalar alone, and is remembered for it.
        guard previous.map({ $0.value < 0x600 }) ?? true, let next else { return spaceStandsAlone(after: previous, before: next) }
        return answers.answer(for: next) { spaceStandsAlone(after: nil, before: $0) }
    }

    /// Whether a space between these scalars is a character of its own, as `Character` sees it. Only
    /// its neighbours can join it: a mark after it (Extend, ZWJ, SpacingMark) or a Prepend before it,
    /// and none of those is ASCII. A tab is a control, always a character of its own.
    static func spaceStandsAlone(after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Bool {
        // The scalars that can join it, checked by `Character` below, are rare: every Prepend is
        // U+0600 or above; every mark, ZWJ and SpacingMark U+0300 or above, and none is among the
        // general punctuation U+2010…U+205E (the curly quotes and dashes a space stands beside in news).
        let previousMayJoin = previous.map { $0.value >= 0x600 } ?? false
        let nextMayJoin = next.map { $0.value >= 0x300 && !(0x2010...0x205E).contains($0.value) } ?? false
        if !previousMayJoin && !nextMayJoin { return true }
        var around = String.UnicodeScalarView()
        if let previous { around.append(previous) }
        around.append(" ")
        if let next { around.append(next) }
        return String(around).contains(" " as Character)
    }

    /// Only rule characters and spaces, at least three of them.
    static func isSeparator(_ line: Substring) -> Bool {
        var marks = 0
        for c in line.unicodeScalars {
            if ruleScalars.contains(c) { marks += 1 } else if c != " " && c != "\t" { return false }
        }
        return marks >= 3
    }

    static let ruleScalars: Set<Unicode.Scalar> = ["-", "*", "=", "_", "#", "~", "•", "·", "—", "–", "+"]

    /// "By" and a name: the next word is capitalised and not the start of an ordinary phrase
    /// ("By the numbers", "By contrast, …"); short, and not a sentence.
    static func isByline(_ words: [Substring], last: Unicode.Scalar?) -> Bool {
        guard words.count >= 2, words.count <= 14, words[0] == "By" || words[0] == "BY" || words[0] == "By:" else { return false }
        if let last, ".!?".unicodeScalars.contains(last), !(words.last.map(isInitial) ?? false) { return false }
        let name = words[1]
        guard let first = name.unicodeScalars.first, first.properties.isUppercase else { return false }
        return !notNames.contains(name.lowercased().filter { $0.isLetter })
    }

    /// The words of a short line, as `split` on spaces and tabs cuts them.
    static func words(of line: Substring, isASCII: Bool) -> [Substring] {
        // In ASCII a character is one byte: the same words, cut on the bytes.
        isASCII ? line.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { Substring($0) }
            : line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    /// The last of `words(of:isASCII:)` without cutting the others: what follows the last tab, or the
    /// last space that is a character of its own (a trimmed line ends with neither).
    static func lastWord(of line: Substring, isASCII: Bool) -> Substring? {
        guard !line.isEmpty else { return nil }
        // Searched in the bytes in place: backwards through `UTF8View`, or by listing the words of a
        // line with one curly quote, it cost as much as the split it saves.
        var bytes = line
        let wordStart = bytes.withUTF8 { utf8 -> Int in
            var joins = SpaceJoinAnswers()
            var i = utf8.count - 1
            while i >= 0 {
                let byte = utf8[i]
                if byte == 0x09 || (byte == 0x20 && (isASCII || spaceStandsAlone(in: utf8, at: i, answers: &joins))) { break }
                i -= 1
            }
            return i + 1
        }
        return line[line.utf8.index(line.startIndex, offsetBy: wordStart)...]
    }

    /// "… et al.", "… Inc.", "… U.S.": a headline of `words` words, the last of them `last`, may end
    /// with an abbreviation's full stop.
    static func endsWithAbbreviation(_ last: Substring?, words: Int) -> Bool {
        guard let last, last.utf8.last == UInt8(ascii: "."), words >= 2 else { return false }
        if last.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a character is a byte, a letter is A–Z or a–z.
            let core = last.utf8.dropLast()
            return core.contains(UInt8(ascii: ".")) || (core.count <= 3 && core.allSatisfy {
                ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
        }
        guard last.hasSuffix(".") else { return false }
        let core = last.dropLast()
        return core.contains(".") || (core.count <= 3 && core.allSatisfy { $0.isLetter })
    }

    /// "J." ends a name with a full stop and is still a byline.
    static func isInitial(_ word: Substring) -> Bool { word.count == 2 && word.last == "." }

    static let notNames: Set<String> = ["the", "a", "an", "contrast", "comparison", "then", "now", "far", "way", "all",
                                        "this", "that", "these", "those", "default", "design", "law", "night", "day",
                                        "car", "train", "air", "sea", "road", "phone", "email", "mail", "hand", "some",
                                        "most", "many", "no", "one", "two", "using", "taking", "making"]

    /// A month or weekday, a number, at most nine words, no sentence end. A date opened by a dash or a
    /// bracket signs something quoted inside an article ("— Ada Quell (@aquell) March 3, 2026").
    static func isDateLine(_ words: [Substring], last: Unicode.Scalar?) -> Bool {
        guard let opening = words.first?.unicodeScalars.first, !"—–-(".unicodeScalars.contains(opening),
              words.count >= 2, words.count <= 9, !(last.map { ".!?".unicodeScalars.contains($0) } ?? false) else { return false }
        var dateWord = false, digit = false, otherWords = 0
        for word in words {
            let letters = word.lowercased().filter { $0.isLetter }
            if dateWords.contains(letters) || monthAbbreviations.contains(letters) {
                dateWord = true
            } else if word.contains(where: { $0.isNumber }) {
                digit = true
            } else if !dateLineWords.contains(letters) {
                otherWords += 1
            }
        }
        // "Born 3 May 1950 in Velmar" and "Won the cup on May 3, 2015" are facts with dates, not date lines.
        return dateWord && digit && otherWords <= 1
    }

    static let dateWords: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                         "september", "october", "november", "december", "monday", "tuesday",
                                         "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Words that come with a date on its line: "Published:", "Updated … at 5:06 pm ET", "Last modified on".
    static let dateLineWords: Set<String> = ["published", "updated", "posted", "modified", "last", "first", "on", "at",
                                             "am", "pm", "et", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "pdt",
                                             "ist", "the", "of", ""]
    static let monthAbbreviations: Set<String> = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct",
                                                  "nov", "dec", "sept"]

    /// The same letters and digits, case aside ("Stardust@home" and "Stardust @ home").
    static func sameLetters(_ a: Substring, _ b: Substring) -> Bool { letters(a) == letters(b) }

    static func letters(_ s: Substring) -> String {
        // ASCII (nearly every line) byte by byte: there a character is one scalar, a letter is A–Z or
        // a–z and a number is 0–9, so this is what the Unicode path gives, at a fraction of its cost.
        var line = s
        let ascii: String? = line.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                for byte in bytes {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                    guard (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) else { continue }
                    buffer[count] = lower
                    count += 1
                }
                return count
            }
        }
        return ascii ?? s.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// "Harbour bridge to close - The Velmar Post" → "Harbour bridge to close": the part before the last
    /// " - ", " | ", " – " or " — " when what follows is short (a site's name); nil without one.
    static func headlineBeforeSiteName(_ line: Substring) -> Substring? {
        let scalars = Array(line.unicodeScalars)
        var i = scalars.count - 2
        while i > 0 {
            if scalars[i - 1] == " ", scalars[i + 1] == " ", "-|–—".unicodeScalars.contains(scalars[i]) {
                let site = String(String.UnicodeScalarView(scalars[(i + 2)...]))
                guard site.split(separator: " ").count <= 5 else { return nil }
                return Substring(String(String.UnicodeScalarView(scalars[..<(i - 1)])))
            }
            i -= 1
        }
        return nil
    }

    static func trimmed(_ s: Substring) -> Substring {
        // A line that opens and ends with a visible ASCII character (nearly every line) has nothing to
        // trim: no Character that starts with one is whitespace, and a Character that ends with one
        // starts with it or with a Prepend scalar, which is not whitespace either.
        if let first = s.utf8.first, let last = s.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return s
        }
        var start = s.startIndex, end = s.endIndex
        while start < end, s[start].isWhitespace || s[start] == "\u{FEFF}" { start = s.index(after: start) }
        while end > start, s[s.index(before: end)].isWhitespace { end = s.index(before: end) }
        return s[start..<end]
    }

    /// The last scalar that is not a closing quote or bracket.
    static func lastSignificant(_ s: Substring) -> Unicode.Scalar? {
        s.unicodeScalars.reversed().first { !"\"”’')]".unicodeScalars.contains($0) }
    }
}

/// `PasteLine.spaceStandsAlone(after: nil, before: scalar)` remembered for the scalars of one line,
/// by a table of 64 slots indexed by the scalar's low bits. The answer asks `Character` to break
/// " " and the scalar; in a line of Greek or Cyrillic, where every space stands between two
/// letters, that was 9 % of a 50 MB line's time (perf, stop 33), for the same two dozen letters.
struct SpaceJoinAnswers {
    /// Each slot: the scalar's value + 1 (0: empty) in the high bits, the answer in bit 0.
    private var slots: [UInt64] = []

    mutating func answer(for scalar: Unicode.Scalar, _ compute: (Unicode.Scalar) -> Bool) -> Bool {
        if slots.isEmpty { slots = [UInt64](repeating: 0, count: 64) }
        let key = UInt64(scalar.value) + 1
        let slot = Int(scalar.value & 63)
        if slots[slot] >> 1 == key { return slots[slot] & 1 == 1 }
        let answer = compute(scalar)
        slots[slot] = key << 1 | (answer ? 1 : 0)
        return answer
    }
}
