import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The reader's notes as a person uses them, in tmux: add a note, quit, reopen (the note and the
/// reading position are back), export it; and a note survives the reader being killed right after.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReaderNotesTmuxTests {
    static let seed = "seeds/pakistan-centcom.txt"

    /// A folder for the database that outlives each tmux session (their scratch folders do not).
    static func databaseFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-notes-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func reader(_ database: String) -> String {
        "\"$DOSSIER\" read --db '\(database)' \(seed); echo \"exit=$?\"; echo DOSSIER-DONE"
    }

    /// The main pane's first row without the margin (where a note marker may appear).
    static func topLine(_ screen: String) -> String {
        let first = screen.components(separatedBy: "\n").first ?? ""
        return String((first.components(separatedBy: "│").first ?? first).dropFirst())
    }

    @Test func aNoteAndThePositionComeBackAfterQuittingAndTheExportHasTheNote() throws {
        let folder = try Self.databaseFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path
        let note = "Clé à vérifier: the 2,500 figure"

        let first = try TmuxSession(Self.reader(database), width: 120, height: 30)
        defer { first.kill() }
        #expect(first.waitForAnnotated("pakistan-centcom.txt").ok)
        try first.send("]")
        try first.send("]")
        #expect(first.waitFor("§3/").ok)
        let readAt = Self.topLine(first.screen())
        try first.send("a")
        #expect(first.waitFor("note: ").ok, "no note prompt")
        try first.type(note)
        #expect(first.waitFor(note).ok)
        try first.send("Enter")
        let saved = first.waitFor("note saved")
        #expect(saved.ok, "not saved: \(saved.screen)")
        #expect(saved.screen.contains("✎"), "no note marker in the margin")
        try first.send("q")
        let done = first.waitFor("DOSSIER-DONE")
        #expect(done.screen.contains("exit=0"))
        first.kill()

        let second = try TmuxSession(Self.reader(database), width: 120, height: 30)
        defer { second.kill() }
        let reopened = second.waitFor("§3/")
        #expect(reopened.ok, "the reading position was not restored: \(reopened.screen)")
        #expect(Self.topLine(reopened.screen) == readAt)
        try second.send("o")
        let list = second.waitFor("Notes (1)")
        #expect(list.ok, "no Notes list: \(list.screen)")
        #expect(list.screen.contains("Clé à vérifier"))
        try second.send("q")
        #expect(second.waitFor("DOSSIER-DONE").ok)
        second.kill()

        let export = try DossierBinary.run(["export", "--format", "markdown", "--db", database, Self.seed])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdoutText.contains(note))
    }

    @Test func aNoteIsOnDiskTheMomentItIsSavedEvenIfTheReaderIsKilled() throws {
        let folder = try Self.databaseFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path

        let first = try TmuxSession(Self.reader(database), width: 120, height: 30)
        defer { first.kill() }
        #expect(first.waitForAnnotated("pakistan-centcom.txt").ok)
        try first.send("a")
        #expect(first.waitFor("note: ").ok)
        try first.type("survives kill -9")
        try first.send("Enter")
        #expect(first.waitFor("note saved").ok)
        let pid = first.programPID()
        #expect(pid != nil)
        if let pid, pid > 1 { Glibc.kill(pid, SIGKILL) }
        #expect(first.waitFor("DOSSIER-DONE").ok)
        first.kill()

        let second = try TmuxSession(Self.reader(database), width: 120, height: 30)
        defer { second.kill() }
        #expect(second.waitForAnnotated("pakistan-centcom.txt").ok)
        try second.send("o")
        let list = second.waitFor("survives kill -9")
        #expect(list.ok, "the note was lost: \(list.screen)")
        try second.send("q")
        #expect(second.waitFor("DOSSIER-DONE").ok)
    }

    @Test func aDatabaseThatCannotBeOpenedIsAWarningAndTheReaderRunsWithoutSaving() throws {
        let folder = try Self.databaseFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("broken.sqlite").path
        let garbage = Data("this is not a database, and it must survive\n".utf8)
        try garbage.write(to: URL(fileURLWithPath: database))

        let session = try TmuxSession("\"$DOSSIER\" read --db '\(database)' \(Self.seed) 2> \"$SCRATCH/err\"; echo DOSSIER-DONE",
                                      width: 120, height: 30)
        defer { session.kill() }
        let opened = session.waitFor("not saving")
        #expect(opened.ok, "no 'not saving' in the status line: \(opened.screen)")
        try session.send("q")
        #expect(session.waitFor("DOSSIER-DONE").ok)
        let warning = session.file("err") ?? ""
        #expect(warning.contains("running without saving"))
        #expect(warning.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == garbage)
    }

    @Test func aLongNoteComesFromTheEditorAndEExportsToTheChosenFile() throws {
        let folder = try Self.databaseFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path
        // The editor is a script: it gets the file as its last argument, never through a shell string.
        let editor = folder.appendingPathComponent("my editor.sh").path
        try "#!/bin/sh\nprintf 'Long note\\nsecond line\\n' > \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let exported = folder.appendingPathComponent("out.md").path

        let session = try TmuxSession(Self.reader(database), width: 120, height: 30, environment: ["VISUAL": "", "EDITOR": editor])
        defer { session.kill() }
        #expect(session.waitForAnnotated("pakistan-centcom.txt").ok)
        try session.send("A")
        let saved = session.waitFor("note saved")
        #expect(saved.ok, "the editor's note was not saved: \(saved.screen)")
        try session.send("e")
        #expect(session.waitFor("export as").ok)
        try session.send("Enter")
        let pathPrompt = session.waitFor("export to: ")
        #expect(pathPrompt.screen.contains("pakistan-centcom.notes.md"), "no default path: \(pathPrompt.screen)")
        for _ in 0..<60 { try session.send("BSpace") }
        try session.type(exported)
        try session.send("Enter")
        let reported = session.waitFor("exported 1 note, 0 highlights")
        #expect(reported.ok, "no report of the export: \(reported.screen)")
        try session.send("q")
        #expect(session.waitFor("DOSSIER-DONE").ok)
        let markdown = (try? String(contentsOfFile: exported, encoding: .utf8)) ?? ""
        #expect(markdown.contains("Long note"))
        #expect(markdown.contains("second line"))
    }

    @Test func twoReadersOnOneDatabaseBothSaveAndSeeEachOthersNotes() throws {
        let folder = try Self.databaseFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path
        let one = try TmuxSession(Self.reader(database), width: 120, height: 30)
        defer { one.kill() }
        // Two openers creating the database at the same instant: SimultaneousCreationTests (store).
        #expect(one.waitForAnnotated("pakistan-centcom.txt").ok)
        let two = try TmuxSession(Self.reader(database), width: 120, height: 30)
        defer { two.kill() }
        #expect(two.waitForAnnotated("pakistan-centcom.txt").ok)
        #expect(!two.screen().contains("not saving"), "the second reader could not open the database: \(two.screen())")
        for (session, text) in [(one, "from reader one"), (two, "from reader two")] {
            try session.send("a")
            #expect(session.waitFor("note: ").ok)
            try session.type(text)
            try session.send("Enter")
            let saved = session.waitFor("note saved")
            #expect(saved.ok, "not saved: \(saved.screen.components(separatedBy: "\n").suffix(2))")
        }
        // The Notes list reads the database again when it opens.
        try one.send("o")
        let list = one.waitFor { $0.contains("from reader one") && $0.contains("from reader two") }
        #expect(list.ok, "reader one does not list both notes: \(list.screen)")
        try one.send("q")
        try two.send("q")
        #expect(one.waitFor("DOSSIER-DONE").ok)
        #expect(two.waitFor("DOSSIER-DONE").ok)
        let export = try DossierBinary.run(["export", "--format", "json", "--db", database, Self.seed])
        #expect(export.stdoutText.contains("from reader one") && export.stdoutText.contains("from reader two"))
    }
}
