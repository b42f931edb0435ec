import Testing
@testable import DossierCore

/// A title a named possessor gives ("Norland's ambassador warned …") is a description of someone
/// the article names, before or after (issue 12, `PossessedTitles`). Invented sentences; the
/// built-in ranker in force.
@Suite struct SpeakerTitlesTests {
    func speakers(_ text: String, _ names: [(String, EntityKind, [String])] = []) -> [String?] {
        let article = StructureParser().parse(ArticleText(text))
        let known = entities(names, in: text)
        let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: known, in: article)
        return quotes.map { q in q.speaker.map { id in known.first { $0.id == id }?.name ?? id } }
    }

    @Test func aPossessedTitleIsThePersonAnEarlierSentenceGivesIt() {
        let text = "Title\n\nTomas Brekke, Norland\u{2019}s ambassador to Britain, arrived on Monday.\n\n"
            + "Crowds gathered outside the port.\n\nNorland\u{2019}s ambassador said the talks were \u{201C}going nowhere\u{201D}."
        let names: [(String, EntityKind, [String])] = [("Tomas Brekke", .person, ["Tomas Brekke"]), ("Norland", .place, ["Norland"])]
        #expect(speakers(text, names) == ["Tomas Brekke"])
    }

    @Test func anotherPossessorsTitleIsSomeoneElse() {
        let text = "Title\n\nTomas Brekke, Norland\u{2019}s ambassador to Britain, arrived on Monday.\n\n"
            + "Vestland\u{2019}s ambassador said the talks were \u{201C}going nowhere\u{201D}."
        let names: [(String, EntityKind, [String])] = [("Tomas Brekke", .person, ["Tomas Brekke"]), ("Norland", .place, ["Norland"]),
                                                      ("Vestland", .place, ["Vestland"])]
        #expect(speakers(text, names) == ["Vestland\u{2019}s ambassador"])
    }

    @Test func aLeadKeepsTheTitlesHolderForLater() {
        // The verb is the second of a series ("accused … and warned"): its subject opens the sentence.
        let text = "Title\n\nNorland\u{2019}s ambassador to Britain accused the council of meddling and warned that the "
            + "government \u{201C}will not sit idle\u{201D} if the strike \u{201C}spreads further\u{201D}.\n\n"
            + "Dock workers marched on Sunday.\n\nNorland\u{2019}s ambassador to Britain Tomas Brekke has said that his "
            + "country has the \u{201C}means and the will\u{201D} to end the dispute."
        let names: [(String, EntityKind, [String])] = [("Norland", .place, ["Norland"]), ("United Kingdom", .place, ["Britain"])]
        #expect(speakers(text, names) == ["Tomas Brekke", "Tomas Brekke", "Tomas Brekke"])
    }

    @Test func aHolderNamedLaterInAppositionIsTheLinkedPerson() {
        let text = "Title\n\nNorland\u{2019}s chief spokeswoman said the offer was \u{201C}not serious\u{201D}.\n\n"
            + "Norland\u{2019}s chief spokeswoman, Ilse Varga, left the talks early."
        let names: [(String, EntityKind, [String])] = [("Norland", .place, ["Norland"]), ("Ilse Varga", .person, ["Ilse Varga"])]
        #expect(speakers(text, names) == ["Ilse Varga"])
    }

    @Test func aTitleWhoseHolderIsNeverNamedStaysAPhrase() {
        let text = "Title\n\nNorland\u{2019}s ambassador warned that the government \u{201C}will not sit idle\u{201D}."
        #expect(speakers(text, [("Norland", .place, ["Norland"])]) == ["Norland\u{2019}s ambassador"])
    }
}
