import Testing
@testable import DossierCore

/// A noun of speech or command with its source after "from" or "by", right before the quotation
/// ("directives from X to “…”", `NounCues`): the quotation is speech, however short, and X says it.
/// Invented sentences; the built-in ranker in force.
@Suite struct SpeakerNounCueTests {
    func attributed(_ text: String, _ names: [(String, EntityKind, [String])]) -> [(quote: String, speaker: String?)] {
        let article = StructureParser().parse(ArticleText(text))
        let known = entities(names, in: text)
        let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: known, in: article)
        return quotes.map { q in (article.text.slice(q.content), q.speaker.map { id in known.first { $0.id == id }?.name ?? id }) }
    }

    @Test func aDirectiveFromANamedSourceQuotesItsWords() {
        let text = "Title\n\nThe detentions began with directives from Tomas Brekke to \u{201C}show no mercy\u{201D} in the "
            + "\u{201C}fight against smuggling at every port\u{201D}."
        let found = attributed(text, [("Tomas Brekke", .person, ["Tomas Brekke"])])
        #expect(found.map(\.quote) == ["show no mercy", "fight against smuggling at every port"])
        #expect(found.map(\.speaker) == ["Tomas Brekke", "Tomas Brekke"])
    }

    @Test func aWarningByANamedSourceBeforeThatQuotesItsWords() {
        let text = "Title\n\nThe strike follows a warning by Ilse Varga that \u{201C}the port would close within days\u{201D}."
        #expect(attributed(text, [("Ilse Varga", .person, ["Ilse Varga"])]).map(\.speaker) == ["Ilse Varga"])
    }

    @Test func aSourcedNounFarFromTheQuotationIsNoCue() {
        // A clause between the name and the quotation: the short quotation is a scare quote, not speech.
        let apart = "Title\n\nDirectives from Tomas Brekke, which the council ignored for weeks, to \u{201C}show no mercy\u{201D} went unheeded."
        #expect(attributed(apart, [("Tomas Brekke", .person, ["Tomas Brekke"])]).isEmpty)
        // The noun's source is the sentence's subject, not the quotation's: it names no speaker.
        let subject = "Title\n\nCalls from Tomas Brekke were ignored, and the \u{201C}emergency plan for the docks and harbour\u{201D} stalled."
        #expect(attributed(subject, [("Tomas Brekke", .person, ["Tomas Brekke"])]).map(\.speaker) == [nil])
    }
}
