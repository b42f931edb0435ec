import DossierCore
import DossierStore
import Foundation
import Testing
@testable import DossierExport

/// Every export of every article — real ones, and seeded hostile text with escape sequences, bidi
/// controls, astral emoji, combining marks and markup — re-parses, keeps its offsets true in code
/// points, and carries no terminal control character, even from a hostile note body.
@Suite struct PropertyExportTests {
    /// Scalars no export may contain: C0 (but tab and newline), DEL, C1.
    static func controlScalars(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { v in (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) }
    }

    /// Bidi embedding, override and isolate controls, which reorder how a line reads.
    static func bidiScalars(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { (0x202A...0x202E).contains($0) || (0x2066...0x2069).contains($0) }
    }

    static let sentences: [String] = (ExportCorpus.seedTexts() + ExportCorpus.briefingTexts())
        .flatMap { $0.text.split(whereSeparator: \.isNewline).map(String.init) }.filter { $0.count > 20 }

    static let hostilePieces = ["\u{1B}[2J\u{1B}[H", "\u{1B}]0;TITLE\u{7}", "\u{1B}]52;c;Y2xpcA==\u{7}", "\u{1B}]8;;http://x.example\u{1B}\\link\u{1B}]8;;\u{1B}\\",
                                "\u{9B}31m", "\u{202E}", "\u{2066}", "\u{200B}", "\u{8}\u{8}", "\r", "😀", "👩‍👩‍👧", "e\u{301}", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                                "<script>alert(1)</script>", "</textarea>", "&amp;", "*bold* _x_ [link](javascript:alert(1))", "# Heading", "| a | b |",
                                "“", "”", "\"", "«", "»", "3.5%", "$12 million", "President", "Harrowgate Policy Institute"]

    /// Seeded text (SplitMix64): real sentences with hostile pieces spliced between them.
    static func generated(seed: UInt64) -> String {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        var text = "Title \(seed) \(hostilePieces[next() % hostilePieces.count])\n\n"
        for _ in 0..<(10 + next() % 40) {
            switch next() % 6 {
            case 0, 1, 2: text += sentences.isEmpty ? "The minister said so." : sentences[next() % sentences.count]
            case 3: text += hostilePieces[next() % hostilePieces.count]
            case 4: text += "“" + (sentences.isEmpty ? "We are ready" : sentences[next() % sentences.count]) + "” the minister said."
            default: text += "\n\n"
            }
            text += " "
        }
        return text
    }

    static let cases: [String] = ExportCorpus.seedTexts().map(\.name) + (1...25).map { "generated-\($0)" }

    static func text(of name: String) -> String {
        if name.hasPrefix("generated-"), let seed = UInt64(name.dropFirst("generated-".count)) { return generated(seed: seed) }
        return ExportCorpus.seedTexts().first { $0.name == name }?.text ?? ""
    }

    /// The reader's annotations plus one note whose body is itself hostile (a person can paste anything).
    static func export(of name: String) -> ArticleExport {
        var export = ExportCorpus.withReaderAnnotations(ExportCorpus.annotate(text(of: name), source: name))
        let text = export.annotated.text
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        let span = Span(0, min(text.count, 12))
        export.notes.append(Note(id: 999, articleID: export.articleID,
                                 body: "pasted \u{1B}]52;c;Y2xpcA==\u{7} \u{1B}[2J \u{9B}1m \u{202E}evil <script>x</script>",
                                 created: date, updated: date, anchor: TextAnchor(span: span, in: text)))
        return export
    }

