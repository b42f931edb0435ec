import Foundation
import Testing

/// Issue 15, problem 1: the reading cursor. In an article that fits the screen, j/k move a visible
/// paragraph cursor; m, a and B act on it; it never rests on a section heading; v selects a stretch.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderCursorTmuxTests {
    /// Short enough to fit a 100×30 screen; invented names only.
    static let article = """
        Harbour Council Approves New Ferry Route

        PORTVALE — The harbour council voted on Tuesday to open a ferry route to Elmsby Island.

        Councillor Dana Whitcombe said the route would carry 400 passengers a day.

        Costs

        The first year will cost 2.1 million crowns, according to the council's budget office.

        Residents of Elmsby Island welcomed the decision.
        """

    /// What the Markdown export lists under "Highlights and notes": what the reader really highlighted.
    static func highlights(_ terminal: TmuxSession) throws -> String {
        let export = try DossierBinary.run(["export", "--db", terminal.scratch.appendingPathComponent("notes.sqlite").path,
                                            terminal.scratch.appendingPathComponent("short.txt").path])
        let text = export.stdoutText
        guard let range = text.range(of: "## Highlights and notes") else { return "" }
        return String(text[range.upperBound...])
    }

    static func reader() -> String {
        "\"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" --no-side-pane \"$SCRATCH/short.txt\"; echo DOSSIER-DONE"
    }

    static func plainRow(_ screen: String, containing text: String) -> String {
        screen.components(separatedBy: "\n").first { $0.contains(text) } ?? ""
    }

    @Test func jMovesAVisibleCursorInAShortArticleAndMHighlightsThatParagraphNotTheHeading() throws {
        let terminal = try TmuxSession(Self.reader(), width: 100, height: 30, files: ["short.txt": Self.article])
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("Harbour Council").ok)
        // The cursor starts on the first paragraph that can take a note (the dateline), not the title.
        #expect(Self.plainRow(terminal.screen(), containing: "PORTVALE").hasPrefix("▌"), "no cursor: \(terminal.screen())")
        try terminal.send("j")
        try terminal.send("j")
        let moved = terminal.waitFor { Self.plainRow($0, containing: "The first year").hasPrefix("▌") }
        #expect(moved.ok, "j did not move the cursor past the heading: \(moved.screen)")
        #expect(!Self.plainRow(moved.screen, containing: "Costs").hasPrefix("▌"), "the cursor rested on a heading")
        try terminal.send("m")
        let highlighted = terminal.waitFor("highlighted the paragraph")
        #expect(highlighted.ok, "\(highlighted.screen)")
        // k brings the cursor back up.
        try terminal.send("k")
        #expect(terminal.waitFor { Self.plainRow($0, containing: "Councillor Dana").hasPrefix("▌") }.ok, "k did not move the cursor up")
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
        let highlights = try Self.highlights(terminal)
        #expect(highlights.contains("> The first year will cost"), "the cursor's paragraph is not highlighted: \(highlights)")
        #expect(!highlights.contains("> Costs"), "the heading was highlighted")
        #expect(!highlights.contains("> Harbour Council"), "the title was highlighted")
    }

    @Test func afterJumpingToASectionMHighlightsItsFirstParagraphNotItsHeading() throws {
        let terminal = try TmuxSession(Self.reader(), width: 100, height: 30, files: ["short.txt": Self.article])
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("Harbour Council").ok)
        try terminal.send("]")
        #expect(terminal.waitFor("§2/2").ok)
        try terminal.send("m")
        #expect(terminal.waitFor("highlighted").ok)
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
        let highlights = try Self.highlights(terminal)
        #expect(!highlights.contains("> Costs"), "] then m highlighted the heading")
        #expect(highlights.contains("> The first year will cost"), "\(highlights)")
    }

    @Test func visualModeSelectsAStretchOfParagraphsAndHighlightsIt() throws {
        let terminal = try TmuxSession(Self.reader(), width: 100, height: 30, files: ["short.txt": Self.article])
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("Harbour Council").ok)
        try terminal.send("j")
        try terminal.send("v")
        #expect(terminal.waitFor("visual:").ok)
        try terminal.send("j")
        try terminal.send("j")
        #expect(terminal.waitFor { Self.plainRow($0, containing: "Residents of").hasPrefix("▌") }.ok)
        try terminal.send("m")
        #expect(terminal.waitFor("highlighted the selection").ok)
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
        let highlights = try Self.highlights(terminal)
        for text in ["Councillor Dana", "The first year", "Residents of"] {
            #expect(highlights.contains(text), "\(text) is not in the highlight: \(highlights)")
        }
        #expect(!highlights.contains("PORTVALE"), "the highlight starts too early")
    }
}
