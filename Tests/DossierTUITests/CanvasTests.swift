import Testing
@testable import DossierTUI

@Suite struct CanvasTests {
    @Test func wideCharactersTakeTwoCellsAndStopAtTheLimit() {
        var canvas = Canvas(width: 6, height: 1)
        let end = canvas.put("日本語", column: 0, row: 0, style: .plain, limit: 5)
        #expect(end == 4)
        #expect(canvas.lines == ["日本  "])
        #expect(canvas[1, 0].isContinuation)
        #expect(!canvas[2, 0].isContinuation)
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.put("a\u{1b}[31mb\u{7}", column: 0, row: 0, style: .plain)
        #expect(canvas.lines == ["a\u{FFFD}[31mb\u{FFFD}    "])
        #expect(!canvas.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("中文", column: 0, row: 0, style: .plain)
        canvas.put("x", column: 1, row: 0, style: .plain)
        #expect(canvas.lines == [" x文"])
    }
}

@Suite struct DisplayWidthTests {
    @Test func widthsFollowEastAsianWidthAndCombiningMarks() {
        #expect(DisplayWidth.of("Ravelle") == 7)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)          // e + combining acute: one cell
        #expect(DisplayWidth.of("Pakistan\u{2019}s") == 10)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("\u{263A}\u{FE0F}") == 2)    // text-default emoji made wide by VS16
        #expect(DisplayWidth.of("ＡＢ") == 4)               // fullwidth Latin
    }
}

/// Issue 16: composed emoji are drawn as their first emoji, at that emoji's width, so the text
/// after them stays where the layout put it; bidi controls are never drawn.
@Suite struct ComposedEmojiCanvasTests {
    @Test func zwjAndSkinToneSequencesAreDrawnAsTheirFirstEmoji() {
        for (sequence, base) in [("👩\u{200D}👩\u{200D}👧", "👩"), ("👍🏽", "👍"), ("🧑🏽\u{200D}💻", "🧑"), ("🏳\u{FE0F}\u{200D}🌈", "🏳")] {
            let character = Character(sequence)
            let (drawn, width) = Canvas.printable(character)
            #expect(drawn == base, "\(sequence)")
            #expect(width == DisplayWidth.of(character), "\(sequence): layout and canvas disagree")
            #expect(width == max(1, DisplayWidth.of(base.unicodeScalars.first!)))
        }
        // Plain emoji and a variation selector alone keep their form.
        #expect(Canvas.printable("👍").0 == "👍")
        #expect(Canvas.printable("❤\u{FE0F}").0 == "❤\u{FE0F}")
    }

    @Test func textAfterComposedEmojiStaysInPlaceAndWithinTheEdge() {
        let line = "👩\u{200D}👩\u{200D}👧 👍🏽 🧑🏽\u{200D}💻 AFTER"
        var canvas = Canvas(width: 20, height: 1)
        let end = canvas.put(line, column: 0, row: 0, style: .plain)
        #expect(end == DisplayWidth.of(line))
        #expect(canvas.line(0).hasPrefix("👩 👍 🧑 AFTER"), "\(canvas.line(0))")
        // Every drawn cell holds one character whose own width is what the canvas gave it.
        for x in 0..<canvas.width where !canvas[x, 0].isContinuation {
            #expect(canvas[x, 0].grapheme.unicodeScalars.count == 1, "\(canvas[x, 0].grapheme)")
        }
    }

    @Test func bidiControlsAreNeverDrawn() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.put("name\u{202E}txt.exe", column: 0, row: 0, style: .plain)
        #expect(!canvas.line(0).unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
        #expect(canvas.line(0).hasPrefix("name\u{FFFD}txt.exe"))
    }
}
