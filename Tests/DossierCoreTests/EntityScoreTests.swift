import Foundation
import Testing
@testable import DossierCore

/// Files the entity tests read: the seed articles and the gold articles of `../shared/eval/dev`.
enum EntityFixtureFiles {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("seeds").appendingPathComponent(name), encoding: .utf8)
    }

    /// `shared/` sits beside the clone in CI, two levels up from a worktree.
    static var devFolder: URL? {
        let candidates = ["../shared/eval/dev", "../../shared/eval/dev"].map {
            repositoryRoot.appendingPathComponent($0).standardizedFileURL
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    static var devArticles: [URL] {
        guard let folder = devFolder,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }
}

/// The entity and alias scores of `../shared/eval/score.py`, computed in process over the dev
/// gold articles, so that a change that lowers them fails here.
@Suite struct EntityScoreTests {
    /// A little under the figures measured with score.py when this test was written (entity F1
    /// 0.892, alias F1 0.970), so that only a real regression fails.
    static let entityFloor = 0.86
    static let aliasFloor = 0.94

    @Test(.enabled(if: !EntityFixtureFiles.devArticles.isEmpty, "needs ../shared/eval/dev"))
    func devScoresStayAboveTheirFloors() throws {
        var total = EntityScore()
        for url in EntityFixtureFiles.devArticles {
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            let text = gold["text"] as! String
            let annotated = AnnotationPipeline().annotate(SourceDocument(text: text, removeBoilerplate: false))
            total.add(EntityScore(gold: gold, predicted: annotated.entities, text: Array(text.unicodeScalars)))
        }
        #expect(total.entityF1 >= Self.entityFloor, "entity F1 \(total.entityF1)")
        #expect(total.aliasF1 >= Self.aliasFloor, "alias F1 \(total.aliasF1)")
    }
}

/// score.py's entity matching: a prediction hits a gold mention when it overlaps the gold head
/// and stays inside the gold mention; gold mentions nested in longer ones are optional.
struct EntityScore {
    var truePositives = 0, falsePositives = 0, falseNegatives = 0
    var aliasTP = 0, aliasFP = 0, aliasFN = 0

    static let scored: Set<String> = ["person", "organization", "place"]
    static let facilityWords: Set<String> = ["Center", "Centre", "Museum", "Planetarium", "Base", "Hall", "Airport",
                                             "University", "College", "School", "Hospital", "Stadium", "Arena",
                                             "Library", "Institute", "Zoo", "Park", "Station", "Port", "Harbor",
                                             "Harbour", "Prison", "Palace", "House"]

    init() {}

    init(gold: [String: Any], predicted: [Entity], text: [Unicode.Scalar]) {
        struct Gold { var start, end, headStart, headEnd: Int; var type, key, text: String; var optional = false }
        var golds: [Gold] = (gold["entities"] as? [[String: Any]] ?? []).map { entry in
            let start = entry["start"] as! Int, end = entry["end"] as! Int
            let key = entry["eid"].map { "\($0)" } ?? entry["canonical"].map { "\($0)" } ?? "?"
            return Gold(start: start, end: end, headStart: entry["head_start"] as? Int ?? start,
                        headEnd: entry["head_end"] as? Int ?? end, type: entry["type"] as? String ?? "",
                        key: key, text: entry["text"] as? String ?? "")
        }
        for i in golds.indices {
            golds[i].optional = golds.indices.contains { j in
                j != i && golds[j].start <= golds[i].start && golds[i].end <= golds[j].end
                    && golds[j].end - golds[j].start > golds[i].end - golds[i].start
            }
        }
        var typedMatch: [Int: Int] = [:], untypedMatch: [Int: Int] = [:]   // gold → entity index
        for (entityIndex, entity) in predicted.enumerated() {
            let kind = entity.kind.rawValue
            guard Self.scored.contains(kind) else { continue }
            for span in entity.mentions {
                let (s, e) = Self.trim(text, span.start, span.end)
                let candidates = golds.indices.filter { g in
                    s < golds[g].headEnd && golds[g].headStart < e && golds[g].start <= s && e <= golds[g].end
                }
                if candidates.isEmpty {
                    let neutral = golds.contains { s < $0.end && $0.start < e && !Self.scored.contains($0.type) }
                    if !neutral { falsePositives += 1 }
                    continue
                }
                let scoredCandidates = candidates.filter { Self.scored.contains(golds[$0].type) }
                guard let first = scoredCandidates.first else { continue }
                if let typed = scoredCandidates.first(where: { Self.sameType(kind, golds[$0].type, golds[$0].text) }) {
                    if typedMatch[typed] == nil { typedMatch[typed] = entityIndex }
                } else {
                    falsePositives += 1
                }
                if untypedMatch[first] == nil { untypedMatch[first] = entityIndex }
            }
        }
        for g in golds.indices where Self.scored.contains(golds[g].type) {
            if typedMatch[g] != nil { truePositives += 1 } else if !golds[g].optional { falseNegatives += 1 }
        }
        let hit = golds.indices.filter { Self.scored.contains(golds[$0].type) && untypedMatch[$0] != nil }
        for a in hit.indices {
            for b in hit.indices where b > a {
                let sameGold = golds[hit[a]].key == golds[hit[b]].key
                let samePredicted = untypedMatch[hit[a]] == untypedMatch[hit[b]]
                if sameGold && samePredicted { aliasTP += 1 }
                if samePredicted && !sameGold { aliasFP += 1 }
                if sameGold && !samePredicted { aliasFN += 1 }
            }
        }
    }

    mutating func add(_ other: EntityScore) {
        truePositives += other.truePositives; falsePositives += other.falsePositives; falseNegatives += other.falseNegatives
        aliasTP += other.aliasTP; aliasFP += other.aliasFP; aliasFN += other.aliasFN
    }

    var entityF1: Double { Self.f1(truePositives, falsePositives, falseNegatives) }
    var aliasF1: Double { Self.f1(aliasTP, aliasFP, aliasFN) }

    static func f1(_ tp: Int, _ fp: Int, _ fn: Int) -> Double {
        let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
        let r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }

    static func sameType(_ kind: String, _ gold: String, _ goldText: String) -> Bool {
        if kind == gold { return true }
        guard Set([kind, gold]) == ["organization", "place"] else { return false }
        return goldText.split(whereSeparator: { !$0.isLetter }).contains { facilityWords.contains(String($0)) }
    }

    /// score.py's trim: quote marks and spaces around, a leading "the ", a trailing possessive.
    static func trim(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> (Int, Int) {
        let quotes: Set<Unicode.Scalar> = ["\"", "'", "“", "”", "‘", "’", "«", "»", "„"]
        var s = start, e = end
        while s < e, text[s].properties.isWhitespace || quotes.contains(text[s]) { s += 1 }
        while e > s, text[e - 1].properties.isWhitespace || quotes.contains(text[e - 1]) || ".,;:".unicodeScalars.contains(text[e - 1]) { e -= 1 }
        if e - s >= 4, String(String.UnicodeScalarView(text[s..<(s + 4)])).lowercased() == "the " { s += 4 }
        for suffix in ["’s", "'s", "’", "'"] {
            let scalars = Array(suffix.unicodeScalars)
            if e - s > scalars.count, Array(text[(e - scalars.count)..<e]) == scalars {
                e -= scalars.count
                break
            }
        }
        return (s, e)
    }
}
