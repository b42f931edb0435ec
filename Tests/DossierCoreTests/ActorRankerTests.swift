import Testing
@testable import DossierCore

@Suite struct ActorRankerTests {
    @Test func theSeedsMainSpeakerLeadsAndPlacesThatOnlyHostEventsAreLeftOut() throws {
        let text = try #require(ClaimExtractorTests.seedText)
        let (article, entities, quotes, claims) = ClaimExtractorTests.annotate(text, ClaimExtractorTests.seedEntities)
        let actors = ActorRanker().rank(entities: entities, claims: claims, quotes: quotes, in: article)
        let names = actors.map(\.name)
        #expect(names.first == "Michael Kurilla")
        #expect(names.contains("Pakistan") && names.contains("Paul Kapoor") && names.contains("Council on Foreign Relations"))
        #expect(!names.contains("Russia") && !names.contains("Iran") && !names.contains("Afghanistan"))
        #expect(actors.first?.claimCount ?? 0 >= 4)
        // Ranked by salience, highest first.
        #expect(zip(actors, actors.dropFirst()).allSatisfy { $0.salience >= $1.salience })
    }

    @Test func aPersonNamedOnceWithNoClaimIsNoActor() {
        let text = "Title\n\nThe call was made to then-President Trump last week. The army chief spoke for ten minutes."
        let entities = SpeakerAttributionTests().entities([("Trump", .person, ["President Trump"])], in: text)
        let article = StructureParser().parse(ArticleText(text))
        #expect(ActorRanker().rank(entities: entities, claims: [], quotes: [], in: article).isEmpty)
    }

    @Test func aNationalityBeforeANounIsNoActorAndAQuoteInsideAStatementCountsOnce() {
        let text = "Title\n\nThe handover to American authorities was welcomed. General Kurilla has publicly lauded Pakistan as a “phenomenal partner” in combating terrorism."
        let (article, entities, quotes, claims) = ClaimExtractorTests.annotate(text, [("American", .group, ["American"]),
            ("Michael Kurilla", .person, ["General Kurilla"]), ("Pakistan", .place, ["Pakistan"])])
        let actors = ActorRanker().rank(entities: entities, claims: claims, quotes: quotes, in: article)
        #expect(!actors.contains { $0.name == "American" })
        #expect(actors.first { $0.name == "Michael Kurilla" }?.claimCount == 1)
    }
}
