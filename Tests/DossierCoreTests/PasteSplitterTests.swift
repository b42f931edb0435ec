import Testing
@testable import DossierCore

/// Pastes of invented articles: where one article ends and the next begins, and where nothing must be cut.
@Suite struct PasteSplitterTests {
    static let bodyA = """
        The council of Velmar voted on Tuesday to close the old harbour bridge for repairs that are expected to last most of the coming year.

        Engineers found cracks in two of the bridge's supports last spring, and a report from the city's works office said the damage had grown since then.

        Shop owners on the east bank said the closure would cut their trade, and asked the council for help with the cost of the longer route for deliveries.
        """
    static let bodyB = """
        Farmers in the Osterlind valley began the grape harvest two weeks earlier than usual after a summer that was the warmest on local record.

        The growers' cooperative said the crop was smaller than last year's but that the quality of the fruit was among the best its members had seen.

        Pickers from the neighbouring towns were hired at short notice, and several wineries said they would run their presses through the night.
        """
    static let bodyC = """
        A new ferry line between Port Ellis and the island of Kestrava will start in the spring, the regional transport office announced on Friday.

        Two boats will make the crossing four times a day, cutting the journey from three hours by road and bridge to a little over forty minutes.

        Residents of the island had asked for the service for more than a decade, and the office said tickets would cost the same as the bus fare.
        """

    func starts(_ text: String) -> [Int] { PasteSplitter.split(text).map(\.firstLine) }

    func lineNumber(of line: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == line } ?? -1) + 1
    }

    @Test func articlesJoinedByRulesAreCutAtEachHeadline() {
        let paste = "Harbour bridge to close for a year\n\n\(Self.bodyA)\n\n---\n\nGrape harvest starts early in the valley\n\n\(Self.bodyB)\n\n* * *\n\nFerry to link island and mainland\n\n\(Self.bodyC)\n"
        let parts = PasteSplitter.split(paste)
        #expect(parts.map(\.firstLine) == [1, lineNumber(of: "Grape harvest starts early in the valley", in: paste),
                                           lineNumber(of: "Ferry to link island and mainland", in: paste)])
        #expect(parts[1].text.hasPrefix("Grape harvest starts early in the valley\n"))
        // The rules themselves belong to no article.
        #expect(!parts[0].text.contains("---") && !parts[1].text.contains("* * *"))
    }

    @Test func headlinesOverBylinesDatesAndDatelinesAreCutWithoutRules() {
        let paste = """
            Harbour bridge to close for a year

            By Ada Quell

            \(Self.bodyA)

            Grape harvest starts early in the valley

            Tuesday, September 8, 2026

            \(Self.bodyB)

            Ferry to link island and mainland

            PORT ELLIS (Coastal Wire) - \(Self.bodyC)
            """
        #expect(starts(paste) == [1, lineNumber(of: "Grape harvest starts early in the valley", in: paste),
                                  lineNumber(of: "Ferry to link island and mainland", in: paste)])
    }

    @Test func aSingleArticleWithARuleASubheadingAndAMidBylineStaysOne() {
        let article = """
            Harbour bridge to close for a year

            By Ada Quell

            \(Self.bodyA)

            ---

            \(Self.bodyB)

            What the closure means for deliveries

            \(Self.bodyC)

            By the numbers

            The bridge carries about 9,000 vehicles a day, according to the works office, and was last repaired in 1998.

            By Tomas Varga
            """
        #expect(PasteSplitter.split(article) == [PasteSplitter.Part(text: article, firstLine: 1)])
    }

    @Test func aHeadlineOverBodyTextAloneIsASectionHeadingNotAnArticle() {
        let paste = "Harbour bridge to close for a year\n\n\(Self.bodyA)\n\nGrape harvest starts early in the valley\n\n\(Self.bodyB)\n"
        #expect(starts(paste) == [1])
    }

    @Test func aTeaserWithNoBodyStaysWithTheArticleAboveIt() {
        let paste = "Harbour bridge to close for a year\n\nBy Ada Quell\n\n\(Self.bodyA)\n\nMore from Velmar\n\nFerry timetable published\n\nBy Tomas Varga\n\nRead the timetable here"
        #expect(starts(paste) == [1])
    }

    @Test func aCommentThreadUnderAnArticleIsNoArticle() {
        var paste = "Harbour bridge to close for a year\n\nBy Ada Quell\n\n\(Self.bodyA)\n\n3 responses to \u{201C}Harbour bridge to close\u{201D}\n"
        for name in ["Lina Voss", "Petr Hald", "Ona Brisk"] {
            paste += "\n\(name)\n\nSeptember 8, 2026 at 7:21 pm\n\n\(Self.bodyB.split(separator: "\n").first!)\n\n\(Self.bodyC.split(separator: "\n").first!)\n"
        }
        #expect(starts(paste) == [1])
    }

    @Test func aWireDatelineIsRecognisedAndItsEndFound() {
        func end(_ s: String) -> Int? { DatelinePrefix.end(in: ArticleScalars(s), from: 0) }
        #expect(end("ROTTERDAM \u{2014} Ships waited.") == 12)
        #expect(end("PORT ELLIS, Vendara \u{2014} Ships waited.") == 22)
        #expect(end("LONDON (Coastal Wire) - Ships waited.") == 24)
        #expect(end("Velmar (Coastal Wire) \u{2013} Ships waited.") == 24)
        // An ordinary sentence, a name in ordinary case and a heading are no datelines.
        #expect(end("The port - once the busiest - is quiet.") == nil)
        #expect(end("Velmar \u{2014} a city of bridges \u{2014} voted.") == nil)
        #expect(end("ROTTERDAM") == nil)
    }
}

