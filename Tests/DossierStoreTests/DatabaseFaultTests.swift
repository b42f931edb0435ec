import DossierCore
import Foundation
import GRDB
import Testing
@testable import DossierStore

/// The rule under test: no note the reader typed is ever lost without an error. Each database
/// fault we can make (damaged pages, read-only file or folder, disk full, locked) either keeps
/// the note or fails with a one-line `NoteStoreError`, and the notes already there stay readable.
@Suite struct DatabaseFaultTests {
    let text = ArticleText(SeedTexts.sampleArticle)

    /// A database with `count` notes (long enough to fill several pages) on one article.
    func databaseWithNotes(at path: String, count: Int = 60) throws -> String {
        let store = try NoteStore.open(path: path)
        let article = try store.article(text: text, title: "Harbour levy", path: nil)
        for n in 0..<count {
            _ = try store.addNote(articleID: article.id, anchor: TextAnchor(span: Span(n, n + 12), in: text),
                                  body: "note \(n): " + String(repeating: "the levy vote moved to Thursday ", count: 8))
        }
        return article.id
    }

    @Test func damagedPagesAreMovedAsideTheReadableNotesKeptAndNewNotesSaved() throws {
        var damagedRuns = 0
        for seed in UInt64(1)...12 {
            let folder = SeedTexts.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("notes.sqlite").path
            let articleID = try databaseWithNotes(at: path)
            var random = SeededRandom(seed: seed)
            try PageDamage.overwrite(pages: 3, of: path, using: &random, sparingHeader: true)

            let store = try NoteStore.open(path: path)
            if store.wasDamaged {
                damagedRuns += 1
                let notice = try #require(store.openingNotice)
                #expect(!notice.contains("\n") && notice.contains("was damaged") && notice.contains(".corrupt-"), "\(notice)")
                let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("notes.sqlite.corrupt-") }
                #expect(aside.contains { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }, "the damaged file is kept beside, never deleted")
            }
            // Whatever survived is readable, and a new note is really stored: it is there after reopening.
            let before = try store.notes(for: articleID).count
            #expect(before <= 60)
            _ = try store.article(text: text, title: nil, path: nil)
            _ = try store.addNote(articleID: articleID, anchor: TextAnchor(span: Span(0, 5), in: text), body: "typed after the damage")
            let reopened = try NoteStore.open(path: path)
            #expect(!reopened.wasDamaged)
            #expect(try reopened.notes(for: articleID).map(\.body).contains("typed after the damage"))
            #expect(try reopened.notes(for: articleID).count == before + 1)
        }
        #expect(damagedRuns > 0, "three overwritten pages out of a few dozen must be found by the integrity check")
    }

    @Test func aDamagedDatabaseOpenedForExportIsLeftAsItIsAndItsReadableNotesAreUsed() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        let articleID = try databaseWithNotes(at: path)
        var random = SeededRandom(seed: 7)
        try PageDamage.overwrite(pages: 3, of: path, using: &random, sparingHeader: true)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try NoteStore.open(path: path, createIfMissing: false, access: .readOnly)
        #expect(store.wasDamaged)
        #expect(store.openingNotice?.contains("is damaged") == true)
        #expect(try store.notes(for: articleID).count <= 60)
        #expect(throws: NoteStoreError.self) {
            _ = try store.addNote(articleID: articleID, anchor: TextAnchor(span: Span(0, 5), in: text), body: "x")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "exporting never writes the database")
    }

    @Test func salvageKeepsTheRowsOnIntactPagesAfterTheDamage() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        let articleID = try databaseWithNotes(at: path, count: 200)
        // Damage one leaf page of the note table in the middle: the notes before and after it are kept.
        let leaf = try DatabaseQueue(path: path).read { db in
            try Int.fetchAll(db, sql: "SELECT pageno FROM dbstat WHERE name = 'note' AND pagetype = 'leaf' ORDER BY pageno")
        }
        try #require(leaf.count > 4)
        try PageDamage.overwrite(page: leaf[leaf.count / 2], of: path)
        let store = try NoteStore.open(path: path)
        #expect(store.wasDamaged)
        let kept = try store.notes(for: articleID)
        #expect(kept.count > 150 && kept.count < 200, "\(kept.count)")
        #expect(kept.contains { $0.body.hasPrefix("note 0:") } && kept.contains { $0.body.hasPrefix("note 199:") })
    }

    @Test func aReadOnlyDatabaseShowsItsNotesAndRefusesNewOnesWithAnError() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        let articleID = try databaseWithNotes(at: path, count: 3)
        try ReadOnlyPlace.make(path) { () throws in
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let (store, warning) = NoteStore.openForReading(option: path)
            #expect(store.isPersistent && !store.isWritable && !store.savesNotes)
            #expect(warning?.contains("new notes cannot be saved") == true, "\(warning ?? "")")
            #expect(try store.notes(for: ArticleIdentity.id(of: text)).count == 3)
            #expect(try store.article(text: text, title: nil, path: nil).id == articleID)
            #expect(throws: NoteStoreError.readOnly(path: path)) {
                _ = try store.addNote(articleID: articleID, anchor: TextAnchor(span: Span(0, 5), in: text), body: "x")
            }
            let exporting = try NoteStore.open(path: path, createIfMissing: false, access: .readOnly)
            #expect(try exporting.notes(for: articleID).count == 3)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    @Test func aDatabaseInAReadOnlyFolderShowsItsNotes() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        let articleID = try databaseWithNotes(at: path, count: 4)
        try ReadOnlyPlace.make(folder.path) { () throws in
            let (store, warning) = NoteStore.openForReading(option: path)
            #expect(warning != nil && !store.savesNotes)
            #expect(try store.notes(for: articleID).count == 4)
            #expect(throws: NoteStoreError.self) {
                _ = try store.addNote(articleID: articleID, anchor: TextAnchor(span: Span(0, 5), in: text), body: "x")
            }
        }
    }

    @Test func aLockedDatabaseFailsTheWriteWithAClearErrorAfterTheBusyTimeout() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        let articleID = try databaseWithNotes(at: path, count: 2)
        let store = try NoteStore.open(path: path, busyTimeout: 0.3)
        // Another connection (as another process would) holds the write lock.
        let other = try DatabaseQueue(path: path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            let started = Date()
            #expect {
                _ = try store.addNote(articleID: articleID, anchor: TextAnchor(span: Span(0, 5), in: text), body: "waits")
            } throws: { error in
                guard case .failed(_, let reason) = error as? NoteStoreError else { return false }
                return reason == "another program kept the database locked"
            }
            #expect(Date().timeIntervalSince(started) >= 0.25, "the write waited for the lock first")
            #expect(try store.notes(for: articleID).count == 2, "reading still works while another writes")
            try db.execute(sql: "ROLLBACK")
        }
        _ = try store.addNote(articleID: articleID, anchor: TextAnchor(span: Span(0, 5), in: text), body: "after the lock")
        #expect(try store.notes(for: articleID).count == 3)
    }

    @Test func aFullDiskFailsTheWriteWithAClearErrorAndKeepsTheOldNotes() throws {
        guard let disk = SmallDisk(kilobytes: 768) else {
            // Needs root and mount (the CI container has both); RLIMIT_FSIZE is covered by the end-to-end test.
            return
        }
        defer { disk.remove() }
        let path = disk.folder + "/notes.sqlite"
        let articleID = try databaseWithNotes(at: path, count: 5)
        let store = try NoteStore.open(path: path)
        disk.fill()
        var failures = 0
        for n in 0..<400 {
            do {
                _ = try store.addNote(articleID: articleID, anchor: TextAnchor(span: Span(0, 5), in: text),
                                      body: "filling \(n) " + String(repeating: "x", count: 3000))
            } catch {
                failures += 1
                #expect(error.description.contains("disk") && !error.description.contains("\n"), "\(error)")
                break
            }
        }
        #expect(failures == 1, "a full disk is reported, not swallowed")
        #expect(try store.notes(for: articleID).count >= 5)
        disk.unfill()
        _ = try store.addNote(articleID: articleID, anchor: TextAnchor(span: Span(0, 5), in: text), body: "after freeing space")
        #expect(try NoteStore.open(path: path).notes(for: articleID).contains { $0.body == "after freeing space" })
    }
}

