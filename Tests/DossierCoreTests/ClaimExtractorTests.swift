import Testing
import Glibc
@testable import DossierCore

@Suite struct ClaimExtractorTests {
    static let seedEntities: [(String, EntityKind, [String])] = [
        ("Michael Kurilla", .person, ["General Michael Kurilla", "General Kurilla"]),
        ("Paul Kapoor", .person, ["Paul Kapoor"]),
        ("Mohammed Sharifullah", .person, ["Mohammed Sharifullah", "Sharifullah"]),
        ("Pakistan", .place, ["Pakistan"]), ("India", .place, ["India"]), ("United States", .place, ["U.S."]),
        ("CENTCOM", .organization, ["CENTCOM"]), ("ISIS-Khorasan", .organization, ["ISIS-Khorasan", "ISIS-K"]),
        ("Council on Foreign Relations", .organization, ["Council on Foreign Relations"]),
        ("Russia", .place, ["Russia"]), ("Iran", .place, ["Iran"]), ("Afghanistan", .place, ["Afghanistan"]),
        ("Trump", .person, ["President Trump"]), ("Taliban", .organization, ["Taliban"]), ("China", .place, ["China"]),
    ]

    static func annotate(_ text: String, _ names: [(String, EntityKind, [String])]) -> (StructuredArticle, [Entity], [Quote], [Claim]) {
        let article = StructureParser().parse(ArticleText(text))
        let entities = entities(names, in: text)
        let quotes = SpeakerAttribution().attribute(QuoteAnnotator().annotate(article), entities: entities, in: article)
        let numbers = NumberAnnotator().annotate(article)
        let claims = ClaimExtractor().extract(article: article, entities: entities, quotes: quotes, numbers: numbers)
        return (article, entities, quotes, claims)
    }

    static let seedText: String? = {
        let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/seeds/pakistan-centcom.txt"
        guard let bytes = try? readBytes("/" + path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }()

    static func readBytes(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw CocoaLikeError.missing }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return bytes
    }

    enum CocoaLikeError: Error { case missing }

    @Test func seedClaimsNameKurillasStatementsAndTheFigures() throws {
        let text = try #require(Self.seedText)
        let (article, entities, _, claims) = Self.annotate(text, Self.seedEntities)
        func name(_ id: String?) -> String? { id.flatMap { id in entities.first { $0.id == id }?.name } }
        for claim in claims { print(claim.kind, name(claim.actor) ?? "-", claim.cue ?? "-", "|", article.text.slice(claim.span).prefix(90)) }
        let kurilla = claims.filter { name($0.actor) == "Michael Kurilla" }
        #expect(Set(kurilla.compactMap(\.cue)).isSuperset(of: ["lauded", "emphasized", "stated"]))
        #expect(claims.contains { name($0.actor) == "Paul Kapoor" && $0.kind == .statement })
        #expect(claims.contains { $0.kind == .figure && article.text.slice($0.span).hasPrefix("Over 1,000 terrorist attacks") })
        // One claim per sentence at most, and none from the title.
        let starts = claims.map(\.span.start)
        #expect(Set(starts).count == starts.count)
        #expect(!claims.contains { article.title?.contains($0.span) ?? false })
    }
}

extension ClaimExtractorTests {
    @Test func reportedSpeechWithoutQuoteMarksIsAStatementOnTheReportedClause() {
        let text = "Title\n\nJafari said she felt Mohamed had been subject to Islamophobia and her hashtag created greater awareness."
        let (article, entities, _, claims) = Self.annotate(text, [("Amneh Jafari", .person, ["Jafari"]), ("Ahmed Mohamed", .person, ["Mohamed"])])
        #expect(claims.count == 1)
        #expect(claims.first?.kind == .statement)
        #expect(claims.first?.actor == entities[0].id)
        #expect(claims.first?.cue == "said")
        #expect(claims.first.map { article.text.slice($0.span) } == "she felt Mohamed had been subject to Islamophobia and her hashtag created greater awareness")
    }

    @Test func namingAndPassivesAndPlacesAfterPrepositionsAreNotSpeakers() {
        let text = "Title\n\nA defector from the elite group within Scientology called the Sea Org was arrested. Montalvo was told to return. ISIS-K’s demonstrated ability to conduct attacks, as evidenced by incidents in Russia and Iran, underscores the need for a response."
        let (_, _, _, claims) = Self.annotate(text, [("Scientology", .organization, ["Scientology"]), ("Daniel Montalvo", .person, ["Montalvo"]),
                                                     ("Russia", .place, ["Russia"]), ("Iran", .place, ["Iran"])])
        #expect(claims.filter { $0.kind == .statement }.isEmpty)
    }

    @Test func aFigureSentenceTakesItsOpeningActor() {
        let text = "Title\n\nSouth Korea evacuated about 80 people in the town of Yeoncheon after at least one shell landed near the area. The broadcasts began last week."
        let (_, entities, _, claims) = Self.annotate(text, [("South Korea", .place, ["South Korea"]), ("Yeoncheon", .place, ["Yeoncheon"])])
        #expect(claims.count == 1)
        #expect(claims.first?.kind == .figure)
        #expect(claims.first?.actor == entities[0].id)
    }

    @Test func verbsThatOnlyReportWithAClauseNeedOne() {
        let text = "Title\n\nVice President Joe Biden has maintained a significant polling lead for months. Webb called an ambulance. Biden maintained that the polls were wrong."
        let (article, _, _, claims) = Self.annotate(text, [("Joe Biden", .person, ["Vice President Joe Biden", "Biden"]), ("Webb", .person, ["Webb"])])
        #expect(claims.map(\.kind) == [.statement])
        #expect(claims.first.map { article.text.slice($0.span) } == "the polls were wrong")
    }
}

@Suite struct DatelineClaimTests {
    @Test func aWireDatelineIsNeitherAnActorNorPartOfTheClaim() {
        let text = "Cranes stand idle in Velmar\n\nVELMAR \u{2014} Some 40 ships waited at anchor on Tuesday as dock workers walked out.\n\nThe strike is the first in a decade at the port.\n"
        let (article, entities, _, claims) = ClaimExtractorTests.annotate(text, [("Velmar", .place, ["Velmar", "VELMAR"])])
        let figure = try? #require(claims.first { $0.kind == .figure })
        #expect(figure != nil)
        #expect(figure.map { article.text.slice($0.span).hasPrefix("Some 40 ships") } == true)
        let velmar = entities.first { $0.name == "Velmar" }?.id
        #expect(velmar != nil)
        #expect(!claims.contains { $0.actor == velmar })
    }
}
