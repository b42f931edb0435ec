import DossierCore
import DossierStore
import Foundation
import Testing

/// `dossier export` driven as a separate process: notes from the database, safe writes, and
/// several processes sharing one notes database.
@Suite struct ExportCommandTests {
    @Test func exportsTheReadersNotesToAMarkdownFile() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let store = try NoteStore.open(path: scratch.database)
        let text = try ExportRun.cleanText(of: ExportRun.seed)
        let article = try store.article(text: text, title: nil, path: ExportRun.seed)
        let span = try #require(ExportRun.span(of: "Emil Vantor, echoed the commissioner", in: text))
        _ = try store.addNote(articleID: article.id, anchor: TextAnchor(span: span, in: text), body: "Who is Emil Vantor? Look up his record.")

        let out = scratch.path("notes.md")
        let run = try ExportRun.dossier(["export", ExportRun.seed, "--db", scratch.database, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try String(contentsOfFile: out, encoding: .utf8)
        #expect(markdown.hasPrefix("---\n"))
        #expect(markdown.contains("Who is Emil Vantor? Look up his record."))
        #expect(markdown.contains("> Emil Vantor, echoed the commissioner"))
        #expect(run.stderr.contains("wrote \(out)"))
        #expect(run.stdout.isEmpty)
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let out = scratch.path("existing.html")
        try "keep me".write(toFile: out, atomically: false, encoding: .utf8)
        let refused = try ExportRun.dossier(["export", ExportRun.seed, "--format", "html", "-o", out], database: scratch.database)
        #expect(refused.status == 73)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("--force"))

        let forced = try ExportRun.dossier(["export", ExportRun.seed, "--format", "html", "-o", out, "--force"], database: scratch.database)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder).sorted() == ["existing.html"], "no temporary file left")
    }

    /// JSON is written as the articles are annotated: a file still appears whole and only with an
    /// article in it, an article that cannot be read is reported and the rest exported, and the
    /// folder holds no temporary file afterwards.
    @Test func streamedJSONFileHasEveryReadableArticleAndNoneMeansNoFile() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let missing = scratch.path("missing.txt")
        let out = scratch.path("briefing.json")
        let run = try ExportRun.dossier(["export", ExportRun.seed, missing, ExportRun.seed, "--format", "json", "-o", out],
                                        database: scratch.database)
        #expect(run.status == 66, "\(run.stderr)")
        #expect(run.stderr.contains("missing.txt"))
        #expect(run.stderr.contains("wrote \(out) (json, 2 articles"))
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "two articles: JSON Lines")
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["article_id"] is String)
        }

        let none = scratch.path("none.json")
        let failed = try ExportRun.dossier(["export", missing, "--format", "json", "-o", none], database: scratch.database)
        #expect(failed.status == 66)
        #expect(!FileManager.default.fileExists(atPath: none), "no article, no file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder).sorted() == ["briefing.json"],
                "no temporary file left")
    }

    /// A streamed export has its temporary file beside the target while it works: an interrupt
    /// (Ctrl-C, or the TERM of a shutdown) removes it and the process dies of the signal.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedStreamedExportLeavesNoFileBehind(signal: Int32) throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let article = try String(contentsOfFile: ExportRun.seed, encoding: .utf8)
        let record = try String(decoding: JSONSerialization.data(withJSONObject: ["text": article]), as: UTF8.self)
        let feed = scratch.path("feed.jsonl")
        try String(repeating: record + "\n", count: 4_000).write(toFile: feed, atomically: false, encoding: .utf8)
        let out = scratch.path("out.json")
        let (process, _) = try ExportRun.start(["export", feed, "--format", "json", "--no-notes", "-o", out], in: scratch.folder)
        // The temporary file is made before the first article is annotated.
        let deadline = Date().addingTimeInterval(20)
        func temporaryFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: scratch.folder)) ?? []).filter { $0.hasPrefix(".out.json.tmp-") }
        }
        while temporaryFiles().isEmpty, process.isRunning, Date() < deadline { usleep(20_000) }
        #expect(temporaryFiles().count == 1, "the export is written into a temporary file as it goes")
        #expect(process.isRunning, "4,000 articles take longer than starting up")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(temporaryFiles().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func dashWritesToStandardOutput() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let run = try ExportRun.dossier(["export", ExportRun.seed, "--format", "webannotation", "-o", "-"], database: scratch.database)
        #expect(run.status == 0, "\(run.stderr)")
        let collection = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(collection?["type"] as? String == "AnnotationCollection")
        #expect(!FileManager.default.fileExists(atPath: scratch.database), "exporting never creates the notes database")
    }

    @Test func aThemeColoursTheHTMLPageAndABadOneIsAnError() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let dark = try ExportRun.dossier(["export", ExportRun.seed, "--format", "html", "--theme", "default", "-o", "-"], database: scratch.database)
        #expect(dark.status == 0, "\(dark.stderr)")
        #expect(dark.stdout.contains("#1c1c1c") && dark.stdout.contains("#ff87af"))
        let plain = try ExportRun.dossier(["export", ExportRun.seed, "--format", "html", "-o", "-"], database: scratch.database)
        #expect(plain.status == 0 && !plain.stdout.contains("#ff87af"))
        let missing = try ExportRun.dossier(["export", ExportRun.seed, "--format", "html", "--theme", "no-such-theme"], database: scratch.database)
        #expect(missing.status == 78)
        #expect(missing.stderr.hasPrefix("dossier: no-such-theme: no such theme") && missing.stdout.isEmpty)
        let markdown = try ExportRun.dossier(["export", ExportRun.seed, "--theme", "light"], database: scratch.database)
        #expect(markdown.status == 64 && markdown.stderr.contains("--theme applies to --format html only"))
    }

    @Test func standardInputIsExportedWithItsNotes() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let store = try NoteStore.open(path: scratch.database)
        let text = try ExportRun.cleanText(of: ExportRun.seed)
        let article = try store.article(text: text, title: nil, path: nil)
        let span = try #require(ExportRun.span(of: "Grey Gull Syndicate", in: text))
        _ = try store.addNote(articleID: article.id, anchor: TextAnchor(span: span, in: text), body: "Who runs the Grey Gull Syndicate?")
        let run = try ExportRun.dossier(["export", "-", "--format", "json", "--db", scratch.database],
                                        stdin: URL(fileURLWithPath: ExportRun.seed))
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let notes = try #require(object?["notes"] as? [[String: Any]])
        #expect(notes.map { $0["body"] as? String } == ["Who runs the Grey Gull Syndicate?"])
        #expect(notes.first?["exact"] as? String == "Grey Gull Syndicate")

        let without = try ExportRun.dossier(["export", "-", "--format", "json", "--db", scratch.database, "--no-notes"],
                                            stdin: URL(fileURLWithPath: ExportRun.seed))
        let bare = try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as? [String: Any]
        #expect((bare?["notes"] as? [Any])?.isEmpty == true)
    }

    @Test func brokenDatabaseIsAWarningAndIsLeftUntouched() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let garbage = Data(String(repeating: "not sqlite at all\n", count: 200).utf8)
        try garbage.write(to: URL(fileURLWithPath: scratch.database))
        let run = try ExportRun.dossier(["export", ExportRun.seed, "--format", "json"], database: scratch.database)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("exporting without notes"))
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((object?["notes"] as? [Any])?.isEmpty == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.database)) == garbage)
    }

    @Test func unwritableTargetIsOneLineErrorAndNothingWritten() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let target = "/proc/dossier-export-e2e.md"
        let run = try ExportRun.dossier(["export", ExportRun.seed, "-o", target], database: scratch.database)
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.hasPrefix("dossier: \(target)"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func severalProcessesWritingOneDatabaseLoseNothing() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let store = try NoteStore.open(path: scratch.database)
        let text = try ExportRun.cleanText(of: ExportRun.seed)
        let article = try store.article(text: text, title: nil, path: nil)
        let anchor = TextAnchor(span: Span(0, 20), in: text)

        // Each export process reads the database while this process adds notes.
        let seeds = ["seeds/wikinews-defector.txt", "seeds/wikinews-iodine.txt", "seeds/wikinews-korea.txt", "seeds/wikinews-nasa.txt"]
        let processes = try seeds.map { seed in
            try ExportRun.start(["export", seed, "--format", "json", "--db", scratch.database, "-o", scratch.path(URL(fileURLWithPath: seed).lastPathComponent + ".json")],
                               in: scratch.folder)
        }
        for n in 0..<40 {
            _ = try store.addNote(articleID: article.id, anchor: anchor, body: "note \(n)")
        }
        for (process, _) in processes { process.waitUntilExit() }
        for (process, log) in processes {
            #expect(process.terminationStatus == 0, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        #expect(try store.notes(for: article.id).count == 40)
        // Exporting adds no article rows (issue 15): only the article this process recorded is there.
        #expect(try store.articles().count == 1)
    }

    @Test func processesCarryingNotesOverAtOnceNeitherLoseNorDuplicateThem() throws {
        let scratch = ExportScratch()
        defer { scratch.remove() }
        let original = try String(contentsOfFile: ExportRun.seed, encoding: .utf8)
        let file = scratch.path("article.txt")
        try original.write(toFile: file, atomically: true, encoding: .utf8)
        let store = try NoteStore.open(path: scratch.database)
        let old = try ExportRun.cleanText(of: file)
        let v1 = try store.article(text: old, title: nil, path: file)
        let phrases = ["Benedikt Wendelbrook", "reliable partner", "Emil Vantor", "Grey Gull Syndicate", "Institute for Harbour Studies"]
        for phrase in phrases {
            let span = try #require(ExportRun.span(of: phrase, in: old))
            _ = try store.addNote(articleID: v1.id, anchor: TextAnchor(span: span, in: old), body: "about \(phrase)")
        }
        // The file is re-saved with a paragraph above; three exports open it at once and each
        // tries to carry the notes over, while this process keeps writing notes elsewhere.
        try ("An editor's note added above the article.\n\n" + original).write(toFile: file, atomically: true, encoding: .utf8)
        let processes = try (1...3).map { n in
            try ExportRun.start(["export", file, "--format", "json", "--db", scratch.database, "-o", scratch.path("out\(n).json")], in: scratch.folder)
        }
        let other = try store.article(text: ArticleText("Another article entirely."), title: nil, path: nil)
        for n in 0..<30 {
            _ = try store.addNote(articleID: other.id, anchor: TextAnchor(span: Span(0, 7), in: ArticleText("Another article entirely.")), body: "other \(n)")
        }
        for (process, _) in processes { process.waitUntilExit() }
        for (process, log) in processes {
            #expect(process.terminationStatus == 0, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        let new = try ExportRun.cleanText(of: file)
        let notes = try store.notes(for: ArticleIdentity.id(of: new))
        #expect(notes.map(\.body).sorted() == phrases.map { "about \($0)" }.sorted())
        for note in notes {
            #expect(!note.isOrphaned)
            #expect(new.slice(note.anchor.span) == note.anchor.exact)
        }
        #expect(try store.notes(for: other.id).count == 30)
        // Every export saw the notes (whichever process moved them).
        for n in 1...3 {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("out\(n).json")))) as? [String: Any]
            #expect((object?["notes"] as? [Any])?.count == phrases.count)
        }
    }
}

