import Foundation
import Testing

extension TmuxSession {
    /// A left click at a screen cell (0-based), sent as the raw X10 mouse bytes a terminal sends
    /// (ESC [ M, button, column, row, each offset by 32 and counted from 1): a press, then a release.
    func click(column: Int, row: Int) throws {
        let x = String(format: "%02x", 32 + column + 1), y = String(format: "%02x", 32 + row + 1)
        try Self.tmux(["send-keys", "-t", name, "-H", "1b", "5b", "4d", "20", x, y, "1b", "5b", "4d", "23", x, y])
    }
}

/// Issue 15, problem 1 by mouse: with `mouse = true`, a click on a paragraph puts the reading cursor
/// there (and `m` highlights it), a click on a name selects its entity, and a click on a library row
/// opens that article. The click goes through the hit map of the frame on screen.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderMouseTmuxTests {
    static let config = ["config/dossier/config.toml": "mouse = true\n"]

    static func row(_ screen: String, containing text: String) -> (index: Int, line: String)? {
        screen.components(separatedBy: "\n").enumerated().first { $0.element.contains(text) }.map { ($0.offset, $0.element) }
    }

    /// The screen column (cells, not bytes) where `text` starts on `line`.
    static func column(of text: String, in line: String) -> Int? {
        line.range(of: text).map { line[..<$0.lowerBound].count }
    }

    @Test func aClickPutsTheCursorOnAParagraphAndOnANameSelectsItsEntity() throws {
        let reader = "\"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" --no-side-pane \"$SCRATCH/short.txt\"; echo DOSSIER-DONE"
        var files = Self.config
        files["short.txt"] = ReaderCursorTmuxTests.article
        let terminal = try TmuxSession(reader, width: 100, height: 30, files: files)
        defer { terminal.kill() }
        let opened = terminal.waitForAnnotated("Harbour Council")
        #expect(opened.ok, "\(opened.screen)")
        #expect(Self.row(opened.screen, containing: "PORTVALE")?.line.hasPrefix("▌") == true, "no cursor: \(opened.screen)")
        // A click in the middle of a paragraph further down: the cursor (▌) goes there, not j by j.
        let target = try #require(Self.row(opened.screen, containing: "The first year"))
        try terminal.click(column: 20, row: target.index)
        let moved = terminal.waitFor { Self.row($0, containing: "The first year")?.line.hasPrefix("▌") == true }
        #expect(moved.ok, "the click did not move the cursor: \(moved.screen)")
        #expect(Self.row(moved.screen, containing: "PORTVALE")?.line.hasPrefix("▌") == false, "two cursors: \(moved.screen)")
        try terminal.send("m")
        #expect(terminal.waitFor("highlighted the paragraph").ok)
        // A click on a name selects its entity and moves the cursor to its paragraph.
        let residents = try #require(Self.row(moved.screen, containing: "Residents of Elmsby"))
        let name = try #require(Self.column(of: "Elmsby", in: residents.line))
        try terminal.click(column: name + 2, row: residents.index)
        let selected = terminal.waitFor("selected Elmsby Island")
        #expect(selected.ok, "a click on the name did not select it: \(selected.screen)")
        #expect(Self.row(selected.screen, containing: "Residents of")?.line.hasPrefix("▌") == true, "\(selected.screen)")
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
        let highlights = try ReaderCursorTmuxTests.highlights(terminal)
        #expect(highlights.contains("> The first year will cost"), "the clicked paragraph is not highlighted: \(highlights)")
        #expect(!highlights.contains("> PORTVALE"), "the first paragraph was highlighted instead")
    }

    @Test func aClickOnALibraryRowOpensThatArticle() throws {
        let reader = "\"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" \"$SCRATCH/a-ferry.txt\" \"$SCRATCH/b-quarry.txt\"; echo DOSSIER-DONE"
        var files = Self.config
        files["a-ferry.txt"] = ReaderCursorTmuxTests.article
        files["b-quarry.txt"] = """
            Quarry Reopens Near Lindenholm

            LINDENHOLM — The Velmar Works quarry reopened on Monday after a two-year closure.

            Oriel Vantreck, who runs the site, said forty people would be hired.
            """
        let terminal = try TmuxSession(reader, width: 100, height: 30, files: files)
        defer { terminal.kill() }
        let library = terminal.waitForAnnotated("Library:")
        #expect(library.ok, "\(library.screen)")
        let listed = terminal.waitFor { Self.row($0, containing: "Quarry Reopens") != nil }
        let row = try #require(Self.row(listed.screen, containing: "Quarry Reopens"), "\(listed.screen)")
        try terminal.click(column: 10, row: row.index)
        let opened = terminal.waitFor { $0.contains("LINDENHOLM") && !$0.contains("Library:") }
        #expect(opened.ok, "the click did not open the quarry article: \(opened.screen)")
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
    }
}
