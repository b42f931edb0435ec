import Testing
@testable import DossierCore

@Suite struct SpeakerAttributionTests {
    /// (quote content prefix, speaker name or nil, cue) for each quote found.
    func attribute(_ text: String, _ names: [(String, EntityKind, [String])]) -> [(String, String?, String?)] {
        let article = StructureParser().parse(ArticleText(text))
        let known = entities(names, in: text)
        let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: known, in: article)
        return quotes.map { q in
            (String(article.text.slice(q.content).prefix(20)), q.speaker.flatMap { id in known.first { $0.id == id }?.name }, q.cue)
        }
    }

    /// Attribution and claims sort the quotations only when they are out of text order (a sorted
    /// copy was most of the memory of a line of quotations): quotations handed over in reverse must
    /// come back in text order with the same speakers, cues and claims.
    @Test func quotationsOutOfTextOrderAreAttributedAsInOrder() {
        let text = "Title\n\n\"The pier will reopen in May,\" Tobin Varga said. \"The ferry runs daily,\" he added.\n\nMarta Quell told reporters: \"Tolls stay as they are.\""
        let article = StructureParser().parse(ArticleText(text))
        let known = entities([("Tobin Varga", .person, ["Tobin Varga"]), ("Marta Quell", .person, ["Marta Quell"])], in: text)
        let found = QuoteAnnotator().annotate(article)
        #expect(found.count == 3)
        #expect(found.isInTextOrder)
        let reversed = Array(found.reversed())
        #expect(!reversed.isInTextOrder)
        #expect(reversed.inTextOrder() == found)
        let inOrder = SpeakerAttribution().attribute(found, entities: known, in: article)
        let outOfOrder = SpeakerAttribution().attribute(reversed, entities: known, in: article)
        #expect(outOfOrder == inOrder)
        #expect(inOrder.compactMap(\.speaker).count == 3)
        let claimsInOrder = ClaimExtractor().extract(article: article, entities: known, quotes: inOrder, numbers: [])
        let claimsOutOfOrder = ClaimExtractor().extract(article: article, entities: known, quotes: inOrder.reversed(), numbers: [])
        #expect(claimsOutOfOrder == claimsInOrder)
        #expect(claimsInOrder.count == 3)
    }

    @Test func nameAndAppositiveAfterTheQuote() {
        let text = "Title\n\n\"Had it happened an hour later it would have been much worse,\" Tobin Varga, editor at large at the Lowmarsh Courier, said. \"Had it happened on a Saturday, I think the toll would have been in the hundreds.\""
        let found = attribute(text, [("Tobin Varga", .person, ["Tobin Varga"]), ("Lowmarsh Courier", .organization, ["Lowmarsh Courier"])])
        #expect(found.map(\.1) == ["Tobin Varga", "Tobin Varga"])
        #expect(found.map(\.2) == ["said", nil])
    }

    @Test func invertedVerbAfterTheQuoteAndTheSameSpeakerGoesOn() {
        let text = "Title\n\n\"We want to thank all of the towns that expressed an interest,\" said Ferrand to the gathered crowd which contained many BRW employees. \"This was a very difficult decision, but one that was made with the travelling public in mind.\""
        let found = attribute(text, [("Lucas Ferrand", .person, ["Ferrand"]), ("BRW", .organization, ["BRW"])])
        #expect(found.map(\.1) == ["Lucas Ferrand", "Lucas Ferrand"])
        #expect(found.first?.2 == "said")
    }

    @Test func speakerBeforeTheQuoteSkipsAnAppositiveAndTheListener() {
        let text = "Title\n\nSenior researcher Ren Aldous, of the University of Carrowmere's school of public health, said \"it is reasonable to assume that older workers are also short of sleep.\"\n\nAs coauthor Petra Valcourt told The Morning Ledger, \"The rainfall projections are quite consistent.\""
        let found = attribute(text, [("Ren Aldous", .person, ["Ren Aldous"]), ("University of Carrowmere", .organization, ["University of Carrowmere"]),
                                     ("Petra Valcourt", .person, ["Petra Valcourt"]), ("The Morning Ledger", .organization, ["The Morning Ledger"])])
        #expect(found.map(\.1) == ["Ren Aldous", "Petra Valcourt"])
        #expect(found.map(\.2) == ["said", "told"])
    }

    @Test func pronounsResolveToThePersonOrOrganisationTheSentencesAreAbout() {
        let text = "Title\n\nProfessor Quill said he is alarmed by what they found. \"Night-shift nurses in the valley are getting about half as much sleep as they need,\" he said.\n\n\"War maniacs of the southern puppet military made another grave provocation\", said VSNS. \"Foolhardy provocation deserves harsh punishment\", it added; and, later, \"Orvo Dask-Ilven issued an order of the supreme commander\"."
        let found = attribute(text, [("Hollis Quill", .person, ["Quill"]), ("Velorian State News Service", .organization, ["VSNS"]),
                                     ("Orvo Dask-Ilven", .person, ["Orvo Dask-Ilven"])])
        #expect(found.map(\.1) == ["Hollis Quill", "Velorian State News Service", "Velorian State News Service", "Velorian State News Service"])
        #expect(found.map(\.2) == ["said", "said", "added", "added"])
    }

    @Test func aTitledNameAndItsShortFormSpeakThreeQuotes() {
        let text = "Title\n\nBut, surprisingly, U.S. VELDCOM Commander General Dorian Vasko has publicly lauded Portugal as a “phenomenal partner” in fighting smuggling. General Vasko emphasized that even with “limited radar cover” from the U.S., Portugal’s navy is actively breaking up RVF-K networks.\n\nDespite this, General Vasko firmly argued for keeping strong ties with both Spain and Portugal. “We have to have a relationship with Portugal and with Spain,” he stated, arguing that each partnership should be judged on its own."
        let found = attribute(text, [("Dorian Vasko", .person, ["General Dorian Vasko", "General Vasko"]),
                                     ("Portugal", .place, ["Portugal"]), ("VELDCOM", .organization, ["VELDCOM"]),
                                     ("United States", .place, ["U.S."]), ("Spain", .place, ["Spain"])])
        #expect(found.map(\.1) == ["Dorian Vasko", "Dorian Vasko", "Dorian Vasko"])
        #expect(found.map(\.2) == ["lauded", "emphasized", "stated"])
    }

    @Test func aParagraphEndingWithASpeechVerbIntroducesTheNextOnesQuote() {
        let text = "Title\n\nAccording to Pellow, a detective was given material to build a case. Pellow stated,\n\n\"Oswin was picked up by an investigator in a black car with blacked out windows.\""
        let found = attribute(text, [("Gideon Pellow", .person, ["Pellow"])])
        #expect(found.map(\.1) == ["Gideon Pellow"])
        #expect(found.map(\.2) == ["stated"])
    }

    @Test func aSecondVerbJoinedByAndKeepsTheFirstSubject() {
        let text = "Title\n\nBrannock told the Valley Weekly that on October 6, Oswin \"walked into the lobby of the east side station and turned himself in\", and told the police, \"everything he did\"."
        let found = attribute(text, [("Nadia Brannock", .person, ["Brannock"]), ("Valley Weekly", .organization, ["Valley Weekly"]),
                                     ("Oswin Tarrant", .person, ["Oswin"])])
        #expect(found.map(\.1) == ["Nadia Brannock", "Nadia Brannock"])
    }

    @Test func splitQuoteKeepsItsSpeaker() {
        let text = "Title\n\nRivers Agency spokeswoman Imke Solberg told Valley Radio the department will look into the incident.\n\n\"We take document security seriously,\" she said, \"and the department will look into how the papers came to be on a road.\""
        let found = attribute(text, [("Rivers Agency", .organization, ["Rivers Agency"]),
                                     ("Imke Solberg", .person, ["Imke Solberg"]), ("Valley Radio", .organization, ["Valley Radio"])])
        #expect(found.map(\.1) == ["Imke Solberg", "Imke Solberg"])
        #expect(found.map(\.2) == ["said", "said"])
    }

    @Test func anUnnamedOrUnlinkedSpeakerIsNil() {
        let text = "Title\n\n\"The investigation is continuing and we will not comment further,\" said the spokesman.\n\n\"The figures are wrong and the report should be withdrawn,\" Jane Doe said."
        let found = attribute(text, [])
        #expect(found.map(\.1) == [nil, nil])
        #expect(found.map(\.2) == ["said", "said"])
    }

    @Test func anOfficeNamedAfterAPersonOrPlaceIsAnUnnamedSpeaker() {
        // (No "he said," before the quotation: that verb, right before it, would give the speaker;
        // see SpeakerRecallTests.)
        let text = "Title\n\nOkafor is one of the first two nurses elected to Congress.\n\nThe caller's words were recorded: \"I'll put a bullet in her skull,\" the U.S. attorney's office said."
        let found = attribute(text, [("Adaeze Okafor", .person, ["Okafor"]), ("United States", .place, ["U.S."])])
        #expect(found.map(\.1) == [nil])
        #expect(found.map(\.2) == ["said"])
    }

    @Test func aQuoteWithNoCueAndNoPreviousSpeakerIsNil() {
        let text = "Title\n\nThe report was published on Monday.\n\n\"Nobody has looked at these together before now, and that is the point of the work.\""
        let found = attribute(text, [])
        #expect(found.count == 1)
        #expect(found.first?.1 == nil)
        #expect(found.first?.2 == nil)
    }

    @Test func accordingToNamesTheSourceAfterIt() {
        let text = "Title\n\n\"The strike hit the wrong building and the crew has been suspended,\" according to Colonel Ann Smith, a military spokeswoman."
        let found = attribute(text, [("Ann Smith", .person, ["Colonel Ann Smith"])])
        #expect(found.map(\.1) == ["Ann Smith"])
        #expect(found.map(\.2) == ["according to"])
    }

    @Test func theSubjectBeforeSeveralAppositivesIsThePerson() {
        let text = "Title\n\nCmdr. Elias Thorne, a spokesperson for Steady Harbour, the U.S. naval operation against pirate crews off Chile and Peru, told Valley Radio correspondent Mina Rooke that the defense ministry’s claim “is patently false,” and that “the United States is not preventing ships from leaving Callao.”\n\nOn Monday, the People’s Tribune, the mouthpiece of the ruling party, warned that there is “absolutely no room for compromise”."
        let found = attribute(text, [("Elias Thorne", .person, ["Elias Thorne"]), ("Steady Harbour", .organization, ["Steady Harbour"]),
                                     ("Chile", .place, ["Chile"]), ("Peru", .place, ["Peru"]),
                                     ("Mina Rooke", .person, ["Mina Rooke"]), ("People’s Tribune", .organization, ["People’s Tribune"]),
                                     ("United States", .place, ["United States"])])
        #expect(found.map(\.1) == ["Elias Thorne", "Elias Thorne", "People’s Tribune"])
        #expect(found.map(\.2) == ["told", nil, "warned"]) // the second goes on from the first, with no cue of its own
    }

    @Test func aCommonWordOpeningTheSentenceIsNoSpeaker() {
        let text = "Title\n\nAnother said: “Bird flu in the year of the rooster, swine fever in the year of the pig.”"
        let found = attribute(text, [])
        #expect(found.map(\.1) == [nil])
        #expect(found.map(\.2) == ["said"])
    }
}

@Suite struct SpeechVerbsTests {
    @Test func coversEightyVerbsWithTheirInflections() {
        let bases = SpeechVerbs.regularBases.count + SpeechVerbs.irregularForms.count / 4
        #expect(bases >= 80)
        for form in ["said", "says", "stated", "told", "added", "emphasized", "emphasised", "lauded", "argued", "warned",
                     "echoed", "insisted", "noted", "explained", "claimed", "asserted", "declared", "announced", "replied",
                     "wrote", "tweeted", "denied", "testified", "stressed", "admitted", "quipped", "arguing", "stating"] {
            #expect(SpeechVerbs.contains(form), "\(form)")
        }
        #expect(!SpeechVerbs.contains("admited"))
        #expect(SpeechVerbs.invertibleForms.contains("said") && !SpeechVerbs.invertibleForms.contains("told"))
    }
}
