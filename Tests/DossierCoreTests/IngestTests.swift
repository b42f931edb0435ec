import Testing
@testable import DossierCore

@Suite struct IngestTests {
    func decode(_ bytes: [UInt8]) throws -> String { try TextDecoder.decode(bytes) }
    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func keepsValidUTF8AndDropsTheBOM() throws {
        let text = "Portugal’s “phenomenal partner” — 13 U.S. service members"
        #expect(try decode(Array(text.utf8)) == text)
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("Home".utf8)) == "Home")
    }

    @Test func repairsInvalidUTF8WithReplacementCharacters() throws {
        // Overlong "/" (C0 AF), a surrogate (ED A0 80), a truncated 3-byte sequence, a stray continuation byte, F5.
        #expect(scalars(try decode([0x41, 0xC0, 0xAF, 0x42])) == [0x41, 0xFFFD, 0xFFFD, 0x42])
        #expect(scalars(try decode([0x41, 0xED, 0xA0, 0x80, 0x42])) == [0x41, 0xFFFD, 0xFFFD, 0xFFFD, 0x42])
        #expect(scalars(try decode([0x41, 0xE2, 0x80, 0x42])) == [0x41, 0xFFFD, 0x42])
        #expect(scalars(try decode([0x80, 0x41, 0xF5, 0x80])) == [0xFFFD, 0x41, 0xFFFD, 0xFFFD])
        #expect(scalars(try decode([0xE0, 0x80, 0x80])) == [0xFFFD, 0xFFFD, 0xFFFD])   // overlong 3-byte
        #expect(scalars(try decode([0xF4, 0x90, 0x80, 0x80])).allSatisfy { $0 == 0xFFFD })  // above U+10FFFF
        #expect(scalars(try decode([0xF0, 0x9F, 0x98])) == [0xFFFD])                  // truncated at the end
    }

    @Test func refusesNULBytesAsNotText() {
        #expect(throws: IngestError.notText) { try TextDecoder.decode([0x41, 0x00, 0x42, 0x43, 0x00, 0x01, 0x02]) }
    }

    @Test func findsANULByteAnywhereInALongText() throws {
        let text = Array(String(repeating: "General Ravelle lauded Portugal. ", count: 40).utf8)
        for position in [0, 7, 8, 9, text.count / 2, text.count - 9, text.count - 1] {
            var bytes = text
            bytes[position] = 0
            #expect(throws: IngestError.notText) { try TextDecoder.decode(bytes) }
        }
        #expect(try decode(text) == String(decoding: text, as: UTF8.self))
    }

    @Test func decodesUTF16WithByteOrderMarks() throws {
        let text = "Ravelle said: “We have to have a relationship.” 😀"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decode(le) == text)
        #expect(try decode(be) == text)
        #expect(throws: IngestError.unsupportedEncoding("UTF-32")) { try TextDecoder.decode([0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0]) }
    }

    @Test func normalisesLineEndings() throws {
        #expect(try decode(Array("a\r\nb\rc\n\r\nd".utf8)) == "a\nb\nc\n\nd")
    }

    @Test func removesEscapeSequencesWhole() throws {
        let csi = "\u{1B}[1;31mred\u{1B}[0m and \u{1B}[2J clear"
        #expect(try decode(Array(csi.utf8)) == "red and  clear")
        let osc = "title\u{1B}]0;evil title\u{07} then \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ end"
        #expect(try decode(Array(osc.utf8)) == "title then link end")
        let dcs = "a\u{1B}Pq#0;2;0;0;0\u{1B}\\b\u{1B}_apc\u{1B}\\c\u{1B}^pm\u{1B}\\d\u{1B}Xsos\u{1B}\\e"
        #expect(try decode(Array(dcs.utf8)) == "abcde")
        let eightBit = "x\u{9B}31my\u{9D}0;t\u{9C}z"
        #expect(try decode(Array(eightBit.utf8)) == "xyz")
        let twoChar = "a\u{1B}7b\u{1B}(Bc\u{1B}cd"
        #expect(try decode(Array(twoChar.utf8)) == "abcd")
    }

    @Test func anUnterminatedControlStringStopsAtTheLineEndAndKeepsItsText() throws {
        let text = "x\u{1B}]0;never closed\nThe article goes on."
        #expect(try decode(Array(text.utf8)) == "x0;never closed\nThe article goes on.")
    }

    @Test func removesControlsBidiAndZeroWidthCharacters() throws {
        let text = "a\u{07}b\u{7F}c\u{85}d\tE\u{202E}txet\u{202C} \u{2066}iso\u{2069}\u{200E}\u{200F}\u{061C}z\u{200B}w\u{200C}\u{200D}\u{2060}j\u{FEFF}!"
        #expect(try decode(Array(text.utf8)) == "abcd\tEtxet isozwj!")
    }

    @Test func mapsOddSpacesToPlainSpaces() throws {
        let text = "13\u{A0}U.S.\u{2009}troops\u{3000}and\u{202F}more\u{2028}next"
        #expect(try decode(Array(text.utf8)) == "13 U.S. troops and more\nnext")
    }

    @Test func detectsFormatsByContent() {
        #expect(SourceFormatDetector.format(ofText: "<!DOCTYPE html><html><head><title>x</title>", pathHint: "a.txt") == .html)
        #expect(SourceFormatDetector.format(ofText: "{\"text\": \"a\"}\n{\"text\": \"b\", \"title\": \"t\"}\n", pathHint: nil) == .jsonLines)
        #expect(SourceFormatDetector.format(ofText: "# Title\n\nSome **bold** text and a [link](http://x).\n", pathHint: nil) == .markdown)
        let seed = "Home » world » Portugal & VELDCOM\n\nThe recent arrest of Benedikt Wendelbrook is a success.\n"
        #expect(SourceFormatDetector.format(ofText: seed, pathHint: "seed.txt") == .text)
    }

    @Test func oneSetOfRulesForPagesFeedsAndJSONLines() {
        // A page saved without its first lines, behind a byte-order mark, still names its structure.
        #expect(SourceFormatDetector.format(ofText: "\u{FEFF}\r\n<meta charset=utf-8><title>x</title><body><p>Text.", pathHint: nil) == .html)
        #expect(SourceFormatDetector.format(ofBytes: Array("\u{FEFF}<title>x</title>\n<body>".utf8), pathHint: "page.txt") == .html)
        // Feeds are told by their root element, past the XML declaration, comments and a DOCTYPE.
        #expect(SourceFormatDetector.format(ofText: "<?xml version=\"1.0\"?>\n<!-- generated -->\n<rss version=\"2.0\"><channel>", pathHint: nil) == .feed)
        #expect(SourceFormatDetector.format(ofText: "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title>", pathHint: "a.txt") == .feed)
        #expect(SourceFormatDetector.format(ofText: "<?xml version=\"1.0\"?><opml version=\"2.0\">", pathHint: nil) == .feed)
        #expect(SourceFormatDetector.format(ofText: "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", pathHint: nil) == .feed)
        #expect(SourceFormatDetector.format(ofText: "<?xml version=\"1.0\"?><!DOCTYPE html><html><body>", pathHint: nil) == .html)
        #expect(SourceFormatDetector.format(ofText: "<?xml version=\"1.0\"?><svg><g/></svg>", pathHint: nil) == .text)
        // A JSON Lines feed whose later line is broken is still a feed (the broken line is reported
        // by the reader); a first line without a "text" field needs every line to be an object.
        #expect(SourceFormatDetector.format(ofText: "{\"text\": \"a\"}\nnot json\n", pathHint: "feed.log") == .jsonLines)
        #expect(SourceFormatDetector.format(ofText: "{\"body\": \"a\"}\nnot json\n", pathHint: nil) == .text)
        #expect(SourceFormatDetector.format(ofText: "{\"body\": \"a\"}\n{\"body\": \"b\"}\n", pathHint: nil) == .jsonLines)
        #expect(SourceFormatDetector.format(ofText: "Talks resume {\"text\"} on Monday.\n", pathHint: nil) == .text)
    }

    @Test func markdownBecomesPlainTextWithTitleAndHeadingHints() {
        let md = """
        # Portugal & VELDCOM: Strong Counter-Terrorism Partnership

        General Ravelle **lauded** Portugal as a *“phenomenal partner”*, says [VELDCOM](https://www.veldcom.example).

        ## The Wendelbrook Capture and its Implications

        ```
        let x = 1
        ```

        - First point
        """
        let document = SourceFormatDetector.document(fromText: md, pathHint: "brief.md")
        #expect(document.format == .markdown)
        #expect(document.titleHint == "Portugal & VELDCOM: Strong Counter-Terrorism Partnership")
        #expect(document.headingHints == ["The Wendelbrook Capture and its Implications"])
        #expect(document.text.contains("General Ravelle lauded Portugal as a “phenomenal partner”, says VELDCOM."))
        #expect(document.text.contains("let x = 1"))
        #expect(!document.text.contains("#") && !document.text.contains("**") && !document.text.contains("]("))
    }

    @Test func markdownTablesReferencesFootnotesCommentsAndTagsBecomeText() {
        let md = #"""
        Harbour Talks Resume
        ====================

        The board met on [Tuesday][day] and again on [Friday][].<!-- editor: check -->
        <div class="aside">
        Shipping fell by a third.[^1] See <https://example.org/report> or write to <desk@example.org>.<br>Next line.
        </div>
        <!--
        a comment across lines
        -->

        What changed
        ------------

        | Port | Ships | Change |
        |:-----|------:|:------:|
        | Velmar | 1,200 | -3 % |
        | Ostrel \| Quay | 840 | +1 % |

        Costs rose 4 \* 2 times, a \_rare\_ case, not *emphasis*.

        Reviews of <The Lighthouse: A Keeper's Tale> and <Tidewater> came in.

        [day]: https://example.org/tuesday "The day"
        [Friday]: <https://example.org/friday>
        [^1]: Port authority figures.
        [Update]: The minister resigned.
        """#
        let document = SourceFormatDetector.document(fromText: md, pathHint: "brief.md")
        #expect(document.format == .markdown)
        #expect(document.titleHint == "Harbour Talks Resume")
        #expect(document.headingHints == ["What changed"])
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("The board met on Tuesday and again on Friday."))
        #expect(lines.contains("Shipping fell by a third.[1] See https://example.org/report or write to desk@example.org. Next line."))
        #expect(lines.contains("Port | Ships | Change"))
        #expect(lines.contains("Velmar | 1,200 | -3 %"))
        #expect(lines.contains("Ostrel | Quay | 840 | +1 %"))
        #expect(lines.contains("Costs rose 4 * 2 times, a _rare_ case, not emphasis."))
        #expect(lines.contains("[1] Port authority figures."))
        #expect(lines.contains("Reviews of <The Lighthouse: A Keeper's Tale> and <Tidewater> came in."))
        #expect(lines.contains("[Update]: The minister resigned."))
        for gone in ["<!--", "-->", "editor", "comment across", "<div", "</div>", ":-----", "====", "------", "https://example.org/tuesday", "[day]"] {
            #expect(!document.text.contains(gone), "\(gone)")
        }
    }

    /// What Dossier's own Markdown export escapes (`MarkdownEscaping.inline`) reads back as it was written.
    @Test func escapedTextReadsBackAsTheOriginal() {
        let texts = ["A *star*, a_b_c, [brackets] and <tags> | pipes # hash \\ backslash `tick`",
                     "Plain words, 42 % and “quotes”.", "<br> is text here, as is [x](y)."]
        for text in texts {
            #expect(MarkdownInline.plain(MarkdownEscaping.inline(text)) == text)
        }
    }

    /// `ClosingMarks` answers as a search from the position would, on random lines of marks.
    @Test func closingMarksFindWhatASearchFinds() {
        let alphabet: [Unicode.Scalar] = ["[", "]", "(", ")", "<", ">", "a", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let line = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var marks = ClosingMarks(line)
            for _ in 0..<20 {
                let mark = alphabet.randomElement(using: &generator)!
                let start = Int.random(in: 0...(line.count + 2), using: &generator)
                let searched = start < line.count ? line[start...].firstIndex(of: mark) : nil
                #expect(marks.first(mark, from: start) == searched, "\(mark) from \(start) in \(String(String.UnicodeScalarView(line)))")
            }
        }
    }

    /// Marks that never close are text, and reading them stays linear: each "[" or "<" used to
    /// search the rest of the line for its closing mark (300,000 of them took 34 s).
    @Test func unclosedBracketsAndAngleBracketsStayText() {
        for line in [String(repeating: "[", count: 50_000) + "x", String(repeating: "[a ", count: 20_000),
                     String(repeating: "<", count: 50_000), String(repeating: "<b ", count: 20_000)] {
            #expect(MarkdownInline.plain(line) == line, "\(line.prefix(8))")
        }
        // Closed ones still read as before: links, a reference, a tag; a label holding "[" is text.
        #expect(MarkdownInline.plain("[[a] [b](c) <br>[d][e] [f][[g]") == "[[a] b  d [f][[g]")
    }

    @Test func anUnterminatedControlStringKeepsItsTextButATerminatedOneIsDropped() throws {
        // A mis-decoded U+009F (APC) with no terminator must not swallow the sentence after it.
        #expect(try decode(Array("Talks \u{9F}resume on Monday.\nNext".utf8)) == "Talks resume on Monday.\nNext")
        #expect(try decode(Array("Title\u{1B}]0;EVIL\u{07} kept".utf8)) == "Title kept")
        #expect(try decode(Array("A\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ B".utf8)) == "Alink B")
    }

    @Test func aZeroWidthJoinerSurvivesOnlyBetweenEmoji() throws {
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(try decode(Array("a \(family) b".utf8)) == "a \(family) b")
        #expect(try decode(Array("zero\u{200D}width \u{200D}👩".utf8)) == "zerowidth 👩")
        #expect(try decode(Array("🏳\u{FE0F}\u{200D}🌈".utf8)) == "🏳\u{FE0F}\u{200D}🌈")
    }

    @Test func theEmojiShortcutAnswersAsTheUnicodeProperty() {
        // `isEmoji` skips the property lookup below U+203C; it must answer as the lookup does from U+2000 up.
        for value in UInt32(0x2000)...0x2BFF {
            #expect(TerminalSafeFilter.isEmoji(value) == Unicode.Scalar(value)!.properties.isEmoji, "U+\(String(value, radix: 16))")
        }
        #expect(TerminalSafeFilter.isEmoji(0x203C) && TerminalSafeFilter.isEmoji(0x1F600))
        #expect(!TerminalSafeFilter.isEmoji(0xA9) && !TerminalSafeFilter.isEmoji(0x201C))
    }

    @Test func copyingPlainRunsInBulkGivesWhatFeedingEveryScalarGives() throws {
        // Real article text, cut into pieces and interleaved with every kind of byte the filter must act on:
        // escapes, CR LF, controls, odd spaces, joiners between emoji and not, marks, invalid and truncated UTF-8.
        let article = "Ravelle said: “We have to have a relationship with Portugal.” The 13 U.S. service members — killed."
        let hostile: [[UInt8]] = [
            Array("\u{1B}[31m".utf8), Array("\u{1B}]0;t\u{07}".utf8), [0x0D, 0x0A], [0x0D], [0x0A], [0x09], [0x7F], [0x01],
            Array("\u{85}\u{9B}1m\u{A0}\u{2009}\u{2028}\u{202E}\u{FEFF}\u{3000}".utf8), Array("\u{200D}".utf8),
            Array("👩\u{200D}👩".utf8), Array("🏳\u{FE0F}".utf8), Array("👍\u{1F3FD}".utf8), Array("‼".utf8),
            Array("e\u{301}".utf8), [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x80], [0x80], [0xF5], [0xF0, 0x9F, 0x98],
            // Windows-1252 letters and quotes between ASCII: the bytes may read as that encoding.
            [0xE9], [0x20, 0xFA, 0x20], [0x93, 0x41, 0x94],
        ]
        var generator = SystemRandomNumberGenerator()
        let pieces = Array(article.utf8)
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                let from = Int.random(in: 0..<pieces.count, using: &generator)
                bytes += pieces[from..<min(pieces.count, from + Int.random(in: 0...20, using: &generator))]
                bytes += hostile.randomElement(using: &generator)!
            }
            let bulk = try TextDecoder.decode(bytes, copyingPlainRuns: true)
            let reference = try TextDecoder.decode(bytes, copyingPlainRuns: false)
            #expect(bulk == reference, "bytes: \(bytes)")
            // The encoding found while decoding is the one a separate look at the bytes gives.
            #expect(try TextDecoder.decodeDetectingEncoding(bytes).encoding == TextDecoder.encoding(of: bytes), "bytes: \(bytes)")
        }
    }

    @Test func formatDetectionReadsOnlyTheHead() {
        // JSON Lines whose 50 first lines run past the head: decided from what the head shows.
        let record = "{\"text\": \"" + String(repeating: "Portugal’s partner. ", count: 200) + "\"}\n"
        #expect(SourceFormatDetector.format(ofText: String(repeating: record, count: 60), pathHint: nil) == .jsonLines)
        // Markdown signs after the first 64 KB are not seen: the text reads as plain text there.
        let prose = String(repeating: "The recent arrest of Benedikt Wendelbrook is a success.\n", count: 1300)
        let lateMarkdown = prose + "# Title\n\nSome **bold** text and a [link](http://x).\n"
        #expect(SourceFormatDetector.format(ofText: lateMarkdown, pathHint: nil) == .text)
        #expect(SourceFormatDetector.format(ofText: "# Title\n\nSome **bold** text and a [link](http://x).\n" + prose, pathHint: nil) == .markdown)
    }

    @Test func aCombiningMarkAfterAMarkdownSignUndoesItAsStringsWould() {
        // "**" + U+FE0F is not "**" as Characters: the variation selector joins the second star.
        #expect(MarkdownReader.looksLikeMarkdown("Some **\u{FE0F}bold text.\nSee [a](b).\nAnd **\u{FE0F}more.\n") == false)
        #expect(MarkdownReader.looksLikeMarkdown("Some **bold text.\nSee [a](b).\nAnd **more.\n"))
    }
}

/// Text that is not UTF-8: Windows-1252 (Latin-1) is read as such; damaged UTF-8 is repaired.
@Suite struct LegacyEncodingTests {
    @Test func latin1AccentsAndWindowsQuotesAreDecoded() throws {
        let bytes: [UInt8] = Array("Jos".utf8) + [0xE9] + Array(" N".utf8) + [0xFA, 0xF1] + Array("ez ".utf8) + [0x93, 0x41, 0x94, 0x20, 0x97]
        #expect(try TextDecoder.decode(bytes) == "José Núñez “A” —")
        #expect(TextDecoder.encoding(of: bytes) == .windows1252)
    }

    @Test func damagedUTF8StaysUTF8() throws {
        // A valid "é" (C3 A9) elsewhere: the stray byte is damage, not Latin-1.
        let bytes: [UInt8] = Array("caf".utf8) + [0xC3, 0xA9] + Array(" and ".utf8) + [0xE9] + Array("t".utf8)
        #expect(TextDecoder.encoding(of: bytes) == .utf8)
        #expect(try TextDecoder.decode(bytes) == "café and \u{FFFD}t")
        #expect(TextDecoder.encoding(of: Array("plain".utf8)) == .utf8)
    }
}
