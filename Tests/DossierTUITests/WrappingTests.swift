import Testing
@testable import DossierTUI

@Suite struct WrappingTests {
    func wrapped(_ text: String, width: Int) -> [String] {
        let glyphs = Glyph.glyphs(of: ArraySlice(text.unicodeScalars), startingAt: 0)
        return WordWrapper.lines(glyphs, width: width).map { glyphs[$0].map(\.text).joined() }
    }

    @Test func wrapsASeedSentenceAtSpaces() {
        let sentence = "General Kurilla emphasized that even with “limited intelligence” from the U.S., Pakistan’s military is actively dismantling ISIS-K networks."
        #expect(wrapped(sentence, width: 32) == [
            "General Kurilla emphasized that",
            "even with “limited intelligence”",
            "from the U.S., Pakistan’s",
            "military is actively dismantling",
            "ISIS-K networks.",
        ])
    }

    @Test func breaksAfterHyphensWhenAWordDoesNotFit() {
        #expect(wrapped("against ISIS-Khorasan", width: 13) == ["against ISIS-", "Khorasan"])
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
