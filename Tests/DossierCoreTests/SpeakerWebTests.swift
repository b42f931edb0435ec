import Testing
@testable import DossierCore

/// Speakers of web news (issue 12, branch speaker-web2): polls quoted through the share that
/// answered, and subheadings that quote a phrase from anywhere in a longer quotation. Invented
/// sentences; the built-in ranker in force.
@Suite struct SpeakerWebTests {
    func speakers(_ text: String, _ names: [(String, EntityKind, [String])] = []) -> [String?] {
        let article = StructureParser().parse(ArticleText(text))
        let known = entities(names, in: text)
        let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: known, in: article)
        return quotes.map { q in q.speaker.map { id in known.first { $0.id == id }?.name ?? id } }
    }

    // MARK: Polls

    @Test func aShareOfThosePolledSpeaksForThePollster() {
        let text = "Title\n\nA new Harbor Times poll shows wide support for the levy. Sixty percent say that "
            + "\u{201C}the harbour must be saved before the next storm season.\u{201D} And 70 percent of voters say that "
            + "the plan \u{201C}was overdue by a decade and more.\u{201D}"
        #expect(speakers(text, [("Harbor Times", .organization, ["Harbor Times"])]) == ["Harbor Times", "Harbor Times"])
    }

    @Test func thePollsterMayBeUntypedButNotAPlace() {
        let untyped = "Title\n\nA fresh Wexley survey has lower numbers (44 percent of voters say they want a vote "
            + "\u{201C}before the old sea wall breaks again this winter\u{201D}), the paper reported."
        #expect(speakers(untyped, [("Wexley", .other, ["Wexley"])]).first == "Wexley")
        let place = "Title\n\nA new Ohio poll has lower numbers (44 percent of voters say they want a vote "
            + "\u{201C}before the old sea wall breaks again this winter\u{201D})."
        #expect(speakers(place, [("Ohio", .place, ["Ohio"])]).first == .some(nil))
    }

    @Test func onlyTheNearestPollAnswers() {
        // The nearest poll names no one who ran it: an older, named poll further back does not speak for it.
        let text = "Title\n\nA Harbor Times poll found wide support last spring.\n\nA new poll out on Monday is "
            + "gloomier. Sixty percent say that \u{201C}the harbour cannot be saved before the next storm season.\u{201D}"
        #expect(speakers(text, [("Harbor Times", .organization, ["Harbor Times"])]) == [nil])
    }

    // MARK: Subheadings

    @Test func aSubheadingQuotingTheEndOfALongQuotationHasItsSpeaker() {
        let text = "Hearing ends\n\nMarta Velling was the second witness on Tuesday.\n\nHere are the highlights:\n\n"
            + "\"My doubts have gone\"\n\nVelling told the committee, \"I doubted at the time of the vote how the plan "
            + "would fare in the harbour towns and on the coast. My doubts have gone.\""
        #expect(speakers(text, [("Marta Velling", .person, ["Marta Velling", "Velling"])]) == ["Marta Velling", "Marta Velling"])
    }

    @Test func aSubheadingsRepeatedWordsOutweighAGuessedSpeaker() {
        // The guess (as the recent-speaker sieve may make it) gives way to the quotation the subheading repeats.
        let text = "Title\n\n\"We are out of beds\"\n\n\"The wards are full and the corridors too, so we are out of beds,\" "
            + "the nurses wrote."
        let scalars = ArticleText(text).scalars
        let article = StructureParser().parse(ArticleText(text))
        var quotes = QuoteAnnotator().annotate(article).sorted { $0.span < $1.span }
        #expect(quotes.count == 2)
        quotes[0].speaker = "a guessed neighbour"
        quotes[1].speaker = "nurses"
        SpeakerAttribution().inheritQuotedPhrases(&quotes, scalars: scalars)
        #expect(quotes[0].speaker == "nurses")
        // Inside a paragraph of body text, the speaker chosen for it stays.
        #expect(!SpeakerAttribution.standsAlone(quotes[1].span, scalars: scalars))
        #expect(SpeakerAttribution.standsAlone(quotes[0].span, scalars: scalars))
    }
}
