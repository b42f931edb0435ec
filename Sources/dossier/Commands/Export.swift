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
            Files are written whole or not at all; an existing file is kept unless --force.

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

        var firstFailure: InputError? = nil
        var articles: [(annotated: AnnotatedArticle, source: String)] = []
        await OrderedAnnotation(loader: loader, jobs: parallel.count).run(paths: paths) { loaded in
            switch loaded.result {
            case .failure(let error):
                CommandInput.report(error)
                if firstFailure == nil { firstFailure = error }
            case .success(let annotated):
                articles.append((annotated, loaded.source))
            }
        }
        if articles.isEmpty { throw ExitCode(firstFailure?.exitCode ?? 66) }

        let store = noNotes ? nil : openStore()
        var exports: [ArticleExport] = []
        var storeFailed = false
        for (annotated, source) in articles {
            if let store, !storeFailed {
                do {
                    // Read only: an article never opened in the reader gets no row in the notes database.
                    exports.append(try ArticleExport.from(annotated, store: store, path: source == "-" ? nil : source, record: false))
                    continue
                } catch {
                    StandardError.write("dossier: \(error); exporting without notes\n")
                    storeFailed = true
                }
            }
            exports.append(ArticleExport(annotated: annotated))
        }

        let document = Exporter.render(exports, as: format, palette: palette)
        if output == "-" {
            var out = StandardOutput.sink()
            out.append(contentsOf: document)
            out.flush()
        } else {
            do { try AtomicFileWriter.write(document, to: output, overwrite: force) } catch {
                StandardError.write("dossier: \(error)\n")
                throw ExitCode(error.exitCode)
            }
            func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            let notes = exports.map(\.notes.count).reduce(0, +), highlights = exports.map(\.highlights.count).reduce(0, +)
            let bookmarks = exports.map(\.bookmarks.count).reduce(0, +)
            StandardError.write("dossier: wrote \(output) (\(format.rawValue), \(count(exports.count, "article")), "
                                + "\(count(notes, "note")), \(count(highlights, "highlight")), \(count(bookmarks, "bookmark")))\n")
        }
        if let failure = firstFailure { throw ExitCode(failure.exitCode) }
        // The export holds only the notes that could be read: written, but not a success (EX_DATAERR).
        if store?.wasDamaged == true { throw ExitCode(65) }
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
