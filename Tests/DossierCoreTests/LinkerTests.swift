import Testing
@testable import DossierCore

@Suite struct LinkerTests {
    private func entities(_ body: String) -> (ArticleText, [Entity]) {
        let text = ArticleText("Briefing\n\n" + body)
        let article = StructureParser().parse(text)
        return (text, Linker().link(EntityAnnotator().annotate(article), in: article))
    }

    private func mentionTexts(_ entity: Entity?, _ text: ArticleText) -> [String] {
        entity?.mentions.map { text.slice($0) } ?? []
    }

    /// The linker sorts mentions only when they are out of text order (the annotator's never are):
    /// mentions handed over shuffled must give the same entities.
    @Test func mentionsOutOfTextOrderLinkAsInOrder() {
        let text = ArticleText("Briefing\n\nGeneral Dorian Vasko met the Harbour Trust of Lowmarsh (HTL) on Monday. "
                               + "Vasko said the HTL would sign. Portugal agreed, Vasko added.")
        let article = StructureParser().parse(text)
        let mentions = EntityAnnotator().annotate(article)
        #expect(mentions.count >= 5)
        #expect(mentions.isInTextOrder)
        var random = SplitMix64(seed: 11)
        let shuffled = mentions.shuffled(using: &random)
        #expect(!shuffled.isInTextOrder)
        #expect(shuffled.inTextOrder() == mentions)
        #expect(Linker().link(shuffled, in: article) == Linker().link(mentions, in: article))
    }

    @Test func surnameAndTitledSurnameJoinTheFullName() {
        let (text, found) = entities("""
        U.S. VELDCOM Commander General Dorian Vasko has publicly lauded Portugal. General Vasko emphasized \
        the point. Despite this, Vasko firmly argued for keeping strong ties.
        """)
        let vasko = found.first { $0.name == "Dorian Vasko" }
        #expect(vasko?.kind == .person)
        #expect(mentionTexts(vasko, text) == ["Dorian Vasko", "Vasko", "Vasko"])
    }

    @Test func parenthesisedAcronymIsAnAlias() {
        let (text, found) = entities("Vasko praised Portugal for fighting RVF-Korvane (RVF-K). The resurgence of RVF-K is a key driver.")
        let front = found.first { $0.name == "RVF-Korvane" }
        #expect(mentionTexts(front, text) == ["RVF-Korvane", "RVF-K", "RVF-K"])
    }

    @Test func countryAliasesAreOneEntityAndDemonymsOnlyRelated() {
        let (text, found) = entities("""
        The U.S. praised Pakistan. Pakistani officials met American officials in the United States, and America \
        welcomed Pakistan’s help.
        """)
        let us = found.first { $0.name == "United States" }
        #expect(mentionTexts(us, text) == ["U.S.", "United States", "America"])
        let pakistan = found.first { $0.name == "Pakistan" }
        let pakistani = found.first { $0.name == "Pakistani" }
        #expect(pakistani?.kind == .group)
        #expect(pakistan.map { pakistani?.related.contains($0.id) ?? false } == true)
        #expect(mentionTexts(pakistan, text) == ["Pakistan", "Pakistan"])
    }

    @Test func aCountryNamedOnlyByShortFormsIsNamedAsWrittenMostOften() {
        // No "United Kingdom" in the text: the entity is called what the article calls it, and the
        // demonym still finds its country.
        let (text, found) = entities("The UK urged calm on Monday. British diplomats met in Oslo, and the UK sent an envoy. Britain stayed quiet.")
        let uk = found.first { $0.name == "UK" }
        #expect(mentionTexts(uk, text) == ["UK", "UK", "Britain"])
        let british = found.first { $0.name == "British" }
        #expect(uk.map { british?.related.contains($0.id) ?? false } == true)
    }

    @Test func idsFollowFirstMention() {
        let (_, found) = entities("The Harrowgate Policy Institute studied India. Later India answered the Harrowgate Policy Institute.")
        #expect(found.map(\.id) == ["e1", "e2"])
        #expect(found.map(\.name) == ["Harrowgate Policy Institute", "India"])
    }

    @Test func acronymSpelledByInitialsJoinsTheName() {
        let (text, found) = entities("""
        The glider took off from the Brackwater Flight Centre in Devon. Gliders will stay at BFC until they are moved.
        """)
        let center = found.first { $0.name == "Brackwater Flight Centre" }
        #expect(mentionTexts(center, text) == ["Brackwater Flight Centre", "BFC"])
    }

