import ArgumentParser
import Dispatch
import DossierCore
import DossierLoading
import DossierTUI
#if canImport(Glibc)
import Glibc
#endif

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the reader (the default when no subcommand is given).",
        discussion: """
            Press ? in the reader for its keys and their action names; q quits. \
            Settings (theme, keys, side-pane width, mouse) come from \(Read.configFile); \
            themes from the themes folder beside it. The [keys] table binds action names to keys, \
            for example: scroll-down = ["j", "down"]. docs/KEYS.md lists every action.

            Notes (a, A in $VISUAL/$EDITOR), highlights (m), bookmarks (B) and where each article was \
            being read are kept in the notes database: --db, else $DOSSIER_DB, else \
            $XDG_DATA_HOME/dossier/dossier.sqlite. o lists the notes, ' the bookmarks; e exports \
            the article or the whole briefing to $XDG_DATA_HOME/dossier/exports/.

            NO_COLOR=1 shows highlights by bold, underline and reverse only. With output redirected \
            to a file, or TERM=dumb, prints the annotated text instead of opening the reader.
            """
    )


    @Option(name: .long, help: "Colour theme: default, light, high-contrast, mono, a name in the user themes folder, or a path to a .toml file.")
    var theme: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Mouse: wheel scrolls, a click selects an entity or a side-pane item.")
    var mouse: Bool?

    @Flag(name: .long, help: "Start with the side pane (actors and claims) hidden; s shows it.")
    var noSidePane = false

    @Option(name: .long, help: "Read settings from this config file instead of $XDG_CONFIG_HOME/dossier/config.toml.")
    var config: String?

    @Option(name: .long, help: "The notes database (default: $DOSSIER_DB, else $XDG_DATA_HOME/dossier/dossier.sqlite).")
    var db: String?

    @OptionGroup var operands: ArticleOperands

    /// The config file as this environment names it: $XDG_CONFIG_HOME when set, else ~/.config.
    static var configFile: String {
        if let xdg = getenv("XDG_CONFIG_HOME").map({ String(cString: $0) }), xdg.hasPrefix("/") { return xdg + "/dossier/config.toml" }
        return "~/.config/dossier/config.toml"
    }

    func run() throws {
        if let first = operands.files.first, FileReader.kind(of: first) == .missing, !WebAddress.isWebAddress(first),
           let meant = CommandInput.subcommandSuggestion(for: first, among: Dossier.configuration.subcommands.map { $0._commandName }) {
            StandardError.write("dossier: \(first): no such file or subcommand; did you mean 'dossier \(meant)'?\n")
            throw ExitCode(64)
        }
        let (loader, paths) = try operands.resolve(database: db)
        let options = ReaderOptions(theme: theme, mouse: mouse, sidePane: noSidePane ? false : nil, configPath: config, database: db)
        if isatty(1) != 0 && !ReaderLauncher.isDumbTerminal {
            // The reader opens at once and reads, decodes and annotates in the background.
            if paths.count == 1, paths[0] != "-", !WebAddress.isWebAddress(paths[0]) {
                // What can be told without reading the file still fails before the screen opens.
                switch FileReader.kind(of: paths[0]) {
                case .missing: throw CommandInput.fail(.noSuchFile(paths[0]))
                case .directory: throw CommandInput.fail(.isDirectory(paths[0]))
                case .file, .other: break
                }
            }
            ArticleLoader.prepareForBackgroundThreads()
            // A feed (a file or an address) holds many articles: the library comes first, as for a folder.
            let startOnLibrary = paths.count > 1 || paths.first.map(ArticleLoader.holdsManyArticles) == true
            let status = ReaderLauncher.run(sources: paths, loader: loader, options: options, startOnLibrary: startOnLibrary) {
                StandardError.write("dossier: \($0)\n")
            }
            if status != 0 { throw ExitCode(status) }
            return
        }
        // Output to a file or a pipe: each article's summary and clean text, printed as it is annotated.
        try Self.printAnnotated(paths: paths, loader: loader)
    }

    /// Prints every article of `paths` as plain text (`PlainTextOutput`), annotated on all cores and
    /// written in input order as each is ready, so an article is let go once printed. An unreadable
    /// article is reported and skipped. It fails when nothing could be read, and when the only path
    /// given has an article that could not be read (after printing the others, as `annotate` does).
    ///
    /// `run` stays synchronous so that the curses reader keeps the main thread; this path has no
    /// screen and waits here for the annotation's task. (Before, it annotated one article at a time
    /// and held them all until the end: twice the time on two cores, and memory that grew with the feed.)
    private static func printAnnotated(paths: [String], loader: ArticleLoader) throws {
        let outcome = PrintOutcome()
        let annotation = OrderedAnnotation(loader: loader, jobs: CommandInput.processorCount)
        let done = DispatchSemaphore(value: 0)
        Task {
            var output = StandardOutput.sink()
            await annotation.run(paths: paths) { loaded in
                switch loaded.result {
                case .success(let annotated):
                    if outcome.printed > 0 { output.append(contentsOf: PlainTextOutput.separator) }
                    output.append(contentsOf: PlainTextOutput.render(annotated))
                    outcome.printed += 1
                case .failure(let error):
                    CommandInput.report(error)
                    if outcome.firstFailure == nil { outcome.firstFailure = error }
                }
            }
            output.flush()
            done.signal()
        }
        done.wait()
        if let failure = outcome.firstFailure, paths.count == 1 { throw ExitCode(failure.exitCode) }
        if outcome.printed == 0 {
            StandardError.write("dossier: no article could be read\n")
            throw ExitCode(66)
        }
    }
}

/// What `Read.printAnnotated` learns from the annotation's task, read once the task has ended.
private final class PrintOutcome: @unchecked Sendable {
    // @unchecked: changed only by the one task that emits the articles in order, and read by
    // `printAnnotated` after that task has signalled its end.
    var printed = 0
    var firstFailure: InputError? = nil
}
