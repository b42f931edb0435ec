import Testing
@testable import DossierCore

/// The speed paths of issue 13 against the general paths they stand in for.
@Suite struct FastPathTests {
    @Test func asciiNameWordsEqualTheUnicodeSplit() {
        let names = ["Dorian Vasko", "Vasko's", "Harbour Trust of Wales and Cornwall", "  two  spaces  ", "'s", "x's's",
                     "A 's", "Ministry's Office's", "s", "'", "O'Neill", "O'Neill's", " ", "Rivers Agency ", "a's b's c"]
        for name in names {
            let fast = Linker.asciiWords(of: name)
            #expect(fast != nil)
            #expect(fast == Linker.unicodeWords(of: name), "\(name.debugDescription)")
        }
        // Not ASCII: the fast path declines, and `words(of:)` still strips the curly possessive.
        #expect(Linker.asciiWords(of: "Ana Lund’s") == nil)
        #expect(Linker.asciiWords(of: "Jos\u{E9} Ruiz") == nil)
        #expect(Linker.words(of: "Ana Lund’s office") == ["Ana", "Lund", "office"])
        #expect(Linker.words(of: "Ana Lund's office") == ["Ana", "Lund", "office"])
    }

    @Test func textTokenIsFortyBytesAndKeepsItsFields() {
        #expect(MemoryLayout<TextToken>.stride == 40)
        var token = TextToken(span: Span(70_000_000, 70_000_009), kind: .quote, text: "", isCapitalised: true, quote: 12)
        token.sentence = 300_000
        #expect(token.span == Span(70_000_000, 70_000_009))
        #expect(token.quote == 12 && token.sentence == 300_000 && token.kind == .quote && token.isCapitalised)
        token.span = Span(5, 6)
        token.quote = -1
        #expect(token.span == Span(5, 6) && token.quote == -1)
    }

    @Test func descriptionHeadsFindTheTokensTheScanWouldVisit() {
        let sentence = "The minister said the talks, which the minister began, would resume. Talks went on. "
        let text = ArticleText(String(repeating: sentence, count: 200))
        let whole = Span(0, text.scalars.count)
        let tokens = ParagraphTokenizer.tokenize(text.scalars, span: whole, quotes: [],
                                                 sentences: SentenceSplitter.sentences(in: whole, of: text.scalars))
        #expect(tokens.count > DiscourseContext.descriptionTokenBudget)
        guard let heads = DescriptionHeads(tokens: tokens) else { Issue.record("no index"); return }
        for word in ["minister", "talks", "the", "absent"] {
            for range in [0..<tokens.count, 17..<2_017, 1_000..<1_000, 2_500..<tokens.count, 0..<1] {
                let scanned = range.filter { tokens[$0].kind == .word && tokens[$0].text == word }
                #expect(heads.occurrences(of: word, in: range).map(Int.init) == scanned, "\(word) in \(range)")
            }
        }
    }

