import DossierCore
import Testing
@testable import DossierStore

@Suite struct AnchorResolverTests {
    let seed = SeedTexts.sampleArticle

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
        let anchor = TextAnchor(span: span(of: "publicly lauded Portugal as a “reliable partner”", in: text), in: text)
        let found = try #require(AnchorResolver.locate(anchor, in: text))
        #expect(found.match == .position)
        #expect(found.span == anchor.span)
    }

    @Test func paragraphAddedAboveShiftsTheNote() throws {
        let old = ArticleText(seed)
        let anchor = TextAnchor(span: span(of: "Ravelle said the authority would not pick one partner over the other", in: old), in: old)
        let added = "Editor’s note: this article was updated with comments from the transport ministry.\n\n"
        let new = ArticleText(added + seed)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .quote)
        #expect(found.span.start == anchor.start + added.unicodeScalars.count)
        #expect(new.slice(found.span) == anchor.exact)
    }

    @Test func editEarlierInTheSameParagraphKeepsTheNote() throws {
        let old = ArticleText(seed)
        let anchor = TextAnchor(span: span(of: "he stated, adding that each agreement should be judged", in: old), in: old)
        let edited = seed.replacingOccurrences(of: "The arrangement has its critics.",
                                               with: "The arrangement, as officials concede, is far from popular.")
        let new = ArticleText(edited)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .quote)
        #expect(new.slice(found.span) == anchor.exact)
    }

    @Test func typoFixedInsideTheQuotedTextStillResolves() throws {
        let withTypo = seed.replacingOccurrences(of: "echoed the commissioner", with: "echoed the comissioner")
        let old = ArticleText(withTypo)
        let anchor = TextAnchor(span: span(of: "Emil Vantor, echoed the comissioner, saying the ministry", in: old), in: old)
        let new = ArticleText(seed)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .fuzzy)
        #expect(new.slice(found.span) == "Emil Vantor, echoed the commissioner, saying the ministry")
    }

    @Test func sentenceRewordedSlightlyWithParagraphAddedAboveResolves() throws {
        let old = ArticleText(seed)
        let sentence = "The GGS now runs crews from at least four ports, according to the authority’s yearly report."
        let anchor = TextAnchor(span: span(of: sentence, in: old), in: old)
        let edited = "Update: new figures added.\n\n" + seed.replacingOccurrences(of: sentence,
            with: "The GGS now runs crews from at least five ports, according to the authority’s yearly report.")
        let new = ArticleText(edited)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .fuzzy)
        #expect(new.slice(found.span) == "The GGS now runs crews from at least five ports, according to the authority’s yearly report.")
    }

    @Test func repeatedPhraseIsDisambiguatedByItsContext() throws {
        let old = ArticleText(seed)
        // "Ravelle" appears several times; anchor the third one.
        let third = span(of: "Ravelle", in: old, occurrence: 2)
        let anchor = TextAnchor(span: third, in: old)
        // Shift everything: the old position now holds other text, so context must decide.
        let new = ArticleText("A long preamble paragraph that moves every offset in the article by a lot of code points.\n\n" + seed)
        let found = try #require(AnchorResolver.resolve(anchor, in: new))
        #expect(new.slice(found) == "Ravelle")
        #expect(new.slice(Span(found.start - anchor.prefix.unicodeScalars.count, found.start)) == anchor.prefix)
        #expect(new.slice(Span(found.end, found.end + anchor.suffix.unicodeScalars.count)) == anchor.suffix)
    }

    @Test func deletedSentenceIsOrphaned() {
        let old = ArticleText(seed)
        let sentence = "Whether the two services can agree on how to share it is the question for the next budget."
        let anchor = TextAnchor(span: span(of: sentence, in: old), in: old)
        let new = ArticleText(seed.replacingOccurrences(of: " " + sentence, with: ""))
        #expect(AnchorResolver.resolve(anchor, in: new) == nil)
    }

    @Test func shortAnchorIsNotMatchedToWhateverIsNearby() throws {
        let old = ArticleText(seed)
        let anchor = TextAnchor(span: span(of: "Portugal", in: old, occurrence: 2), in: old)
        let new = ArticleText(seed.replacingOccurrences(of: "Portugal", with: "the Portuguese Republic"))
        #expect(AnchorResolver.resolve(anchor, in: new) == nil)
        // One letter changed in a short name is still the same place.
        let typo = ArticleText(seed.replacingOccurrences(of: "Portugal", with: "Portugel"))
        let found = try #require(AnchorResolver.locate(anchor, in: typo))
        #expect(found.match == .fuzzy)
        #expect(typo.slice(found.span) == "Portugel")
    }

    @Test func wholeParagraphNoteSurvivesAnEditInsideIt() throws {
        let old = ArticleText(seed)
        let paragraph = span(of: "Insurers have noticed.", in: old)
        // Anchor the whole paragraph, as `a` on a paragraph does.
        var end = paragraph.end
        while end < old.count && old[end] != "\n" { end += 1 }
        let anchor = TextAnchor(span: Span(paragraph.start, end), in: old)
        let edited = seed.replacingOccurrences(of: "rose by 7% in 2025", with: "rose by 7% during 2025")
        let new = ArticleText(edited)
        let found = try #require(AnchorResolver.locate(anchor, in: new))
        #expect(found.match == .fuzzy)
        #expect(new.slice(found).hasPrefix("Insurers have noticed."))
        #expect(new.slice(found).hasSuffix("in lost cargo and repairs."))
    }
}

private extension ArticleText {
    func slice(_ found: (span: Span, match: AnchorMatch)) -> String { slice(found.span) }
}
