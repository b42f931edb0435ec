import DossierCore
import DossierExport
import DossierStore
import Foundation

/// Real articles for the export tests: `seeds/` and the test briefing of `Tests/Fixtures/briefing`,
/// annotated by the pipeline, with reader notes and highlights placed on every paragraph, number and
/// entity mention. Only texts inside the repository: `swift test` never reads `../shared`.
enum ExportCorpus {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The invented news page of `Tests/Fixtures` (no real people or organisations).
    static func sampleArticle() -> String {
        (try? String(contentsOf: repository.appendingPathComponent("Tests/Fixtures/sample-article.txt"), encoding: .utf8)) ?? ""
    }

    static func seedTexts() -> [(name: String, text: String)] {
        let folder = repository.appendingPathComponent("seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
        }
    }

    /// The briefing's texts that are not a seed already: its plain-text and Markdown files and each
    /// line of its JSON Lines feed (its HTML pages need the executable's extractor).
    static func briefingTexts() -> [(name: String, text: String)] {
        let folder = repository.appendingPathComponent("Tests/Fixtures/briefing")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let seeds = Set(seedTexts().map(\.text))
        var texts: [(name: String, text: String)] = []
        for name in names.sorted() where !name.hasPrefix("README")
            && (name.hasSuffix(".txt") || name.hasSuffix(".md") || name.hasSuffix(".jsonl")) {
            guard let content = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
            guard name.hasSuffix(".jsonl") else { texts.append((name, content)); continue }
            for (line, record) in content.split(whereSeparator: \.isNewline).enumerated() {
                if let object = try? JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any],
                   let text = object["text"] as? String { texts.append(("\(name):\(line + 1)", text)) }
            }
        }
        return texts.filter { !seeds.contains($0.text) }
    }

    static func annotate(_ text: String, source: String) -> AnnotatedArticle {
        (try? AnnotationPipeline().annotate(bytes: Array(text.utf8), source: source))
            ?? AnnotationPipeline().annotate(SourceDocument(text: text), source: source)
    }

    /// Notes on every paragraph (a real reader's `a`), highlights on every number and entity mention (`m`).
    static func withReaderAnnotations(_ annotated: AnnotatedArticle) -> ArticleExport {
        let text = annotated.text
        let id = ArticleIdentity.id(of: text)
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        var notes: [Note] = []
        for (n, paragraph) in annotated.article.paragraphs.enumerated() {
            notes.append(Note(id: Int64(n + 1), articleID: id, body: "Note \(n + 1): check <this> & \"that\" *now*",
                              created: date, updated: date, anchor: TextAnchor(span: paragraph.span, in: text)))
        }
        var highlights: [Highlight] = []
        for number in annotated.numbers {
            highlights.append(Highlight(id: Int64(highlights.count + 1), articleID: id, anchor: TextAnchor(span: number.span, in: text), created: date))
        }
        for entity in annotated.entities {
            for mention in entity.mentions {
                highlights.append(Highlight(id: Int64(highlights.count + 1), articleID: id, anchor: TextAnchor(span: mention, in: text),
                                            entityID: entity.id, created: date))
            }
        }
        return ArticleExport(annotated: annotated, notes: notes, highlights: highlights, dateRead: date)
    }

    static func parse(_ json: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    /// Code-point slicing, as Python's `str[start:end]` and the W3C TextPositionSelector do.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
