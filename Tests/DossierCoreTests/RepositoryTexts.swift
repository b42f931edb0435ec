import Foundation

/// Article texts the core tests read, all inside the repository (`swift test` never reads
/// `../shared`; figures against its gold articles are `Benchmarks/quality.sh`'s).
enum RepositoryTexts {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("seeds").appendingPathComponent(name), encoding: .utf8)
    }

    /// A file of `Tests/Fixtures`, e.g. the invented `sample-article.txt` (no real people or organisations).
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name), encoding: .utf8)
    }

    /// Every real article of the repository, each text once: `seeds/*.txt`, then the plain-text and
    /// Markdown files of `Tests/Fixtures/briefing` and the `text` of each line of its JSON Lines feed
    /// (its HTML pages need the HTML extractor, which is not part of the core).
    static let articles: [(name: String, text: String)] = {
        var found: [(name: String, text: String)] = []
        func add(_ name: String, _ text: String) {
            if !found.contains(where: { $0.text == text }) { found.append((name, text)) }
        }
        for (name, url) in files(in: "seeds", endingWith: [".txt"]) {
            if let text = try? String(contentsOf: url, encoding: .utf8) { add(name, text) }
        }
        for (name, url) in files(in: "Tests/Fixtures/briefing", endingWith: [".txt", ".md", ".jsonl"]) where !name.hasPrefix("README") {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            guard name.hasSuffix(".jsonl") else { add(name, text); continue }
            for (line, record) in text.split(whereSeparator: \.isNewline).enumerated() {
                if let object = try? JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any],
                   let body = object["text"] as? String { add("\(name):\(line + 1)", body) }
            }
        }
        return found
    }()

    /// The hostile inputs of `Tests/Fixtures/hostile` as bytes (control characters, bad encodings,
    /// bidi overrides, a NUL byte …); the theme fixtures are left out, they are not articles.
    static let hostileInputs: [(name: String, bytes: [UInt8])] = files(in: "Tests/Fixtures/hostile", endingWith: [".txt", ".bin"])
        .compactMap { name, url in (try? Data(contentsOf: url)).map { (name, Array($0)) } }

    private static func files(in folder: String, endingWith suffixes: [String]) -> [(name: String, url: URL)] {
        let url = repositoryRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().filter { name in suffixes.contains { name.hasSuffix($0) } }
            .map { ($0, url.appendingPathComponent($0)) }
    }
}