    @Test func shorterOrganisationNameJoinsTheLongerOne() {
        let (text, found) = entities("""
        The Calder High Court of Appeal ruled on the case. The High Court said the schools must pay.
        """)
        let court = found.first { $0.name == "Calder High Court of Appeal" }
        #expect(mentionTexts(court, text) == ["Calder High Court of Appeal", "High Court"])
    }

    @Test func twoPeopleWithTheSameFirstNameStayApart() {
        let (_, found) = entities("Tomas Ebbing met Tomas Greer in Toronto. Ebbing said it was fun.")
        #expect(found.filter { $0.kind == .person }.count == 2)
    }

    @Test func aSampleArticleLinksItsMainActors() throws {
        let annotated = AnnotationPipeline().annotate(SourceDocument(text: try RepositoryTexts.fixture("sample-article.txt")))
        let names = Set(annotated.entities.map(\.name))
        for expected in ["Lorenzo Ravelle", "Portugal", "Northern Harbour Authority", "Grey Gull Syndicate", "Benedikt Wendelbrook",
                         "Emil Vantor", "Institute for Harbour Studies", "Spain"] {
            #expect(names.contains(expected), "missing \(expected)")
        }
        let ravelle = annotated.entities.first { $0.name == "Lorenzo Ravelle" }
        #expect((ravelle?.mentions.count ?? 0) >= 4)
        #expect(annotated.entities.first { $0.name == "Benedikt Wendelbrook" }?.kind == .person)
    }

    @Test func acronymSpellingARunOfTheNameJoinsIt() {
        let (text, found) = entities("""
        The Northern Velmar Border Agency closed two crossings. VBA officers checked every truck, and the \
        Canadian VBA said more checks would follow.
        """)
        let agency = found.first { $0.name == "Northern Velmar Border Agency" }
        #expect(mentionTexts(agency, text) == ["Northern Velmar Border Agency", "VBA", "Canadian VBA"])
    }

    @Test func bracketedAcronymAndConnectorFreeNamesAreAliases() {
        let (text, found) = entities("""
        The Velorian People's Guard [VPG] moved units. Seed Standards of Norway and Iceland agreed, and \
        Seed Standards Norway Iceland said so again. The VPG denied it.
        """)
        let guardUnits = found.first { $0.name == "Velorian People's Guard" }
        #expect(mentionTexts(guardUnits, text) == ["Velorian People's Guard", "VPG", "VPG"])
        #expect(found.filter { $0.name.hasPrefix("Seed Standards") }.count == 1)
    }

    @Test func administrativePrefixJoinsThePlace() {
        let (text, found) = entities("It was a blow to the Lubbock community and the State of Texas. Texas officials objected.")
        let texas = found.first { $0.name == "State of Texas" || $0.name == "Texas" }
        #expect(mentionTexts(texas, text) == ["State of Texas", "Texas"])
    }
}

/// The linker's fast paths against the general code they replace, on invented names.
@Suite struct LinkerFastPathTests {
    static let names = ["Velmar Harbour Trust", "Velmar", "VHT", "the Ostrava Guild's", "Anna-Lise Korver",
                        "Korver's", "Zürich Rail Office", "Zu\u{0308}rich", "  Two  Spaces ", "", "'s", "O'Dell",
                        "Chief Oyelaran’s", "Dr. Ossa Tollan", "Korver", "Velmar Harbour Trust"]

    @Test func wordCountEqualsTheWordsMade() {
        for name in Self.names {
            #expect(Linker.wordCount(of: name) == Linker.words(of: name).count, "\(name)")
        }
    }

    @Test func distinctNamesKeepFirstUseOrderOnShortAndLongLists() {
        func general(_ names: [String]) -> [String] {
            var seen = Set<String>()
            return names.filter { seen.insert($0).inserted }
        }
        let short = Self.names
        let long = (0..<40).map { Self.names[($0 * 7) % Self.names.count] + ($0 % 3 == 0 ? "" : " \($0 % 5)") }
        #expect(MentionClusters.distinctNames(short) == general(short))
        #expect(MentionClusters.distinctNames(long) == general(long))
        #expect(MentionClusters.distinctNames(short).count < short.count)   // the list repeats a name
    }

    @Test func longestFirstSortsLikeTheComparisonOfWordsMade() {
        let names = MentionClusters.distinctNames(Self.names)
        let general = names.sorted { lhs, rhs in
            let (l, r) = (Linker.words(of: lhs).count, Linker.words(of: rhs).count)
            return l != r ? l > r : lhs.unicodeScalars.count > rhs.unicodeScalars.count
        }
        #expect(MentionClusters.longestFirst(names) == general)
        #expect(MentionClusters.longestFirst(names).first == "Velmar Harbour Trust")
    }
}

