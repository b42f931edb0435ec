import Testing
@testable import DossierCore

@Suite struct ArticleTextTests {
    @Test func scalarsAreTheStringsUnicodeScalars() {
        // One-, two-, three- and four-byte scalars, combining marks, emoji sequences, CJK and right-to-left text.
        let texts = [
            "", "Ravelle", "Portugal’s “reliable partner” — 13 U.S. service members",
            "Café e\u{301} naïve Ⱥ Ω K", "👩\u{200D}👩\u{200D}👧 🏳\u{FE0F}\u{200D}🌈 👍🏽", "北朝鮮の朝鮮中央通信",
            "قال المتحدث إن", "Line one\nLine two\n\n\tindented",
        ]
        for text in texts {
            let article = ArticleText(text)
            #expect(Array(article.scalars) == Array(text.unicodeScalars), "\(text)")
            #expect(article.count == text.unicodeScalars.count)
            #expect(article.slice(article.fullSpan) == text)
            #expect(article.string == text)
        }
        // A Substring-backed String (not native) goes through the same path.
        let long = String(repeating: "Ωmega, ", count: 500)
        let piece = String(long.dropFirst(3).prefix(40))
        #expect(Array(ArticleText(piece).scalars) == Array(piece.unicodeScalars))
        #expect(ArticleText(piece).string == piece)
    }
}
