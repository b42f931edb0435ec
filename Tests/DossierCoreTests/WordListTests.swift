import Testing
@testable import DossierCore

/// The byte-level readers of the generated "word value" lists.
@Suite struct WordListTests {
    @Test func forEachLineSkipsEmptyLinesAndCountsTheRest() {
        var seen: [String] = []
        let count = WordList.forEachLine("alpha 1\n\nbeta 22\ngamma 3") { seen.append(String(decoding: $0, as: UTF8.self)) }
        #expect(seen == ["alpha 1", "beta 22", "gamma 3"])
        #expect(count == 3)
        #expect(WordList.lineCount("\n\n") == 0)
    }

    /// `forEachLine` (eight bytes at a time) and `lineCount` (vectorised) against `lines` on texts
    /// of every short mix of newlines, ASCII and multi-byte letters, and long lines crossing words.
    @Test func fastLineReadersAgreeWithLines() {
        let pieces = ["\n", "a", "bc", "\u{E9}", "\u{4E2D}", "\n\n", "defghij", "0123456789abcdef"]
        var texts = ["", "\n", "x", "\n\n\nx", String(repeating: "y", count: 70) + "\n" + String(repeating: "z", count: 9)]
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        for text in texts {
            var seen: [String] = []
            let count = WordList.forEachLine(text) { seen.append(String(decoding: $0, as: UTF8.self)) }
            #expect(seen == WordList.lines(text), "\(text.debugDescription)")
            #expect(count == seen.count)
            #expect(WordList.lineCount(text) == seen.count, "\(text.debugDescription)")
        }
        #expect(WordList.lineCount(GeneratedLexicon.wordClusters) == WordList.lines(GeneratedLexicon.wordClusters).count)
    }

    @Test func numberReadsDigitsOnlyAndWithinItsLimit() {
        var text = "w 255 256 2x"
        text.withUTF8 { bytes in
            #expect(WordList.number(bytes, 2..<5, limit: 255) == 255)
            #expect(WordList.number(bytes, 6..<9, limit: 255) == nil)       // above the limit
            #expect(WordList.number(bytes, 6..<9, limit: 1000) == 256)
            #expect(WordList.number(bytes, 10..<12, limit: 255) == nil)     // not a number
            #expect(WordList.number(bytes, 2..<2, limit: 255) == nil)       // empty
        }
    }
}
