import DossierCore

/// The update step: how each action changes the state. Layout questions (how many lines is a page,
/// what is on screen) go to the current document's width-keyed cache, so this stays deterministic.
extension ReaderState {
    static let hintAlphabet = Array("asdfghjklqwertyuiopzxcvbnm")

    public mutating func apply(_ action: Action) {
        if case .loaded(let event) = action {
            // Not a key: the status line keeps its message.
            applyLoaded(event)
            return
        }
        message = nil
        if documents.isEmpty {
            if action == .command(.quit) { shouldQuit = true }
            return
        }
        switch action {
        case .resize(let newWidth, let newHeight):
            width = max(1, newWidth)
            height = max(1, newHeight)
            // The top offset is width-independent: re-wrapping keeps the same text on the first line.
            settleTop()
            return
        case .wheel(let lines):
            if case .reading = mode { scroll(by: lines) }
            return
        case .click(let target):
            click(target)
            return
        default:
            break
        }
        if notes.prompt != nil { applyPrompt(action); return }
        if notes.list.isOpen, case .reading = mode, applyNotesList(action) { return }
        switch mode {
        case .reading: applyReading(action)
        case .hints(let typed, let targets): applyHints(action, typed: typed, targets: targets)
        case .contents(let selected): applyContents(action, selected: selected)
        case .help(let scroll): applyHelp(action, scroll: scroll)
        case .library(let selected): applyLibrary(action, selected: selected)
        case .entities: applyEntityView(action)
        }
    }

    // MARK: Reading

    private mutating func applyReading(_ action: Action) {
        guard case .command(let command) = action else { return }
        let g = geometry
        if focus == .side, g.sideVisible, applySide(command) { return }
        if !isAnnotated, [.addNote, .longNote, .highlight, .bookmark, .export, .hints].contains(command) {
            // Notes are anchored in the annotated text, which is not there yet.
            message = "annotating… \(command == .hints ? "entities" : "notes") once the article is annotated"
            return
        }
        if applyNoteCommand(command) { return }
        // Moving within the article is the reading child's; the rest crosses into other parts.
        if case .handled(let note) = reading.apply(command, in: readingContext) {
            if let note { message = note }
            return
        }
        switch command {
        case .contents: mode = .contents(selected: currentSection)
        case .toggleSidePane:
            sideVisibility = g.sideVisible ? .hidden : .shown
            if !geometry.sideVisible {
                focus = .main
                if sideVisibility == .shown { message = "too narrow for the side pane" }
            }
            settleTop()
        case .toggleSideScope:
            // section → article → briefing (with several articles) → section.
            switch sideScope {
            case .section: sideScope = .article
            case .article where documents.count > 1:
                briefing = briefingIndex()
                briefingActors = briefing?.actors ?? []
                sideScope = .briefing
            default: sideScope = .section
            }
            sideSelection = 0
            switch sideScope {
            case .section: message = "side pane: this section"
            case .article: message = "side pane: whole article"
            case .briefing: message = "side pane: whole briefing (\(documents.count) articles)\(annotatedSoFar)"
            }
        case .switchFocus:
            if g.sideVisible { focus = focus == .main ? .side : .main } else { message = "the side pane is hidden (s shows it)" }
        case .next: findNext(forward: true)
        case .previous: findNext(forward: false)
        case .hints: startHints()
        case .search: notes.prompt = PromptState(purpose: .search)
        case .goTo: notes.prompt = PromptState(purpose: .goTo)
        case .jumpBack: jumpBack()
        case .jumpForward: jumpForward()
        case .cancel:
            if focus == .side { focus = .main }
        case .help: mode = .help(scroll: 0)
        case .library: mode = .library(selected: current)
        case .entities: openEntityView()
        case .switchTheme: switchTheme()
        case .quit: shouldQuit = true
        default: break
        }
    }

    /// Side-pane focus: the movement keys choose items; returns false for keys it leaves to the main pane.
    private mutating func applySide(_ command: Command) -> Bool {
        let count = sideContent.items.count
        switch command {
        case .scrollDown: sideSelection = min(max(0, count - 1), sideSelection + 1)
        case .scrollUp: sideSelection = max(0, min(sideSelection, count - 1) - 1)
        case .pageDown, .halfPageDown: sideSelection = min(max(0, count - 1), sideSelection + 10)
        case .pageUp, .halfPageUp: sideSelection = max(0, sideSelection - 10)
        case .top: sideSelection = 0
        case .bottom: sideSelection = max(0, count - 1)
        case .activate: activateSideItem()
        default: return false
        }
        return true
    }

    mutating func activateSideItem() {
        let items = sideContent.items
        guard !items.isEmpty else { message = "nothing in the side pane here"; return }
        let index = min(sideSelection, items.count - 1)
        sideSelection = index
        switch items[index] {
        case .actor(let entity, let name, _, _, _, let firstMention):
            selectedEntity = entity
            search = nil
            if let span = firstMention { reveal(span, recordJump: true) }
            message = "selected \(name)"
        case .claim(let entity, _, _, _, let span):
            if let entity { selectedEntity = entity }
            search = nil
            reveal(span, recordJump: true)
        case .briefingActor(let id, _, _, _, _, _):
            // Its first mention in this article if it has one, else in the first article that mentions it.
            guard let entity = briefing?.entity(id: id) else { return }
            let occurrence = entity.occurrence(inArticle: current) ?? entity.occurrences.first
            guard let occurrence, let span = occurrence.firstMention else { return }
            jump(toMention: BriefingPosition(article: occurrence.article, span: span), of: entity)
        }
    }

}
