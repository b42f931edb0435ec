import DossierCore
import Foundation
import Testing
@testable import DossierExport

/// For every Web Annotation, slicing the clean text at the TextPositionSelector (code points,
/// end exclusive) gives exactly the TextQuoteSelector's `exact`, on every seed and test-briefing article.
@Suite struct SelectorInvariantTests {
    static let corpus: [(name: String, text: String)] = ExportCorpus.seedTexts() + ExportCorpus.briefingTexts()

    @Test func corpusIsThere() {
        #expect(ExportCorpus.seedTexts().count >= 5)
        #expect(ExportCorpus.briefingTexts().count >= 3, "Tests/Fixtures/briefing not found under \(ExportCorpus.repository.path)")
    }

    @Test(arguments: corpus.map(\.name))
    func positionSliceEqualsQuote(name: String) throws {
        let text = try #require(Self.corpus.first { $0.name == name }).text
        let export = ExportCorpus.withReaderAnnotations(ExportCorpus.annotate(text, source: name))
        let collection = try #require(try ExportCorpus.parse(WebAnnotationExporter.render([export])) as? [String: Any])
        let items = try #require((collection["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.count >= export.notes.count + export.highlights.count)
        #expect(!items.isEmpty)
        let clean = export.text.string
        let scalars = Array(clean.unicodeScalars)
        for item in items {
            let target = try #require(item["target"] as? [String: Any])
            // The corpus names are not files: the text's hash is the source (see ExportHardeningTests).
            #expect(target["source"] as? String == "urn:sha256:\(export.articleID)")
            let selectors = try #require(target["selector"] as? [[String: Any]])
            let quote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" })
            let position = try #require(selectors.first { $0["type"] as? String == "TextPositionSelector" })
            let start = try #require(position["start"] as? Int), end = try #require(position["end"] as? Int)
            #expect(0 <= start && start <= end && end <= scalars.count)
            let exact = try #require(quote["exact"] as? String)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == exact, "\(name) \(item["id"] ?? "")")
            let prefix = try #require(quote["prefix"] as? String), suffix = try #require(quote["suffix"] as? String)
            #expect(prefix.unicodeScalars.count <= 32 && suffix.unicodeScalars.count <= 32)
            #expect(String(String.UnicodeScalarView(scalars[max(0, start - prefix.unicodeScalars.count)..<start])) == prefix)
            #expect(String(String.UnicodeScalarView(scalars[end..<min(scalars.count, end + suffix.unicodeScalars.count)])) == suffix)
        }
    }
}
