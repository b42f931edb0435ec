import Foundation
import Testing
@testable import DossierHTML

/// `ClassNames` searches bytes where the classifier used to search strings: the answers must be
/// those of the string searches, ASCII or not.
@Suite struct ClassNamesTests {
    static let pieces = ["side", "bar", "-", "_", " ", "ad", "ads", "comment", "e\u{301}", "é", "ß", "bio", "9", "x", "\u{0}"]
    static let fragments = ["sidebar", "ad", "bar-", "comment", "bio", "e", "é", "ads", "-side", "xx", "9"]

    @Test func searchesGiveTheStringAnswers() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let names = ClassNames(text)
            #expect(names.count == text.count)
            for fragment in Self.fragments {
                #expect(names.contains(fragment) == text.contains(fragment), "\(text.debugDescription) ∋ \(fragment)")
                let words = text.split { !($0.isLetter || $0.isNumber) }
                #expect(names.hasWord(fragment) == words.contains { $0 == fragment }, "\(text.debugDescription) word \(fragment)")
            }
        }
    }

    @Test func aHugeClassAttributeIsStillReadAsChrome() {
        let names = ClassNames(String(repeating: "a", count: 200_000) + " sidebar")
        #expect(names.contains("sidebar") && !names.contains("comment"))
        #expect(names.hasWord("sidebar") && !names.hasWord("a"))
    }
}
