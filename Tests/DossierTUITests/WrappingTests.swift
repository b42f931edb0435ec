import Testing
@testable import DossierTUI

@Suite struct WrappingTests {
    func wrapped(_ text: String, width: Int) -> [String] {
        let glyphs = Glyph.glyphs(of: ArraySlice(text.unicodeScalars), startingAt: 0)
        return WordWrapper.lines(glyphs, width: width).map { glyphs[$0].map(\.text).joined() }
    }

    @Test func wrapsANewsSentenceAtSpaces() {
        let sentence = "General Ravelle emphasized that even with “patchy radar coverage” from the U.S., Portugal’s navy is actively breaking up smuggling VRAK-K networks."
        #expect(wrapped(sentence, width: 32) == [
            "General Ravelle emphasized that",
            "even with “patchy radar",
            "coverage” from the U.S.,",
            "Portugal’s navy is actively",
            "breaking up smuggling VRAK-K",
            "networks.",
        ])
    }

    @Test func breaksAfterHyphensWhenAWordDoesNotFit() {
        #expect(wrapped("against VRAK-Kholmsen", width: 13) == ["against VRAK-", "Kholmsen"])
    }

    @Test func cutsAWordWiderThanTheLine() {
        #expect(wrapped("Counterterrorism", width: 6) == ["Counte", "rterro", "rism"])
    }

    @Test func wideCharactersWrapByCellsBetweenCharacters() {
        let lines = wrapped("日本の首相は記者会見で発表した。", width: 9)
        #expect(lines == ["日本の首", "相は記者", "会見で発", "表した。"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 9 })
    }

    @Test func combiningMarksStayWithTheirLetter() {
        // "Café" written with a combining acute accent: four cells, one grapheme per cell.
        let lines = wrapped("Cafe\u{301} Cafe\u{301}", width: 4)
        #expect(lines == ["Cafe\u{301}", "Cafe\u{301}"])
    }
}
