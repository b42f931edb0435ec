import DossierCore
import Foundation
import Testing
@testable import DossierExport
@testable import DossierStore

/// Issue 16 (9, 10): note bodies are escaped in Markdown like the article's text, and the Web
/// Annotation page has an id and names the article's file or address.
@Suite struct ExportHardeningTests {
    static let hostileBody = """
        <script>alert(1)</script> see [[Secret Page]] and ![x](http://example.invalid/t.png)
        ---
        %%hidden comment%% ==marked== ~~struck~~ $x^2$ {{embed}}
        # not a heading
        1. not a list
        - not a bullet
        """

    func export(body: String, source: String) -> ArticleExport {
        let sample = ExportCorpus.withReaderAnnotations(ExportCorpus.annotate(ExportCorpus.sampleArticle(), source: source))
        let anchor = sample.notes.first?.anchor ?? TextAnchor(span: Span(0, 10), in: sample.text)
        let note = Note(id: 7, articleID: sample.articleID, body: body, created: Date(), updated: Date(), anchor: anchor)
        return ArticleExport(annotated: sample.annotated, notes: [note], highlights: [], bookmarks: [])
    }

    /// The note's lines in the Markdown: indented two spaces under its list item.
    func noteLines(_ markdown: String) -> [String] {
        let lines = markdown.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("- **Note**") }) else { return [] }
        return lines[(start + 1)...].prefix { !$0.hasPrefix("## ") && !$0.hasPrefix("- **") }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("  >") }
    }

    @Test func markdownNoteBodiesAreEscapedLikeTheArticleText() throws {
        let markdown = MarkdownExporter.render(export(body: Self.hostileBody, source: "notes-test"))
        let lines = noteLines(markdown)
        #expect(lines.count == 6, "\(lines)")
        let joined = lines.joined(separator: "\n")
        // Each markup character is backslash-escaped, so none of these opens anything.
        for raw in ["<script>", "[[", "![x]", "%%", "==", "~~", "{{", "$x"] {
            let unescaped = "(?<!\\\\)" + NSRegularExpression.escapedPattern(for: raw)
            #expect(joined.range(of: unescaped, options: .regularExpression) == nil, "raw \(raw) in the note: \(joined)")
        }
        for line in lines {
            let content = line.dropFirst(2)
            #expect(!content.hasPrefix("---") && !content.hasPrefix("#") && !content.hasPrefix("- ") && !content.hasPrefix("1."),
                    "a note line that is Markdown structure: \(line)")
        }
        // Only backslashes were added: the reader's words are all there.
        let unescaped = lines.map { $0.dropFirst(2).replacingOccurrences(of: "\\", with: "") }
        #expect(unescaped == Self.hostileBody.components(separatedBy: "\n"))
    }

    @Test func annotationPageHasAnIdAndBelongsToTheCollection() throws {
        let json = WebAnnotationExporter.render([export(body: "plain", source: "notes-test")])
        let collection = try #require(try ExportCorpus.parse(json) as? [String: Any])
        let page = try #require(collection["first"] as? [String: Any])
        let pageID = try #require(page["id"] as? String)
        #expect(!pageID.isEmpty && pageID != collection["id"] as? String)
        #expect(page["partOf"] as? String == collection["id"] as? String)
        #expect(page["type"] as? String == "AnnotationPage")
    }

    @Test func targetsNameTheFileOrAddressAndKeepTheTextHash() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-wa-\(UUID().uuidString) article.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for (source, expected) in [(file.path, file.absoluteString), ("https://news.example.invalid/a?b=1", "https://news.example.invalid/a?b=1")] {
            let exported = export(body: "plain", source: source)
            let collection = try #require(try ExportCorpus.parse(WebAnnotationExporter.render([exported])) as? [String: Any])
            let items = try #require((collection["first"] as? [String: Any])?["items"] as? [[String: Any]])
            #expect(!items.isEmpty)
            for item in items {
                let target = try #require(item["target"] as? [String: Any])
                #expect(target["type"] as? String == "SpecificResource")
                #expect(target["source"] as? String == expected)
                #expect(target["textDigest"] as? String == "urn:sha256:\(exported.articleID)")
            }
        }
        // Standard input has no address: the hash is the source.
        let stdin = export(body: "plain", source: "-")
        let items = try #require(((try ExportCorpus.parse(WebAnnotationExporter.render([stdin])) as? [String: Any])?["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect((items.first?["target"] as? [String: Any])?["source"] as? String == "urn:sha256:\(stdin.articleID)")
    }
}
