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
                     Array(NameCues.organization), Array(FamilyNames.all), Array(CommonWords.dictionary),
                     Array(Abbreviations.words)] {
            #expect(!list.isEmpty)
            #expect(!list.contains { $0.isEmpty || $0.hasPrefix("#") || $0.hasPrefix(" ") || $0.hasSuffix(" ") })
        }
    }

    /// The phrase tables made in one pass from the phrases' bytes hold what their definitions
    /// over `split` give (the way they were built before).
    @Test func phraseTablesHoldWhatSplittingThePhrasesGives() {
        var phrases = Set<String>()
        for names in [Array(PlaceNames.all), Array(OrganizationNames.all), Array(Demonyms.countryOf.keys),
                      Array(EntityAliases.canonical.keys)] {
            for name in names where name.hasUTF8Byte(0x20) { phrases.insert(name) }
        }
        var first = Set<String>(), second = Set<String>(), prefixes = Set<String>(), longest = 1
        for phrase in phrases {
            if let word = phrase.split(separator: " ").first { first.insert(String(word)) }
            let words = phrase.split(separator: " ", omittingEmptySubsequences: false)
            if words.count >= 2 { second.insert(String(words[1])) }
            var prefix = ""
            for (position, word) in words.enumerated() {
                prefix = position == 0 ? String(word) : prefix + " " + word
                prefixes.insert(prefix)
            }
            longest = max(longest, phrase.split(separator: " ").count)
        }
        let tables = EntityLexicon.phraseTables
        #expect(Set(tables.phrases) == phrases && tables.phrases.count == phrases.count)
        #expect(Set(tables.firstWords) == first && tables.firstWords.count == first.count)
        #expect(Set(tables.secondWords) == second && tables.secondWords.count == second.count)
        #expect(Set(tables.prefixes) == prefixes && tables.prefixes.count == prefixes.count)
        #expect(tables.longest == longest && EntityLexicon.longestPhrase == longest)
        for word in first { #expect(EntityLexicon.phraseFirstWords.contains(word)) }

        // A space that takes a combining mark into its `Character` is no word break for `split`.
        var odd = EntityLexicon.PhraseTables()
        for phrase in ["Sa\u{303}o  Paulo", "A \u{301}B C", " Lead"] { odd.add(phrase) }
        #expect(Set(odd.firstWords) == ["Sa\u{303}o", "A \u{301}B", "Lead"])
        #expect(Set(odd.secondWords) == ["", "C", "Lead"])
        #expect(Set(odd.prefixes) == ["Sa\u{303}o", "Sa\u{303}o ", "Sa\u{303}o  Paulo", "A \u{301}B", "A \u{301}B C", "", " Lead"])
        #expect(odd.longest == 2)
    }

    /// The one table of names, its WordNet names and minor places keyed from their lines' bytes,
    /// says of every name what the lists, read as strings, say.
    @Test func nameFactsAreThoseOfTheListsReadAsStrings() {
        var known: [String: KnownNames.Kinds] = [:]
        for (list, kind) in KnownNames.lists {
            for name in WordList.lines(list) { known[name, default: []].insert(kind) }
        }
        let minor = Set(WordList.lines(GeneratedLexicon.minorPlaces))
        for name in Set(known.keys).union(minor).union(GivenNames.all) {
            let facts = EntityLexicon.facts(of: name)
            #expect(facts.knownKinds == known[name] ?? [], "\(name)")
            #expect(facts.isMinorPlace == minor.contains(name), "\(name)")
            #expect(facts.isGivenName == GivenNames.all.contains(name), "\(name)")
        }
    }

    @Test func multiWordNamesAreKnownAsPhrases() {
        #expect(EntityLexicon.phrases.contains("New York City"))
        #expect(EntityLexicon.phrases.contains("European Union"))
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

    // MARK: - Generated lists (Scripts/lexicons/generate.py)

    @Test func generatedGazetteerKnowsCountriesCitiesAndStates() {
        for country in ["Kenya", "Uruguay", "New Zealand", "Vietnam", "Democratic Republic of the Congo"] {
            #expect(PlaceNames.countries.contains(country), "\(country)")
        }
        for city in ["Porto Alegre", "Winnipeg", "Rosario"] {
            #expect(PlaceNames.cities.contains(city), "\(city)")
        }
        // A name with accents is known also without them.
        #expect(PlaceNames.all.contains("São Paulo") && PlaceNames.all.contains("Sao Paulo"))
        for region in ["Oregon", "Bavaria", "Kerala", "Tamil Nadu"] {
            #expect(PlaceNames.subdivisions.contains(region), "\(region)")
        }
        #expect(EntityLexicon.kind(of: "Rosario") == .place)
    }

    @Test func gazetteerLeavesOutPlacesSpelledLikeEverydayWords() {
        // Real towns, but in English text these are words first ("Reading the report …").
        for word in ["Reading", "Mobile", "Split", "Of", "Nice"] {
            #expect(!PlaceNames.all.contains(word), "\(word)")
        }
        // A country stays even when it is also a word.
        #expect(PlaceNames.countries.contains("Turkey"))
    }

    @Test func generatedNameListsHoldFrequentNamesAndNoEverydayWords() {
        for name in ["Deborah", "Grace", "Khalid", "Giuseppe"] { #expect(GivenNames.all.contains(name), "\(name)") }
        for name in ["Garcia", "Nguyen", "Ramirez", "Porter"] { #expect(FamilyNames.all.contains(name), "\(name)") }
        // A given name the dictionary also lists as a name stays, and is no common word.
        #expect(GivenNames.all.contains("Grace"))
        #expect(!CommonWords.dictionary.contains("grace"))
    }

    @Test func dictionaryHoldsCommonWordsButNoNames() {
        for word in ["officials", "weather", "quickly"] { #expect(CommonWords.dictionary.contains(word), "\(word)") }
        for word in ["porter", "walker", "paris"] { #expect(!CommonWords.dictionary.contains(word), "\(word)") }
        #expect(CommonWords.dictionary.count > 10_000)
    }

    @Test func oneAbbreviationListAnswersForTheSplitterAndBothTokenizers() {
        #expect(SentenceSplitter.abbreviations.contains("Gen"))
        #expect(NameTokenizer.abbreviations.contains("Gen"))
        #expect(ParagraphTokenizer.abbreviations.contains("gen"))
        // Every titled abbreviation with a period is known to all three.
        for title in PersonTitles.all where title.hasSuffix(".") {
            let word = String(title.dropLast())
            #expect(SentenceSplitter.abbreviations.contains(word), "\(word)")
            #expect(NameTokenizer.abbreviations.contains(word), "\(word)")
            #expect(ParagraphTokenizer.abbreviations.contains(word.lowercased()), "\(word)")
        }
    }

    @Test func aCapitalisedOnlyAbbreviationEndsASentenceWhenWrittenLowercase() {
        // "No." is an abbreviation only capitalised ("No. 10"): "said no." ends its sentence.
        #expect(SentenceSplitter.abbreviations.contains("No"))
        #expect(!SentenceSplitter.abbreviations.contains("no"))
        #expect(SentenceSplitter.abbreviations.contains("etc"))
        #expect(SentenceSplitter.sentences(in: Span(0, 27), of: ArticleScalars("She said no. Then she left.")).count == 2)
        #expect(SentenceSplitter.sentences(in: Span(0, 22), of: ArticleScalars("Gen. Ilse Varrow left.")).count == 1)
    }
}
