import DossierCore
import DossierStore
import Foundation
import Testing

/// Robustness of the notes database against damage: random pages (sometimes the first, sometimes
/// the -wal file) of a database holding notes are overwritten, then it is opened by the store (as
/// the reader does) and by `dossier export`. Allowed outcomes: a one-line error, or the notes that
/// could be read with the damage said out loud. Never a crash, a hang, or notes silently missing.
///
/// `swift test` runs a few rounds; `Tests/Fuzz/run-database.sh SECONDS` runs it for as long as asked
/// (DOSSIER_DB_FUZZ_SECONDS).
@Suite struct DatabaseFuzzTests {
    static let noteCount = 40
    static var seconds: Double { ProcessInfo.processInfo.environment["DOSSIER_DB_FUZZ_SECONDS"].flatMap(Double.init) ?? 0 }

    /// A database with `noteCount` notes on the sample article, as the export command will see it.
    static func template(in folder: String) throws -> (path: String, bodies: Set<String>) {
        let path = folder + "/template.sqlite"
        let text = try ExportRun.cleanText(of: ExportRun.seed)
        let store = try NoteStore.open(path: path)
        let article = try store.article(text: text, title: nil, path: ExportRun.seed)
        var bodies = Set<String>()
        for n in 0..<noteCount {
            let body = "fuzz note \(n) " + String(repeating: "harbour levy ", count: n % 7 * 10)
            _ = try store.addNote(articleID: article.id, anchor: TextAnchor(span: Span(n * 5, n * 5 + 20), in: text), body: body)
            bodies.insert(NoteTextForm.clean(body))
        }
        return (path, bodies)
    }

    @Test func damagedDatabasesGiveAnErrorOrTheirReadableNotesNeverACrashOrASilentLoss() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-dbfuzz-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (template, bodies) = try Self.template(in: folder)
        let text = try ExportRun.cleanText(of: ExportRun.seed)
        let articleID = ArticleIdentity.id(of: text)
        var random = SystemRandomNumberGenerator()
        let deadline = Date().addingTimeInterval(Self.seconds)
        var round = 0
        var outcomes: [String: Int] = [:]
        repeat {
            round += 1
            let copy = folder + "/round-\(round).sqlite"
            try FileManager.default.copyItem(atPath: template, toPath: copy)
            let pages = Int.random(in: 1...5, using: &random)
            let firstPage = Int.random(in: 0..<6, using: &random) == 0
            let damage = try PageScribbler.scribble(copy, pages: pages, includeFirst: firstPage, using: &random)

            // The store, as the reader opens it.
            do {
                let store = try NoteStore.open(path: copy, busyTimeout: 2)
                let notes = try store.notes(for: articleID).map(\.body)
                if store.wasDamaged {
                    #expect(store.openingNotice?.contains("damaged") == true && store.openingNotice?.contains("\n") == false)
                    #expect(Set(notes).isSubset(of: bodies), "a salvaged note changed: \(damage)")
                    outcomes["recovered", default: 0] += 1
                } else {
                    #expect(Set(notes) == bodies, "notes went missing without a word (\(notes.count) of \(bodies.count)): \(damage)")
                    outcomes["unharmed", default: 0] += 1
                }
                if store.savesNotes {
                    // As the reader does: the article is recorded (again, if its row was lost) before a note.
                    _ = try store.article(text: text, title: nil, path: ExportRun.seed)
                    _ = try store.addNote(articleID: articleID, anchor: TextAnchor(span: Span(0, 4), in: text), body: "after round \(round)")
                    #expect(try NoteStore.open(path: copy).notes(for: articleID).map(\.body).contains("after round \(round)"),
                            "a note accepted after the damage is gone: \(damage)")
                }
            } catch {
                #expect(!error.description.contains("\n"))
                let kind = error.description.contains("not a notes database") ? "not a database" : error.description
                outcomes["refused: \(kind)", default: 0] += 1
            }

            // The export command, on a fresh copy with the same kind of damage.
            if round <= 4 || Self.seconds > 0 {
                let exported = folder + "/export-\(round).sqlite"
                try FileManager.default.copyItem(atPath: template, toPath: exported)
                _ = try PageScribbler.scribble(exported, pages: pages, includeFirst: firstPage, using: &random)
                let run = try ExportRun.dossier(["export", ExportRun.seed, "--format", "json"], database: exported)
                #expect(run.status == 0 || run.status == 65, "export died or failed oddly (\(run.status)): \(run.stderr) \(damage)")
                #expect(run.stderr.split(separator: "\n").count <= 1, "\(run.stderr) \(damage)")
                let object = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
                let exportedNotes = ((object?["notes"] as? [[String: Any]]) ?? []).compactMap { $0["body"] as? String }
                if run.stderr.isEmpty {
                    #expect(Set(exportedNotes) == bodies, "export lost notes without a word: \(damage)")
                } else {
                    #expect(run.stderr.contains("damaged") || run.stderr.contains("not a notes database"), "\(run.stderr)")
                }
            }
        } while Date() < deadline || round < 8
        print("database fuzz: \(round) rounds, \(outcomes.sorted { $0.key < $1.key })")
    }
}

/// The store's note cleaning, as the fuzz compares bodies after storing.
enum NoteTextForm {
    static func clean(_ body: String) -> String { NoteText.clean(body) }
}

/// Overwrites random pages of a SQLite file (optionally its first) with random bytes.
enum PageScribbler {
    /// Returns what it did, for the failure message.
    static func scribble(_ path: String, pages: Int, includeFirst: Bool, using random: inout SystemRandomNumberGenerator) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let size = Int(data[16]) << 8 | Int(data[17])
        let pageSize = size == 1 ? 65536 : size
        let count = data.count / pageSize
        var chosen = Set<Int>()
        if includeFirst { chosen.insert(1) }
        while chosen.count < min(pages, count) { chosen.insert(Int.random(in: 2...max(2, count), using: &random)) }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        for page in chosen {
            try handle.seek(toOffset: UInt64((page - 1) * pageSize))
            try handle.write(contentsOf: Data((0..<pageSize).map { _ in UInt8.random(in: 0...255, using: &random) }))
        }
        return "pages \(chosen.sorted()) of \(count) overwritten"
    }
}
