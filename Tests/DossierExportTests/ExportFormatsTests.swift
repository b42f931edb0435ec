import DossierCore
import Foundation
import Testing
@testable import DossierExport
@testable import DossierStore

@Suite struct ExportFormatsTests {
    var sample: ArticleExport {
        let text = ExportCorpus.sampleArticle()
        return ExportCorpus.withReaderAnnotations(ExportCorpus.annotate(text, source: "Tests/Fixtures/sample-article.txt"))
    }

    @Test func jsonRoundTripGivesBackTheSameAnnotations() throws {
        let export = sample
        let parsed = try #require(try ExportCorpus.parse(Exporter.render([export], as: .json)) as? [String: Any])
        let text = try #require(parsed["text"] as? String)
        #expect(text == export.text.string)
        #expect(parsed["article_id"] as? String == export.articleID)
        let notes = try #require(parsed["notes"] as? [[String: Any]])
        #expect(notes.count == export.notes.count && !notes.isEmpty)
        for (json, note) in zip(notes, export.notes) {
            #expect(json["body"] as? String == note.body)
            #expect(json["start"] as? Int == note.anchor.start)
            #expect(json["end"] as? Int == note.anchor.end)
            #expect(json["exact"] as? String == note.anchor.exact)
            #expect(json["prefix"] as? String == note.anchor.prefix)
            #expect(json["orphaned"] as? Bool == false)
            #expect(ExportCorpus.slice(text, json["start"] as! Int, json["end"] as! Int) == note.anchor.exact)
        }
        let highlights = try #require(parsed["highlights"] as? [[String: Any]])
        #expect(highlights.map { $0["start"] as? Int } == export.highlights.map { $0.anchor.start })
        #expect(highlights.map { $0["entity"] as? String } == export.highlights.map(\.entityID))
        // The contract part is the core's, unchanged.
        let entities = try #require(parsed["entities"] as? [[String: Any]])
        #expect(entities.map { $0["id"] as? String } == export.annotated.entities.map(\.id))
        let numbers = try #require(parsed["numbers"] as? [[String: Any]])
        #expect(numbers.count == export.annotated.numbers.count)
    }

    @Test func orphanedNotesAreExportedWithTheirQuoteButNoPosition() throws {
        var export = sample
        let stale = TextAnchor(exact: "A sentence the editor removed from the article.", prefix: "", suffix: "", start: 40, end: 87)
        let orphan = Note(id: 99, articleID: export.articleID, body: "still mine", created: Date(), updated: Date(), anchor: stale)
        export = ArticleExport(annotated: export.annotated, notes: export.notes + [orphan], highlights: export.highlights)
        #expect(export.notes.last?.isOrphaned == true, "an anchor that matches nothing is marked orphaned, not dropped")

        let json = try #require(try ExportCorpus.parse(JSONExporter.render([export])) as? [String: Any])
        let last = try #require((json["notes"] as? [[String: Any]])?.last)
        #expect(last["body"] as? String == "still mine")
        #expect(last["orphaned"] as? Bool == true)
        #expect(last["start"] is NSNull)

        let collection = try #require(try ExportCorpus.parse(WebAnnotationExporter.render([export])) as? [String: Any])
        let items = try #require((collection["first"] as? [String: Any])?["items"] as? [[String: Any]])
        let annotation = try #require(items.first { ($0["id"] as? String)?.hasSuffix("#note-99") == true })
        let selectors = try #require((annotation["target"] as? [String: Any])?["selector"] as? [[String: Any]])
        #expect(selectors.map { $0["type"] as? String } == ["TextQuoteSelector"])

        let markdown = MarkdownExporter.render(export)
        let orphanHeading = try #require(markdown.range(of: "Orphaned"))
        #expect(markdown.range(of: "still mine")!.lowerBound > orphanHeading.lowerBound)
    }

    @Test func noteWhoseTextMovedIsReanchoredForExport() throws {
        let export = sample
        let text = export.text
        // An anchor saved against an older version: right quote, stale position.
        var anchor = export.notes[3].anchor
        anchor.start += 17; anchor.end += 17
        let moved = Note(id: 1, articleID: export.articleID, body: "moved", created: Date(), updated: Date(), anchor: anchor)
        let rebuilt = ArticleExport(annotated: export.annotated, notes: [moved])
        #expect(rebuilt.notes[0].isOrphaned == false)
        #expect(rebuilt.notes[0].anchor.span == export.notes[3].anchor.span)
        #expect(text.slice(rebuilt.notes[0].anchor.span) == rebuilt.notes[0].anchor.exact)
    }

