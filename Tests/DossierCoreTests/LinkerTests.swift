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

    @Test func surnameAndTitledSurnameJoinTheFullName() {
        let (text, found) = entities("""
        U.S. CENTCOM Commander General Michael Kurilla has publicly lauded Pakistan. General Kurilla emphasized \
        the point. Despite this, Kurilla firmly advocated for maintaining strong relationships.
        """)
        let kurilla = found.first { $0.name == "Michael Kurilla" }
        #expect(kurilla?.kind == .person)
        #expect(mentionTexts(kurilla, text) == ["Michael Kurilla", "Kurilla", "Kurilla"])
    }

    @Test func parenthesisedAcronymIsAnAlias() {
        let (text, found) = entities("Kurilla praised Pakistan for combating ISIS-Khorasan (ISIS-K). The resurgence of ISIS-K is a key driver.")
        let isis = found.first { $0.name == "ISIS-Khorasan" }
        #expect(mentionTexts(isis, text) == ["ISIS-Khorasan", "ISIS-K", "ISIS-K"])
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

    @Test func idsFollowFirstMention() {
        let (_, found) = entities("The Council on Foreign Relations studied India. Later India answered the Council on Foreign Relations.")
        #expect(found.map(\.id) == ["e1", "e2"])
        #expect(found.map(\.name) == ["Council on Foreign Relations", "India"])
    }

    @Test func acronymSpelledByInitialsJoinsTheName() {
        let (text, found) = entities("""
        Columbia lifted off from the Kennedy Space Center in Florida. Shuttles will stay at KSC until they are moved.
        """)
        let center = found.first { $0.name == "Kennedy Space Center" }
        #expect(mentionTexts(center, text) == ["Kennedy Space Center", "KSC"])
    }

    @Test func shorterOrganisationNameJoinsTheLongerOne() {
        let (text, found) = entities("""
        The Italian Supreme Court of Cassation ruled on the case. The Supreme Court said the schools must pay.
        """)
        let court = found.first { $0.name == "Italian Supreme Court of Cassation" }
        #expect(mentionTexts(court, text) == ["Italian Supreme Court of Cassation", "Supreme Court"])
    }

    @Test func twoPeopleWithTheSameFirstNameStayApart() {
        let (_, found) = entities("Mark Hamill met Mark Rathbun in Toronto. Hamill said it was fun.")
        #expect(found.filter { $0.kind == .person }.count == 2)
    }

    @Test func theSeedArticleLinksItsMainActors() throws {
        let annotated = AnnotationPipeline().annotate(SourceDocument(text: try RepositoryTexts.seed("pakistan-centcom.txt")))
        let names = Set(annotated.entities.map(\.name))
        for expected in ["Michael Kurilla", "Pakistan", "United States", "CENTCOM", "ISIS-Khorasan", "Mohammed Sharifullah",
                         "Paul Kapoor", "Council on Foreign Relations", "India"] {
            #expect(names.contains(expected), "missing \(expected)")
        }
        let kurilla = annotated.entities.first { $0.name == "Michael Kurilla" }
        #expect((kurilla?.mentions.count ?? 0) >= 4)
        #expect(annotated.entities.first { $0.name == "Mohammed Sharifullah" }?.kind == .person)
    }

    @Test func bracketedAcronymAndConnectorFreeNamesAreAliases() {
        let (text, found) = entities("""
        The Korean People's Army [KPA] moved units. Food Standards of Australia and New Zealand agreed, and \
        Food Standards Australia New Zealand said so again. The KPA denied it.
        """)
        let army = found.first { $0.name == "Korean People's Army" }
        #expect(mentionTexts(army, text) == ["Korean People's Army", "KPA", "KPA"])
        #expect(found.filter { $0.name.hasPrefix("Food Standards") }.count == 1)
    }

    @Test func administrativePrefixJoinsThePlace() {
        let (text, found) = entities("It was a blow to the Houston community and the State of Texas. Texas officials objected.")
        let texas = found.first { $0.name == "State of Texas" || $0.name == "Texas" }
        #expect(mentionTexts(texas, text) == ["State of Texas", "Texas"])
    }
}
