import Testing
@testable import DossierCore

@Suite struct SpeakerAttributionTests {
    /// Entities standing in for the linker: every occurrence of each surface form is a mention.
    func entities(_ names: [(String, EntityKind, [String])], in text: String) -> [Entity] {
        let scalars = Array(text.unicodeScalars)
        return names.enumerated().map { i, entry in
            var mentions: [Span] = []
            for form in entry.2 {
                let needle = Array(form.unicodeScalars)
                var k = 0
                while k + needle.count <= scalars.count {
                    if Array(scalars[k..<k + needle.count]) == needle {
                        mentions.append(Span(k, k + needle.count))
                        k += needle.count
                    } else {
                        k += 1
                    }
                }
            }
            return Entity(id: "e\(i + 1)", name: entry.0, kind: entry.1, mentions: mentions.sorted(), aliases: entry.2)
        }
    }

    /// (quote content prefix, speaker name or nil, cue) for each quote found.
    func attribute(_ text: String, _ names: [(String, EntityKind, [String])]) -> [(String, String?, String?)] {
        let article = StructureParser().parse(ArticleText(text))
        let known = entities(names, in: text)
        let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: known, in: article)
        return quotes.map { q in
            (String(article.text.slice(q.content).prefix(20)), q.speaker.flatMap { id in known.first { $0.id == id }?.name }, q.cue)
        }
    }

    @Test func nameAndAppositiveAfterTheQuote() {
        let text = "Title\n\n\"Had it happened an hour later it would have been much worse,\" Khaled Al-Maeena, editor at large at the Saudi Gazette, said. \"Had it happened five hours earlier, I think the death toll would have been more than a thousand.\""
        let found = attribute(text, [("Khaled Al-Maeena", .person, ["Khaled Al-Maeena"]), ("Saudi Gazette", .organization, ["Saudi Gazette"])])
        #expect(found.map(\.1) == ["Khaled Al-Maeena", "Khaled Al-Maeena"])
        #expect(found.map(\.2) == ["said", nil])
    }

    @Test func invertedVerbAfterTheQuoteAndTheSameSpeakerGoesOn() {
        let text = "Title\n\n\"We want to thank all of the locations that expressed an interest,\" said Bolden to the gathered crowd which contained many KSC employees. \"This was a very difficult decision, but one that was made with the American public in mind.\""
        let found = attribute(text, [("Charles Bolden", .person, ["Bolden"]), ("KSC", .organization, ["KSC"])])
        #expect(found.map(\.1) == ["Charles Bolden", "Charles Bolden"])
        #expect(found.first?.2 == "said")
    }

    @Test func speakerBeforeTheQuoteSkipsAnAppositiveAndTheListener() {
        let text = "Title\n\nSenior researcher Mu Li, of the University of NSW's school of public health, said \"it is reasonable to assume that pregnant women are also iodine deficient.\"\n\nAs coauthor Colette Heald told The Huffington Post, \"The climate projections are quite consistent.\""
        let found = attribute(text, [("Mu Li", .person, ["Mu Li"]), ("University of NSW", .organization, ["University of NSW"]),
                                     ("Colette Heald", .person, ["Colette Heald"]), ("The Huffington Post", .organization, ["The Huffington Post"])])
        #expect(found.map(\.1) == ["Mu Li", "Colette Heald"])
        #expect(found.map(\.2) == ["said", "told"])
    }

    @Test func pronounsResolveToThePersonOrOrganisationTheSentencesAreAbout() {
        let text = "Title\n\nProfessor Eastman said he is alarmed by what they found. \"Pregnant women in Australia are getting about half as much as what they require,\" he said.\n\n\"War maniacs of the South Korean puppet military made another grave provocation\", said KCNA. \"Foolhardy provocation deserves harsh punishment\", it added; and, later, \"Kim Jong-un issued an order of the supreme commander\"."
        let found = attribute(text, [("Cres Eastman", .person, ["Eastman"]), ("Korean Central News Agency", .organization, ["KCNA"]),
                                     ("Kim Jong-un", .person, ["Kim Jong-un"])])
        #expect(found.map(\.1) == ["Cres Eastman", "Korean Central News Agency", "Korean Central News Agency", "Korean Central News Agency"])
        #expect(found.map(\.2) == ["said", "said", "added", "added"])
    }

    @Test func theSeedsThreeQuotesAreKurillas() {
        let text = "Title\n\nBut, surprisingly, U.S. CENTCOM Commander General Michael Kurilla has publicly lauded Pakistan as a “phenomenal partner” in combating terrorism. General Kurilla emphasized that even with “limited intelligence” from the U.S., Pakistan’s military is actively dismantling ISIS-K networks.\n\nDespite this, General Kurilla firmly advocated for maintaining strong relationships with both India and Pakistan. “We have to have a relationship with Pakistan and with India,” he stated, arguing that the merits of each partnership should be evaluated independently."
        let found = attribute(text, [("Michael Kurilla", .person, ["General Michael Kurilla", "General Kurilla"]),
                                     ("Pakistan", .place, ["Pakistan"]), ("CENTCOM", .organization, ["CENTCOM"]),
                                     ("United States", .place, ["U.S."]), ("India", .place, ["India"])])
        #expect(found.map(\.1) == ["Michael Kurilla", "Michael Kurilla", "Michael Kurilla"])
        #expect(found.map(\.2) == ["lauded", "emphasized", "stated"])
    }

    @Test func aParagraphEndingWithASpeechVerbIntroducesTheNextOnesQuote() {
        let text = "Title\n\nAccording to Rathbun, a detective was provided with material to build a case. Rathbun stated,\n\n\"Daniel was picked up by an investigator in a black car with blacked out windows.\""
        let found = attribute(text, [("Mark Rathbun", .person, ["Rathbun"])])
        #expect(found.map(\.1) == ["Mark Rathbun"])
        #expect(found.map(\.2) == ["stated"])
    }

    @Test func aSecondVerbJoinedByAndKeepsTheFirstSubject() {
        let text = "Title\n\nWhitmore told LA Weekly that on October 6, Montalvo \"walked into lobby of the East L.A. station and turned himself in\", and told the police, \"everything he did\"."
        let found = attribute(text, [("Steve Whitmore", .person, ["Whitmore"]), ("LA Weekly", .organization, ["LA Weekly"]),
                                     ("Daniel Montalvo", .person, ["Montalvo"])])
        #expect(found.map(\.1) == ["Steve Whitmore", "Steve Whitmore"])
    }

    @Test func splitQuoteKeepsItsSpeaker() {
        let text = "Title\n\nEnvironment Canada spokeswoman Sujata Raisinghani told CBC News the department will look into the incident.\n\n\"We take document security seriously,\" she said, \"and the department will look into how the papers came to be on a road.\""
        let found = attribute(text, [("Environment Canada", .organization, ["Environment Canada"]),
                                     ("Sujata Raisinghani", .person, ["Sujata Raisinghani"]), ("CBC News", .organization, ["CBC News"])])
        #expect(found.map(\.1) == ["Sujata Raisinghani", "Sujata Raisinghani"])
        #expect(found.map(\.2) == ["said", "said"])
    }

    @Test func anUnnamedOrUnlinkedSpeakerIsNil() {
        let text = "Title\n\n\"The investigation is continuing and we will not comment further,\" said the spokesman.\n\n\"The figures are wrong and the report should be withdrawn,\" Jane Doe said."
        let found = attribute(text, [])
        #expect(found.map(\.1) == [nil, nil])
        #expect(found.map(\.2) == ["said", "said"])
    }

    @Test func anOfficeNamedAfterAPersonOrPlaceIsAnUnnamedSpeaker() {
        let text = "Title\n\nOmar is one of the first two Muslim women elected to Congress.\n\nThe staff member who reported the call recalled that he said, \"I'll put a bullet in her skull,\" the U.S. attorney's office said."
        let found = attribute(text, [("Ilhan Omar", .person, ["Omar"]), ("United States", .place, ["U.S."])])
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
        let text = "Title\n\nCmdr. Sean Robertson, a spokesperson for Inherent Resolve, the U.S. military operation against Islamic State in Iraq and Syria, told VOA Pentagon correspondent Carla Babb that the defense ministry’s claim “is patently false,” and that “the United States is not preventing people from leaving Rukban.”\n\nOn Monday, the People’s Daily, the mouthpiece of the Communist party, warned that there is “absolutely no room for compromise”."
        let found = attribute(text, [("Sean Robertson", .person, ["Sean Robertson"]), ("Inherent Resolve", .organization, ["Inherent Resolve"]),
                                     ("Islamic State", .organization, ["Islamic State"]), ("Iraq", .place, ["Iraq"]), ("Syria", .place, ["Syria"]),
                                     ("Carla Babb", .person, ["Carla Babb"]), ("People’s Daily", .organization, ["People’s Daily"]),
                                     ("United States", .place, ["United States"])])
        #expect(found.map(\.1) == ["Sean Robertson", "Sean Robertson", "People’s Daily"])
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