    /// A description in a paragraph longer than the budget goes through `DescriptionHeads`: it finds
    /// the person an apposition named within 2,000 tokens back, and nobody further back.
    @Test func aDescriptionInAHugeParagraphReadsBackAsFarAsTheBudget() {
        let filler = "Rain fell on the hills and the river rose again. "   // 11 tokens
        func speaker(fillerSentences: Int) -> String? {
            let body = "Imke Solberg, a spokeswoman for the agency, arrived early. "
                + String(repeating: filler, count: fillerSentences)
                + "\u{201C}The gates will stay shut,\u{201D} the spokeswoman said. "
                + String(repeating: filler, count: 300)
            let text = "Title\n\n" + body
            let article = StructureParser().parse(ArticleText(text))
            let known = entities([("Imke Solberg", .person, ["Imke Solberg"])], in: text)
            let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: known, in: article)
            guard quotes.count == 1 else { return "quotes: \(quotes.count)" }
            return quotes[0].speaker.flatMap { id in known.first { $0.id == id }?.name }
        }
        #expect(speaker(fillerSentences: 150) == "Imke Solberg")   // about 1,650 tokens back
        #expect(speaker(fillerSentences: 200) == nil)              // about 2,200 tokens back: past the budget
    }

    /// Two long paragraphs, each with its own `DescriptionHeads` in the cache: the first quote reads
    /// back across the paragraph break into the first paragraph's index, the second finds the
    /// apposition in its own paragraph. An index kept under the wrong paragraph would give token
    /// positions of the other paragraph and lose (or swap) the speakers.
    @Test func twoLongParagraphsEachResolveThroughTheirOwnIndex() {
        let filler = "Rain fell on the hills and the river rose again. "   // 11 tokens
        let first = String(repeating: filler, count: 250)
            + "Imke Solberg, a spokeswoman for the agency, arrived early."
        let second = "\u{201C}The gates will stay shut,\u{201D} the spokeswoman said. "
            + String(repeating: filler, count: 250)
            + "Tor Vikholm, a spokeswoman for the port, arrived late. "
            + String(repeating: filler, count: 100)
            + "\u{201C}The ships will wait,\u{201D} the spokeswoman said. "
            + String(repeating: filler, count: 50)
        let text = "Title\n\n" + first + "\n\n" + second
        let article = StructureParser().parse(ArticleText(text))
        #expect(article.paragraphs.filter { $0.span.length > 10_000 }.count == 2)
        let known = entities([("Imke Solberg", .person, ["Imke Solberg"]), ("Tor Vikholm", .person, ["Tor Vikholm"])], in: text)
        let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: known, in: article)
        let names = quotes.map { quote in quote.speaker.flatMap { id in known.first { $0.id == id }?.name } }
        #expect(names == ["Imke Solberg", "Tor Vikholm"])
    }
}

/// The UTF-8 paths for text outside ASCII (stop 33) against the scalar-by-scalar code they replaced.
@Suite struct NonASCIIFastPathTests {
    /// Scalars of several widths and kinds: ASCII, Latin-1, Greek and Cyrillic (cased, with
    /// special lowercase mappings), the curly apostrophe, marks that join a space, a Prepend, Thai,
    /// an emoji past the BMP, and pairs that share a slot of `SpaceJoinAnswers` (U+03B1 and U+0331).
    static let pool: [Unicode.Scalar] = ["A", "z", "9", "'", "-", "\u{C9}", "\u{E9}", "\u{130}", "\u{3A3}", "\u{3C3}",
                                         "\u{391}", "\u{3B1}", "\u{331}", "\u{301}", "\u{410}", "\u{44F}", "\u{2019}",
                                         "\u{201C}", "\u{600}", "\u{E33}", "\u{903}", "\u{200D}", "\u{1F600}",
                                         "\u{1E9E}", "\u{10400}", "\u{FF9E}"]

    @Test func lowercasedWordsEqualEachScalarsMapping() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let length = Int.random(in: 1...26, using: &generator)
            let word = (0..<length).map { _ in Self.pool.randomElement(using: &generator)! }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: word)
            let text = ArticleText(String(view))
            let span = Span(0, text.scalars.count)
            var expected = String.UnicodeScalarView()
            for c in word {
                if c == "\u{2019}" { expected.append("'") } else { expected.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars) }
            }
            let lowered = text.scalars.withFixedWidth({ ParagraphTokenizer.lowercased($0, span) },
                                                      { ParagraphTokenizer.lowercased($0, span) },
                                                      { ParagraphTokenizer.lowercased($0, span) })
            #expect(lowered == (length > 24 ? "" : String(expected)), "\(String(view).debugDescription)")
        }
    }

    @Test func wordCountsOfLinesOutsideASCIIEqualTheCharacterSplit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...40, using: &generator)
            var view = String.UnicodeScalarView()
            for _ in 0..<length {
                view.append(Int.random(in: 0..<3, using: &generator) == 0 ? " " : Self.pool.randomElement(using: &generator)!)
            }
            let line = Substring(String(view))
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            #expect(PasteLine.wordCount(line) == words.count, "\(line.debugDescription)")
            // `lastWord` is asked of trimmed lines only.
            if let last = line.last, last != " ", let lastWord = words.last {
                #expect(PasteLine.lastWord(of: line, isASCII: false) == line[lastWord.startIndex...], "\(line.debugDescription)")
            }
        }
    }
}
