import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// No note typed in the reader is lost without an error on screen, whatever is wrong with the notes
/// database: damaged pages, a read-only file, a full disk, another program holding the lock.
/// Each test first saves a note with a healthy database, then breaks it and reads again.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct DatabaseFaultTmuxTests {
    static let seed = ReaderNotesTmuxTests.seed

    static func reader(_ database: String) -> String { ReaderNotesTmuxTests.reader(database) }

    /// Runs the reader once to save `note` on the first paragraph, and quits.
    static func saveNote(_ note: String, in database: String) throws {
        let session = try TmuxSession(reader(database), width: 160, height: 30)
        defer { session.kill() }
        #expect(session.waitForAnnotated("pakistan-centcom.txt").ok)
        try session.send("a")
        #expect(session.waitFor("note: ").ok)
        try session.type(note)
        try session.send("Enter")
        #expect(session.waitFor("note saved").ok)
        try session.send("q")
        #expect(session.waitFor("DOSSIER-DONE").screen.contains("exit=0"))
    }

    /// Types `note` in an open reader and expects it refused with the reason, still in the prompt.
    static func expectKeptInThePrompt(_ note: String, _ session: TmuxSession, reason: String) throws {
        try session.send("a")
        #expect(session.waitFor("note: ").ok)
        try session.type(note)
        try session.send("Enter")
        let refused = session.waitFor("NOT saved")
        #expect(refused.ok, "no error for the unsaved note: \(refused.screen)")
        #expect(refused.screen.contains(reason), "\(refused.screen)")
        let prompt = refused.screen.components(separatedBy: "\n").first { $0.contains("NOT saved") } ?? ""
        #expect(prompt.contains(note), "the typed note is not kept in the prompt: \(prompt)")
    }

    @Test func aDamagedDatabaseIsMovedAsideExportSaysSoAndANewNoteIsReallySaved() throws {
        let folder = try ReaderNotesTmuxTests.databaseFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path
        try Self.saveNote("before the damage", in: database)
        try DatabaseDamage.overwriteEveryTreePage(of: database)
        let damaged = try Data(contentsOf: URL(fileURLWithPath: database))

        // export only reads: it says the database is damaged, exits non-zero, and leaves the file as it is.
        let export = try DossierBinary.run(["export", "--db", database, Self.seed])
        #expect(export.status == 65, "\(export.status) \(export.stderr)")
        #expect(export.stderr.contains("is damaged"), "\(export.stderr)")
        #expect(export.stdoutText.contains("# "), "the article is still exported")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == damaged)

        let session = try TmuxSession(Self.reader(database), width: 200, height: 30)
        defer { session.kill() }
        let told = session.waitFor("was damaged: moved it to")
        #expect(told.ok, "the damage was not reported: \(told.screen)")
        #expect(session.waitForAnnotated("pakistan-centcom.txt").ok)
        try session.send("a")
        #expect(session.waitFor("note: ").ok)
        try session.type("after the damage")
        try session.send("Enter")
        #expect(session.waitFor("note saved").ok)
        try session.send("q")
        #expect(session.waitFor("DOSSIER-DONE").screen.contains("exit=0"))

        let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".corrupt-") }
        #expect(!aside.isEmpty, "the damaged file is kept beside the new one")
        let after = try DossierBinary.run(["export", "--db", database, Self.seed])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdoutText.contains("after the damage"), "the note typed after the damage is not in the database")
    }

    @Test func aReadOnlyDatabaseShowsItsNotesAndAnUnsavedNoteStaysInThePrompt() throws {
        let folder = try ReaderNotesTmuxTests.databaseFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path
        try Self.saveNote("Velmar Works figure", in: database)
        guard DatabaseDamage.makeReadOnly(database) else {
            Issue.record("cannot make \(database) read-only here")
            return
        }
        defer { DatabaseDamage.makeWritable(database) }

        let session = try TmuxSession(Self.reader(database), width: 200, height: 30)
        defer { session.kill() }
        #expect(session.waitFor("new notes cannot be saved").ok, "\(session.screen())")
        #expect(session.waitForAnnotated("pakistan-centcom.txt").ok)
        try session.send("o")
        let list = session.waitFor("Notes (1)")
        #expect(list.ok && list.screen.contains("Velmar Works figure"), "the saved note is hidden: \(list.screen)")
        try session.send("Escape")
        try Self.expectKeptInThePrompt("Ilse Varrow checks", session, reason: "read-only")
        try session.send("Escape")
        try session.send("q")
        #expect(session.waitFor("DOSSIER-DONE").ok)

        let export = try DossierBinary.run(["export", "--db", database, Self.seed])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdoutText.contains("Velmar Works figure"), "export left the read-only database's notes out")
    }

    @Test func aFullDiskShowsTheNotesAndAnUnsavedNoteStaysInThePrompt() throws {
        guard let disk = FullDisk(kilobytes: 1024) else { return }  // needs root and mount
        defer { disk.remove() }
        let database = disk.folder + "/notes.sqlite"
        try Self.saveNote("saved while there was room", in: database)
        disk.fill()
        let session = try TmuxSession(Self.reader(database), width: 200, height: 30)
        defer { session.kill() }
        #expect(session.waitFor("new notes cannot be saved").ok, "\(session.screen())")
        #expect(session.waitForAnnotated("pakistan-centcom.txt").ok)
        try session.send("o")
        #expect(session.waitFor("Notes (1)").ok, "\(session.screen())")
        try session.send("Escape")
        try Self.expectKeptInThePrompt("typed on a full disk", session, reason: "NOT saved")
        try session.send("Escape")
        try session.send("q")
        #expect(session.waitFor("DOSSIER-DONE").ok)
    }

    /// Without root: a file-size limit (RLIMIT_FSIZE via prlimit) stops the -wal file growing. The
    /// reader must not die of SIGXFSZ; the note that does not fit stays in the prompt.
    @Test func aFileSizeLimitDoesNotKillTheReaderAndTheNoteThatDoesNotFitIsKept() throws {
        let prlimit = "/usr/bin/prlimit"
        guard FileManager.default.isExecutableFile(atPath: prlimit) else { return }
        let folder = try ReaderNotesTmuxTests.databaseFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path
        try Self.saveNote("saved before the limit", in: database)
        // 36 KB: room for the 32 KB -shm index and a few -wal frames, not for many notes.
        let command = "\(prlimit) --fsize=36000 \"$DOSSIER\" read --db '\(database)' \(Self.seed); echo \"exit=$?\"; echo DOSSIER-DONE"
        let session = try TmuxSession(command, width: 200, height: 30)
        defer { session.kill() }
        #expect(session.waitForAnnotated("pakistan-centcom.txt").ok)
        var saved: [String] = []
        var refused: String?
        for n in 1...12 where refused == nil {
            let note = "limit note \(n)"
            try session.send("a")
            #expect(session.waitFor("note: ").ok)
            try session.type(note)
            try session.send("Enter")
            // Saved: the prompt has closed and the status says so; refused: the prompt stays with the reason.
            let outcome = session.waitFor { $0.contains("NOT saved") || (!$0.contains("note: ") && $0.contains("note saved")) }
            if outcome.screen.contains("NOT saved") { refused = note } else { saved.append(note) }
        }
        let kept = try #require(refused, "twelve notes fitted in 36 KB: the limit did not apply")
        let prompt = session.screen().components(separatedBy: "\n").first { $0.contains("NOT saved") } ?? ""
        #expect(prompt.contains(kept), "the refused note is not in the prompt: \(prompt)")
        try session.send("Escape")
        try session.send("q")
        let done = session.waitFor("DOSSIER-DONE")
        #expect(done.screen.contains("exit=0"), "the reader died: \(done.screen)")
        let export = try DossierBinary.run(["export", "--db", database, Self.seed])
        for note in saved + ["saved before the limit"] {
            #expect(export.stdoutText.contains(note), "\(note) was shown as saved but is not in the database")
        }
    }

    @Test func aLockedDatabaseFailsTheNoteClearlyAndEnterSavesItOnceTheLockIsGone() throws {
        let sqlite = "/usr/bin/sqlite3"
        guard FileManager.default.isExecutableFile(atPath: sqlite) else { return }
        let folder = try ReaderNotesTmuxTests.databaseFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("notes.sqlite").path
        try Self.saveNote("first", in: database)

        let session = try TmuxSession(Self.reader(database), width: 200, height: 30, environment: ["DOSSIER_DB_BUSY_TIMEOUT": "1"])
        defer { session.kill() }
        #expect(session.waitForAnnotated("pakistan-centcom.txt").ok)
        // Another program takes the write lock and keeps it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: sqlite)
        holder.arguments = [database]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nUPDATE note SET body = body;\n".utf8))
        usleep(300_000)
        try Self.expectKeptInThePrompt("written while locked", session, reason: "locked")
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        try session.send("Enter")
        #expect(session.waitFor("note saved").ok, "\(session.screen())")
        try session.send("q")
        #expect(session.waitFor("DOSSIER-DONE").ok)
        let export = try DossierBinary.run(["export", "--db", database, Self.seed])
        #expect(export.stdoutText.contains("written while locked"))
    }
}

