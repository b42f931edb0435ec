import DossierStore
import Foundation
import Testing

/// Issue 15, problems 9 and 10, as a newcomer meets them: --version, help that names the real
/// config file and lists the action names, a suggestion for a mistyped subcommand, TERM=dumb,
/// the status line after G, a theme key, and `dossier export` that leaves the notes database alone.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderPolishTmuxTests {
    static let seed = "seeds/pakistan-centcom.txt"

    @Test func versionAndHelpNameTheConfigFileOfThisEnvironment() throws {
        let version = try DossierBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdoutText.range(of: #"^\d+(\.\d+)+\n$"#, options: .regularExpression) != nil, "\(version.stdoutText)")
        let help = try DossierBinary.run(["read", "--help"], environment: ["XDG_CONFIG_HOME": "/elsewhere/cfg", "COLUMNS": "80"])
        #expect(help.stdoutText.contains("/elsewhere/cfg/dossier/config.toml"), "\(help.stdoutText)")
        // Paragraphs are wrapped by the help's own width, not broken mid-sentence by hand.
        let lines = help.stdoutText.components(separatedBy: "\n").prefix { !$0.hasPrefix("USAGE") }
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(!lines.contains { $0.count < 20 && !$0.isEmpty && !$0.hasSuffix(".") && !$0.hasSuffix(":") }, "a ragged line: \(lines)")
    }

    @Test func everyActionNameIsDocumented() throws {
        let keys = try String(contentsOf: DossierBinary.packageRoot.appendingPathComponent("docs/KEYS.md"), encoding: .utf8)
        // The help overlay is generated from the key map; the names it shows must be in the docs.
        let terminal = try TmuxSession("\"$DOSSIER\" read --db \"$SCRATCH/n.sqlite\" \(Self.seed)", width: 160, height: 60)
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("pakistan-centcom.txt").ok)
        try terminal.send("?")
        let help = terminal.waitFor("[keys] action names")
        #expect(help.ok, "\(help.screen)")
        #expect(help.screen.contains(terminal.scratch.path + "/config/dossier/config.toml"), "the help does not name $XDG_CONFIG_HOME")
        let names = help.screen.components(separatedBy: "\n").compactMap { line -> String? in
            let cells = line.components(separatedBy: "│")
            guard cells.count >= 3 else { return nil }
            let words = cells[1].split(separator: " ", omittingEmptySubsequences: true)
            return words.first { $0.contains("-") && $0.count > 3 && $0.allSatisfy { $0.isLowercase || $0 == "-" } }.map(String.init)
        }
        #expect(names.count >= 10, "no action names in the help: \(help.screen)")
        for name in names { #expect(keys.contains("`\(name)`"), "\(name) is not in docs/KEYS.md") }
    }

    @Test func aMistypedSubcommandIsSuggested() throws {
        let terminal = try TmuxSession("\"$DOSSIER\" anotate \(Self.seed); echo \"exit=$?\"; echo DOSSIER-DONE", width: 120, height: 20)
        defer { terminal.kill() }
        let done = terminal.waitFor("DOSSIER-DONE")
        #expect(done.screen.contains("did you mean 'dossier annotate'"), "\(done.screen)")
        #expect(done.screen.contains("exit=64"))
        #expect(!done.screen.contains("✗"))
    }

    @Test func aDumbTerminalGetsTheAnnotatedText() throws {
        let terminal = try TmuxSession("TERM=dumb \"$DOSSIER\" \(Self.seed); echo \"exit=$?\"; echo DOSSIER-DONE", width: 120, height: 40)
        defer { terminal.kill() }
        let done = terminal.waitFor("DOSSIER-DONE")
        #expect(done.screen.contains("exit=0"), "\(done.screen)")
        // The annotated text scrolled by (the top with its "Actors" list is above the window).
        let printed = done.screen.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(printed.count > 20, "no annotated text: \(done.screen)")
        #expect(!done.screen.contains("reading…"))
    }

    @Test func afterGTheStatusNamesTheLastSectionAndTSwitchesTheTheme() throws {
        let terminal = try TmuxSession("\"$DOSSIER\" read --db \"$SCRATCH/n.sqlite\" \(Self.seed)", width: 120, height: 40)
        defer { terminal.kill() }
        let opened = terminal.waitForAnnotated("pakistan-centcom.txt")
        #expect(opened.ok)
        let total = try #require(opened.screen.range(of: #"§1/(\d+)"#, options: .regularExpression).map { String(opened.screen[$0].dropFirst(3)) })
        try terminal.send("G")
        let end = terminal.waitFor("100%")
        #expect(end.screen.contains("§\(total)/\(total)"), "after G: \(end.screen.components(separatedBy: "\n").last(where: { !$0.isEmpty }) ?? "")")
        try terminal.send("T")
        #expect(terminal.waitFor("theme: light").ok)
        try terminal.send("T")
        #expect(terminal.waitFor("theme: high-contrast").ok)
        try terminal.send("q")
    }

    @Test func exportReadsTheNotesDatabaseWithoutAddingArticlesAndCountsHighlights() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-polish-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path
        let article = folder.appendingPathComponent("short.txt").path
        try ReaderCursorTmuxTests.article.write(toFile: article, atomically: true, encoding: .utf8)
        _ = try NoteStore.open(path: database)
        let untouched = try DossierBinary.run(["export", "--db", database, article, "-o", folder.appendingPathComponent("a.md").path])
        #expect(untouched.status == 0, "\(untouched.stderr)")
        #expect(try NoteStore.open(path: database).articles().isEmpty, "export added an article row")

        // Read and highlighted in the reader, the export counts the highlight.
        let terminal = try TmuxSession("\"$DOSSIER\" read --db '\(database)' --no-side-pane '\(article)'; echo DOSSIER-DONE", width: 100, height: 30)
        defer { terminal.kill() }
        #expect(terminal.waitForAnnotated("Harbour Council").ok)
        try terminal.send("m")
        #expect(terminal.waitFor("highlighted").ok)
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
        let counted = try DossierBinary.run(["export", "--db", database, article, "-o", folder.appendingPathComponent("b.md").path])
        #expect(counted.stderr.contains("0 notes, 1 highlight, 0 bookmarks"), "\(counted.stderr)")
    }
}
