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
