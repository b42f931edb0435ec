import Foundation
import Testing

/// Issue 15, problems 2–4 and issue 14 item 5, as a person meets them in tmux: the export prompt's
/// default is replaced by typing, the prompts edit like readline, an error keeps the prompt open,
/// a second export asks before overwriting, exports go to the exports folder (never beside the
/// article, where the library would list them), `e` offers the whole briefing, and bookmarks have
/// a list to jump from and are exported.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderPromptTmuxTests {
    static let article = ReaderCursorTmuxTests.article
    static let second = """
        Ferry Operator Names New Captain

        PORTVALE — The ferry operator named Ilse Marrow as captain of its new vessel on Wednesday.

        She will start in the spring.
        """

    static func reader(_ operands: String) -> String {
        "\"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" --no-side-pane \(operands); echo DOSSIER-DONE"
    }

    static func statusLine(_ terminal: TmuxSession) -> String { terminal.lines.last(where: { !$0.isEmpty }) ?? "" }

    @Test func theExportPromptEditsLikeALineEditorKeepsErrorsOpenAndAsksBeforeOverwriting() throws {
        let terminal = try TmuxSession(Self.reader("\"$SCRATCH/short.txt\""), width: 110, height: 30, files: ["short.txt": Self.article])
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("Harbour Council").ok)
        try terminal.send("m")
        #expect(terminal.waitFor("highlighted").ok)
        try terminal.send("e")
        #expect(terminal.waitFor("export as").ok)
        // Typing replaces the pre-selected default.
        try terminal.type("jsn")
        let typed = terminal.waitFor("): jsn")
        #expect(typed.ok, "typing did not replace the default: \(Self.statusLine(terminal))")
        #expect(!typed.screen.contains("markdownjsn"))
        try terminal.send("Enter")
        // The error shows and the prompt stays open.
        let error = terminal.waitFor("unknown format")
        #expect(error.ok, "\(error.screen)")
        #expect(Self.statusLine(terminal).hasPrefix("export as"), "the prompt closed on the error")
        try terminal.send("C-u")
        try terminal.type("js")
        try terminal.send("Tab")
        #expect(terminal.waitFor("): json").ok, "Tab did not complete the format: \(Self.statusLine(terminal))")
        try terminal.send("Enter")
        let path = terminal.waitFor("export to:")
        #expect(path.ok)
        #expect(Self.statusLine(terminal).contains("data/dossier/exports/short.notes.json"), "the default is not in the exports folder: \(Self.statusLine(terminal))")
        // C-w takes the file name and leaves the folder.
        try terminal.send("C-w")
        #expect(terminal.waitFor { Self.statusLine(terminal).hasSuffix("exports/") || $0.contains("exports/ ") }.ok, "C-w: \(Self.statusLine(terminal))")
        try terminal.type("mine.json")
        try terminal.send("Enter")
        let exported = terminal.waitFor("exported 0 notes, 1 highlight")
        #expect(exported.ok, "\(exported.screen)")
        let written = terminal.file("data/dossier/exports/mine.json")
        #expect(written?.contains("\"highlights\"") == true)
        // Nothing beside the article.
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: terminal.scratch.path)) ?? []
        #expect(!beside.contains { $0.contains(".notes.") || $0 == "mine.json" }, "an export landed beside the article: \(beside)")

        // A second export to the same file asks first; y writes over it.
        try terminal.send("e")
        #expect(terminal.waitFor("export as").ok)
        try terminal.send("Enter")
        #expect(terminal.waitFor("export to:").ok)
        try terminal.send("C-w")
        try terminal.type("mine.json")
        try terminal.send("Enter")
        let asked = terminal.waitFor("overwrite? (y/n)")
        #expect(asked.ok, "no overwrite question: \(asked.screen)")
        #expect(!asked.screen.contains("--force") && !asked.screen.contains("-o"), "command-line advice in the reader")
        try terminal.send("y")
        #expect(terminal.waitFor("exported 0 notes").ok)
        #expect(terminal.file("data/dossier/exports/mine.json")?.hasPrefix("---") == true, "the file was not overwritten with Markdown")
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
    }

    @Test func searchHasHistoryAndTheGoToPromptJumps() throws {
        let terminal = try TmuxSession(Self.reader("\"$SCRATCH/short.txt\""), width: 110, height: 30, files: ["short.txt": Self.article])
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("Harbour Council").ok)
        try terminal.send("/")
        try terminal.type("crowns")
        try terminal.send("Enter")
        #expect(terminal.waitFor("/crowns 1/1").ok)
        try terminal.send("/")
        try terminal.send("Up")
        #expect(terminal.waitFor { _ in Self.statusLine(terminal).hasPrefix("/crowns") }.ok, "Up did not recall the last search")
        try terminal.send("C-a")
        try terminal.send("C-k")
        try terminal.type("ferry")
        try terminal.send("Enter")
        #expect(terminal.waitFor("/ferry").ok)
        try terminal.send(":")
        try terminal.type("9")
        try terminal.send("Enter")
        #expect(terminal.waitFor("a section from 1 to 2").ok, "no error for a section out of range")
        try terminal.send("C-u")
        try terminal.type("2")
        try terminal.send("Enter")
        #expect(terminal.waitFor("§2/2").ok)
        try terminal.send("q")
    }

    @Test func eOffersTheWholeBriefingAndBookmarksHaveAListAndAreExported() throws {
        let terminal = try TmuxSession(Self.reader("\"$SCRATCH/news\""), width: 110, height: 30,
                                       files: ["news/a-harbour.txt": Self.article, "news/b-ferry.txt": Self.second,
                                               "news/a-harbour.notes.md": "# An old export\n\nNot an article.\n"])
        defer { terminal.kill() }
        let library = terminal.waitForAnnotated("b-ferry")
        #expect(library.ok)
        #expect(!library.screen.contains("a-harbour.notes"), "the library lists an export: \(library.screen)")
        try terminal.send("Enter")
        #expect(terminal.waitForAnnotated("Harbour Council").ok)
        try terminal.send("j")
        try terminal.send("j")
        try terminal.send("B")
        #expect(terminal.waitFor("bookmarked").ok)
        try terminal.send("g")
        try terminal.send("'")
        let list = terminal.waitFor("Bookmarks (1)")
        #expect(list.ok, "no bookmark list: \(list.screen)")
        #expect(list.screen.contains("The first year"))
        try terminal.send("Enter")
        #expect(terminal.waitFor("bookmark 1/1").ok)
        try terminal.send("'")
        try terminal.send("e")
        #expect(terminal.waitFor("export (article, briefing)").ok, "e does not offer the briefing")
        try terminal.type("b")
        try terminal.send("Tab")
        #expect(terminal.waitFor("briefing").ok)
        try terminal.send("Enter")
        #expect(terminal.waitFor("export as").ok)
        try terminal.send("Enter")
        #expect(terminal.waitFor("briefing.notes.md").ok)
        try terminal.send("Enter")
        #expect(terminal.waitFor("exported 2 articles").ok)
        let briefing = terminal.file("data/dossier/exports/briefing.notes.md") ?? ""
        #expect(briefing.contains("Harbour Council Approves") && briefing.contains("Ferry Operator Names"))
        #expect(briefing.contains("Bookmarks") && briefing.contains("The first year"), "the bookmark is not exported: \(briefing)")
        try terminal.send("q")
    }
}
