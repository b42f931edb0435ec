import Foundation
import Testing

/// Issue 16: a file named with an OSC title sequence, an OSC 52 clipboard write and U+202E, through
/// every command that prints a name. Nothing live reaches standard output or standard error; the
/// name is shown in its printable form (`^[]0;…^G`, `<U+202E>`).
@Suite(.serialized) struct HostileNameTests {
    static let hostileName = "brief\u{1B}]0;PWNED-TITLE\u{07}x\u{1B}]52;c;UFdORUQ=\u{07}\u{202E}txt.txt"
    static let article = "Harbour Vote Delayed\n\nOrla Brannavik said on Monday that Velmar Works would close its harbour yard. \"We will build elsewhere,\" Brannavik said.\n"

    /// C0 (but newline and tab), DEL, C1 and bidi controls: what a terminal acts on or reorders by.
    static func live(_ data: Data) -> [UInt32] {
        String(decoding: data, as: UTF8.self).unicodeScalars.map(\.value).filter { v in
            (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
        }
    }

    static func live(_ text: String) -> [UInt32] { live(Data(text.utf8)) }

    /// A scratch folder holding the article under the hostile name (and, for folder tests, a binary file too).
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(article.utf8).write(to: folder.appendingPathComponent(hostileName))
        return folder
    }

    func expectSafe(_ outcome: DossierBinary.Outcome, _ what: String) {
        #expect(!outcome.timedOut, "\(what) timed out")
        #expect(Self.live(outcome.stdout).isEmpty, "\(what): stdout carries \(Self.live(outcome.stdout))")
        #expect(Self.live(outcome.stderr).isEmpty, "\(what): stderr carries \(Self.live(outcome.stderr))")
    }

    @Test func annotateIndexAndPlainOutputShowTheNamePrintable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(Self.hostileName).path
        for arguments in [["annotate", path], ["annotate", "--format", "markdown", path], ["annotate", "--format", "json", path],
                          ["index", path], ["index", "--format", "json", path], [path], ["index", folder.path]] {
            let outcome = try DossierBinary.run(arguments)
            #expect(outcome.status == 0, "\(arguments.first!): \(outcome.stderr)")
            expectSafe(outcome, arguments.first!)
        }
        // JSON keeps the real name, escaped: it parses back to the exact bytes.
        let json = try DossierBinary.run(["annotate", "--format", "json", path])
        let object = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        #expect(object?["source"] as? String == path)
        let summary = try DossierBinary.run(["annotate", path]).stdoutText
        #expect(summary.contains("brief^[]0;PWNED-TITLE^Gx^[]52;c;UFdORUQ=^G<U+202E>txt.txt"), "\(summary)")
    }

    @Test func errorMessagesShowTheNamePrintable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(Self.hostileName).path
        let binary = folder.appendingPathComponent("b\u{1B}[2J\u{9B}31m\u{202E}.txt")
        try Data([0x00, 0x01, 0x02, 0x1B, 0x00]).write(to: binary)
        let cases: [(String, [String])] = [
            ("missing file", [path + "-missing"]),
            ("missing file, annotate", ["annotate", path + "-missing"]),
            ("missing file, index", ["index", path + "-missing"]),
            ("binary file", ["annotate", binary.path]),
            ("binary file in a folder", ["index", folder.path]),
            ("unknown option", ["--bogus" + Self.hostileName]),
            ("export to a bad place", ["export", "--format", "json", "-o", folder.path + "/no/such/\(Self.hostileName).json", path]),
        ]
        for (what, arguments) in cases {
            let outcome = try DossierBinary.run(arguments)
            expectSafe(outcome, what)
            #expect(outcome.status != 0 || what == "binary file in a folder", "\(what): exit \(outcome.status)")
            #expect(!outcome.stderr.isEmpty, "\(what): no message")
        }
        let missing = try DossierBinary.run([path + "-missing"])
        #expect(missing.stderr.contains("^[]0;PWNED-TITLE^G"), "\(missing.stderr)")
        #expect(missing.stderr.contains("<U+202E>"), "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").count == 1, "one line: \(missing.stderr)")
    }
}

/// The reader in tmux on a folder holding the hostile name: the library row, the status line and
/// the title never set the window title, write the clipboard or let U+202E through.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct HostileNameTmuxTests {
    static let title = "NAMES-ORIGINAL-TITLE"

    @Test func libraryAndStatusLineShowTheNamePrintable() throws {
        let folder = try HostileNameTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Second Note\n\nVelmar Works opened a yard in the north on Tuesday, the company said.\n".utf8)
            .write(to: folder.appendingPathComponent("plain.txt"))
        let terminal = try TmuxSession("\"$DOSSIER\" '\(folder.path)'", title: Self.title)
        defer { terminal.kill() }
        let library = terminal.waitFor("plain.txt")
        #expect(library.ok, "library did not open: \(library.screen)")
        let row = terminal.waitFor("UFdORUQ")
        #expect(row.ok, "the hostile name is not shown: \(row.screen)")
        #expect(HostileNameTests.live(row.screen).isEmpty, "library: \(HostileNameTests.live(row.screen))")
        #expect(terminal.paneTitle() == Self.title, "the window title changed to \(terminal.paneTitle())")
        #expect(terminal.buffers().isEmpty, "the clipboard was written: \(terminal.buffers())")
        // Open the hostile article (first in name order): its name is in the status line.
        try terminal.send("Enter")
        let opened = terminal.waitFor("Orla Brannavik")
        #expect(opened.ok, "the article did not open: \(opened.screen)")
        #expect(HostileNameTests.live(opened.screen).isEmpty, "reader: \(HostileNameTests.live(opened.screen))")
        #expect(terminal.paneTitle() == Self.title)
        #expect(terminal.buffers().isEmpty)
        try terminal.send("q")
    }

    /// A paragraph of family and skin-tone emoji: the text after them is whole and nothing passes the edge.
    @Test func composedEmojiDoNotShiftTheLine() throws {
        let text = "Emoji Line\n\nThe families 👩‍👩‍👧 and 👨‍👩‍👧‍👦 waved, 👍🏽 and 👋🏿 and 🏳️‍🌈 too, 🧑🏽‍💻 typed; then-the-text AFTER-EMOJI-INTACT would read €2.5 million as written and more words follow to wrap the line around the edge of the column.\n"
        let terminal = try TmuxSession("\"$DOSSIER\" \"$SCRATCH/emoji.txt\"", width: 80, height: 20, files: ["emoji.txt": text])
        defer { terminal.kill() }
        let shown = terminal.waitFor("AFTER-EMOJI-INTACT")
        #expect(shown.ok, "\(shown.screen)")
        let joined = shown.screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("typed; then-the-text"), "text after the emoji was lost: \(shown.screen)")
        #expect(joined.contains("€2.5 million as written"), "\(shown.screen)")
        // The pane is 80 cells wide: tmux's own line has nothing past it (a spill would wrap onto
        // the next row and push "AFTER" out of place), and each row's drawn width fits.
        for line in shown.screen.components(separatedBy: "\n") {
            #expect(!line.unicodeScalars.contains { $0.value == 0x200D || (0x1F3FB...0x1F3FF).contains($0.value) },
                    "a composed emoji reached the terminal whole: \(line)")
        }
        try terminal.send("q")
    }
}
