import Testing
@testable import DossierCore

@Suite struct LexiconTests {
    @Test func everyDemonymPointsToAKnownPlace() {
        for (demonym, country) in Demonyms.countryOf {
            #expect(EntityLexicon.kind(of: country) == .place, "\(demonym) → \(country) is not a known place")
        }
    }

    @Test func everyAliasPointsToANameTheListsKnow() {
        for (alias, canonical) in EntityAliases.canonical {
            #expect(EntityLexicon.kind(of: canonical) != nil, "\(alias) → \(canonical) is unknown")
            #expect(EntityLexicon.kind(of: alias) == EntityLexicon.kind(of: canonical), "\(alias) and \(canonical) differ in kind")
        }
    }

    @Test func listsParseWithoutCommentsOrBlanks() {
        for list in [Array(PlaceNames.all), Array(OrganizationNames.all), Array(PersonTitles.all), Array(GivenNames.all),
                     Array(NameCues.organization)] {
            #expect(!list.isEmpty)
            #expect(!list.contains { $0.isEmpty || $0.hasPrefix("#") || $0.hasPrefix(" ") || $0.hasSuffix(" ") })
        }
    }

    @Test func multiWordNamesAreKnownAsPhrases() {
        #expect(EntityLexicon.phrases.contains("New York City"))
        #expect(EntityLexicon.phrases.contains("United Nations"))
        #expect(!EntityLexicon.phrases.contains("Pakistan"))
        #expect(EntityLexicon.longestPhrase >= 5)
    }

    @Test func commonSentenceOpenersAreNotNames() {
        for word in ["However", "Despite", "The", "According", "Meanwhile"] {
            #expect(CommonWords.all.contains(word.lowercased()))
            #expect(!EntityLexicon.knowsWord(word))
        }
    }

    @Test func hyphenatedTitlesAreTitles() {
        #expect(PersonTitles.isTitle("then-President"))
        #expect(PersonTitles.isTitle("General"))
        #expect(!PersonTitles.isTitle("Pakistan"))
    }
}
