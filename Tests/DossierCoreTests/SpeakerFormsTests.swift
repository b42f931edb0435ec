import Testing
@testable import DossierCore

/// The ways news attributes speech (issue 12), each on invented sentences. The built-in ranker
/// is in force, as in the pipeline.
@Suite struct SpeakerFormsTests {
    /// The speaker of each quotation found: an entity's name, or the words of a name or phrase.
    func speakers(_ text: String, _ names: [(String, EntityKind, [String])] = [],
                  attribution: SpeakerAttribution = SpeakerAttribution()) -> [String?] {
        let article = StructureParser().parse(ArticleText(text))
        let known = entities(names, in: text)
        let quotes = attribution.attribute(QuoteAnnotator().annotate(article), entities: known, in: article)
        return quotes.map { q in q.speaker.map { id in known.first { $0.id == id }?.name ?? id } }
    }

    @Test func splitQuoteWithATitleOnlyReference() {
        let text = "Title\n\nTransport Minister Tova Rensel visited the collapsed bridge on Monday.\n\n\"We will rebuild it,\" the minister told reporters, \"and we will do it before winter.\""
        #expect(speakers(text, [("Tova Rensel", .person, ["Tova Rensel"])]) == ["Tova Rensel", "Tova Rensel"])
    }

    @Test func speakerInTheSentenceBeforeEndingWithAColon() {
        let text = "Title\n\nThe council met on Tuesday. Harlan Voss agreed: \"The figures speak for themselves.\"\n\nOrla Benn was less sure. She put it plainly:\n\n\"We have not seen the accounts.\""
        #expect(speakers(text, [("Harlan Voss", .person, ["Harlan Voss"]), ("Orla Benn", .person, ["Orla Benn"])])
            == ["Harlan Voss", "Orla Benn"])
    }

    @Test func continuationParagraphsCarryTheLastSpeaker() {
        let text = "Title\n\n\"The harvest failed twice,\" said Mira Odell, who farms near the river. \"We lost most of the seed.\"\n\n\"Next year we will plant earlier and hope for rain.\"\n\nThe weather service expects a dry spring."
        #expect(speakers(text, [("Mira Odell", .person, ["Mira Odell"])]) == ["Mira Odell", "Mira Odell", "Mira Odell"])
    }

    @Test func pronounsAndSurnamesResolveToTheNamedPerson() {
        let text = "Title\n\nMira Odell runs the only clinic in the valley. \"We are full every night,\" she said.\n\n\"Nobody planned for this,\" Odell added."
        #expect(speakers(text, [("Mira Odell", .person, ["Mira Odell", "Odell"])]) == ["Mira Odell", "Mira Odell"])
    }

    @Test func aSpokeswomanIsThePersonEarlierCalledOne() {
        let text = "Title\n\nJana Pruitt, a spokeswoman for the port, declined to discuss the budget.\n\nLater she relented. \"We do not comment on contracts in progress,\" the spokeswoman said."
        #expect(speakers(text, [("Jana Pruitt", .person, ["Jana Pruitt"])]) == ["Jana Pruitt"])
    }

    @Test func organisationsAndDocumentsAsSources() {
        let text = "Title\n\nThe Ministry of Roads announced new tolls.\n\n\"Costs will rise for every driver,\" the ministry said in a statement.\n\n\"The decision is final,\" the letter reads.\n\nGrenfield Bank's analysis concluded that \"demand for new loans has peaked for this year.\"\n\nAccording to the Harbour Authority, \"traffic will double by the end of the decade.\""
        let found = speakers(text, [("Ministry of Roads", .organization, ["Ministry of Roads"]),
                                    ("Grenfield Bank", .organization, ["Grenfield Bank"]),
                                    ("Harbour Authority", .organization, ["Harbour Authority"])])
        #expect(found == ["Ministry of Roads", "letter", "Grenfield Bank", "Harbour Authority"])
    }

    @Test func aSourceNeverNamedIsItsPhrase() {
        let text = "Title\n\nA fire broke out at the depot overnight.\n\n\"Nobody was hurt and the roads are open again,\" a police spokesman said.\n\n\"It was terrifying to watch,\" said one witness."
        #expect(speakers(text) == ["police spokesman", "witness"])
    }

    @Test func inTheWordsOfAndQuotedAsSaying() {
        let text = "Title\n\nThe vote was delayed again. In the words of Anselm Greb: \"Nothing is settled until it is signed.\"\n\nPetra Hald was quoted as saying \"the delay will cost us the season.\""
        #expect(speakers(text, [("Anselm Greb", .person, ["Anselm Greb"]), ("Petra Hald", .person, ["Petra Hald"])])
            == ["Anselm Greb", "Petra Hald"])
    }

    @Test func cueVerbsBeyondSaidAndTold() {
        let text = "Title\n\n\"Do not cross the line,\" an officer shouted.\n\n\"The market will not recover this year,\" Anselm Greb cautioned.\n\n\"We need the funding now,\" pleaded Petra Hald."
        #expect(speakers(text, [("Anselm Greb", .person, ["Anselm Greb"]), ("Petra Hald", .person, ["Petra Hald"])])
            == ["officer", "Anselm Greb", "Petra Hald"])
    }

    @Test func aShortFragmentBelongsToTheSentenceSubject() {
        let text = "Title\n\nLena Marsh promised a \"formal update\" by Friday.\n\nPrices are \"rising too fast\" and hurt every family in the town, Dana Kettle said on Monday."
        #expect(speakers(text, [("Lena Marsh", .person, ["Lena Marsh"]), ("Dana Kettle", .person, ["Dana Kettle"])])
            == ["Lena Marsh", "Dana Kettle"])
    }

    @Test func aQuotedReviewIsSignedOnTheNextLine() {
        let text = "Title\n\nReaders wrote in about the play.\n\n\"The cast was wonderful and the songs stayed with me for days.\"\n\n– Dana K.\n\n\"Too long by half, but the ending was worth the wait.\"\n\n– Rolf T."
        #expect(speakers(text) == ["Dana K.", "Rolf T."])
    }

    @Test func aQuotationWithNoCueAndNoSpeakerNearbyStaysUnattributed() {
        let text = "Title\n\nThe river rose overnight and the bridge closed.\n\nEngineers checked the piers at dawn.\n\n\"Stay away from the water.\""
        #expect(speakers(text) == [nil])
    }

    /// Two cues in one sentence leave a choice: sieve order takes the cue before the quote; a model
    /// that scores the closing clause higher moves the choice. A neighbour's speaker never overrides
    /// the quotation's own cue, however the model scores it.
    @Test func theRankerMovesTheChoiceOnlyAmongCandidatesOfTheSameTier() throws {
        let names: [(String, EntityKind, [String])] = [("Anselm Greb", .person, ["Anselm Greb"]), ("Petra Hald", .person, ["Petra Hald"])]
        let twoCues = "Title\n\nAnselm Greb noted that prices are \"rising too fast for anyone\" and hurt families, Petra Hald said."
        #expect(speakers(twoCues, names, attribution: SpeakerAttribution(model: nil)) == ["Anselm Greb"])
        let favoursClosing = try LinearModel(text: "dossier-linear-model 1\nclasses\tspeaker\tother\ns=closing\t5 -5\n")
        #expect(speakers(twoCues, names, attribution: SpeakerAttribution(model: favoursClosing)) == ["Petra Hald"])
        let ownCue = "Title\n\n\"Rates will fall,\" said Anselm Greb.\n\n\"They will not,\" Petra Hald replied."
        let favoursRecent = try LinearModel(text: "dossier-linear-model 1\nclasses\tspeaker\tother\ns=recentSpeaker\t5 -5\n")
        #expect(speakers(ownCue, names, attribution: SpeakerAttribution(model: favoursRecent)) == ["Anselm Greb", "Petra Hald"])
        let againstEverything = try LinearModel(text: "dossier-linear-model 1\nclasses\tspeaker\tother\nbias\t-5 5\n")
        #expect(speakers(ownCue, names, attribution: SpeakerAttribution(model: againstEverything)) == ["Anselm Greb", "Petra Hald"])
    }

    /// A source phrase is the speaker all the way out: the quote claim, the contract JSON and the summary.
    @Test func aPhraseSpeakerReachesClaimsAndTheContract() throws {
        let text = "Depot fire\n\nA fire broke out at the depot overnight.\n\n\"Nobody was hurt and the roads are open again,\" a police spokesman said."
        let annotated = try AnnotationPipeline().annotate(bytes: Array(text.utf8))
        #expect(annotated.quotes.map(\.speaker) == ["police spokesman"])
        #expect(annotated.claims.contains { $0.kind == .quote && $0.actor == "police spokesman" })
        #expect(ContractJSON.value(of: annotated).serialized().contains("\"speaker_name\":\"police spokesman\""))
        #expect(SummaryText.render(annotated).contains("police spokesman"))
    }
}
