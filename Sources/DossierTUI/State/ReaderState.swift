import DossierCore

/// Everything the reader shows, as one value: the open articles, the mode, the side pane, the
/// status message, and each mode's own state. Only `update` changes it; `render` draws it.
///
/// Each mode's state is a child model with its own `apply` that returns an outcome this acts on:
/// `reading` (`ReadingState`), `library` (`LibraryState`), `entityView` (`EntityViewState`), the
/// Notes and Bookmarks lists (`notes.list`, `MarkListState`) and the prompt (`notes.prompt`, `PromptState`).
public struct ReaderState: Sendable {
    public var documents: [ArticleDocument] {
        // Any change (an article arriving, annotated or refreshed) drops what was made from them
        // all. In place: `didSet` without `oldValue` does not copy the array.
        didSet { briefingIndexCache = nil }
    }
    /// The briefing index of `documents` as they are: opening the entity view or the
    /// whole-briefing scope again, with no article changed since, costs nothing (for 2,000
    /// articles, making it took about a second).
    var briefingIndexCache: BriefingIndex?
    /// Where each article is being read, the cursor, selection, search and jump list.
    public var reading: ReadingState
    public var width: Int
    public var height: Int
    public var mode: ReaderMode
    public var focus: PaneFocus = .main
    public var sideVisibility: SidePaneVisibility
    public var sideScope: SidePaneScope = .section
    /// The chosen item of the side pane (clamped to its items when used).
    public var sideSelection = 0
    public var preferredSideWidth: Int?
    /// A one-line note for the status line, cleared by the next key.
    public var message: String?
    public var keyMap: KeyMap
    public var theme: Theme
    public var mouseEnabled: Bool
    /// NO_COLOR or a terminal without colours: themes switched to with `T` lose their colours too.
    public var colorsOff = false
    /// The config file the help names for rebinding keys (honours $XDG_CONFIG_HOME and --config).
    public var configFile = "~/.config/dossier/config.toml"
    public var shouldQuit = false
    /// `r` in the library: the main loop asks the background to read the sources again, then clears it.
    public var refreshRequested = false
    /// The reader's notes, highlights, bookmarks, Notes list and prompt (issue 4).
    public var notes = ReaderNotes()
    /// The entity view's list and concordance while it is open (mode `.entities`).
    public var entityView: EntityViewState?
    /// The briefing index and its actors for the side pane's whole-briefing scope, built when `w` reaches it.
    public var briefing: BriefingIndex?
    public var briefingActors: [BriefingActor] = []
    /// One entry per document: its source, whether it is annotated yet, and what the library lists.
    public var library: LibraryState

    /// Articles that are already annotated (tests, plain-text output).
    public init(documents: [ArticleDocument], width: Int, height: Int, theme: Theme = ThemeLoader.standard,
                keyMap: KeyMap = .standard, sidePane: Bool = true, preferredSideWidth: Int? = nil, mouse: Bool = false) {
        self.library = LibraryState(entries: documents.map { document in
            var entry = LibraryEntry(source: document.annotated.source ?? document.name)
            entry.status = .annotated
            entry.apply(document, facts: LibraryFacts(date: nil, words: WordCount.of(document.text.scalars)))
            return entry
        })
        self.documents = documents
        self.reading = ReadingState(positions: documents.map(\.startPosition))
        self.width = width
        self.height = height
        self.mode = documents.count > 1 ? .library(selected: 0) : .reading
        self.sideVisibility = sidePane ? .automatic : .hidden
        self.preferredSideWidth = preferredSideWidth
        self.keyMap = keyMap
        self.theme = theme
        self.mouseEnabled = mouse
    }

    /// Articles still to be read and annotated in the background: each shows "reading…" until its
    /// text arrives (`Action.loaded`). Opens on the library when there are several sources or `library`.
    public init(sources: [String], width: Int, height: Int, library startOnLibrary: Bool = false,
                theme: Theme = ThemeLoader.standard, keyMap: KeyMap = .standard, sidePane: Bool = true,
                preferredSideWidth: Int? = nil, mouse: Bool = false) {
        self.init(documents: sources.map { ArticleDocument.waiting(source: $0) }, width: width, height: height, theme: theme,
                  keyMap: keyMap, sidePane: sidePane, preferredSideWidth: preferredSideWidth, mouse: mouse)
        library = LibraryState(entries: sources.map(LibraryEntry.init(source:)))
        if startOnLibrary, !sources.isEmpty { mode = .library(selected: 0) }
    }

    var geometry: ReaderGeometry {
        ReaderGeometry(width: width, height: height, visibility: sideVisibility, preferredSideWidth: preferredSideWidth)
    }

    public var document: ArticleDocument { documents[current] }

    /// Whether the article being read is annotated yet (else it shows its plain text, or "reading…").
    public var isAnnotated: Bool { library.entries.indices.contains(current) ? library.entries[current].isAnnotated : true }

    var readingContext: ReadingContext { ReadingContext(document: document, geometry: geometry) }

    // The reading child's fields, as the views, the run loop and the tests name them.
    public var current: Int { get { reading.article } set { reading.article = newValue } }
    public var positions: [DocumentPosition] { get { reading.positions } set { reading.positions = newValue } }
    public var top: DocumentPosition { get { reading.top } set { reading.top = newValue } }
    public var cursors: [Int: Int] { get { reading.cursors } set { reading.cursors = newValue } }
    public var visualAnchor: Int? { get { reading.visualAnchor } set { reading.visualAnchor = newValue } }
    public var selectedEntity: Int? { get { reading.selectedEntity } set { reading.selectedEntity = newValue } }
    public var focusSpan: Span? { get { reading.focusSpan } set { reading.focusSpan = newValue } }
    public var search: SearchState? { get { reading.search } set { reading.search = newValue } }
    public var jumps: [JumpLocation] { get { reading.jumps } set { reading.jumps = newValue } }
    public var jumpIndex: Int { get { reading.jumpIndex } set { reading.jumpIndex = newValue } }

    /// The section of the top line: what the status line and the side pane follow.
    public var currentSection: Int { documents.isEmpty ? 0 : document.blocks[top.block].section }

    /// The reading position in percent of the text; 100 once the end is on screen.
    public var percent: Int {
        let g = geometry
        let last = document.lastTop(width: g.textWidth, height: g.bodyHeight)
        if top >= last { return 100 }
        let count = max(1, document.text.count)
        return min(99, top.offset * 100 / count)
    }

    var sideContent: SidePaneContent {
        if sideScope == .briefing {
            return SidePaneContent(document: document, scope: sideScope, section: currentSection, briefingActors: briefingActors)
        }
        // Counting a section's mentions walks all of them: once per section, not once per frame.
        return document.sidePaneContent(scope: sideScope, section: currentSection)
    }

    /// The name of the selected entity, for the status line.
    public var selectedEntityName: String? {
        selectedEntity.flatMap { $0 < document.annotated.entities.count ? document.annotated.entities[$0].name : nil }
    }

    /// The state after `action`: the pure update step of the Model–Update–View loop.
    public static func update(_ state: ReaderState, _ action: Action) -> ReaderState {
        var next = state
        next.apply(action)
        return next
    }
}
