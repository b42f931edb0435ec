import Foundation
import Testing

/// The reader in a real terminal (tmux) against hostile articles and faults: escape sequences in
/// the text never clear the screen, retitle the window or write the clipboard; every way out —
/// q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, a closed terminal — leaves `stty -a` as it was and no
/// process behind; a broken theme or config is a warning, and the reader still works.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct HardeningTmuxTests {
    static let title = "HARDENING-ORIGINAL-TITLE"

    /// Prints a marker, snapshots the terminal, runs the reader, snapshots again.
    /// `trap : INT` keeps the shell alive through a Ctrl-C (the reader, exec'd, gets the default action back).
    static func wrapped(_ readerArguments: String) -> String {
        "trap : INT; printf 'MARKER-BEFORE-READER\\n'; stty -a > \"$SCRATCH/before\"; \"$DOSSIER\" \(readerArguments); "
            + "echo \"exit=$?\"; stty -a > \"$SCRATCH/after\"; echo DOSSIER-DONE"
    }

    func expectRestored(_ terminal: TmuxSession, _ what: String) {
        let done = terminal.waitFor("DOSSIER-DONE")
        #expect(done.ok, "\(what): the reader did not end: \(done.screen)")
        let before = terminal.file("before")
        #expect(before != nil, "\(what): no stty snapshot")
        #expect(before == terminal.file("after"), "\(what): stty -a changed:\n\(Self.difference(before, terminal.file("after")))")
        // The alternate screen was left: what the shell printed before the reader is back.
        #expect(done.screen.contains("MARKER-BEFORE-READER"), "\(what): the screen before the reader is gone: \(done.screen)")
    }

    static func difference(_ a: String?, _ b: String?) -> String {
        let left = Set((a ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }))
        let right = Set((b ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }))
        return "before only: \(left.subtracting(right).sorted()) after only: \(right.subtracting(left).sorted())"
    }

    /// The article column's text as one line, so a word wrapped at a hyphen still matches.
    static func articleText(_ screen: String) -> String {
        screen.components(separatedBy: "\n").map { line in
            (line.components(separatedBy: "│").first ?? "").trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ").replacingOccurrences(of: "- ", with: "-")
    }

    @Test(arguments: ["escape-csi.txt", "escape-osc52.txt", "escape-osc8.txt", "escape-dcs.txt",
                      "c1-controls.txt", "bel-backspace-cr.txt", "bidi-overrides.txt", "zero-width.txt"])
    func escapeSequencesInTheTextNeverReachTheTerminal(fixture: String) throws {
        try readerShowsOnlyTheVisibleText(fixture)
    }

    @Test(arguments: ["escape-osc0-title.txt"])
    func titlePayloadIsNotShown(fixture: String) throws {
        try readerShowsOnlyTheVisibleText(fixture)
    }

    func readerShowsOnlyTheVisibleText(_ fixture: String) throws {
        let terminal = try TmuxSession(Self.wrapped("Tests/Fixtures/hostile/\(fixture)"), title: Self.title)
        defer { terminal.kill() }
        let opened = terminal.waitFor("% READ")
        let shown = (ok: Self.articleText(opened.screen).contains("VISIBLE-AFTER"), screen: opened.screen)
        #expect(shown.ok, "\(fixture): the text after the sequence is not on screen: \(shown.screen)")
        #expect(shown.screen.contains("Talks Resume in Geneva"), "\(fixture): the title line is gone (screen cleared?): \(shown.screen)")
        #expect(!shown.screen.contains("PWNED"), "\(fixture): an escape payload is on screen")
        #expect(terminal.paneTitle() == Self.title, "\(fixture): the window title changed to \(terminal.paneTitle())")
        #expect(terminal.buffers().isEmpty, "\(fixture): the clipboard was written: \(terminal.buffers())")
        try terminal.send("q")
        expectRestored(terminal, fixture)
        #expect(terminal.paneTitle() == Self.title)
        #expect(terminal.buffers().isEmpty)
    }

    @Test func quitWithQRestoresTheTerminal() throws {
        let terminal = try TmuxSession(Self.wrapped("seeds/wikinews-korea.txt"))
        defer { terminal.kill() }
        #expect(terminal.waitFor("wikinews-korea.txt").ok)
        try terminal.send("q")
        expectRestored(terminal, "q")
    }

    @Test func controlCRestoresTheTerminal() throws {
        let terminal = try TmuxSession(Self.wrapped("seeds/wikinews-korea.txt"))
        defer { terminal.kill() }
        #expect(terminal.waitFor("wikinews-korea.txt").ok)
        try terminal.send("C-c")
        expectRestored(terminal, "Ctrl-C")
    }

    @Test(arguments: [SIGTERM])
    func terminationSignalRestoresTheTerminal(signal: Int32) throws {
        try signalRestores(signal)
    }

    @Test(arguments: [SIGHUP, SIGQUIT])
    func hangupAndQuitSignalsRestoreTheTerminal(signal: Int32) throws {
        try signalRestores(signal)
    }

    func signalRestores(_ signal: Int32) throws {
        let terminal = try TmuxSession(Self.wrapped("seeds/wikinews-korea.txt"))
        defer { terminal.kill() }
        #expect(terminal.waitFor("wikinews-korea.txt").ok)
        let pid = try #require(terminal.readerPID(), "no reader process")
        #expect(kill(pid, signal) == 0)
        expectRestored(terminal, "signal \(signal)")
    }

    /// Closing the terminal under the reader: it must end, not spin on a dead descriptor.
    @Test func closedTerminalLeavesNoProcessBehind() throws {
        let terminal = try TmuxSession("\"$DOSSIER\" seeds/wikinews-korea.txt")
        defer { terminal.kill() }
        #expect(terminal.waitFor("wikinews-korea.txt").ok)
        let pid = try #require(terminal.readerPID(), "no reader process")
        terminal.closeTerminal()
        let deadline = Date().addingTimeInterval(10)
        while TmuxSession.isAlive(pid) && Date() < deadline { usleep(50_000) }
        let alive = TmuxSession.isAlive(pid)
        if alive { Foundation.kill(pid, SIGKILL) }
        #expect(!alive, "the reader (pid \(pid)) is still running after its terminal closed")
    }

    @Test func brokenThemeIsAWarningAndTheReaderWorks() throws {
        let terminal = try TmuxSession(Self.wrapped("--theme \"$SCRATCH/broken.toml\" seeds/wikinews-korea.txt"), title: Self.title,
                                             files: ["broken.toml": "[styles\ntext = { fg = \"nope\" "])
        defer { terminal.kill() }
        let shown = terminal.waitFor("wikinews-korea.txt")
        #expect(shown.ok, "the reader did not open: \(shown.screen)")
        // The warning fills the status line's right side (cut to fit): it names the file and line.
        #expect(shown.screen.contains("broken.toml:"), "no warning: \(shown.screen)")
        try terminal.send("j")
        try terminal.send("q")
        expectRestored(terminal, "broken theme")
    }

    @Test func brokenConfigIsAWarningAndTheReaderWorks() throws {
        let terminal = try TmuxSession(Self.wrapped("seeds/wikinews-korea.txt"), title: Self.title,
                                             files: ["config/dossier/config.toml": "theme = \nmouse = maybe\n\u{1}\u{FF}"])
        defer { terminal.kill() }
        let shown = terminal.waitFor("wikinews-korea.txt")
        #expect(shown.ok, "the reader did not open: \(shown.screen)")
        #expect(shown.screen.contains("config.toml:"), "no warning: \(shown.screen)")
        try terminal.send("q")
        expectRestored(terminal, "broken config")
    }

    /// A theme can name an unknown element in a quoted key, and the warning repeats that name:
    /// escape sequences in it must not retitle the window on their way to the status line or stderr.
    @Test
    func hostileThemeKeyCannotRetitleTheWindow() throws {
        let theme = "[styles]\n\"\\u001b]0;PWNED-THEME\\u0007\\u001b[2J\" = {}\n"
        let terminal = try TmuxSession(Self.wrapped("--theme \"$SCRATCH/hostile.toml\" seeds/wikinews-korea.txt"), title: Self.title,
                                             files: ["hostile.toml": theme])
        defer { terminal.kill() }
        let shown = terminal.waitFor("wikinews-korea.txt")
        #expect(shown.ok, "the reader did not open: \(shown.screen)")
        #expect(terminal.paneTitle() == Self.title, "the theme's key retitled the window: \(terminal.paneTitle())")
        try terminal.send("q")
        let done = terminal.waitFor("DOSSIER-DONE")
        #expect(done.ok)
        #expect(terminal.paneTitle() == Self.title, "the warning on stderr retitled the window: \(terminal.paneTitle())")
    }
}
