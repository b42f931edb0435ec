import DossierCore
import DossierStore
#if canImport(Glibc)
import Glibc
#endif

/// What the command line asks of the reader; unset options come from the config file.
public struct ReaderOptions: Sendable {
    public var theme: String?
    public var mouse: Bool?
    public var sidePane: Bool?
    /// A config file other than $XDG_CONFIG_HOME/dossier/config.toml.
    public var configPath: String?
    /// The notes database given with --db (else $DOSSIER_DB, else the XDG default).
    public var database: String?

    public init(theme: String? = nil, mouse: Bool? = nil, sidePane: Bool? = nil, configPath: String? = nil,
                database: String? = nil) {
        self.database = database
        self.theme = theme
        self.mouse = mouse
        self.sidePane = sidePane
        self.configPath = configPath
    }
}

/// Entry point of the reader: settings, then the terminal loop. (With output that is not a
/// terminal, `dossier` prints `PlainTextOutput` instead and never comes here.)
public enum ReaderLauncher {
    /// Runs the reader on sources that are read and annotated in the background while it is open:
    /// the first screen comes at once, each article fills in as it is ready. Returns the exit status;
    /// when the only source cannot be read, the reader closes and `warn` gets the reason.
    public static func run(sources: [String], loader: any ArticleLoading, options: ReaderOptions, startOnLibrary: Bool = false,
                           warn: (String) -> Void) -> Int32 {
        let (settings, warnings) = settings(options)
        for warning in warnings { warn(warning) }
        let (store, storeWarning) = NoteStore.openForReading(option: options.database)
        if let storeWarning { warn(storeWarning) }
        let session = NoteSession(store: store)
        let screen: CursesScreen
        do {
            screen = try CursesScreen(keysFromTTY: isatty(0) == 0, mouse: settings.mouse)
        } catch {
            warn("\(error)")
            return 1
        }
        defer { screen.close() }
        var theme = settings.theme
        let colorsOff = screen.capability == .none || !TextFile.environment("NO_COLOR").isNilOrEmpty
        if screen.capability == .none { theme = theme.withoutColors() }
        let size = screen.size
        var state = ReaderState(sources: sources, width: size.width, height: size.height, library: startOnLibrary,
                                theme: theme, keyMap: settings.keyMap, sidePane: settings.sidePane,
                                preferredSideWidth: settings.sideWidth, mouse: settings.mouse)
        let localeWarning = screen.isUTF8 ? nil : "the terminal's locale is not UTF-8: drawing in ASCII (set LANG to a UTF-8 locale, e.g. C.UTF-8)"
        state.message = warnings.first ?? storeWarning ?? localeWarning
        state.notes.saving = store.savesNotes
        state.notes.exportFolder = StoreLocation.exportsFolder()
        state.colorsOff = colorsOff
        if let file = options.configPath ?? TextFile.configDirectory.map({ $0 + "/config.toml" }) { state.configFile = file }
        let annotator = BackgroundAnnotator(sources: sources, loader: loader, store: store)
        annotator.prioritize(state.articleInFocus)
        annotator.start()
        defer { annotator.stop() }
        var needsDraw = true
        // What the frame on screen drew where: a click means what the reader saw under the pointer.
        var hitsOnScreen = HitMap()
        while !state.shouldQuit {
            if needsDraw {
                let frame = ReaderRenderer.frame(state)
                screen.draw(frame.canvas)
                hitsOnScreen = frame.hits
            }
            // While articles are coming, wake up often enough to show them; else wait for a key.
            // Idle, still wake up four times a second: the reader may run off the main thread (an async
            // main), where SIGWINCH does not interrupt its read; ncurses reports the resize at the next read.
            screen.setInputTimeout(milliseconds: state.inputTimeout(backgroundWorking: annotator.isWorking) ?? 250)
            let shown = state.current
            let input = screen.read()
            needsDraw = input != .none
            switch input {
            case .key(let key):
                if let action = KeyDecoder.action(for: key, in: state) { state.apply(action) } else { state.message = nil }
            case .resize(let width, let height): state.apply(.resize(width: width, height: height))
            case .click(let column, let row):
                state.apply(.click(hitsOnScreen.target(column: column, row: row)))
            case .wheel(let lines): state.apply(.wheel(lines: lines))
            case .none: break
            }
            if state.refreshRequested {
                state.refreshRequested = false
                annotator.refresh()
            }
            let arrived = annotator.drain()
            for event in arrived {
                if case .refreshed(let index, _, _) = event { session.forget(index) }
                state.apply(.loaded(event))
            }
            if !arrived.isEmpty { needsDraw = true }
            if sources.count == 1, state.library.entries.count == 1, let failure = state.library.entries[0].failure {
                // The one article asked for cannot be read: say so on the command line, as other commands do.
                screen.close()
                warn(failure)
                if case .failed(_, let load) = arrived.last { return load.exitCode }
                return 65
            }
            session.perform(&state, screen: screen)
            if state.current != shown { session.saveReadingPosition(of: shown, state) }
            annotator.prioritize(state.articleInFocus)
            // Opened = shown in the reader and annotated (the store knows articles by their annotated
            // text); `open` does its work once per article.
            if !state.isInLibrary, state.isAnnotated, !session.isOpen(state.current) {
                session.open(state.current, state: &state)
                needsDraw = true
            }
        }
        session.saveReadingPositions(state)
        if let localeWarning {
            // Said once more where it stays: the status line's note is gone with the first key.
            screen.close()
            warn(localeWarning)
        }
        return 0
    }

    /// TERM=dumb (Emacs shell buffers, some CI logs) or no TERM: no cursor movement, so the
    /// annotated text is printed as when the output is a file.
    public static var isDumbTerminal: Bool {
        let term = TextFile.environment("TERM") ?? ""
        return term.isEmpty || term == "dumb"
    }

    /// The settings in effect: options over the config file over the defaults, and what was wrong on the way.
    struct Settings {
        var theme: Theme
        var keyMap: KeyMap
        var mouse: Bool
        var sidePane: Bool
        var sideWidth: Int?
    }

    static func settings(_ options: ReaderOptions) -> (Settings, [String]) {
        var warnings: [String] = []
        var config = ReaderConfig()
        let configPath = options.configPath ?? TextFile.configDirectory.map { $0 + "/config.toml" }
        if let path = configPath, TextFile.exists(path) {
            if let source = TextFile.read(path) {
                do { config = try ReaderConfig.parse(source, file: path) } catch {
                    warnings.append("\(error) (using the default settings)")
                }
            } else {
                warnings.append("\(path): cannot read the config file (using the default settings)")
            }
        }
        var theme = ThemeLoader.standard
        if let name = options.theme ?? config.theme {
            do { theme = try ThemeLoader().load(name) } catch { warnings.append("\(error) (using the default theme)") }
        }
        if !TextFile.environment("NO_COLOR").isNilOrEmpty { theme = theme.withoutColors() }
        let settings = Settings(theme: theme, keyMap: config.keyMap, mouse: options.mouse ?? config.mouse,
                                sidePane: options.sidePane ?? config.showSidePane, sideWidth: config.sidePaneWidth)
        return (settings, warnings)
    }
}

extension Optional where Wrapped == String {
    var isNilOrEmpty: Bool { self?.isEmpty ?? true }
}
