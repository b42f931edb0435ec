import Foundation
import Testing

/// Issue 15, problems 3 and 4, the parts `ReaderPromptTmuxTests` leaves out: an export that cannot be
/// written keeps the prompt open with the reason in the reader's words (no --force or -o), and a
/// folder that holds Dossier's own exports (where old versions put them, beside the articles) opens
/// on a library of the articles only.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderExportPlaceTmuxTests {
    static let quarry = """
        Quarry Reopens Near Lindenholm

        LINDENHOLM — The Velmar Works quarry reopened on Monday after a two-year closure.

        Oriel Vantreck, who runs the site, said forty people would be hired.
        """

    @Test func anExportThatCannotBeWrittenKeepsThePromptOpenInTheReadersWords() throws {
        let reader = "\"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" --no-side-pane \"$SCRATCH/short.txt\"; echo DOSSIER-DONE"
        let terminal = try TmuxSession(reader, width: 110, height: 30, files: ["short.txt": ReaderCursorTmuxTests.article])
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("Harbour Council").ok)
        try terminal.send("e")
        #expect(terminal.waitFor("export as").ok)
        try terminal.send("Enter")
        #expect(terminal.waitFor("export to:").ok)
        // A folder, not a file: the write fails.
        try terminal.send("C-u")
        try terminal.type(terminal.scratch.path)
        try terminal.send("Enter")
        let failed = terminal.waitFor("is a folder")
        #expect(failed.ok, "no error for a folder: \(failed.screen)")
        let status = ReaderPromptTmuxTests.statusLine(terminal)
        #expect(status.hasPrefix("export to:"), "the prompt closed on the error: \(status)")
        #expect(!failed.screen.contains("--force") && !failed.screen.contains(" -o"), "command-line advice in the reader: \(status)")
        // The typed path is still there to be corrected.
        try terminal.type("/short.md")
        try terminal.send("Enter")
        #expect(terminal.waitFor("exported 0 notes").ok)
        #expect(terminal.file("short.md")?.hasPrefix("---") == true)
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
    }

    @Test func theLibraryNeverListsDossiersOwnExports() throws {
        let reader = "\"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" \"$SCRATCH/briefing\"; echo DOSSIER-DONE"
        let files = [
            "briefing/ferry.txt": ReaderCursorTmuxTests.article,
            "briefing/quarry.txt": Self.quarry,
            "briefing/ferry.notes.md": "---\ntitle: \"Harbour Council Approves New Ferry Route\"\n---\n\n# Harbour Council Approves New Ferry Route\n",
            "briefing/ferry.notes.html": "<!doctype html><html><head><title>Harbour Council notes</title></head><body><p>Notes</p></body></html>\n",
            "briefing/briefing.notes.json": "{\"articles\": []}\n",
        ]
        let terminal = try TmuxSession(reader, width: 110, height: 30, files: files)
        defer { terminal.kill() }
        let library = terminal.waitForAnnotated("Library: 2 articles")
        #expect(library.ok, "the exports were listed as articles: \(library.screen)")
        #expect(!library.screen.contains(".notes."), "\(library.screen)")
        #expect(!library.screen.contains("Harbour Council notes"), "\(library.screen)")
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
    }
}
