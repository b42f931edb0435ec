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
        let text = "Title\n\nThe collapse came at a time when the market hall was nearly empty. \"Had it happened an hour later it would have been much worse,\" Tobin Varga, editor at large at the Lowmarsh Courier, said. \"Had it happened on a Saturday morning, I think the toll would have been in the hundreds.\""
        #expect(quotes(text) == [
            "\"Had it happened an hour later it would have been much worse,\"",
            "\"Had it happened on a Saturday morning, I think the toll would have been in the hundreds.\"",
        ])
    }

    @Test func findsCurlyQuotes() {
        let text = "Title\n\nEven so, Admiral Selwyn Harrocks argued for keeping close ties with both of the harbour towns, rejecting the idea of a choice between them. “We have to have a relationship with Port Edda and with Carrow,” he stated, arguing that each partnership should be judged on its own."
        #expect(contents(text) == ["We have to have a relationship with Port Edda and with Carrow,"])
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
        let text = "Title\n\nPellow asserted that the club's officials, \"... plied the Sheriff's detective with a grand conspiracy theory, characterizing me as the 'villain' of the whole league. ... The next thing Oswin knows he's in a cell where he sat for the next 30 hours.\""
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
        let text = "Title\n\nMarlowe's statement added, \"There is no question Brackwater should have been chosen as the home of the old locomotive. I’m deeply disappointed with the board's misguided decision.“ However, the depot will receive the driver's seat from the cab."
        let found = contents(text)
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("misguided decision.") == true)
    }

    @Test func aQuotationContinuesIntoTheNextParagraphOncePerParagraph() {
        let text = "Title\n\nIn a statement, Governor of Calder Province Ilse Tormund said, \"The Railway Museum put a tremendous amount of effort into bringing a retired locomotive to the valley. While the Railway Museum was in the top running, I’m disappointed that the board did not choose them.\n\n\"However, the full-size cab trainer will soon call the Railway Museum home.\"\n\nOther items include various signal boxes."
        let found = contents(text)
        #expect(found.count == 2)
        #expect(found.first?.hasSuffix("did not choose them.") == true)
        #expect(found.last == "However, the full-size cab trainer will soon call the Railway Museum home.")
    }

    @Test func aStrayOpeningMarkDoesNotRunAway() {
        let text = "Title\n\nThe sign read \"closed for the season and nobody came to the shop after that.\n\nThe next paragraph has \"a real quote that is closed,\" he said."
        #expect(contents(text) == ["a real quote that is closed,"])
    }

    @Test func scareQuotesAndNamesAreNotSpeech() {
        let text = "Title\n\nPlay was delayed during the \"third map\" (third round) of the finals. Of the thousands, our reporter spoke with a fan going by the name \"The Gravelord\". To \"route out\" in the club's jargon refers to the member who wishes to leave."
        #expect(quotes(text).isEmpty)
    }

    @Test func shortQuotesWithASpeechVerbAreSpeech() {
        let text = "Title\n\nThe Harbour Gazette noted what began as single messages to Ansel had grown into a \"support movement\". The secretary general of the guild, Orla Pennick, has called the verdict \"dangerous\" and \"ideological\"."
        #expect(contents(text) == ["support movement", "dangerous", "ideological"])
    }

    @Test func aSloganIntroducedByASpeechVerbAndACommaIsSpeech() {
        let text = "Title\n\nWhile dock workers chanted, “Save Our Port,” in the square, the council met upstairs. The club released a record called, “Harbour Lights At Dawn” last week. Fans queued for “Harbour Lights At Dawn” all night."
        #expect(contents(text) == ["Save Our Port,"])
    }

    @Test func quotedHeadlinesInASourceListAreNotSpeech() {
        let text = "Title\n\nSources\n\n\"Sensitive council papers found on rainy Brackwater street\" — Valley Radio, August 15, 2008\n\nHugo Fenwright. \"Councillor calls for probe into misplaced papers\" — Dunmore Star, August 16, 2008"
        #expect(quotes(text).isEmpty)
    }

    @Test func aHeadlineRepeatingASpokenQuoteIsSpeech() {
        let text = "Veloria puts military in 'quasi-state of war'\n\nAccording to the Orvane news agency, quoting the Velorian State News Service (VSNS), the military has been told to prepare a \"quasi-state of war\"."
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
