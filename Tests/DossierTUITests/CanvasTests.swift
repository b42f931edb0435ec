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
