import Foundation
import Testing

/// The reader in a real terminal (tmux) against hostile articles and faults: escape sequences in
/// the text never clear the screen, retitle the window or write the clipboard; every way out —
/// q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, a closed terminal — leaves `stty -a` as it was and no
/// process behind; a broken theme or config is a warning, and the reader still works.
@Suite(.serialized, .enabled(if: HardeningTerminal.isAvailable, "tmux is not installed"))
struct HardeningTmuxTests {
    static let title = "HARDENING-ORIGINAL-TITLE"

    /// Prints a marker, snapshots the terminal, runs the reader, snapshots again.
    /// `trap : INT` keeps the shell alive through a Ctrl-C (the reader, exec'd, gets the default action back).
    static func wrapped(_ readerArguments: String) -> String {
        "trap : INT; printf 'MARKER-BEFORE-READER\\n'; stty -a > \"$SCRATCH/before\"; \"$DOSSIER\" \(readerArguments); "
            + "echo \"exit=$?\"; stty -a > \"$SCRATCH/after\"; echo DOSSIER-DONE"
    }

    func expectRestored(_ terminal: HardeningTerminal, _ what: String) {
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
        let terminal = try HardeningTerminal(Self.wrapped("Tests/Fixtures/hostile/\(fixture)"), title: Self.title)
        defer { terminal.kill() }
        let opened = terminal.waitForAnnotated("% READ")
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
        let terminal = try HardeningTerminal(Self.wrapped("seeds/wikinews-korea.txt"))
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("wikinews-korea.txt").ok)
        try terminal.send("q")
        expectRestored(terminal, "q")
    }

    @Test func controlCRestoresTheTerminal() throws {
        let terminal = try HardeningTerminal(Self.wrapped("seeds/wikinews-korea.txt"))
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("wikinews-korea.txt").ok)
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
        let terminal = try HardeningTerminal(Self.wrapped("seeds/wikinews-korea.txt"))
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("wikinews-korea.txt").ok)
        let pid = try #require(terminal.readerPID(), "no reader process")
        #expect(kill(pid, signal) == 0)
        expectRestored(terminal, "signal \(signal)")
    }

    /// Closing the terminal under the reader: it must end, not spin on a dead descriptor.
    @Test func closedTerminalLeavesNoProcessBehind() throws {
        let terminal = try HardeningTerminal("\"$DOSSIER\" seeds/wikinews-korea.txt")
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("wikinews-korea.txt").ok)
        let pid = try #require(terminal.readerPID(), "no reader process")
        terminal.kill()
        let deadline = Date().addingTimeInterval(10)
        while HardeningTerminal.isAlive(pid) && Date() < deadline { usleep(50_000) }
        let alive = HardeningTerminal.isAlive(pid)
        if alive { Foundation.kill(pid, SIGKILL) }
        #expect(!alive, "the reader (pid \(pid)) is still running after its terminal closed")
    }

    @Test func brokenThemeIsAWarningAndTheReaderWorks() throws {
        let terminal = try HardeningTerminal(Self.wrapped("--theme \"$SCRATCH/broken.toml\" seeds/wikinews-korea.txt"), title: Self.title,
                                             files: ["broken.toml": "[styles\ntext = { fg = \"nope\" "])
        defer { terminal.kill() }
        let shown = terminal.waitForAnnotated("wikinews-korea.txt")
        #expect(shown.ok, "the reader did not open: \(shown.screen)")
        // The warning fills the status line's right side (cut to fit): it names the file and line.
        #expect(shown.screen.contains("broken.toml:"), "no warning: \(shown.screen)")
        try terminal.send("j")
        try terminal.send("q")
        expectRestored(terminal, "broken theme")
    }

    @Test func brokenConfigIsAWarningAndTheReaderWorks() throws {
        let terminal = try HardeningTerminal(Self.wrapped("seeds/wikinews-korea.txt"), title: Self.title,
                                             files: ["config/dossier/config.toml": "theme = \nmouse = maybe\n\u{1}\u{FF}"])
        defer { terminal.kill() }
        let shown = terminal.waitForAnnotated("wikinews-korea.txt")
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
        let terminal = try HardeningTerminal(Self.wrapped("--theme \"$SCRATCH/hostile.toml\" seeds/wikinews-korea.txt"), title: Self.title,
                                             files: ["hostile.toml": theme])
        defer { terminal.kill() }
        let shown = terminal.waitForAnnotated("wikinews-korea.txt")
        #expect(shown.ok, "the reader did not open: \(shown.screen)")
        #expect(terminal.paneTitle() == Self.title, "the theme's key retitled the window: \(terminal.paneTitle())")
        try terminal.send("q")
        let done = terminal.waitFor("DOSSIER-DONE")
        #expect(done.ok)
        #expect(terminal.paneTitle() == Self.title, "the warning on stderr retitled the window: \(terminal.paneTitle())")
    }
}