    @Test func webAnnotationHasOneAnnotationPerNoteHighlightQuoteAndClaim() throws {
        let export = sample
        let collection = try #require(try ExportCorpus.parse(Exporter.render([export], as: .webannotation)) as? [String: Any])
        #expect(collection["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        #expect(collection["type"] as? String == "AnnotationCollection")
        let items = try #require((collection["first"] as? [String: Any])?["items"] as? [[String: Any]])
        let expected = export.notes.count + export.highlights.count + export.annotated.quotes.count + export.annotated.claims.count
        #expect(items.count == expected)
        #expect(collection["total"] as? Int == expected)
        let motivations = items.map { $0["motivation"] as? String ?? "" }
        #expect(motivations.filter { $0 == "commenting" }.count == export.notes.count)
        #expect(motivations.filter { $0 == "highlighting" }.count == export.highlights.count)
        #expect(Set(items.compactMap { $0["id"] as? String }).count == items.count, "annotation ids are unique")
        let noteBodies = items.filter { $0["motivation"] as? String == "commenting" }
            .compactMap { ($0["body"] as? [String: Any])?["value"] as? String }
        #expect(noteBodies == export.notes.map(\.body))
    }

    @Test func markdownHasFrontMatterSectionsAndNotesInReadingOrder() throws {
        let base = sample
        let text = base.text
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        func anchor(_ phrase: String) -> TextAnchor {
            let range = text.string.range(of: phrase)!
            let start = text.string.unicodeScalars.distance(from: text.string.unicodeScalars.startIndex, to: range.lowerBound)
            return TextAnchor(span: Span(start, start + phrase.unicodeScalars.count), in: text)
        }
        // Added out of order; the export must put them in reading order.
        let notes = [
            Note(id: 2, articleID: base.articleID, body: "Second: ask about Vantor's remit.\n\nA *second* paragraph.", created: date, updated: date,
                 anchor: anchor("Emil Vantor, echoed the commissioner")),
            Note(id: 1, articleID: base.articleID, body: "First: how many boats in 2024?", created: date, updated: date,
                 anchor: anchor("More than 400 smuggling boats")),
        ]
        let highlight = Highlight(id: 1, articleID: base.articleID, anchor: anchor("a “reliable partner”"), created: date)
        let export = ArticleExport(annotated: base.annotated, notes: notes, highlights: [highlight], dateRead: date)
        let markdown = MarkdownExporter.render(export)
        #expect(markdown.hasPrefix("---\ntitle: \""))
        let frontMatterEnd = try #require(markdown.range(of: "\n---\n"))
        let frontMatter = String(markdown[..<frontMatterEnd.lowerBound])
        #expect(frontMatter.contains("\nsource: \"Tests/Fixtures/sample-article.txt\""))
        #expect(frontMatter.contains("\ndate_read: \(DateText.day(date))\n"))
        #expect(frontMatter.contains("\nactors:"))
        for heading in ["## Actors and their claims", "## Key figures", "## Entity index", "## Highlights and notes"] {
            #expect(markdown.contains("\n\(heading)\n"), "missing \(heading)")
        }
        let notesPart = try #require(markdown.range(of: "## Highlights and notes\n"))
        let first = try #require(markdown.range(of: "First: how many boats", range: notesPart.upperBound..<markdown.endIndex))
        let marked = try #require(markdown.range(of: "reliable partner”", range: notesPart.upperBound..<markdown.endIndex))
        let second = try #require(markdown.range(of: "Second: ask about Vantor", range: notesPart.upperBound..<markdown.endIndex))
        #expect(first.lowerBound < marked.lowerBound && marked.lowerBound < second.lowerBound)
        #expect(markdown.contains("  > Emil Vantor, echoed the commissioner"), "the noted passage is quoted")
        // Issue 16 (9): note bodies are escaped like the article's text, so markup in a note stays literal.
        #expect(markdown.contains("  A \\*second\\* paragraph."), "the note's words are kept, escaped")
    }