/// The linker's helper types against the general code they replace.
@Suite struct LinkerHelperTests {
    /// The vote count as it was kept before `KindVotes`: a slot per kind in this order, `.other`
    /// without one, the first kind with the strictly highest count winning.
    private static func generalWinner(_ votes: [(EntityKind, Int)]) -> EntityKind {
        let order: [EntityKind] = [.person, .organization, .place, .group, .event]
        var tally = [Int](repeating: 0, count: order.count)
        for (kind, weight) in votes {
            if let slot = order.firstIndex(of: kind) { tally[slot] += weight }
        }
        var best: EntityKind = .other
        var bestCount = 0
        for (slot, kind) in order.enumerated() where tally[slot] > bestCount {
            best = kind
            bestCount = tally[slot]
        }
        return best
    }

    @Test func kindVotesWinLikeTheSlotTally() {
        #expect(KindVotes().winner == .other)
        var tie = KindVotes()
        tie.add(.place, weight: 2)
        tie.add(.organization, weight: 2)
        tie.add(.other, weight: 9)
        #expect(tie.winner == .organization)   // a tie goes to the earlier kind; `.other` has no vote

        var random = SplitMix64(seed: 5)
        for _ in 0..<500 {
            let votes = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                (EntityKind.allCases.randomElement(using: &random)!, [1, 2, 4].randomElement(using: &random)!)
            }
            let cut = Int.random(in: 0...votes.count, using: &random)
            // Votes taken in two clusters, then merged, count as if taken in one.
            var first = KindVotes(), second = KindVotes()
            for (kind, weight) in votes[..<cut] { first.add(kind, weight: weight) }
            for (kind, weight) in votes[cut...] { second.add(kind, weight: weight) }
            first.add(second)
            #expect(first.winner == Self.generalWinner(votes), "\(votes)")
        }
    }

    @Test func lettersAndDigitsAndInitialsMatchTheScalarProperties() {
        for acronym in ["U.S.", "ALPHA-K", "RVF-K", "G7", "ÉTA", "Ω-9", "Z\u{0308}B", "N.A.T.O.", "", "’s"] {
            let general = String(String.UnicodeScalarView(acronym.unicodeScalars.filter {
                $0.properties.isAlphabetic || ($0.value >= 0x30 && $0.value <= 0x39)
            }))
            #expect(MentionClusters.lettersAndDigits(acronym) == general, "\(acronym)")
        }
        #expect(MentionClusters.lettersAndDigits("U.S.") == "US")
        let words = ["Guild", "of", "Independent", "Printers", "and", "Binders", "Éire", "4th", "ωmega", "Δelta", ""]
        let general = String(String.UnicodeScalarView(words.compactMap(\.unicodeScalars.first).filter {
            $0.properties.isUppercase || ($0.value >= 0x30 && $0.value <= 0x39)
        }))
        #expect(MentionClusters.initials(words) == general)
        #expect(MentionClusters.initials(words) == "GIPBÉ4Δ")
    }

    @Test func linkingTablesAnswerAsTheLexiconDictionaries() {
        for (alias, canonical) in EntityAliases.canonical {
            #expect(LinkingTables.canonicalOfAlias.value(alias) == canonical)
            #expect(LinkingTables.canonicalName(alias) == EntityAliases.canonicalName(alias))
        }
        for name in EntityAliases.canonicalNames { #expect(LinkingTables.canonicalNames.contains(name)) }
        for (demonym, country) in Demonyms.countryOf { #expect(LinkingTables.countryOfDemonym.value(demonym) == country) }
        for absent in ["Velmar", "united states", "", "Pakistanis’", "Harbour Trust"] {
            #expect(LinkingTables.canonicalOfAlias.value(absent) == EntityAliases.canonical[absent])
            #expect(LinkingTables.canonicalNames.contains(absent) == EntityAliases.canonicalNames.contains(absent))
            #expect(LinkingTables.countryOfDemonym.value(absent) == Demonyms.countryOf[absent])
        }
    }

    @Test func wordIndexPrefersMostMentionsThenFirstIntroduced() {
        var index = WordIndex()
        index.add("Haddad", cluster: 1, weight: 2, firstAt: 50)
        index.add("Haddad", cluster: 2, weight: 3, firstAt: 90)   // more mentions: wins
        index.add("Haddad", cluster: 3, weight: 3, firstAt: 90)   // a tie: the first added stays
        index.add("Kerem", cluster: 4, weight: 1, firstAt: 40)
        index.add("Kerem", cluster: 5, weight: 1, firstAt: 10)     // introduced earlier: wins
        #expect(index.best(for: "Haddad") == 2)
        #expect(index.best(for: "Kerem") == 5)
        #expect(index.best(for: "Tayeb") == nil)
    }
}
