import Foundation
import Testing

/// A file of several pasted articles, as `annotate` prints it: one JSON line per article.
@Suite struct PasteSplitCommandTests {
    static let paste = """
        Harbour bridge to close for a year

        By Ada Quell

        VELMAR \u{2014} Some 40 ships waited at anchor on Tuesday as the council voted to close the old harbour bridge for repairs.

        Engineers found cracks in two of the bridge's supports last spring, and the works office said the damage had grown since then.

        Shop owners on the east bank said the closure would cut their trade, and asked the council for help with the cost of deliveries.

        * * *

        Grape harvest starts early in the valley

        Farmers in the Osterlind valley began the grape harvest two weeks earlier than usual after the warmest summer on local record.

        The growers' cooperative said the crop was smaller than last year's but that the quality of the fruit was among the best in years.

        Pickers from the neighbouring towns were hired at short notice, and several wineries said they would run their presses at night.
        """

    func annotate(_ text: String) throws -> [[String: Any]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-paste-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try DossierBinary.run(["annotate", "--format", "json", file.path])
        #expect(outcome.status == 0)
        return outcome.stdoutText.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func aPasteOfTwoArticlesPrintsTwoLinesEachWithItsTitleAndStartLine() throws {
        let articles = try annotate(Self.paste)
        #expect(articles.map { $0["title"] as? String } == ["Harbour bridge to close for a year", "Grape harvest starts early in the valley"])
        #expect(articles.map { ($0["source"] as? String)?.split(separator: ":").last.map(String.init) } == ["1", "13"])
        #expect(articles.allSatisfy { ($0["text"] as? String)?.contains("* * *") == false })
    }

    @Test func theDatelineIsNoActorAndNoPartOfAClaim() throws {
        let first = try #require(try annotate(Self.paste).first)
        let text = try #require(first["text"] as? String)
        let actors = (first["actors"] as? [[String: Any]]) ?? []
        #expect(!actors.contains { ($0["name"] as? String)?.uppercased() == "VELMAR" })
        let claims = (first["claims"] as? [[String: Any]]) ?? []
        let scalars = Array(text.unicodeScalars)
        let claimTexts = claims.compactMap { claim -> String? in
            guard let start = claim["start"] as? Int, let end = claim["end"] as? Int else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        #expect(claimTexts.contains { $0.hasPrefix("Some 40 ships") })
        #expect(!claimTexts.contains { $0.contains("VELMAR") })
    }

    @Test func oneArticleStaysOneLineWithThePlainSource() throws {
        let single = Self.paste.components(separatedBy: "* * *")[0]
        let articles = try annotate(single)
        #expect(articles.count == 1)
        #expect((articles.first?["source"] as? String)?.hasSuffix(".txt") == true)
    }
}