extension PasteSplitterTests {
    @Test func aHeadlineEndingInAnAbbreviationStillStartsAnArticle() {
        let paste = "Harbour bridge to close for a year\n\n\(Self.bodyA)\n\n---\n\nVelmar Works Ltd. v. Osterlind Freight Co.\n\n\(Self.bodyB)\n"
        #expect(starts(paste) == [1, lineNumber(of: "Velmar Works Ltd. v. Osterlind Freight Co.", in: paste)])
    }

    @Test func aMarkdownSectionAfterARuleIsNoNewArticle() {
        let markdown = "# Harbour bridge to close for a year\n\n\(Self.bodyA)\n\n---\n\n## What the closure means\n\n\(Self.bodyB)\n"
        #expect(starts(markdown) == [1])
    }
}

extension PasteSplitterTests {
    @Test func aLiveBlogsTimeStampsUnderRulesAreNoHeadlines() {
        let blog = "Ferry strike: the latest\n\n10 p.m.\n\n\(Self.bodyA)\n\n___\n\n4:14 p.m.\n\n\(Self.bodyB)\n"
        #expect(starts(blog) == [1])
    }
}

extension PasteSplitterTests {
    @Test func pastedPagesStartAtTheirTitleWhenTheHeadlineComesAgainBelowIt() {
        let page1 = "Harbour bridge to close for a year - The Velmar Post\n\nHome\nNews\nSport\n\nHarbour bridge to close for a year\n\n\(Self.bodyA)\n\nAbout us\nContact"
        let page2 = "Grape harvest starts early in the valley | Osterlind Daily\n\nMenu\nSearch\n\nGrape harvest starts early in the valley\n\n\(Self.bodyB)\n\nPrivacy"
        let paste = page1 + "\n\n" + page2
        #expect(starts(paste) == [1, lineNumber(of: "Grape harvest starts early in the valley | Osterlind Daily", in: paste)])
        // Each page alone stays one.
        #expect(starts(page1) == [1])
        #expect(starts(page2) == [1])
    }

