import Testing
@testable import DossierCore

/// Linking a cue's subject to the right source (issue 12): respelled surnames, a possessor before
/// the named source, "it added" after a body just quoted, an introduction across quotations, and
/// studies speaking through their authors. Invented sentences; the built-in ranker in force.
@Suite struct SpeakerLinkingTests {
    func attributed(_ text: String, _ names: [(String, EntityKind, [String])]) -> (quotes: [Quote], names: [String?]) {
        let article = StructureParser().parse(ArticleText(text))
        let known = entities(names, in: text)
        let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: known, in: article)
        return (quotes, quotes.map { q in q.speaker.map { id in known.first { $0.id == id }?.name ?? id } })
    }

    func speakers(_ text: String, _ names: [(String, EntityKind, [String])] = []) -> [String?] {
        attributed(text, names).names
    }

    // MARK: Respelled surnames

    @Test func aSurnameRespelledLaterIsThePersonNamedInFull() {
        let text = "Title\n\nIngrid Halvorsen runs the harbour clinic in the north.\n\n\"We are out of beds by noon,\" Ms Halvorsan said."
        let names: [(String, EntityKind, [String])] = [("Ingrid Halvorsen", .person, ["Ingrid Halvorsen"]),
                                                      ("Halvorsan", .person, ["Halvorsan"])]
        #expect(speakers(text, names) == ["Ingrid Halvorsen"])
    }

    @Test func anUnlinkedRespelledSurnameIsThePersonNamedInFull() {
        let text = "Title\n\nPiotr Kowalski, a ferry captain, left the port at dawn.\n\n\"The sea was calm,\" Mr Kowalsky said."
        #expect(speakers(text, [("Piotr Kowalski", .person, ["Piotr Kowalski"])]) == ["Piotr Kowalski"])
    }

    @Test func aDifferentSurnameOrTwoCandidatesStayTheirOwn() {
        let different = "Title\n\nIngrid Halvorsen runs the harbour clinic.\n\n\"We are full,\" Ms Holden said."
        #expect(speakers(different, [("Ingrid Halvorsen", .person, ["Ingrid Halvorsen"]), ("Holden", .person, ["Holden"])])
            == ["Holden"])
        let twoPeople = "Title\n\nIngrid Halvorsen and Petra Halvorsson run the clinic.\n\n\"We are full,\" Ms Halvorsan said."
        #expect(speakers(twoPeople, [("Ingrid Halvorsen", .person, ["Ingrid Halvorsen"]),
                                     ("Petra Halvorsson", .person, ["Petra Halvorsson"]),
                                     ("Halvorsan", .person, ["Halvorsan"])]) == ["Halvorsan"])
    }

    @Test func respellingNeedsTheSameFirstLetterAndTheSameConsonants() {
        let word: (String) -> [Unicode.Scalar] = { Array($0.unicodeScalars) }
        #expect(RespelledSurnames.isRespelling(word("buchanen"), word("buchanan")))
        #expect(RespelledSurnames.isRespelling(word("kowalsky"), word("kowalski")))
        #expect(RespelledSurnames.isRespelling(word("marchetti"), word("marcheti")))
        #expect(!RespelledSurnames.isRespelling(word("holden"), word("halvorsen")))
        #expect(!RespelledSurnames.isRespelling(word("mason"), word("nason")))
        #expect(!RespelledSurnames.isRespelling(word("lind"), word("linde")))
    }

    // MARK: The named source after a possessor

    @Test func theSourceNamedAfterAPossessorIsTheSpeaker() {
        let text = "Title\n\nQuoting Velmar's main news agency Ostra Press (OPA), the radio said the army was on a \"war footing\"."
        let names: [(String, EntityKind, [String])] = [("Velmar", .place, ["Velmar"]), ("Ostra Press", .other, ["Ostra Press", "OPA"])]
        #expect(speakers(text, names) == ["Ostra Press"])
    }

    // MARK: "it added"

    @Test func itAddedGoesOnWithTheBodyJustQuoted() {
        let text = "Title\n\nVelmar closed its border on Monday. \"The bridge is shut to all traffic,\" said OPA. \"Repairs will take weeks,\" it added."
        let names: [(String, EntityKind, [String])] = [("Velmar", .place, ["Velmar"]), ("Ostra Press", .other, ["OPA"])]
        #expect(speakers(text, names) == ["Ostra Press", "Ostra Press"])
    }

    @Test func itStillMeansAnOrganisationTheSentencesName() {
        let text = "Title\n\n\"The bridge is shut,\" said OPA. The Harbour Board met on Tuesday. \"We will reopen it in May,\" it said."
        let names: [(String, EntityKind, [String])] = [("Ostra Press", .other, ["OPA"]), ("Harbour Board", .organization, ["Harbour Board"])]
        #expect(speakers(text, names) == ["Ostra Press", "Harbour Board"])
    }

    // MARK: An introduction across quotations

    @Test func aParagraphEndingInAColonIntroducesTheSentencesSubjectAcrossItsQuotations() {
        let text = "Title\n\nThe secretary general of the Harbour League, Odile Marchetti, has called the ruling \"rash\" and \"hasty\" (in Velmari):\n\n\"We face a hard year and nobody has told us why.\""
        let names: [(String, EntityKind, [String])] = [("Harbour League", .organization, ["Harbour League"]),
                                                      ("Odile Marchetti", .person, ["Odile Marchetti"]),
                                                      ("Velmari", .organization, ["Velmari"])]
        let result = attributed(text, names)
        #expect(result.names.last == "Odile Marchetti")
        #expect(result.quotes.last?.cue == "called")
    }

    // MARK: Studies speaking through their authors

    @Test func theAuthorsOfAStudyNamedNearbySpeakForIt() {
        let text = """
        Title

        A new survey of river towns was released on Monday. The report's authors say flooding is "the quiet crisis of the decade".

        The results of the Harbour Flood Survey, published this week, cover forty towns.

        The authors say the towns are not ready. They call for "a national flood plan before the next spring".
        """
        let names: [(String, EntityKind, [String])] = [("Harbour Flood Survey", .other, ["Harbour Flood Survey"])]
        #expect(speakers(text, names) == ["Harbour Flood Survey", "Harbour Flood Survey"])
    }

    @Test func theAuthorInTheSingularIsNoStudy() {
        let text = "Title\n\nThe Harbour Flood Survey was cited in a new novel.\n\nThe author said the book was \"a love letter to the river towns\"."
        #expect(speakers(text, [("Harbour Flood Survey", .other, ["Harbour Flood Survey"])]) == ["author"])
    }

    @Test func authorsWithNoStudyNamedStayTheirPhrase() {
        let text = "Title\n\nThe report's authors say flooding is \"the quiet crisis of the decade\"."
        #expect(speakers(text) == ["report's authors"])
    }
}