    @Test(arguments: cases)
    func jsonReparsesWithTrueOffsets(name: String) throws {
        let export = Self.export(of: name)
        let json = Exporter.render([export], as: .json)
        #expect(Self.controlScalars(in: json).isEmpty, "\(name): raw control characters in the JSON")
        let object = try #require(try ExportCorpus.parse(json) as? [String: Any], "\(name): JSON does not parse")
        let clean = try #require(object["text"] as? String)
        #expect(Array(clean.unicodeScalars) == Array(export.annotated.text.scalars))
        #expect(Self.controlScalars(in: clean).isEmpty, "\(name): the clean text has control characters")
        let scalarCount = clean.unicodeScalars.count
        for key in ["notes", "highlights"] {
            let items = try #require(object[key] as? [[String: Any]])
            for item in items {
                let start = try #require(item["start"] as? Int), end = try #require(item["end"] as? Int)
                #expect(0 <= start && start <= end && end <= scalarCount, "\(name): \(key) \(start)..<\(end)")
                guard 0 <= start, start <= end, end <= scalarCount else { continue }
                #expect(ExportCorpus.slice(clean, start, end) == item["exact"] as? String, "\(name): \(key) \(start)..<\(end)")
            }
        }
        let notes = try #require(object["notes"] as? [[String: Any]])
        #expect(notes.count == export.notes.count)
    }

    @Test(arguments: cases)
    func webAnnotationSelectorsAgree(name: String) throws {
        let export = Self.export(of: name)
        let rendered = Exporter.render([export], as: .webannotation)
        #expect(Self.controlScalars(in: rendered).isEmpty, "\(name): raw control characters in the Web Annotation")
        let collection = try #require(try ExportCorpus.parse(rendered) as? [String: Any])
        let items = try #require((collection["first"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(collection["total"] as? Int == items.count)
        let clean = export.annotated.text.string
        let count = clean.unicodeScalars.count
        for item in items {
            let selectors = try #require((item["target"] as? [String: Any])?["selector"] as? [[String: Any]])
            let quote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" })
            guard let position = selectors.first(where: { $0["type"] as? String == "TextPositionSelector" }) else { continue }
            let start = try #require(position["start"] as? Int), end = try #require(position["end"] as? Int)
            #expect(0 <= start && start <= end && end <= count)
            guard 0 <= start, start <= end, end <= count else { continue }
            #expect(ExportCorpus.slice(clean, start, end) == quote["exact"] as? String, "\(name): \(item["id"] ?? "")")
            if let body = (item["body"] as? [String: Any])?["value"] as? String {
                #expect(Self.controlScalars(in: body).isEmpty, "\(name): control characters in a body")
            }
        }
    }

    /// Markdown and HTML are read in terminals and browsers: no control characters, and article or
    /// note markup never becomes a live element.
    @Test(arguments: cases)
    func markdownAndHTMLCarryNoControlsOrLiveMarkup(name: String) throws {
        let export = Self.export(of: name)
        let markdown = Exporter.render([export], as: .markdown)
        #expect(Self.controlScalars(in: markdown).isEmpty, "\(name): control characters in the Markdown: \(Self.controlScalars(in: markdown))")
        let html = Exporter.render([export], as: .html)
        #expect(Self.controlScalars(in: html).isEmpty, "\(name): control characters in the HTML: \(Self.controlScalars(in: html))")
        #expect(!html.contains("<script>"), "\(name): a <script> from the text or a note is live in the HTML")
        #expect(!html.contains("</textarea>"))
        #expect(!html.lowercased().contains("href=\"javascript:"), "\(name): a javascript: link in the HTML")
    }

    @Test(arguments: cases)
    func noBidiControlsInTheCleanTextOrAnyExport(name: String) throws {
        let export = Self.export(of: name)
        #expect(Self.bidiScalars(in: export.annotated.text.string).isEmpty, "\(name): bidi controls in the clean text")
        for format in ExportFormat.allCases {
            let rendered = Exporter.render([export], as: format)
            #expect(Self.bidiScalars(in: rendered).isEmpty, "\(name): bidi controls in the \(format) export")
        }
    }

    /// A note body reaches every export cleaned (`NoteText.clean`), like the Markdown, HTML and Web
    /// Annotation exports do, even when the store is bypassed.
    @Test
    func jsonNoteBodiesAreCleaned() throws {
        let export = Self.export(of: "generated-1")
        let object = try #require(try ExportCorpus.parse(Exporter.render([export], as: .json)) as? [String: Any])
        let bodies = try #require(object["notes"] as? [[String: Any]]).compactMap { $0["body"] as? String }
        #expect(!bodies.isEmpty)
        for body in bodies {
            #expect(Self.controlScalars(in: body).isEmpty && Self.bidiScalars(in: body).isEmpty, "note body \(body.debugDescription)")
        }
    }
}
