import Testing
import DossierCore
@testable import DossierTUI

/// Search folds case and typographic quotes the same on its ASCII fast path as elsewhere.
@Suite struct TextSearchTests {
    static let text = ArticleScalars("Pakistan’s military — PAKISTAN's army; “Pakistan” and Émile’s ÉMILE 1,000 [2024]")

    static func found(_ query: String) -> [String] {
        TextSearch.matches(of: query, in: text).map { String(String.UnicodeScalarView(text[$0.start..<$0.end])) }
    }

    @Test func caseAndQuotesFoldOnEveryPath() {
        #expect(Self.found("pakistan's") == ["Pakistan’s", "PAKISTAN's"])
        #expect(Self.found("\"pakistan\"") == ["“Pakistan”"])
        #expect(Self.found("émile") == ["Émile", "ÉMILE"])
        #expect(Self.found("[2024]") == ["[2024]"])
        #expect(Self.found("1,000") == ["1,000"])
        // `@` | 0x20 is a backquote, not a letter: punctuation must match itself only.
        #expect(Self.found("`").isEmpty)
    }
}
