import ArgumentParser
import DossierCore
import DossierLoading
import DossierExport
import DossierStore
import DossierTUI
import Foundation

extension ExportFormat: ExpressibleByArgument {}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export articles' annotations with your notes and highlights (Markdown, JSON, Web Annotation, HTML).",
        discussion: """
            Several articles make one briefing document (JSON: one object per line). \
            Notes, highlights and bookmarks come from the notes database (--db, else $DOSSIER_DB, else \
            $XDG_DATA_HOME/dossier/dossier.sqlite), which exporting only reads; without one, the export has no notes. \
            Files are written whole or not at all; an existing file is kept unless --force. \
            Each article is rendered as it is annotated, so a feed's export never sits in memory: \
            Markdown, HTML and Web Annotation keep the articles (past a megabyte, in a temporary file in \
            $TMPDIR, else /tmp) until the briefing's head, written first, is complete.

            Examples:
              dossier export seeds/pakistan-centcom.txt
              dossier export seeds/ --format html -o briefing.html
              dossier export article.txt --format webannotation -o notes.jsonld --force
              dossier export seeds/ --format html --theme default -o briefing-dark.html
            """
    )

    @Option(name: .shortAndLong, help: "markdown (for Obsidian, Logseq), json (the annotation contract plus notes), webannotation (W3C JSON-LD) or html (one self-contained page).")
    var format: ExportFormat = .markdown

    @Option(name: .shortAndLong, help: "The file to write; - (the default) writes to standard output.")
    var output: String = "-"

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @Option(help: "The notes database to read notes from (default: $DOSSIER_DB, else $XDG_DATA_HOME/dossier/dossier.sqlite).")
    var db: String?

    @Flag(help: "Leave the reader's notes and highlights out.")
    var noNotes = false

    @Option(help: "With --format html: colour the page as this reader theme (default, light, high-contrast, mono, a name in the user themes folder, or a path to a .toml file). Without it the page is the built-in light, print-friendly one.")
    var theme: String?


    @OptionGroup var parallel: JobsOption

    @OptionGroup var operands: ArticleOperands

    func validate() throws {
        if theme != nil && format != .html { throw ValidationError("--theme applies to --format html only") }
    }

    func run() async throws {
        // A theme that cannot be read is reported before any article is read.
        var palette = HTMLPalette.builtIn
        if let theme {
            do { palette = try ThemeLoader().load(theme).htmlPalette } catch {
                StandardError.write("dossier: \(error)\n")
                throw ExitCode(78)
            }
        }
        let (loader, paths) = try operands.resolve(database: db)

        // Refuse before the work, not after: the check is repeated atomically when writing.
        if output != "-" && !force, FileReader.kind(of: output) == .file {
            StandardError.write("dossier: \(ExportWriteError.exists(output))\n")
            throw ExitCode(ExportWriteError.exists(output).exitCode)
        }

        var notes = NotesLookup(store: noNotes ? nil : openStore())
        let outcome = try await stream(loader: loader, paths: paths, notes: &notes, palette: palette)
        if outcome.written.articles == 0 { throw ExitCode(outcome.firstFailure?.exitCode ?? 66) }
        if output != "-" { StandardError.write("dossier: wrote \(output) (\(format.rawValue), \(outcome.written))\n") }
        if let failure = outcome.firstFailure { throw ExitCode(failure.exitCode) }
        // The export holds only the notes that could be read: written, but not a success (EX_DATAERR).
        if notes.store?.wasDamaged == true { throw ExitCode(65) }
    }

    /// What an export wrote, for its closing line, and the first article that could not be read.
    private struct Outcome {
        var written = ExportCounts()
        var firstFailure: InputError?

        /// Reports a failed article (the others are still exported) and keeps the first failure.
        mutating func failed(_ error: InputError) {
            CommandInput.report(error)
            if firstFailure == nil { firstFailure = error }
        }
    }

    /// Every format is written as the articles are annotated, in input order (`Exporter.stream`),
    /// so memory does not grow with a feed: made whole, the export of a 10 MB feed held 135 to
    /// 201 MB. JSON Lines goes out as each article comes; a briefing document's articles wait in
    /// a temporary file for its head. The file still appears whole or not at all (`AtomicFile`);
    /// with no article, nothing is written.
    private func stream(loader: ArticleLoader, paths: [String], notes: inout NotesLookup,
                        palette: HTMLPalette) async throws -> Outcome {
        var outcome = Outcome()
        var stream = Exporter.stream(as: format, palette: palette)
        let file = try output == "-" ? nil : openOutput()
        var standardOutput = StandardOutput.sink()
        var writeFailure: ExportWriteError? = nil
        let write = { (text: String) throws(ExportWriteError) in
            if let file { try file.append(Array(text.utf8)[...]) } else { standardOutput.append(contentsOf: text) }
        }
        await OrderedAnnotation(loader: loader, jobs: parallel.count).run(paths: paths) { loaded in
            switch loaded.result {
            case .failure(let error):
                outcome.failed(error)
            case .success(let annotated):
                // After a failed write the rest is annotated but not written: the file is not made.
                guard writeFailure == nil else { return }
                let export = notes.export(of: annotated, source: loaded.source)
                outcome.written.add(export)
                do throws(ExportWriteError) { try stream.add(export, write: write) } catch { writeFailure = error }
            }
        }
        if writeFailure == nil {
            do throws(ExportWriteError) { try stream.finish(write: write) } catch { writeFailure = error }
        }
        standardOutput.flush()
        if let writeFailure { throw writeError(writeFailure) }
        if stream.count > 0, let file {
            do throws(ExportWriteError) { try file.commit() } catch { throw writeError(error) }
        }
        return outcome
    }

    private func openOutput() throws -> AtomicFile {
        do throws(ExportWriteError) { return try AtomicFile(path: output, overwrite: force).removedOnInterrupt() } catch {
            throw writeError(error)
        }
    }

    private func writeError(_ error: ExportWriteError) -> ExitCode {
        StandardError.write("dossier: \(error)\n")
        return ExitCode(error.exitCode)
    }

    /// The notes database, if there is one to read: exporting never creates it, and a broken or
    /// unreadable one is a one-line warning, not a failure.
    private func openStore() -> NoteStore? {
        guard let path = StoreLocation.path(option: db) else { return nil }
        do {
            // A damaged database is left where it is (its readable notes are exported, and the reader
            // recovers it when next opened); a read-only one exports its notes too.
            let store = try NoteStore.open(path: path, createIfMissing: false, recoverDamage: false)
            if store.wasDamaged, let notice = store.openingNotice { StandardError.write("dossier: \(notice)\n") }
            return store
        } catch .missing {
            if db != nil { StandardError.write("dossier: no notes database at \(path); exporting without notes\n") }
            return nil
        } catch {
            StandardError.write("dossier: \(error); exporting without notes\n")
            return nil
        }
    }
}
