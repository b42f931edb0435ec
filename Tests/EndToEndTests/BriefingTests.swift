import Foundation
import Testing

/// A briefing folder through the real binary: every format, the JSON Lines stream, and `dossier index`.
@Suite struct BriefingTests {
    static let folder = "Tests/Fixtures/briefing"

    private func jsonLines(_ outcome: DossierBinary.Outcome) -> [[String: Any]] {
        outcome.stdoutText.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func folderGivesOneObjectPerArticleInNameOrder() throws {
        let outcome = try DossierBinary.run(["annotate", "--format", "json", Self.folder])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let articles = jsonLines(outcome)
        // 3 text files, 2 JSON Lines articles, 1 Markdown file, 2 saved pages; the README is not an article.
        #expect(articles.count == 8)
        let sources = articles.compactMap { $0["source"] as? String }.map { ($0 as NSString).lastPathComponent }
        #expect(sources == ["01-pakistan-centcom.txt", "02-nasa-shuttles.txt", "03-north-korea.txt",
                            "04-hajj-feed.jsonl:1", "04-hajj-feed.jsonl:2", "05-sensitive-document.md",
                            "06-europa-water-vapour.html", "07-iran-protests.html"])
        let europa = try #require(articles.first { ($0["source"] as? String)?.hasSuffix("06-europa-water-vapour.html") == true })
        #expect(europa["title"] as? String == "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa")
        let text = try #require(europa["text"] as? String)
        #expect(text.contains("A mission to do just that is already lined up."))
        #expect(!text.contains("Privacy Policy"))
        let markdown = try #require(articles.first { ($0["source"] as? String)?.hasSuffix(".md") == true })
        #expect((markdown["text"] as? String)?.contains("The 131-page document was found on Castlefrank Road in Kanata, Ontario") == true)
    }

    @Test func jsonLinesOnStandardInputGivesOneObjectPerLine() throws {
        let feed = try Data(contentsOf: DossierBinary.fixture("briefing/04-hajj-feed.jsonl"))
        let outcome = try DossierBinary.run(["annotate", "--format", "json", "-"], stdin: feed)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let articles = jsonLines(outcome)
        #expect(articles.count == 2)
        #expect(articles.map { $0["source"] as? String } == ["-:1", "-:2"])
        #expect((articles[0]["text"] as? String)?.hasPrefix("At least 107 killed in Mecca crane collapse\n\n") == true)
        #expect((articles[1]["text"] as? String)?.contains("over 345 Muslim pilgrims have been killed in a stampede") == true)
    }

    @Test func aBrokenLineIsReportedWithItsReasonAndTheOthersGoOn() throws {
        let feed = try String(contentsOf: DossierBinary.fixture("briefing/04-hajj-feed.jsonl"), encoding: .utf8)
        let lines = feed.split(separator: "\n")
        let broken = [String(lines[0]), "{\"title\": \"truncated", "", "[1, 2]", "{\"title\": \"no text\"}", String(lines[1])]
            .joined(separator: "\n")
        let outcome = try DossierBinary.run(["annotate", "--format", "json", "-"], stdin: Data(broken.utf8))
        #expect(outcome.status == 65)
        #expect(jsonLines(outcome).count == 2)
        let errors = outcome.stderr.split(separator: "\n")
        #expect(errors.count == 3)
        #expect(errors.first?.hasPrefix("dossier: -:2: not valid JSON") == true)
        #expect(errors.contains { $0.hasPrefix("dossier: -:4: not a JSON object") })
        #expect(errors.contains { $0.hasPrefix("dossier: -:5: no \"text\" field") })
    }

    @Test func htmlOnStandardInputIsRecognisedByItsContent() throws {
        let page = try Data(contentsOf: DossierBinary.fixture("briefing/07-iran-protests.html"))
        let outcome = try DossierBinary.run(["annotate", "--format", "json", "-"], stdin: page)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let article = try #require(jsonLines(outcome).first)
        #expect(article["title"] as? String == "Amnesty. More than 100 protesters killed in Iran unrest")
        let text = try #require(article["text"] as? String)
        #expect(text.contains("At least 106 protesters in 21 cities have been killed"))
        #expect(!text.contains("<"))
        #expect(!text.contains("Exchange rates"))
    }

    @Test func indexListsEveryArticleAndEntityOccurrencesPointIntoThem() throws {
        let outcome = try DossierBinary.run(["index", "--format", "json", Self.folder])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let index = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
        let articles = try #require(index["articles"] as? [[String: Any]])
        #expect(articles.count == 8)
        let entities = try #require(index["entities"] as? [[String: Any]])
        for entity in entities {
            let occurrences = try #require(entity["articles"] as? [[String: Any]])
            #expect(entity["article_count"] as? Int == occurrences.count)
            let numbers = occurrences.compactMap { $0["article"] as? Int }
            #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count)
            #expect(numbers.allSatisfy { (0..<articles.count).contains($0) })
        }
    }

    /// Whether the built binary finds entities at all (the entity annotator may still be a skeleton).
    static var annotatorFindsEntities: Bool {
        guard let outcome = try? DossierBinary.run(["annotate", "--format", "json", "seeds/wikinews-nasa.txt"]),
              let json = try? JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any],
              let entities = json["entities"] as? [Any] else { return false }
        return !entities.isEmpty
    }

    @Test(.enabled(if: annotatorFindsEntities, "needs the entity annotator"))
    func anEntityInTwoArticlesIsOneIndexEntryWithBoth() throws {
        let outcome = try DossierBinary.run(["index", "--format", "json", Self.folder])
        let index = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
        let entities = try #require(index["entities"] as? [[String: Any]])
        func sources(of name: String) -> Set<String> {
            let matching = entities.filter { ($0["aliases"] as? [String])?.contains(name) == true }
            // One entry per referent: a name shared by two articles must not be split.
            #expect(matching.count <= 1, "\(name) is split over \(matching.count) entries")
            let occurrences = matching.first?["articles"] as? [[String: Any]] ?? []
            return Set(occurrences.compactMap { ($0["source"] as? String).map { ($0 as NSString).lastPathComponent } })
        }
        // NASA: the shuttle article and the Europa page; Mecca: both articles of the feed.
        #expect(sources(of: "NASA").isSuperset(of: ["02-nasa-shuttles.txt", "06-europa-water-vapour.html"]))
        #expect(sources(of: "Mecca").isSuperset(of: ["04-hajj-feed.jsonl:1", "04-hajj-feed.jsonl:2"]))
    }

    @Test func indexAsTextAndAMissingFileIsReportedNotFatal() throws {
        let outcome = try DossierBinary.run(["index", "\(Self.folder)/03-north-korea.txt", "missing.txt",
                                             "\(Self.folder)/05-sensitive-document.md"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr == "dossier: missing.txt: no such file or directory\n")
        #expect(outcome.stdoutText.hasPrefix("Briefing: 2 articles"))
        #expect(outcome.stdoutText.contains("North Korea puts military in 'quasi-state of war'"))
    }
}
