import DossierCore
import Foundation
import Testing
@testable import DossierStore

@Suite struct NoteStoreTests {
    let seed = SeedTexts.sampleArticle

    func span(of phrase: String, in text: ArticleText) -> Span {
        guard let range = text.string.range(of: phrase) else { Issue.record("not found: \(phrase)"); return Span(0, 0) }
        let start = text.string.unicodeScalars.distance(from: text.string.unicodeScalars.startIndex, to: range.lowerBound)
        return Span(start, start + phrase.unicodeScalars.count)
    }

    @Test func notesAreListedInReadingOrderAndSurviveReopening() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sub/dir/notes.sqlite").path
        let text = ArticleText(seed)
        do {
            let store = try NoteStore.open(path: path)
            let article = try store.article(text: text, title: "Portugal & NHA", path: nil)
            #expect(article.id == SHA256.hexDigest(seed.utf8))
            _ = try store.addNote(articleID: article.id, anchor: TextAnchor(span: span(of: "Emil Vantor", in: text), in: text), body: "later")
            _ = try store.addNote(articleID: article.id, anchor: TextAnchor(span: span(of: "Benedikt Wendelbrook", in: text), in: text), body: "earlier")
            try store.setReadingPosition(articleID: article.id, offset: 1234, in: text)
            #expect(FileManager.default.fileExists(atPath: path + "-wal"), "WAL mode keeps a -wal file beside the database")
        }
        let reopened = try NoteStore.open(path: path)
        let id = ArticleIdentity.id(of: text)
        #expect(try reopened.notes(for: id).map(\.body) == ["earlier", "later"])
        #expect(try reopened.readingPosition(articleID: id)?.offset == 1234)
        #expect(try reopened.articles().first?.title == "Portugal & NHA")
    }

    /// The library's one read for all articles says what the per-article reads say.
    @Test func libraryMarksAgreeWithEachArticlesOwnReads() throws {
        let store = NoteStore.inMemory()
        let texts = (1...4).map { ArticleText("Article \($0). " + seed) }
        let ids = try texts.map { try store.article(text: $0, title: nil, path: nil).id }
        for (number, (id, text)) in zip(ids, texts).enumerated() {
            for n in 0..<number { _ = try store.addNote(articleID: id, anchor: TextAnchor(span: Span(n, n + 5), in: text), body: "note \(n)") }
        }
        try store.setReadingPosition(articleID: ids[1], offset: 10, in: texts[1])
        try store.setReadingPosition(articleID: ids[3], offset: 20, in: texts[3])
        _ = try store.deleteNote(id: try #require(store.notes(for: ids[3]).first?.id))

        let marks = try store.libraryMarks()
        for id in ids + ["never-stored"] {
            #expect(marks.readArticles.contains(id) == (try store.readingPosition(articleID: id) != nil))
            #expect((marks.noteCounts[id] ?? 0) == (try store.notes(for: id).count))
        }
        #expect(marks.noteCounts[ids[3]] == 2)
    }

    @Test func deleteThenRestoreBringsBackTheSameNote() throws {
        let store = NoteStore.inMemory()
        let text = ArticleText(seed)
        let article = try store.article(text: text, title: nil, path: nil)
        let anchor = TextAnchor(span: span(of: "reliable partner", in: text), in: text)
        let note = try store.addNote(articleID: article.id, anchor: anchor, body: "Check the\u{1B}[31m source\r\nsecond line")
        #expect(note.body == "Check the source\nsecond line", "escape sequences are removed whole before storing")
        let updated = try store.updateNote(id: note.id!, body: "Check the source")
        #expect(updated.updated >= note.updated)
        let deleted = try store.deleteNote(id: note.id!)
        #expect(try store.notes(for: article.id).isEmpty)
        let other = try store.addNote(articleID: article.id, anchor: anchor, body: "another")
        #expect(other.id != note.id, "a deleted note's id is never reused, so undo can restore it")
        try store.restore(deleted)
        let notes = try store.notes(for: article.id)
        #expect(notes.count == 2)
        #expect(notes.contains(deleted))
        #expect(throws: NoteStoreError.self) { try store.deleteNote(id: 9999) }
    }

    @Test func highlightsAndBookmarksRoundTrip() throws {
        let store = NoteStore.inMemory()
        let text = ArticleText(seed)
        let article = try store.article(text: text, title: nil, path: nil)
        let mention = TextAnchor(span: span(of: "Emil Vantor", in: text), in: text)
        let highlight = try store.addHighlight(articleID: article.id, anchor: mention, entityID: "e7")
        _ = try store.addBookmark(articleID: article.id, anchor: mention, label: "Vantor")
        #expect(try store.highlights(for: article.id) == [highlight])
        #expect(try store.bookmarks(for: article.id).map(\.label) == ["Vantor"])
        #expect(try store.bookmarks().count == 1)
        try store.deleteHighlight(id: highlight.id!)
        #expect(try store.highlights(for: article.id).isEmpty)
    }

    @Test func editedFileCarriesNotesOverAndKeepsOrphans() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("article.txt")
        let store = try NoteStore.open(path: folder.appendingPathComponent("notes.sqlite").path)

        let old = ArticleText(seed)
        try seed.write(to: file, atomically: true, encoding: .utf8)
        let v1 = try store.article(text: old, title: "v1", path: file.path)
        let kept = "Ravelle said the authority would not pick one partner over the other"
        let typo = "Emil Vantor, echoed the commissioner"
        let gone = "Whether the two services can agree on how to share it is the question for the next budget."
        for phrase in [kept, typo, gone] {
            _ = try store.addNote(articleID: v1.id, anchor: TextAnchor(span: span(of: phrase, in: old), in: old), body: "on: \(phrase)")
        }
        _ = try store.addHighlight(articleID: v1.id, anchor: TextAnchor(span: span(of: gone, in: old), in: old))
        try store.setReadingPosition(articleID: v1.id, offset: span(of: typo, in: old).start, in: old)

        // Re-saved: a paragraph above, a word changed in a noted phrase, a sentence cut.
        let edited = "Updated with new reporting.\n\n" + seed
            .replacingOccurrences(of: "echoed the commissioner", with: "echoed our commissioner")
            .replacingOccurrences(of: " " + gone, with: "")
        let new = ArticleText(edited)
        // Another spelling of the same path: the store keeps one canonical path per file.
        let relative = folder.path + "/./sub/../article.txt"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let v2 = try store.article(text: new, title: "v2", path: relative)
        #expect(v2.id != v1.id)
        #expect(v2.path == ArticleIdentity.canonicalPath(file.path))

        let notes = try store.notes(for: v2.id)
        #expect(notes.count == 3, "no note is dropped")
        let attached = notes.filter { !$0.isOrphaned }
        #expect(attached.count == 2)
        for note in attached { #expect(new.slice(note.anchor.span) == note.anchor.exact) }
        #expect(attached.map(\.anchor.exact).contains("Emil Vantor, echoed our commissioner"))
        let orphans = notes.filter(\.isOrphaned)
        #expect(orphans.map(\.body) == ["on: \(gone)"])
        #expect(orphans.first?.anchor.exact == gone, "an orphan keeps its old quote")
        #expect(try store.highlights(for: v2.id).allSatisfy(\.isOrphaned))
        let position = try #require(try store.readingPosition(articleID: v2.id))
        #expect(new.slice(Span(position.offset, position.offset + 11)) == "Emil Vantor")
        #expect(try store.storedArticle(id: v1.id) == nil, "the emptied older version is forgotten")
        #expect(try store.notes(for: v1.id).isEmpty)
    }

    @Test func fileOverwrittenWithAnotherArticleKeepsTheNotesOnTheOldOne() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("today.txt").path
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        let store = try NoteStore.open(path: folder.appendingPathComponent("notes.sqlite").path)
        let old = ArticleText(seed)
        let v1 = try store.article(text: old, title: "Harbour", path: file)
        _ = try store.addNote(articleID: v1.id, anchor: TextAnchor(span: span(of: "Emil Vantor", in: old), in: old), body: "Vantor")
        let other = ArticleText(SeedTexts.seed("wikinews-korea.txt"))
        let v2 = try store.article(text: other, title: "Other", path: file)
        #expect(try store.notes(for: v2.id).isEmpty)
        #expect(try store.notes(for: v1.id).map(\.body) == ["Vantor"])
        #expect(try store.notes(for: v1.id).first?.isOrphaned == false)
        // Opening the first article again (saved elsewhere) finds its note where it was.
        let back = try store.article(text: old, title: "Harbour", path: folder.appendingPathComponent("copy.txt").path)
        #expect(back.id == v1.id)
        #expect(try store.notes(for: back.id).count == 1)
    }

    @Test func twoConnectionsWritingAtOnceLoseNothing() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shared.sqlite").path
        let text = ArticleText(seed)
        let first = try NoteStore.open(path: path)
        let second = try NoteStore.open(path: path)
        let article = try first.article(text: text, title: nil, path: nil)
        let anchor = TextAnchor(span: Span(100, 140), in: text)
        let perWriter = 40
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let store = writer == 0 ? first : second
            for n in 0..<perWriter {
                do {
                    _ = try store.article(text: text, title: nil, path: nil)
                    _ = try store.addNote(articleID: article.id, anchor: anchor, body: "writer \(writer) note \(n)")
                } catch { failures.increment() }
            }
        }
        #expect(failures.value == 0)
        let bodies = Set(try first.notes(for: article.id).map(\.body))
        #expect(bodies.count == 2 * perWriter)
    }

    @Test func unwritablePlaceIsATypedErrorAndTheFallbackStillWorks() throws {
        // /proc refuses new files even to root, unlike a chmod-ed folder.
        let path = "/proc/dossier-tests-no-such-folder/notes.sqlite"
        #expect {
            _ = try NoteStore.open(path: path)
        } throws: { error in
            guard case .cannotOpen(let where_, _) = error as? NoteStoreError else { return false }
            return where_ == path
        }
        let (store, failure) = NoteStore.openOrInMemory(path: path)
        #expect(failure != nil)
        #expect(!store.isPersistent)
        let text = ArticleText(seed)
        let article = try store.article(text: text, title: nil, path: nil)
        _ = try store.addNote(articleID: article.id, anchor: TextAnchor(span: Span(0, 10), in: text), body: "kept in memory")
        #expect(try store.notes(for: article.id).count == 1)
    }

    @Test func readOnlyDatabaseFileIsReportedAndLeftUntouched() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        let text = ArticleText(seed)
        do {
            let store = try NoteStore.open(path: path)
            let article = try store.article(text: text, title: nil, path: nil)
            _ = try store.addNote(articleID: article.id, anchor: TextAnchor(span: Span(0, 8), in: text), body: "kept")
        }
        // chmod does not stop root; the immutable attribute does (and chmod suffices for anyone else).
        let isRoot = getuid() == 0
        if isRoot {
            guard ReadOnlyFile.run("/usr/bin/chattr", ["+i", path]) else { return }
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        }
        defer {
            if isRoot { _ = ReadOnlyFile.run("/usr/bin/chattr", ["-i", path]) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // Opened read-only: the notes are there, saving is refused (see DatabaseFaultTests).
        let (store, failure) = NoteStore.openOrInMemory(path: path)
        #expect(failure == nil)
        #expect(!store.savesNotes)
        #expect(store.openingNotice?.contains("read-only") == true)
        #expect(try store.notes(for: ArticleIdentity.id(of: text)).map(\.body) == ["kept"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func corruptFileIsReportedAndLeftUntouched() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        let garbage = Data(("This is not a database, it is a shopping list.\n" + String(repeating: "eggs\n", count: 400)).utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: NoteStoreError.notADatabase(path: path)) { _ = try NoteStore.open(path: path) }
        let (_, failure) = NoteStore.openOrInMemory(path: path)
        #expect(failure == .notADatabase(path: path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        #expect(failure?.description.contains("\n") == false)
    }

    @Test func readerGetsAWorkingStoreAndAOneLineWarningWhenTheDatabaseIsBroken() throws {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.sqlite").path
        try Data("garbage, not a database".utf8).write(to: URL(fileURLWithPath: broken))
        let (fallback, warning) = NoteStore.openForReading(option: nil, environment: ["DOSSIER_DB": broken])
        #expect(!fallback.isPersistent)
        let line = try #require(warning)
        #expect(line.hasSuffix("running without saving") && !line.contains("\n") && line.contains(broken))

        let good = folder.appendingPathComponent("xdg")
        let (store, none) = NoteStore.openForReading(option: nil, environment: ["XDG_DATA_HOME": good.path, "HOME": "/nonexistent"])
        #expect(none == nil)
        #expect(store.path == good.path + "/dossier/dossier.sqlite")
        #expect(FileManager.default.fileExists(atPath: good.path + "/dossier/dossier.sqlite"))
    }

    @Test func missingFileIsNotCreatedWhenAskedNotTo() {
        let folder = SeedTexts.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("none.sqlite").path
        #expect(throws: NoteStoreError.missing(path: path)) { _ = try NoteStore.open(path: path, createIfMissing: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func locationPrefersOptionThenVariableThenXDGThenHome() {
        let env = ["DOSSIER_DB": "/env/db.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/me"]
        #expect(StoreLocation.path(option: "/opt.sqlite", environment: env) == "/opt.sqlite")
        #expect(StoreLocation.path(option: nil, environment: env) == "/env/db.sqlite")
        #expect(StoreLocation.path(option: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/me"]) == "/xdg/dossier/dossier.sqlite")
        #expect(StoreLocation.path(option: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/me"])
                == "/home/me/.local/share/dossier/dossier.sqlite")
        #expect(StoreLocation.path(option: nil, environment: [:]) == nil)
    }
}

/// Runs a system tool for a test's setup; false when it is missing or fails.
enum ReadOnlyFile {
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

/// A counter several threads can bump.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

/// Several openers creating one database at the same instant all get a working store.
@Suite struct SimultaneousCreationTests {
    @Test func openersRacingToCreateTheDatabaseAllSucceed() throws {
        for round in 0..<8 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-race-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("notes.sqlite").path
            let failures = FailureLog()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try NoteStore.open(path: path) } catch { failures.record("\(error)") }
            }
            #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
        }
    }
}

private final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func record(_ message: String) { lock.lock(); messages.append(message); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return messages }
}
