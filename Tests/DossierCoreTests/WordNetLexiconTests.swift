import Testing
@testable import DossierCore

/// The generated WordNet and minor-place lists, and the typing features they feed.
@Suite struct WordNetLexiconTests {
    @Test func knownNamesGiveEachKindWordNetHas() {
        #expect(KnownNames.kinds(of: "Mount Everest") == .place)
        #expect(KnownNames.kinds(of: "Thames") == .place)
        #expect(KnownNames.kinds(of: "Democrat") == .personKind)
        // Names WordNet files under more than one kind keep all of them.
        #expect(KnownNames.kinds(of: "Lincoln").isSuperset(of: [.person, .place]))
        // An organisation WordNet lists as a class, not an instance, is still an organisation.
        #expect(KnownNames.kinds(of: "NATO").contains(.organization))
        #expect(KnownNames.kinds(of: "Quessary").isEmpty)
        // The exact surface: no lowercase common noun is a name.
        #expect(KnownNames.kinds(of: "everest").isEmpty)
    }

    @Test func supersensesCoverInflectedFormsAndSkipProperSenses() {
        #expect(Supersenses.senses(of: "town") == .init(noun: 15, verb: 0))         // noun.location
        #expect(Supersenses.senses(of: "towns") == .init(noun: 15, verb: 0))
        #expect(Supersenses.senses(of: "told") == .init(noun: 0, verb: 32))         // verb.communication
        #expect(Supersenses.senses(of: "mayor")?.noun == 18)                         // noun.person
        // "born" is a physicist's name in WordNet's nouns: only its verb sense counts.
        #expect(Supersenses.senses(of: "born") == .init(noun: 0, verb: 42))
        #expect(Supersenses.senses(of: "quessary") == nil)
    }

    @Test func minorPlacesHoldSmallTownsButNotThePlaceList() {
        #expect(PlaceNames.minor.contains("Kendal"))
        #expect(PlaceNames.minor.contains("Harrogate"))
        #expect(!PlaceNames.minor.contains("Nairobi"))     // a city of the place list
        #expect(!PlaceNames.minor.contains("Reading"))     // an everyday word
    }

    @Test func typingFeaturesCarryWordNetKindsAndSupersenses() {
        let body = "The mayor of Quessary told reporters that Halvard Pike visited Everest Cathedral."
        let article = StructureParser().parse(ArticleText("Briefing\n\n" + body))
        let candidates = EntityAnnotator().trainingCandidates(article)
        func features(_ name: String) -> [String] { candidates.first { $0.mention.name == name }?.features ?? [] }
        // The word two before: "mayor" is a person noun; the word after, "told", a verb of speech.
        #expect(features("Quessary").contains("prev2-ns=18"))
        #expect(features("Quessary").contains("next-vs=32"))
        // The head word of a name: a cathedral is an artifact; its first word a WordNet place.
        #expect(features("Everest Cathedral").contains("last-ns=6"))
        #expect(features("Everest Cathedral").contains("wn-first=place"))
        #expect(!features("Halvard Pike").contains { $0.hasPrefix("wn=") })
    }
}