/// A detached tmux session on a private server (no user config, set-clipboard on) running one
/// shell command in the package root: `$DOSSIER` is the binary, `$SCRATCH` a private folder.
final class HardeningTerminal {
    static let socket = "dossier-hardening-\(getpid())"
    static let isAvailable = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    let name: String
    let scratch: URL

    init(_ shellCommand: String, title: String? = nil, files: [String: String] = [:]) throws {
        name = "h\(UUID().uuidString.prefix(8))"
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hardening-\(name)")
        for (path, contents) in files {
            let url = scratch.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let exports = "export TERM=tmux-256color DOSSIER='\(DossierBinary.executable.path)' SCRATCH='\(scratch.path)' XDG_CONFIG_HOME='\(scratch.path)/config' XDG_DATA_HOME='\(scratch.path)/data'; unset DOSSIER_DB;"
        let script = "cd '\(DossierBinary.packageRoot.path)' && \(exports) \(shellCommand)"
        try Self.tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "sh", "-c", script])
        try? Self.tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        // Let the terminal honour OSC 52, so a leak would show up as a tmux buffer.
        try? Self.tmux(["set-option", "-s", "set-clipboard", "on"])
        if let title { try? Self.tmux(["select-pane", "-t", name, "-T", title]) }
    }

    deinit { kill() }

    func kill() {
        try? Self.tmux(["kill-session", "-t", name])
        try? FileManager.default.removeItem(at: scratch)
        // The last session gone, the private server ends with it; kill-server makes sure.
        if (try? Self.tmux(["list-sessions"])) == nil { try? Self.tmux(["kill-server"]) }
    }

    func send(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }

    func screen() -> String { (try? Self.tmux(["capture-pane", "-p", "-t", name])) ?? "" }

    func paneTitle() -> String {
        ((try? Self.tmux(["display-message", "-p", "-t", name, "#{pane_title}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func buffers() -> String { ((try? Self.tmux(["list-buffers"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    func file(_ name: String) -> String? { try? String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8) }

    /// Polls the screen (no long sleeps) until `text` shows or `timeout` passes.
    func waitFor(_ text: String, timeout: TimeInterval = 20) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = screen()
        while !last.contains(text) {
            if Date() > deadline { return (false, last) }
            usleep(40_000)
            last = screen()
        }
        return (true, last)
    }

    /// The `dossier` process: the pane's shell's child that runs the binary.
    func readerPID() -> Int32? {
        guard let shell = (try? Self.tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]))
            .flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else { return nil }
        var queue = [shell]
        while let pid = queue.popLast() {
            let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            if command.hasPrefix(DossierBinary.executable.path) { return pid }
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").compactMap { Int32($0) }
        }
        return nil
    }

    /// Alive and not a zombie.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// Runs tmux with posix_spawn and waitpid (Foundation's Process could wait forever here once
    /// tmux's server, forked from new-session, inherited its descriptors); output through a file.
    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hardening-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket] + arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, &cArgs, environ) == 0 else { throw HardeningTmuxError(arguments: arguments) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        // Exited normally with status 0: (status & 0x7f) == 0 and (status >> 8) & 0xff == 0.
        if status & 0x7f != 0 || (status >> 8) & 0xff != 0 { throw HardeningTmuxError(arguments: arguments) }
        return output
    }
}

struct HardeningTmuxError: Error { var arguments: [String] }