    @Test func markdownEscapesArticleTextAndQuotesYAML() {
        let hostile = "Title: with \"quotes\" and a # hash\n\n# Not a heading *not bold* [not a link](http://x) <b>raw</b> | pipe\n\nMore text here.\n"
        // Plain text on purpose: read as Markdown, the markup would be interpreted instead of escaped.
        let annotated = AnnotationPipeline().annotate(SourceDocument(text: hostile, format: .text), source: "hostile.txt")
        let text = annotated.text
        let paragraph = annotated.article.paragraphs.first { text.slice($0.span).contains("Not a heading") }!
        let note = Note(id: 1, articleID: ArticleIdentity.id(of: text), body: "mine", created: Date(), updated: Date(),
                        anchor: TextAnchor(span: paragraph.span, in: text))
        let markdown = MarkdownExporter.render(ArticleExport(annotated: annotated, notes: [note]))
        #expect(markdown.contains(##"> \# Not a heading \*not bold\* \[not a link\](http://x) \<b\>raw\</b\> \| pipe"##))
        #expect(!markdown.contains("<b>"))
        #expect(MarkdownExporter.yamlQuoted("a \"b\" \\ c\u{1B}[2J\nd") == #""a \"b\" \\ c[2J d""#)
    }

    @Test func htmlIsSelfContainedEscapedAndPutsNotesBesideTheirParagraph() throws {
        let hostile = "Breaking: <script>alert(1)</script> & more\n\nThe minister said \"<img src=x onerror=alert(2)>\" was fine & dandy.\n\nA second paragraph.\n"
        let annotated = ExportCorpus.annotate(hostile, source: "hostile.txt")
        let text = annotated.text
        let paragraph = annotated.article.paragraphs.first { text.slice($0.span).contains("minister") }!
        let note = Note(id: 7, articleID: ArticleIdentity.id(of: text), body: "Is this <em>true</em>?\nCheck & verify.",
                        created: Date(), updated: Date(), anchor: TextAnchor(span: paragraph.span, in: text))
        let highlight = Highlight(id: 1, articleID: note.articleID, anchor: TextAnchor(span: paragraph.span, in: text), created: Date())
        let html = Exporter.render([ArticleExport(annotated: annotated, notes: [note], highlights: [highlight])], as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<em>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(html.contains("Is this &lt;em&gt;true&lt;/em&gt;?<br>Check &amp; verify."))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains(" src=\""), "no external resources")
        #expect(html.contains("<style>"))
        #expect(html.contains("class=\"hl"))
        // The note sits in the same row as its paragraph.
        let row = try #require(html.components(separatedBy: "<section class=\"row\">").first { $0.contains("minister") })
        #expect(row.contains("<aside class=\"notes\">"))
        #expect(row.contains("Check &amp; verify."))
        #expect(html.components(separatedBy: "<section").count == html.components(separatedBy: "</section>").count)
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }

    @Test func severalArticlesMakeOneBriefing() throws {
        let exports = ExportCorpus.seedTexts().prefix(3).map {
            ExportCorpus.withReaderAnnotations(ExportCorpus.annotate($0.text, source: "seeds/\($0.name)"))
        }
        #expect(exports.count == 3)
        let markdown = Exporter.render(exports, as: .markdown)
        #expect(markdown.contains("## Actors and claims across the briefing"))
        #expect(markdown.contains("\nsources:\n"))
        for export in exports {
            #expect(markdown.contains("## \(MarkdownEscaping.inline(export.annotated.article.titleString ?? "Untitled"))"))
        }
        let html = Exporter.render(exports, as: .html)
        #expect(html.components(separatedBy: "<article id=").count == 4)
        let lines = Exporter.render(exports, as: .json).split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines { #expect(try ExportCorpus.parse(String(line)) is [String: Any]) }
    }
}

/// Hostile inputs (escape sequences, NULs, invalid UTF-8) never put a C0 or C1 control character
/// into any export format. (Bidi overrides are ingest's job: the JSON text must keep its offsets.)
@Suite struct HostileExportTests {
    static let fixtures: [String] = {
        let folder = ExportCorpus.repository.appendingPathComponent("Tests/Fixtures/hostile")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test(arguments: fixtures)
    func noControlCharacterInAnyFormat(fixture: String) throws {
        let url = ExportCorpus.repository.appendingPathComponent("Tests/Fixtures/hostile/\(fixture)")
        let bytes = try [UInt8](Data(contentsOf: url))
        guard let annotated = try? AnnotationPipeline().annotate(bytes: bytes, source: fixture) else { return }
        let export = ExportCorpus.withReaderAnnotations(annotated)
        for format in ExportFormat.allCases {
            let output = Exporter.render([export], as: format)
            let bad = output.unicodeScalars.first { scalar in
                (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
            }
            #expect(bad == nil, "\(fixture) as \(format): U+\(String(bad?.value ?? 0, radix: 16))")
        }
    }
}

@Suite struct BriefingExportTests {
    @Test func briefingMergesAnActorNamedDifferentlyInTwoArticles() throws {
        let first = ExportCorpus.annotate("Talks in Geneva\n\nGeneral Lorenzo Ravelle said on Monday that the talks would continue.\n", source: "one.txt")
        let second = ExportCorpus.annotate("Talks resume in Doha\n\nRavelle told reporters on Tuesday that the talks had made progress. “We will be back next week,” Ravelle said after the meeting. The delegation left Doha in the evening.\n", source: "two.txt")
        let markdown = MarkdownExporter.renderBriefing([ArticleExport(annotated: first), ArticleExport(annotated: second)])
        let summary = try #require(markdown.components(separatedBy: "## Actors and claims across the briefing").last?
            .components(separatedBy: "\n## ").first)
        // The briefing merge is only testable when the core finds the actor in both articles.
        try #require(first.actors.contains { $0.name.hasSuffix("Ravelle") })
        try #require(second.actors.contains { $0.name.hasSuffix("Ravelle") })
        #expect(summary.components(separatedBy: "### Lorenzo Ravelle").count == 2, "one entry for both articles")
        #expect(summary.contains("in 2 articles"))
        #expect(summary.contains("_Talks in Geneva_") && summary.contains("_Talks resume in Doha_"))
    }
}

/// `dossier export --format json` writes each article as it is annotated (`JSONExporter.Stream`):
/// what it writes, piece by piece, must be what `render` makes of all the articles at once.
@Suite struct StreamedJSONExportTests {
    func streamed(_ exports: [ArticleExport]) throws -> (text: String, pieces: Int) {
        var stream = JSONExporter.Stream()
        var text = "", pieces = 0
        let write = { (piece: String) throws(ExportWriteError) in text += piece; pieces += 1 }
        for export in exports { try stream.add(export, write: write) }
        try stream.finish(write: write)
        return (text, pieces)
    }

    @Test func streamedPiecesAreTheWholeRenderForOneTwoAndThreeArticles() throws {
        let exports = ExportCorpus.briefingTexts().prefix(3).map { text in
            ExportCorpus.withReaderAnnotations(ExportCorpus.annotate(text.text, source: text.name))
        }
        #expect(exports.count == 3)
        for count in 0...3 {
            let some = Array(exports.prefix(count))
            let (text, pieces) = try streamed(some)
            #expect(text == (count == 0 ? "" : JSONExporter.render(some)), "\(count) articles")
            #expect(pieces == count, "one write per article")
        }
        // One article is indented JSON, several are one line each.
        #expect(try streamed(Array(exports.prefix(1))).text.contains("\n  \""))
        #expect(try streamed(exports).text.split(separator: "\n").count == 3)
    }

    @Test func aFailedWriteIsThrownToTheCaller() throws {
        let export = ExportCorpus.withReaderAnnotations(ExportCorpus.annotate(ExportCorpus.sampleArticle(), source: "a.txt"))
        var stream = JSONExporter.Stream()
        let full = { (_: String) throws(ExportWriteError) in throw ExportWriteError.cannotWrite("out.json", reason: "disk full") }
        try stream.add(export, write: full)   // the first article is held, nothing written yet
        #expect(throws: ExportWriteError.cannotWrite("out.json", reason: "disk full")) { try stream.add(export, write: full) }
    }
}
