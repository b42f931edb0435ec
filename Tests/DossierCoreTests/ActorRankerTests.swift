import Testing
@testable import DossierCore

@Suite struct ActorRankerTests {
    static let sampleEntities: [(String, EntityKind, [String])] = [
        ("Lorenzo Ravelle", .person, ["Commissioner Lorenzo Ravelle", "Commissioner Ravelle", "Ravelle"]),
        ("Emil Vantor", .person, ["Emil Vantor"]),
        ("Benedikt Wendelbrook", .person, ["Benedikt Wendelbrook", "Wendelbrook"]),
        ("Northern Harbour Authority", .organization, ["Northern Harbour Authority", "NHA"]),
        ("Grey Gull Syndicate", .organization, ["Grey Gull Syndicate", "GGS"]),
        ("Institute for Harbour Studies", .organization, ["Institute for Harbour Studies"]),
        ("Portugal", .place, ["Portugal"]), ("Spain", .place, ["Spain"]), ("Vigo", .place, ["Vigo"]),
        ("Cádiz", .place, ["Cádiz"]), ("Sines", .place, ["Sines"]),
    ]

    @Test func theMainSpeakerLeadsAndPlacesThatOnlyHostEventsAreLeftOut() throws {
        let text = try RepositoryTexts.fixture("sample-article.txt")
        let (article, entities, quotes, claims) = ClaimExtractorTests.annotate(text, Self.sampleEntities)
        let actors = ActorRanker().rank(entities: entities, claims: claims, quotes: quotes, in: article)
        let names = actors.map(\.name)
        #expect(names.first == "Lorenzo Ravelle")
        for actor in ["Portugal", "Emil Vantor", "Institute for Harbour Studies"] { #expect(names.contains(actor), "missing \(actor) in \(names)") }
        #expect(!names.contains("Vigo") && !names.contains("Cádiz") && !names.contains("Sines"))
        #expect(actors.first?.claimCount ?? 0 >= 4)
        // Ranked by salience, highest first.
        #expect(zip(actors, actors.dropFirst()).allSatisfy { $0.salience >= $1.salience })
    }

    @Test func aPersonNamedOnceWithNoClaimIsNoActor() {
        let text = "Title\n\nThe call was made to then-President Ostrander last week. The army chief spoke for ten minutes."
        let entities = entities([("Ostrander", .person, ["President Ostrander"])], in: text)
        let article = StructureParser().parse(ArticleText(text))
        #expect(ActorRanker().rank(entities: entities, claims: [], quotes: [], in: article).isEmpty)
    }

    @Test func aNationalityBeforeANounIsNoActorAndAQuoteInsideAStatementCountsOnce() {
        let text = "Title\n\nThe handover to American authorities was welcomed. General Ravelle has publicly lauded Portugal as a “phenomenal partner” in fighting smuggling."
        let (article, entities, quotes, claims) = ClaimExtractorTests.annotate(text, [("American", .group, ["American"]),
            ("Lorenzo Ravelle", .person, ["General Ravelle"]), ("Portugal", .place, ["Portugal"])])
        let actors = ActorRanker().rank(entities: entities, claims: claims, quotes: quotes, in: article)
        #expect(!actors.contains { $0.name == "American" })
        #expect(actors.first { $0.name == "Lorenzo Ravelle" }?.claimCount == 1)
    }
}
