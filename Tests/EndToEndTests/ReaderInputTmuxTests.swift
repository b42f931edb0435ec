import Foundation
import Testing

/// Issue 15, problems 5–8 and the front-matter item of 10, in tmux: errors after start-up are seen,
/// Latin-1 text is read whole, a non-UTF-8 locale draws in ASCII with a warning, empty input is an
/// error, and YAML front matter is the article's metadata, not its text. Invented names only.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderInputTmuxTests {
    /// "Harbour Talks" in Windows-1252: é, í, an em dash and curly quotes are single bytes.
    static let latin1: [UInt8] = Array("Harbour Talks\n\nPORTVALE ".utf8) + [0x97] + Array(" Jos".utf8) + [0xE9]
        + Array(" Ram".utf8) + [0xED] + Array("rez, the harbour master, said the talks would resume on Monday.\n\n".utf8)
        + [0x93] + Array("We are close,".utf8) + [0x94] + Array(" Ram".utf8) + [0xED] + Array("rez said.\n".utf8)

    static func run(_ file: String, _ extra: String = "") -> String {
        "\(extra)\"$DOSSIER\" read --db \"$SCRATCH/notes.sqlite\" \"$SCRATCH/\(file)\"; echo \"exit=$?\"; echo DOSSIER-DONE"
    }

    static func writeLatin1(_ terminal: TmuxSession) throws {
        try Data(latin1).write(to: terminal.scratch.appendingPathComponent("latin.txt"))
    }

    @Test func aLatin1FileIsReadWholeWithANoteInTheStatusLine() throws {
        // The file is written before the reader starts: the shell waits for it.
        let terminal = try TmuxSession("while [ ! -f \"$SCRATCH/latin.txt\" ]; do sleep 0.05; done; " + Self.run("latin.txt"), width: 110, height: 24)
        defer { terminal.kill() }
        try Self.writeLatin1(terminal)
        let screen = terminal.waitForAnnotated("José Ramírez")
        #expect(screen.ok, "the name is damaged: \(screen.screen)")
        #expect(screen.screen.contains("“We are close,”"))
        #expect(screen.screen.contains("read as Windows-1252"), "no note about the encoding")
        try terminal.send("q")
        #expect(terminal.waitFor("DOSSIER-DONE").ok)
    }

    @Test func underANonUTF8LocaleTheReaderDrawsInASCIIAndWarnsOnce() throws {
        let terminal = try TmuxSession("while [ ! -f \"$SCRATCH/latin.txt\" ]; do sleep 0.05; done; " + Self.run("latin.txt"),
                                       width: 110, height: 24, environment: ["LC_ALL": "C", "LANG": "C"])
        defer { terminal.kill() }
        try Self.writeLatin1(terminal)
        let screen = terminal.waitForAnnotated("Jose Ramirez")
        #expect(screen.ok, "no ASCII fallback: \(screen.screen)")
        #expect(screen.screen.contains("| Actors"), "the pane border is not drawn in ASCII")
        #expect(screen.screen.contains("S1/1"), "§ is not drawn in ASCII")
        #expect(screen.screen.contains("\"We are close,\""))
        try terminal.send("q")
        let done = terminal.waitFor("DOSSIER-DONE")
        #expect(done.screen.components(separatedBy: "locale is not UTF-8").count == 2, "not warned exactly once: \(done.screen)")
    }

    @Test func emptyInputIsAnErrorNotAnUntitledArticle() throws {
        let terminal = try TmuxSession(Self.run("empty.txt"), width: 100, height: 20, files: ["empty.txt": "\n  \n"])
        defer { terminal.kill() }
        let done = terminal.waitFor("DOSSIER-DONE")
        #expect(done.screen.contains("empty.txt: empty input"), "\(done.screen)")
        #expect(done.screen.contains("exit=65"))
        let piped = try DossierBinary.run(["annotate", "-"], stdin: Data())
        #expect(piped.status == 65)
        #expect(piped.stderr.contains("empty input"))
    }

    @Test func emptyStandardInputToTheReaderIsAnError() throws {
        let terminal = try TmuxSession("printf '\\n  \\n' | \"$DOSSIER\" --db \"$SCRATCH/notes.sqlite\"; echo \"exit=$?\"; echo DOSSIER-DONE",
                                       width: 100, height: 20)
        defer { terminal.kill() }
        let done = terminal.waitFor("DOSSIER-DONE")
        #expect(done.screen.contains("empty input"), "\(done.screen)")
        #expect(done.screen.contains("exit=65"))
        #expect(!done.screen.contains("(untitled)"))
    }

    @Test func aFileRefusedAfterStartUpLeavesAVisibleMessage() throws {
        let terminal = try TmuxSession(Self.run("binary.txt"), width: 100, height: 20, files: ["binary.txt": "Harbour\u{0}\u{0}\u{1}binary"])
        defer { terminal.kill() }
        let done = terminal.waitFor("DOSSIER-DONE")
        #expect(done.screen.contains("binary.txt: not a text file"), "the reason is not on the screen: \(done.screen)")
        #expect(done.screen.contains("exit=65"))
    }

    @Test func yamlFrontMatterIsMetadataNotText() throws {
        let markdown = """
            ---
            title: "Harbour Talks Resume"
            date: 2026-03-02
            tags:
              - harbour
            ---

            PORTVALE — Dana Whitcombe, the harbour master, said the talks would resume on Monday.
            """
        let terminal = try TmuxSession(Self.run("talks.md"), width: 110, height: 20, files: ["talks.md": markdown])
        defer { terminal.kill() }
        let screen = terminal.waitForAnnotated("Harbour Talks Resume")
        #expect(screen.ok, "the front matter's title is not the title: \(screen.screen)")
        #expect(!screen.screen.contains("title:") && !screen.screen.contains("tags:"), "front matter shown as text")
        try terminal.send("q")
        let json = try DossierBinary.run(["annotate", "--format", "json", terminal.scratch.appendingPathComponent("talks.md").path])
        #expect(!json.stdoutText.contains("title: "), "front matter in the annotated text")
        #expect(json.stdoutText.contains("\"title\":\"Harbour Talks Resume\""))
    }
}