/// A scratch folder with a notes database path in it.
private struct ExportScratch {
    let folder: String
    var database: String { folder + "/notes.sqlite" }

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-export-e2e-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

/// Runs the built binary from the package root.
enum ExportRun {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".")
    }()

    /// An invented article with a web page's layout (no real people or organisations).
    static let seed = packageRoot.appendingPathComponent("Tests/Fixtures/sample-article.txt").path

    static var executable: URL { DossierBinary.executable }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs to completion; `database` sets DOSSIER_DB so no test touches the real notes.
    static func dossier(_ arguments: [String], database: String? = nil, stdin: URL? = nil) throws -> Result {
        // The output files go in a folder of this run's own, removed once they are read.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (process, stdoutFile, stderrFile) = try launch(arguments, in: folder, database: database, stdin: stdin)
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "")
    }

    /// Starts without waiting; returns the process and its standard error file. The output files
    /// go in `folder` (the test's scratch folder), so they go when the test removes it.
    static func start(_ arguments: [String], in folder: String) throws -> (Process, URL) {
        let (process, _, stderrFile) = try launch(arguments, in: folder, database: nil)
        return (process, stderrFile)
    }

    /// Starts the binary with its standard output and error in new files in `folder`. Without
    /// `database`, DOSSIER_DB names a file in `folder` too, so a database the command makes goes with it.
    private static func launch(_ arguments: [String], in folder: String, database: String?, stdin: URL? = nil) throws -> (Process, URL, URL) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let name = "dossier-e2e-\(UUID().uuidString)"
        let folder = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_DB"] = database ?? folder.appendingPathComponent("\(name)-unused.sqlite").path
        process.environment = environment
        // Output to files: a large output can never block the child on a full pipe.
        let stdoutFile = folder.appendingPathComponent("\(name).out")
        let stderrFile = folder.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        return (process, stdoutFile, stderrFile)
    }

    /// The clean text the command sees, taken from its own JSON output.
    static func cleanText(of file: String) throws -> ArticleText {
        let run = try dossier(["annotate", "--format", "json", file])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return ArticleText(object?["text"] as? String ?? "")
    }

    static func span(of phrase: String, in text: ArticleText) -> Span? {
        guard let range = text.string.range(of: phrase) else { return nil }
        let start = text.string.unicodeScalars.distance(from: text.string.unicodeScalars.startIndex, to: range.lowerBound)
        return Span(start, start + phrase.unicodeScalars.count)
    }
}
