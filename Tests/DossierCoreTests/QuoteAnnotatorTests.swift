import Testing
@testable import DossierCore

@Suite struct QuoteAnnotatorTests {
    func quotes(_ text: String) -> [String] {
        let article = StructureParser().parse(ArticleText(text))
        return QuoteAnnotator().annotate(article).map { article.text.slice($0.span) }
    }

    func contents(_ text: String) -> [String] {
        let article = StructureParser().parse(ArticleText(text))
        return QuoteAnnotator().annotate(article).map { article.text.slice($0.content) }
    }

    @Test func findsAStraightQuoteWithItsMarks() {
        let text = "Title\n\nThe accident occurred at a time when the mosque was relatively uncrowded. \"Had it happened an hour later it would have been much worse,\" Khaled Al-Maeena, editor at large at the Saudi Gazette, said. \"Had it happened five hours earlier or four hours earlier, I think the death toll would have been more than a thousand.\""
        #expect(quotes(text) == [
            "\"Had it happened an hour later it would have been much worse,\"",
            "\"Had it happened five hours earlier or four hours earlier, I think the death toll would have been more than a thousand.\"",
        ])
    }

    @Test func findsCurlyQuotesInTheSeed() {
        let text = "Title\n\nDespite this, General Kurilla firmly advocated for maintaining strong relationships with both India and Pakistan, rejecting the notion of a zero-sum game. “We have to have a relationship with Pakistan and with India,” he stated, arguing that the merits of each partnership should be evaluated independently."
        #expect(contents(text) == ["We have to have a relationship with Pakistan and with India,"])
    }

    @Test func apostrophesDoNotOpenOrCloseSingleQuotes() {
        let text = "Title\n\n‘We don’t want a return to the ’90s,’ the students’ union leader said. The Sheriff's office didn't comment on O'Brien's case."
        #expect(contents(text) == ["We don’t want a return to the ’90s,"])
    }

    @Test func straightSingleQuotesAndElisions() {
        let text = "Title\n\n'They told us to leave 'em behind,' the farmer said of the '90s drought. The boys' club stayed open."
        #expect(contents(text) == ["They told us to leave 'em behind,"])
    }

    @Test func keepsOnlyTheOuterQuoteOfANest() {
        let text = "Title\n\nRathbun asserted that Scientology officials, \"... plied the Sheriff's detective with a grand conspiracy theory, characterizing me as the 'anti-christ' of the church of Scientology. ... The next thing Daniel knows he's in a cell where he sat for the next 30 hours.\""
        let found = contents(text)
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("for the next 30 hours.") == true)
    }

    @Test func guillemetsInBothDirectionsAndLowNineQuotes() {
        #expect(contents("Title\n\n«Nous ne céderons pas», a-t-il déclaré devant la presse.") == ["Nous ne céderons pas"])
        #expect(contents("Title\n\n»Wir schaffen das«, sagte die Kanzlerin.") == ["Wir schaffen das"])
        #expect(contents("Title\n\n„Wir schaffen das“, sagte die Kanzlerin.") == ["Wir schaffen das"])
    }

    @Test func aClosingCurlyMarkWrittenAsAnOpeningOneStillCloses() {
        let text = "Title\n\nCornyn's statement added, \"There is no question Houston should have been selected as a final home for one of the orbiters. I’m deeply disappointed with the Administration's misguided decision.“ However, the JSC will recieve pilot and commander seats from the flight deck."
        let found = contents(text)
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("misguided decision.") == true)
    }

    @Test func aQuotationContinuesIntoTheNextParagraphOncePerParagraph() {
        let text = "Title\n\nIn a statement, Governor of Washington Chris Gregoire said, \"The Museum of Flight put a tremendous amount of effort into landing a retired shuttle in the Pacific Northwest. While the Museum of Flight was in the top running, I’m disappointed that NASA did not choose them.\n\n\"However, the full fuselage trainer will soon call the Museum of Flight home.\"\n\nOther items include various shuttle simulators."
        let found = contents(text)
        #expect(found.count == 2)
        #expect(found.first?.hasSuffix("did not choose them.") == true)
        #expect(found.last == "However, the full fuselage trainer will soon call the Museum of Flight home.")
    }

    @Test func aStrayOpeningMarkDoesNotRunAway() {
        let text = "Title\n\nThe sign read \"closed for the season and nobody came to the shop after that.\n\nThe next paragraph has \"a real quote that is closed,\" he said."
        #expect(contents(text) == ["a real quote that is closed,"])
    }

    @Test func scareQuotesAndNamesAreNotSpeech() {
        let text = "Title\n\nGameplay was delayed during the \"third map\" (third round) of the finals. Of the thousands, Wikinews spoke with a cosplayer going by the name \"The Katherinator\". To \"route out\" in Scientology jargon refers to the member who wishes to leave."
        #expect(quotes(text).isEmpty)
    }

    @Test func shortQuotesWithASpeechVerbAreSpeech() {
        let text = "Title\n\nThe Straits Times noted what began as individual messages to Mohamed had grown into a \"support movement\". The secretary general of CEI, Nunzio Galantino, has called the sentence \"dangerous\" and \"ideological\"."
        #expect(contents(text) == ["support movement", "dangerous", "ideological"])
    }

    @Test func quotedHeadlinesInASourceListAreNotSpeech() {
        let text = "Title\n\nSources\n\n\"Sensitive government document found on rainy Ottawa street\" — CBC.ca, August 15, 2008\n\nPeter Zimonjic. \"MP calls for probe into misplaced documents\" — Edmonton Sun, August 16, 2008"
        #expect(quotes(text).isEmpty)
    }

    @Test func aHeadlineRepeatingASpokenQuoteIsSpeech() {
        let text = "North Korea puts military in 'quasi-state of war'\n\nAccording to Yonhap news agency, quoting Korean Central News Agency (KCNA), the military has been told to prepare a \"quasi-state of war\"."
        #expect(contents(text) == ["quasi-state of war", "quasi-state of war"])
    }

    @Test func tenThousandUnmatchedMarksFindNothingAndStayInTheirParagraph() {
        let marks = String(repeating: "“word ", count: 10_000) + String(repeating: "word’ ", count: 10_000)
        let text = "Title\n\n" + marks + "\n\nHe said: \"The end is near.\""
        let article = StructureParser().parse(ArticleText(text))
        let found = QuoteAnnotator().annotate(article)
        let lastParagraph = article.paragraphs.last!.span
        // The first paragraph's marks never close: no quotation there, and the last one intact.
        #expect(found.filter { !lastParagraph.contains($0.span) }.isEmpty)
        #expect(found.contains { article.text.slice($0.content) == "The end is near." })
        #expect(found.allSatisfy { q in article.paragraphs.contains { $0.span.contains(q.span) } })
    }

    @Test func namedTermsAndQuotedSubjectsAreNotSpeech() {
        let text = "Title\n\nBreathing in mold from hay or grain can lead to what’s called “farmer's lung,” not to be confused with a farmer’s tan. “Humidifier lung” may result from fungus growing in the machine."
        #expect(quotes(text).isEmpty)
    }

    @Test func aLineOfItsOwnIsItsOwnSentence() {
        // Without the line break as a boundary, "said" on the line above would make these speech.
        let text = "Title\n\nThe organisers said the event was a success\nI can “dial up” or “dial back” my working hours as needed"
        #expect(quotes(text).isEmpty)
    }
}
