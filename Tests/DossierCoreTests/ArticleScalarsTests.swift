import Testing
@testable import DossierCore

/// The compact scalar store: each text in the narrowest width that holds all its scalars, read back
/// scalar for scalar at the same offsets whatever the width.
@Suite struct ArticleScalarsTests {
    /// Reads every scalar through each accessor and compares with the string's own scalars.
    func expectSameScalars(_ text: String, width: UInt8, sourceLocation: SourceLocation = #_sourceLocation) {
        let stored = ArticleScalars(text)
        let expected = Array(text.unicodeScalars)
        #expect(stored.width == width, "\(text.prefix(30))", sourceLocation: sourceLocation)
        #expect(stored.count == expected.count, sourceLocation: sourceLocation)
        #expect(Array(stored) == expected, sourceLocation: sourceLocation)
        #expect(stored.indices.allSatisfy { stored[$0] == expected[$0] }, sourceLocation: sourceLocation)
        stored.withScalarBuffer { buffer in
            #expect(buffer.count == expected.count, sourceLocation: sourceLocation)
            #expect((0..<buffer.count).allSatisfy { buffer[$0] == expected[$0] }, sourceLocation: sourceLocation)
        }
        #expect(stored.string == text, sourceLocation: sourceLocation)
        // The one-width views (for loops compiled per width): the right one is chosen, and reads the same.
        func read<Scalars: FixedWidthScalars>(_ view: Scalars, _ viewWidth: UInt8) -> (UInt8, [Unicode.Scalar]) {
            (viewWidth, (0..<view.count).map { view[$0] })
        }
        let (chosen, viaView) = stored.withFixedWidth({ read($0, 1) }, { read($0, 2) }, { read($0, 4) })
        #expect(chosen == width, sourceLocation: sourceLocation)
        #expect(viaView == expected, sourceLocation: sourceLocation)
        // The same scalars handed over as an array land in the same width.
        #expect(ArticleScalars(expected).width == width, sourceLocation: sourceLocation)
        #expect(ArticleScalars(expected) == stored, sourceLocation: sourceLocation)
    }

    @Test func asciiIsOneByteAndItsOwnUTF8() {
        expectSameScalars("The minister said 1,200 delegates.\n\tNext line", width: 1)
        #expect(ArticleScalars("plain words").isASCII)
        #expect(ArticleScalars("").count == 0)
        #expect(ArticleScalars("").string == "")
    }

    @Test func latin1IsOneByte() {
        // U+00FF is the last one-byte scalar; é and ÿ are two bytes of UTF-8 but one here.
        expectSameScalars("Café naïve ÿ £5 ¿qué? ×÷", width: 1)
        #expect(!ArticleScalars("Café").isASCII)
    }

    @Test func bmpIsTwoBytes() {
        // U+0100 (Ā) is the first scalar past Latin-1; U+FFFD and CJK stay in the BMP.
        expectSameScalars("Ā", width: 2)
        expectSameScalars("Portugal’s “reliable partner” — 北朝鮮 قال \u{FFFD} e\u{301}", width: 2)
    }

    @Test func aFewAstralScalarsAreEscapesInTwoBytes() {
        expectSameScalars("👍🏽 and 𝄞", width: 2)
        expectSameScalars("\u{10000}", width: 2)
        expectSameScalars("\u{10FFFF} 😀 last", width: 2)
        // The same emoji again is the same escape; each reads back as itself at every offset.
        expectSameScalars(String(repeating: "a😀b👍🏽", count: 300), width: 2)
    }

    @Test func moreDistinctAstralScalarsThanEscapesAreFourBytes() {
        // One past the escape limit: every scalar is stored whole, and reads back the same.
        let many = (0...ArticleScalars.wideEscapeLimit).map { Character(Unicode.Scalar(0x1F000 + UInt32($0))!) }
        expectSameScalars(String(many) + " end", width: 4)
        // At the limit exactly, they all still fit as escapes.
        expectSameScalars(String(many.dropLast()) + " end", width: 2)
    }

    @Test func aBMPScalarNextToASurrogateRangeIsNotAnEscape() {
        // U+D7FF and U+E000 sit either side of the escapes' range and are stored as themselves.
        expectSameScalars("\u{D7FF}\u{E000}\u{F8FF}\u{FFFF} 😀", width: 2)
    }