/// Overwrites pages of a SQLite file with random bytes, as a failing disk would.
enum PageDamage {
    static func pageSize(of path: String) throws -> Int {
        let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(18)
        let size = Int(header[16]) << 8 | Int(header[17])
        return size == 1 ? 65536 : size
    }

    static func overwrite(pages count: Int, of path: String, using random: inout SeededRandom, sparingHeader: Bool) throws {
        let size = try pageSize(of: path)
        let pages = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) / size
        var chosen = Set<Int>()
        let first = sparingHeader ? 2 : 1
        guard pages >= first else { return }
        while chosen.count < min(count, pages - first + 1) { chosen.insert(Int.random(in: first...pages, using: &random)) }
        for page in chosen { try overwrite(page: page, of: path, size: size, using: &random) }
    }

    static func overwrite(page: Int, of path: String) throws {
        var random = SeededRandom(seed: UInt64(page))
        try overwrite(page: page, of: path, size: try pageSize(of: path), using: &random)
    }

    private static func overwrite(page: Int, of path: String, size: Int, using random: inout SeededRandom) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64((page - 1) * size))
        try handle.write(contentsOf: Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }))
    }
}

/// SplitMix64: the same damage on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A file or folder that cannot be written while `body` runs: chmod for a normal user, the
/// immutable attribute for root (whom chmod does not stop).
enum ReadOnlyPlace {
    static func make(_ path: String, _ body: () throws -> Void) throws {
        let isRoot = getuid() == 0
        if isRoot {
            guard ReadOnlyFile.run("/usr/bin/chattr", ["+i", path]) else {
                Issue.record("chattr +i failed: cannot make \(path) read-only for root")
                return
            }
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path)
        }
        defer {
            if isRoot { _ = ReadOnlyFile.run("/usr/bin/chattr", ["-i", path]) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        try body()
    }
}

/// A small tmpfs to fill up; nil when mounting is not allowed here.
struct SmallDisk {
    let folder: String

    init?(kilobytes: Int) {
        guard getuid() == 0 else { return nil }
        let folder = SeedTexts.temporaryFolder().path
        guard ReadOnlyFile.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder]) else {
            try? FileManager.default.removeItem(atPath: folder)
            return nil
        }
        self.folder = folder
    }

    func fill() {
        // Written until the disk says no.
        guard let handle = FileHandle(forWritingAtPath: filler) ?? {
            _ = FileManager.default.createFile(atPath: filler, contents: nil)
            return FileHandle(forWritingAtPath: filler)
        }() else { return }
        defer { try? handle.close() }
        let block = Data(repeating: 0x41, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
    }

    func unfill() { try? FileManager.default.removeItem(atPath: filler) }

    func remove() {
        _ = ReadOnlyFile.run("/usr/bin/umount", [folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    private var filler: String { folder + "/filler" }
}
