import DossierCore
import Testing
@testable import DossierStore

@Suite struct AnchorResolverTests {
    let seed = SeedTexts.seed("pakistan-centcom.txt")

    func span(of phrase: String, in text: ArticleText, occurrence: Int = 0) -> Span {
        let scalars = Array(phrase.unicodeScalars)
        var found = -1
        var start = 0
        while start + scalars.count <= text.count {
            if Array(text.scalars[start..<start + scalars.count]) == scalars {
                found += 1
                if found == occurrence { return Span(start, start + scalars.count) }
            }
            start += 1
        }
        Issue.record("phrase not found: \(phrase)")
        return Span(0, 0)
    }

    @Test func anchorKeepsAtMost32CodePointsOfContextCountedInCodePoints() {
        let text = ArticleText("🙂🙂🙂 " + String(repeating: "é", count: 40) + " target " + String(repeating: "😀", count: 40))
        let target = span(of: "target", in: text)
        let anchor = TextAnchor(span: target, in: text)
        #expect(anchor.exact == "target")
        #expect(anchor.prefix.unicodeScalars.count == 32)
        #expect(anchor.suffix.unicodeScalars.count == 32)
        #expect(anchor.prefix.hasSuffix("é "))
        #expect(anchor.suffix.hasPrefix(" 😀"))
        #expect(text.slice(anchor.span) == anchor.exact)
    }

    @Test func unchangedTextResolvesAtThePosition() throws {
        let text = ArticleText(seed)
        let anchor = TextAnchor(span: span(of: "has publicly lauded Pakistan as a “phenomenal partner”", in: text), in: text)
        let found = try #require(AnchorResolver.locate(anchor, in: text))
        #expect(found.match == .position)
        #expect(found.span == anchor.span)
    }

    @Test func paragraphAddedAboveShiftsTheNote() throws {
        let old = ArticleText(seed)
        let anchor = TextAnchor(span: span(of: "General Kurilla firmly advocated for maintaining strong relationships", in: old), in: old)
        let added = "Editor’s note: this article was updated with comments from the State Department.\n\n"
        let new = ArticleText(added + seed)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .quote)
        #expect(found.span.start == anchor.start + added.unicodeScalars.count)
        #expect(new.slice(found.span) == anchor.exact)
    }

    @Test func editEarlierInTheSameParagraphKeepsTheNote() throws {
        let old = ArticleText(seed)
        let anchor = TextAnchor(span: span(of: "he stated, arguing that the merits of each partnership", in: old), in: old)
        let edited = seed.replacingOccurrences(of: "However, the situation isn’t without its complexities.",
                                               with: "However, as officials concede, the situation is far from simple.")
        let new = ArticleText(edited)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .quote)
        #expect(new.slice(found.span) == anchor.exact)
    }

    @Test func typoFixedInsideTheQuotedTextStillResolves() throws {
        let withTypo = seed.replacingOccurrences(of: "echoed this sentiment", with: "echoed this sentimnet")
        let old = ArticleText(withTypo)
        let anchor = TextAnchor(span: span(of: "Paul Kapoor, echoed this sentimnet, stating his commitment", in: old), in: old)
        let new = ArticleText(seed)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .fuzzy)
        #expect(new.slice(found.span) == "Paul Kapoor, echoed this sentiment, stating his commitment")
    }

    @Test func sentenceRewordedSlightlyWithParagraphAddedAboveResolves() throws {
        let old = ArticleText(seed)
        let sentence = "The resurgence of ISIS-K is a key driver of this strategic recalibration."
        let anchor = TextAnchor(span: span(of: sentence, in: old), in: old)
        let edited = "Update: new figures added.\n\n" + seed.replacingOccurrences(of: sentence,
            with: "The resurgence of ISIS-K is the key driver of this strategic recalibration.")
        let new = ArticleText(edited)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .fuzzy)
        #expect(new.slice(found.span) == "The resurgence of ISIS-K is the key driver of this strategic recalibration.")
    }

    @Test func repeatedPhraseIsDisambiguatedByItsContext() throws {
        let old = ArticleText(seed)
        // "General Kurilla" appears several times; anchor the third one.
        let third = span(of: "General Kurilla", in: old, occurrence: 2)
        let anchor = TextAnchor(span: third, in: old)
        // Shift everything: the old position now holds other text, so context must decide.
        let new = ArticleText("A long preamble paragraph that moves every offset in the article by a lot of code points.\n\n" + seed)
        let found = try #require(AnchorResolver.resolve(anchor, in: new))
        #expect(new.slice(found) == "General Kurilla")
        #expect(new.slice(Span(found.start - anchor.prefix.unicodeScalars.count, found.start)) == anchor.prefix)
        #expect(new.slice(Span(found.end, found.end + anchor.suffix.unicodeScalars.count)) == anchor.suffix)
    }

    @Test func deletedSentenceIsOrphaned() {
        let old = ArticleText(seed)
        let sentence = "This delicate balancing act requires nuanced diplomacy and a willingness to engage with all stakeholders."
        let anchor = TextAnchor(span: span(of: sentence, in: old), in: old)
        let new = ArticleText(seed.replacingOccurrences(of: " " + sentence, with: ""))
        #expect(AnchorResolver.resolve(anchor, in: new) == nil)
    }

    @Test func shortAnchorIsNotMatchedToWhateverIsNearby() throws {
        let old = ArticleText(seed)
        let anchor = TextAnchor(span: span(of: "CENTCOM", in: old, occurrence: 2), in: old)
        let new = ArticleText(seed.replacingOccurrences(of: "CENTCOM", with: "Central Command"))
        #expect(AnchorResolver.resolve(anchor, in: new) == nil)
        // One letter changed in a short name is still the same place.
        let typo = ArticleText(seed.replacingOccurrences(of: "CENTCOM", with: "CENTKOM"))
        let found = try #require(AnchorResolver.locate(anchor, in: typo))
        #expect(found.match == .fuzzy)
        #expect(typo.slice(found.span) == "CENTKOM")
    }

    @Test func wholeParagraphNoteSurvivesAnEditInsideIt() throws {
        let old = ArticleText(seed)
        let paragraph = span(of: "The U.S. approach extends beyond simply combating ISIS-K.", in: old)
        // Anchor the whole paragraph, as `a` on a paragraph does.
        var end = paragraph.end
        while end < old.count && old[end] != "\n" { end += 1 }
        let anchor = TextAnchor(span: Span(paragraph.start, end), in: old)
        let edited = seed.replacingOccurrences(of: "a vital partner in addressing", with: "a vital partner for addressing")
        let new = ArticleText(edited)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .fuzzy)
        #expect(new.slice(found).hasPrefix("The U.S. approach extends"))
        #expect(new.slice(found).hasSuffix("engage with all stakeholders."))
    }
}

private extension ArticleText {
    func slice(_ found: (span: Span, match: AnchorMatch)) -> String { slice(found.span) }
}