    @Test func offsetsAfterAWideScalarAreTheStringsOffsets() {
        // ASCII, Latin-1, BMP and astral scalars in one text: offsets past the widest scalar must
        // still be the string's offsets (a store that mixed widths, or gave an emoji two units as
        // UTF-16 does, would drift here).
        let text = String(repeating: "abc é ", count: 50) + "€" + String(repeating: " ÿ x", count: 50) + "😀" + " tail"
        expectSameScalars(text, width: 2)
        let stored = ArticleScalars(text)
        let euro = Array(text.unicodeScalars).firstIndex(of: "€")!
        #expect(stored[euro] == "€")
        #expect(stored[euro + 2] == "ÿ")
        #expect(stored[stored.count - 1] == "l")
        #expect(stored[stored.count - 6] == "😀")
    }

    @Test func slicesAndSpansKeepTheirOffsets() {
        let text = ArticleText("Zoë said “Ω is 😀” today.")
        let expected = Array("Zoë said “Ω is 😀” today.".unicodeScalars)
        #expect(text.scalars.width == 2)
        #expect(text.slice(Span(0, 3)) == "Zoë")
        #expect(text.slice(Span(9, 17)) == "“Ω is 😀”")
        #expect(Array(text.scalars[9..<17]) == Array(expected[9..<17]))
        #expect(text.scalars[9..<17].startIndex == 9)
        #expect(text.utf8String(Span(15, 16)) == "😀")
        // Spans past either end are clamped, not trapped on.
        #expect(text.slice(Span(-5, 3)) == "Zoë")
        #expect(text.slice(Span(18, 500)) == "today.")
        #expect(text.slice(Span(500, 600)) == "")
        // The same slices of an ASCII text, which is copied straight as UTF-8.
        let ascii = ArticleText("one two three")
        #expect(ascii.slice(Span(4, 7)) == "two")
        #expect(ascii.slice(Span(8, 99)) == "three")
        #expect(ascii.string == "one two three")
    }
}

@Suite struct ArticleScalarsUTF8PieceTests {
    /// The pieces joined are the text's UTF-8, for texts longer than one piece in each width.
    @Test func piecesJoinToTheTextsUTF8() {
        let texts = [
            String(repeating: "plain ascii words ", count: 5_000),                      // 90 KB: two pieces
            String(repeating: "Zoë’s “quote” — ", count: 2_000),                        // BMP, past 16K scalars
            String(repeating: "a😀é", count: 9_000),                                      // astral, past 16K scalars
            "",
        ]
        for text in texts {
            var joined: [UInt8] = []
            var pieces = 0
            ArticleScalars(text).forEachUTF8Piece { piece in
                #expect(piece.count <= 1 << 16)
                joined.append(contentsOf: piece)
                pieces += 1
            }
            #expect(joined == Array(text.utf8), "\(text.prefix(20))")
            #expect(text.isEmpty ? pieces == 0 : pieces >= 2)
        }
    }
}

@Suite struct ArticleScalarsJSONTests {
    /// The contract's "text" is written from the scalars piece by piece: the bytes must be those of
    /// escaping the whole string, escapes near piece ends included, in every width.
    @Test func textWrittenFromScalarsEqualsTheEscapedString() {
        let tricky = "a\"b\\c\n\t\r\u{1}\u{7F}\u{85}\u{2028}\u{202E}\u{2066}\u{61C}\u{200E} é Ω 😀 "
        let texts = [
            tricky,
            String(repeating: "plain \"ascii\"\n", count: 6_000),            // past one 64 KB piece
            String(repeating: "x", count: 16_383) + tricky + String(repeating: "Ω\u{2028}", count: 10_000),
            String(repeating: "😀\u{202E}\"", count: 7_000),
            "",
        ]
        for text in texts {
            var fromString = ByteSink()
            JSONValue.writeEscaped(text, to: &fromString)
            var fromScalars = ByteSink()
            JSONValue.writeEscaped(ArticleScalars(text), to: &fromScalars)
            #expect(fromScalars.bytes == fromString.bytes, "\(text.prefix(20))")
        }
    }
}
