import Testing
@testable import DossierCore

@Suite struct ClaimExtractorTests {
    /// An invented briefing with the constructions the extractor must handle: a titled commander who
    /// "lauded" and "emphasized that", a quote closed by "he stated", an appositive official "stating",
    /// and a figure sentence that opens with a count.
    static let briefingText = """
    Portugal & VELDCOM: Strong Counter-Terrorism Partnership

    Over 1,000 terrorist attacks in Portugal since the start of 2024, resulting in 700 security personnel and civilian deaths and 2,500 wounded, underscore a stark reality: Portugal is deeply embroiled in a renewed counterterrorism struggle. But, surprisingly, amidst escalating regional tensions, U.S. VELDCOM Commander General Lorenzo Ravelle has publicly lauded Portugal as a “phenomenal partner” in combating terrorism, particularly against VRAK-Kholmsen (VRAK-K).

    General Ravelle emphasized that even with “limited intelligence” from the U.S., Portugal’s military is actively dismantling VRAK-K networks, impacting the group’s operations not only in Morocco but also in Russia and Iran.

    Despite this, General Ravelle firmly advocated for maintaining strong relationships with both Spain and Portugal, rejecting the notion of a zero-sum game. “We have to have a relationship with Portugal and with Spain,” he stated, arguing that the merits of each partnership should be evaluated independently.

    The incoming Assistant Secretary of State for Southern European Affairs, Tomasz Verhoeven, echoed this sentiment, stating his commitment to pursuing security cooperation with Portugal where it benefits U.S. interests. The Meridian Policy Institute provides further analysis on Portugal’s complex relationship with terrorism.
    """

    static let briefingEntities: [(String, EntityKind, [String])] = [
        ("Lorenzo Ravelle", .person, ["General Lorenzo Ravelle", "General Ravelle"]),
        ("Tomasz Verhoeven", .person, ["Tomasz Verhoeven"]),
        ("Portugal", .place, ["Portugal"]), ("Spain", .place, ["Spain"]), ("United States", .place, ["U.S."]),
        ("VELDCOM", .organization, ["VELDCOM"]), ("VRAK-Kholmsen", .organization, ["VRAK-Kholmsen", "VRAK-K"]),
        ("Meridian Policy Institute", .organization, ["Meridian Policy Institute"]),
        ("Russia", .place, ["Russia"]), ("Iran", .place, ["Iran"]), ("Morocco", .place, ["Morocco"]),
    ]

    static func annotate(_ text: String, _ names: [(String, EntityKind, [String])]) -> (StructuredArticle, [Entity], [Quote], [Claim]) {
        let article = StructureParser().parse(ArticleText(text))
        let entities = entities(names, in: text)
        let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: entities, in: article)
        let numbers = NumberAnnotator().annotate(article)
        let claims = ClaimExtractor().extract(article: article, entities: entities, quotes: quotes, numbers: numbers)
        return (article, entities, quotes, claims)
    }

    @Test func briefingClaimsNameTheCommandersStatementsAndTheFigures() {
        let (article, entities, _, claims) = Self.annotate(Self.briefingText, Self.briefingEntities)
        func name(_ id: String?) -> String? { id.flatMap { id in entities.first { $0.id == id }?.name } }
        for claim in claims { print(claim.kind, name(claim.actor) ?? "-", claim.cue ?? "-", "|", article.text.slice(claim.span).prefix(90)) }
        let commander = claims.filter { name($0.actor) == "Lorenzo Ravelle" }
        #expect(Set(commander.compactMap(\.cue)).isSuperset(of: ["lauded", "emphasized", "stated"]))
        #expect(claims.contains { name($0.actor) == "Tomasz Verhoeven" && $0.kind == .statement })
        #expect(claims.contains { $0.kind == .figure && article.text.slice($0.span).hasPrefix("Over 1,000 terrorist attacks") })
        // One claim per sentence at most, and none from the title.
        let starts = claims.map(\.span.start)
        #expect(Set(starts).count == starts.count)
        #expect(!claims.contains { article.title?.contains($0.span) ?? false })
    }
}

extension ClaimExtractorTests {
    @Test func reportedSpeechWithoutQuoteMarksIsAStatementOnTheReportedClause() {
        let text = "Title\n\nHalvorsen said she felt Brandtner had been subject to prejudice and her petition created greater awareness."
        let (article, entities, _, claims) = Self.annotate(text, [("Ingrid Halvorsen", .person, ["Halvorsen"]), ("Tobias Brandtner", .person, ["Brandtner"])])
        #expect(claims.count == 1)
        #expect(claims.first?.kind == .statement)
        #expect(claims.first?.actor == entities[0].id)
        #expect(claims.first?.cue == "said")
        #expect(claims.first.map { article.text.slice($0.span) } == "she felt Brandtner had been subject to prejudice and her petition created greater awareness")
    }

    @Test func namingAndPassivesAndPlacesAfterPrepositionsAreNotSpeakers() {
        let text = "Title\n\nA defector from the elite group within Veridianism called the Lantern Guard was arrested. Castellanos was told to return. VRAK-K’s demonstrated ability to conduct attacks, as evidenced by incidents in Russia and Iran, underscores the need for a response."
        let (_, _, _, claims) = Self.annotate(text, [("Veridianism", .organization, ["Veridianism"]), ("Lantern Guard", .organization, ["Lantern Guard"]),
                                                     ("Ruben Castellanos", .person, ["Castellanos"]), ("VRAK-K", .organization, ["VRAK-K"]),
                                                     ("Russia", .place, ["Russia"]), ("Iran", .place, ["Iran"])])
        #expect(claims.filter { $0.kind == .statement }.isEmpty)
    }

    @Test func aFigureSentenceTakesItsOpeningActor() {
        let text = "Title\n\nNorway evacuated about 80 people in the town of Velmar after at least one shell landed near the area. The broadcasts began last week."
        let (_, entities, _, claims) = Self.annotate(text, [("Norway", .place, ["Norway"]), ("Velmar", .place, ["Velmar"])])
        #expect(claims.count == 1)
        #expect(claims.first?.kind == .figure)
        #expect(claims.first?.actor == entities[0].id)
    }

    @Test func verbsThatOnlyReportWithAClauseNeedOne() {
        let text = "Title\n\nVice President Margit Olander has maintained a significant polling lead for months. Brannock called an ambulance. Olander maintained that the polls were wrong."
        let (article, _, _, claims) = Self.annotate(text, [("Margit Olander", .person, ["Vice President Margit Olander", "Olander"]), ("Brannock", .person, ["Brannock"])])
        #expect(claims.map(\.kind) == [.statement])
        #expect(claims.first.map { article.text.slice($0.span) } == "the polls were wrong")
    }
}

@Suite struct DatelineClaimTests {
    @Test func aWireDatelineIsNeitherAnActorNorPartOfTheClaim() throws {
        let text = "Cranes stand idle in Velmar\n\nVELMAR \u{2014} Some 40 ships waited at anchor on Tuesday as dock workers walked out.\n\nThe strike is the first in a decade at the port.\n"
        let (article, entities, _, claims) = ClaimExtractorTests.annotate(text, [("Velmar", .place, ["Velmar", "VELMAR"])])
        let figure = try #require(claims.first { $0.kind == .figure })
        #expect(article.text.slice(figure.span).hasPrefix("Some 40 ships"))
        let velmar = entities.first { $0.name == "Velmar" }?.id
        #expect(velmar != nil)
        #expect(!claims.contains { $0.actor == velmar })
    }
}