    /// The byte-level shortcuts give what the character-level code gives: a line's word count (a long
    /// line's words are counted, not listed), its letters, and the cut into lines.
    @Test(arguments: ["Line 12 said Bob.", "  By Ysolde Brannic\t", "", "   ", "a\tb  c", "Café in Velmar",
                      "e\u{0301} accent", "\"Quoted,\" she said: 40% of 1,200!", "Stardust@home 3",
                      "a \u{0301}b c", "Zoë’s “quote” \t 😀 end ", "a \u{200D} b", "x\u{0600} y z",
                      "é \u{0903}k \u{0301}\t\u{0301}", "\u{0600} \u{0301} \u{200D} \u{2019} \u{201C}x",
                      "\u{05FF} \u{02FF} \u{2010} \u{205E} x\u{205F} \u{0903}k"])
    func byteShortcutsMatchTheCharacterPaths(_ line: String) {
        let substring = Substring(line)
        let words = substring.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(PasteLine.asciiWordCount(substring) == words)
        } else {
            #expect(PasteLine.asciiWordCount(substring) == nil)
        }
        #expect(PasteLine.wordCount(substring) == words)
        #expect(PasteLine(substring).words == words)
        #expect(PasteLine.letters(substring) == line.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The shortcut in `spaceStandsAlone` (which neighbours cannot join a space) agrees with
    /// `Character` for every scalar of the ranges news text uses, before and after the space.
    @Test func aSpaceJoinsOnlyTheNeighboursCharacterSaysItJoins() {
        func standsAlone(_ scalars: [Unicode.Scalar]) -> Bool {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view).contains(" " as Character)
        }
        let ranges: [ClosedRange<UInt32>] = [0x00...0x2FFF, 0xA800...0xABFF, 0xFE00...0xFFFD, 0x1F300...0x1F3FF, 0xE0000...0xE007F]
        var mismatches: [String] = []
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if PasteLine.spaceStandsAlone(after: scalar, before: nil) != standsAlone([scalar, " "]) {
                    mismatches.append("U+\(String(value, radix: 16)) before")
                }
                if PasteLine.spaceStandsAlone(after: nil, before: scalar) != standsAlone([" ", scalar]) {
                    mismatches.append("U+\(String(value, radix: 16)) after")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func aLongLineIsCountedAndNeverAHeadlineAndTheTextIsCutAtEachLineFeed() {
        let long = String(repeating: "The harbour board met again on Tuesday. ", count: 40)
        let line = PasteLine(Substring(long))
        #expect(line.words == 280)
        #expect(!line.isHeadlineLike && line.isProse && line.kind == .text)
        // The same outside ASCII, where the words are counted on characters.
        let curly = PasteLine(Substring(String(repeating: "The harbour board’s “plan” failed. ", count: 40)))
        #expect(curly.words == 200)
        #expect(!curly.isHeadlineLike && curly.isProse && curly.kind == .text)
        // A long line of few words (a script written without spaces) is no headline, byline or date line.
        let unspaced = PasteLine(Substring("By " + String(repeating: "\u{391}\u{3B8}\u{3AE}\u{3BD}\u{3B1}", count: 400) + " 3 May"))
        #expect(unspaced.words == 4)
        #expect(!unspaced.isHeadlineLike && unspaced.kind == .text)
        let shortUnspaced = PasteLine(Substring("\u{391}\u{3B8}\u{3AE}\u{3BD}\u{3B1} \u{3C3}\u{3AE}\u{3BC}\u{3B5}\u{3C1}\u{3B1}"))
        #expect(shortUnspaced.isHeadlineLike)
        let text = "One\n\nTwo e\u{0301}\n\u{0301}Three\n"
        #expect(PasteLines(text).texts == text.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(PasteLines("a\r\nb").texts == ["a\r\nb"])
    }

    /// A paste's lines are kept as offsets and 12-byte features: a file of short paragraphs has a
    /// line every few bytes. What the offsets give back is what `split` and `joined` give.
    @Test func pasteLinesGiveBackTheTextSplitAndJoinedGive() {
        #expect(MemoryLayout<PasteLine>.stride <= 12)
        for text in ["One\n\nTwo e\u{0301}\n\u{0301}Three\n", "a\r\nb\nc\n\nd", "", "\n", "no line feed"] {
            let lines = PasteLines(text)
            let split = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.texts == split, "\(text.debugDescription)")
            for lower in 0..<split.count {
                for upper in lower...split.count {
                    #expect(lines.text(of: lower..<upper) == Substring(split[lower..<upper].joined(separator: "\n")),
                            "\(text.debugDescription) \(lower)..<\(upper)")
                }
            }
            #expect(lines.indices.allSatisfy { lines[$0].words == PasteLine(split[$0]).words })
        }
    }

    /// A headline may end with an abbreviation's full stop; the ASCII path and the character path agree.
    @Test func aHeadlineMayEndWithAnAbbreviationInASCIIOrNot() {
        func ends(_ words: [Substring]) -> Bool { PasteLine.endsWithAbbreviation(words.last, words: words.count) }
        #expect(ends(["Velmar", "Works", "Inc."]))
        #expect(ends(["Talks", "in", "U.S."]))
        #expect(!ends(["Harbour", "Gate."]))
        #expect(!ends(["Inc."]))
        #expect(!ends(["Velmar", "Inc"]))
        #expect(ends(["Met", "Zoë."]))
        #expect(ends(["Met", "e\u{0301}t."]))
        #expect(!ends(["Met", "Zoëe."]))
        #expect(!ends(["Met", "Zo1."]))
        #expect(PasteLine(Substring("Velmar Works hires Inc.")).isHeadlineLike)
    }

    /// A line's last word, found without listing the others, is the last that `split` gives.
    @Test func theLastWordIsTheLastOfTheSplit() {
        let lines = ["Ships left the port.", "one", "tab\tseparated words", "a  double  space", "Zoë met e\u{0301}t.",
                     "ends with \u{0301}", "[10:04:01] The vote is set for Tuesday.", "x \u{0301}y", "“Quoted” words – a dash.", "a word \u{0301}joined"]
        for line in lines {
            let trimmed = PasteLine.trimmed(Substring(line))
            let isASCII = PasteLine.asciiWordCount(trimmed) != nil
            #expect(PasteLine.lastWord(of: trimmed, isASCII: isASCII) == PasteLine.words(of: trimmed, isASCII: false).last, "\(line)")
        }
        #expect(PasteLine.lastWord(of: "", isASCII: true) == nil)
    }

    /// Trimming answers a line with visible ASCII at both ends from its bytes; every line trims as
    /// Characters do.
    @Test func trimmingIsTheCharactersTrim() {
        func byCharacters(_ s: Substring) -> Substring {
            var start = s.startIndex, end = s.endIndex
            while start < end, s[start].isWhitespace || s[start] == "\u{FEFF}" { start = s.index(after: start) }
            while end > start, s[s.index(before: end)].isWhitespace { end = s.index(before: end) }
            return s[start..<end]
        }
        let lines = ["plain line.", "  spaced  ", "\ttabbed\t", "\u{FEFF}BOM first", "a\u{00A0}", "\u{00A0}a",
                     "ends in a mark e\u{0301}", " \u{0301}joined", "x", "", " ", "\u{2003}em space\u{2003}",
                     "\r\n", "quote\"", "(bracket)", "~tilde~", "!bang!"]
        for line in lines {
            #expect(Array(PasteLine.trimmed(Substring(line)).utf8) == Array(byCharacters(Substring(line)).utf8), "\(line.debugDescription)")
        }
        for byte in UInt8(0x00)...UInt8(0x7F) {
            let line = String(decoding: [byte, 0x61, byte], as: UTF8.self)
            #expect(Array(PasteLine.trimmed(Substring(line)).utf8) == Array(byCharacters(Substring(line)).utf8), "\(byte)")
        }
    }
}
