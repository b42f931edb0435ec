import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16 through the binary: deeply nested HTML, escape references in pages, decomposed (NFD)
/// names, and a note from `$EDITOR` holding an escape sequence and a ZWJ family.
@Suite(.serialized) struct TextHardeningCommandTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-text-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func annotateJSON(_ file: URL) throws -> (DossierBinary.Outcome, [String: Any]?) {
        let outcome = try DossierBinary.run(["annotate", "--format", "json", file.path])
        return (outcome, try? JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    }

    static func nestedPage(_ depth: Int) -> String {
        "<html><head><title>Harbour Vote</title></head><body>"
            + "<p>Orla Brannavik opened the meeting before noon, and the council listened to her plan for the harbour.</p>"
            + String(repeating: "<div>", count: depth)
            + "<p>Inside the nesting, Velmar Works said the plan would cost more than expected this year.</p>"
            + String(repeating: "</div>", count: depth)
            + "<p>After the nesting, the council voted to delay the harbour plan until the spring session.</p></body></html>"
    }

    @Test(arguments: [300, 5000])
    func deeplyNestedPagesKeepTheirTextAfterTheNesting(depth: Int) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("deep.html")
        try Data(Self.nestedPage(depth).utf8).write(to: page)
        let (outcome, json) = try Self.annotateJSON(page)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try #require(json?["text"] as? String)
        #expect(text.contains("Inside the nesting, Velmar Works said"), "\(depth): \(text)")
        #expect(text.contains("After the nesting, the council voted"), "\(depth): \(text)")
    }

    @Test func escapeReferencesInPagesLeaveNoPayload() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("escapes.html")
        let html = "<html><head><title>Harbour Vote</title></head><body><p>Orla Brannavik opened the meeting before noon and spoke at length about the harbour. "
            + "&#27;]0;PWNED-TITLE&#7;VISIBLE-ONE and &#x1b;[2J&#x1b;[H VISIBLE-TWO and \u{1B}]52;c;UFdORUQ=\u{07} VISIBLE-THREE.</p></body></html>"
        try Data(html.utf8).write(to: page)
        let (outcome, json) = try Self.annotateJSON(page)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try #require(json?["text"] as? String)
        for visible in ["VISIBLE-ONE", "VISIBLE-TWO", "VISIBLE-THREE"] { #expect(text.contains(visible), "\(text)") }
        for payload in ["PWNED", "]0;", "[2J", "[H", "]52;"] { #expect(!text.contains(payload), "\(payload) in \(text)") }
    }

    @Test func decomposedNamesAreWholeAndOffsetsSliceTheText() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nfd.txt")
        let article = "Harbour Vote Delayed\n\nThe singer Zoe\u{0308} Quin\u{0303}olez met Rene\u{0301} Ferra\u{0301}biz in Sa\u{0303}o Paulo on Monday. "
            + "\"We will build it,\" Quin\u{0303}olez said after the meeting.\n"
        try Data(article.utf8).write(to: file)
        let (outcome, json) = try Self.annotateJSON(file)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try #require(json?["text"] as? String)
        #expect(text.contains("Zoë Quiñolez") && text.contains("São Paulo"), "the text is not NFC: \(text)")
        let entities = try #require(json?["entities"] as? [[String: Any]])
        let names = entities.compactMap { $0["name"] as? String }
        #expect(names.contains("Zoë Quiñolez"), "\(names)")
        #expect(!names.contains("Quin") && !names.contains("Ferra") && !names.contains("Sa"), "\(names)")
        let scalars = Array(text.unicodeScalars)
        for entity in entities {
            for mention in entity["mentions"] as? [[String: Int]] ?? [] {
                let start = try #require(mention["start"]), end = try #require(mention["end"])
                #expect(start >= 0 && end <= scalars.count && start < end)
                let slice = String(String.UnicodeScalarView(scalars[start..<end]))
                #expect(!slice.unicodeScalars.contains { $0.properties.canonicalCombiningClass != .notReordered }, "\(slice)")
            }
        }
    }
}

/// A note written in `$EDITOR` keeps its ZWJ family and loses an escape sequence whole.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct EditorNoteTextTmuxTests {
    @Test func anEditorNoteKeepsJoinersAndDropsEscapeSequencesWhole() throws {
        let folder = try TextHardeningCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path
        let editor = folder.appendingPathComponent("editor.sh").path
        // The family 👩‍👩‍👧 (with its two ZWJ), an OSC title sequence and a screen clear, in octal for printf.
        let script = "#!/bin/sh\nprintf 'Family \\360\\237\\221\\251\\342\\200\\215\\360\\237\\221\\251\\342\\200\\215\\360\\237\\221\\247 met. "
            + "\\033]0;PWNED-NOTE\\007Title gone. \\033[2J\\033[HScreen kept.\\n' > \"$1\"\n"
        try script.write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let seed = "seeds/pakistan-centcom.txt"
        let session = try TmuxSession("\"$DOSSIER\" read --db '\(database)' \(seed); echo DOSSIER-DONE", width: 120, height: 30,
                                      environment: ["VISUAL": "", "EDITOR": editor], title: "NOTE-ORIGINAL-TITLE")
        defer { session.kill() }
        #expect(session.waitForAnnotated("pakistan-centcom.txt").ok)
        try session.send("A")
        let saved = session.waitFor("note saved")
        #expect(saved.ok, "the editor's note was not saved: \(saved.screen)")
        #expect(session.paneTitle() == "NOTE-ORIGINAL-TITLE")
        try session.send("q")
        #expect(session.waitFor("DOSSIER-DONE").ok)
        let export = try DossierBinary.run(["export", "--format", "json", "--db", database, seed])
        #expect(export.status == 0, "\(export.stderr)")
        let json = try #require(try? JSONSerialization.jsonObject(with: export.stdout) as? [String: Any])
        let bodies = (json["notes"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
        let body = try #require(bodies.first, "no note exported")
        #expect(body.contains("👩\u{200D}👩\u{200D}👧"), "the family lost its joiners: \(Array(body.unicodeScalars))")
        #expect(body.contains("met. Title gone. Screen kept."), "\(body)")
        #expect(!body.contains("PWNED") && !body.contains("]0;") && !body.contains("[2J"), "\(body)")
    }
}