/// Ways to break a notes database for a test.
enum DatabaseDamage {
    /// Overwrites every page after the first (the header and schema stay readable) that holds a
    /// table or index, as a failing disk would: SQLite calls the file malformed.
    static func overwriteEveryTreePage(of path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let size = Int(data[16]) << 8 | Int(data[17])
        let pageSize = size == 1 ? 65536 : size
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var page = 1  // 0-based: the second page
        while (page + 1) * pageSize <= data.count {
            // B-tree pages start with 0x02, 0x05, 0x0A or 0x0D; free and overflow pages are left alone.
            if [0x02, 0x05, 0x0A, 0x0D].contains(data[page * pageSize]) {
                try handle.seek(toOffset: UInt64(page * pageSize))
                try handle.write(contentsOf: Data((0..<pageSize).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ page) }))
            }
            page += 1
        }
    }

    static func makeReadOnly(_ path: String) -> Bool {
        if getuid() == 0 { return run("/usr/bin/chattr", ["+i", path]) }
        return chmod(path, 0o444) == 0
    }

    static func makeWritable(_ path: String) {
        if getuid() == 0 { _ = run("/usr/bin/chattr", ["-i", path]) }
        _ = chmod(path, 0o644)
    }

    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// A small tmpfs that can be filled to the last byte; nil without root or mount.
struct FullDisk {
    let folder: String

    init?(kilobytes: Int) {
        guard getuid() == 0 else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-full-\(UUID().uuidString.prefix(8))").path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
              DatabaseDamage.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder]) else {
            try? FileManager.default.removeItem(atPath: folder)
            return nil
        }
        self.folder = folder
    }

    func fill() {
        let filler = folder + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: filler) else { return }
        defer { try? handle.close() }
        let block = Data(repeating: 0x41, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
    }

    func remove() {
        _ = DatabaseDamage.run("/usr/bin/umount", [folder])
        try? FileManager.default.removeItem(atPath: folder)
    }
}
