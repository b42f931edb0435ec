import DossierCore

/// The update step: how each action changes the state. Layout questions (how many lines is a page,
/// what is on screen) go to the current document's width-keyed cache, so this stays deterministic.
extension ReaderState {
    static let hintAlphabet = Array("asdfghjklqwertyuiopzxcvbnm")
    static let jumpListLimit = 100

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
        case .click(let column, let row):
            click(column: column, row: row)
            return
        default:
            break
        }
        if notes.prompt != nil { applyPrompt(action); return }
        if notes.listOpen, case .reading = mode, applyNotesList(action) { return }
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
        switch command {
        case .scrollDown: lineDown()
        case .scrollUp: lineUp()
        case .visual: toggleVisual()
        case .pageDown: scroll(by: max(1, g.bodyHeight - 2))
        case .pageUp: scroll(by: -max(1, g.bodyHeight - 2))
        case .halfPageDown: scroll(by: max(1, g.bodyHeight / 2))
        case .halfPageUp: scroll(by: -max(1, g.bodyHeight / 2))
        case .top: jump(to: document.startPosition)
        case .bottom:
            jump(to: document.lastTop(width: g.textWidth, height: g.bodyHeight))
            // The end is what G is for: the cursor (and the status line's §) on the last paragraph.
            if let last = document.blocks.indices.last(where: holdsCursor) { cursors[current] = last }
        case .nextSection:
            let section = currentSection + 1
            if section < document.sectionCount { jumpToSection(section) } else { message = "last section" }
        case .previousSection:
            let sectionStart = document.sectionFirstBlock[currentSection]
            // Like [ in an editor: to the start of this section first, then to the previous one.
            if top.block > sectionStart || top.offset > document.blocks[sectionStart].span.start {
                jumpToSection(currentSection)
            } else if currentSection > 0 {
                jumpToSection(currentSection - 1)
            } else {
                message = "first section"
            }
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
                briefing = briefingIndex
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
        case .activate: scroll(by: 1)
        case .next: findNext(forward: true)
        case .previous: findNext(forward: false)
        case .hints: startHints()
        case .search: notes.prompt = PromptState(purpose: .search)
        case .goTo: notes.prompt = PromptState(purpose: .goTo)
        case .jumpBack: jumpBack()
        case .jumpForward: jumpForward()
        case .cancel:
            if visualAnchor != nil { visualAnchor = nil }
            else if search != nil { search = nil; focusSpan = nil }
            else if selectedEntity != nil { selectedEntity = nil; focusSpan = nil }
            else if focus == .side { focus = .main }
        case .help: mode = .help(scroll: 0)
        case .library:
            positions[current] = top
            mode = .library(selected: current)
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

    // MARK: Scrolling and jumping

    mutating func scroll(by lines: Int) {
        let g = geometry
        var moved = document.moved(top, by: lines, width: g.textWidth)
        let last = document.lastTop(width: g.textWidth, height: g.bodyHeight)
        // Down stops at the last full screen, or stays put when a jump already went past it.
        if lines > 0, moved > last { moved = max(last, top) }
        if lines > 0, moved == top { message = "end of article" }
        top = moved
    }

    /// Keeps the top on a line start at the current width. Scrolling stops at the last full screen,
    /// but a jump may put a short last section at the top with blank rows below it.
    mutating func settleTop(clampToLastScreen: Bool = false) {
        guard !documents.isEmpty else { return }
        let g = geometry
        var settled = document.lineStart(top, width: g.textWidth)
        if clampToLastScreen {
            let last = document.lastTop(width: g.textWidth, height: g.bodyHeight)
            if settled > last { settled = last }
        }
        top = settled
    }

    mutating func jump(to position: DocumentPosition) {
        recordJump()
        top = position
        settleTop()
    }

    mutating func jumpToSection(_ section: Int) {
        let block = document.sectionFirstBlock[section]
        jump(to: DocumentPosition(block: block, offset: document.blocks[block].span.start))
        // The cursor goes to the section's first paragraph, never to its heading.
        placeCursor(onBlock: block)
    }

    /// Brings `span` on screen (a few lines below the top when it has to scroll) and makes it the focus.
    mutating func reveal(_ span: Span, recordJump: Bool) {
        let g = geometry
        focusSpan = span
        let target = document.position(ofOffset: span.start, width: g.textWidth)
        let visible = document.visibleLines(from: top, count: g.bodyHeight, width: g.textWidth)
        let onScreen = visible.contains { $0.block == target.block && document.lines($0.block, width: g.textWidth)[$0.line].start == target.offset }
        defer { placeCursor(onBlock: target.block) }
        if onScreen { return }
        if recordJump { self.recordJump() }
        top = document.moved(target, by: -min(3, g.bodyHeight / 4), width: g.textWidth)
        settleTop()
    }

    mutating func recordJump() {
        if jumpIndex < jumps.count { jumps.removeSubrange(jumpIndex...) }
        jumps.append(JumpLocation(article: current, position: top))
        if jumps.count > Self.jumpListLimit { jumps.removeFirst() }
        jumpIndex = jumps.count
    }

    mutating func jumpBack() {
        guard jumpIndex > 0 else { message = "no earlier jump"; return }
        if jumpIndex == jumps.count { jumps.append(JumpLocation(article: current, position: top)) }
        jumpIndex -= 1
        go(to: jumps[jumpIndex])
    }

    mutating func jumpForward() {
        guard jumpIndex + 1 < jumps.count else { message = "no later jump"; return }
        jumpIndex += 1
        go(to: jumps[jumpIndex])
    }

    private mutating func go(to location: JumpLocation) {
        if location.article != current, location.article < documents.count { switchArticle(to: location.article) }
        top = location.position
        settleTop()
    }

    mutating func switchArticle(to index: Int) {
        guard index != current, index < documents.count else { return }
        positions[current] = top
        current = index
        visualAnchor = nil
        selectedEntity = nil
        focusSpan = nil
        search = nil
        sideSelection = 0
        settleTop()
    }

    // MARK: n / N

    mutating func findNext(forward: Bool) {
        if var active = search {
            guard !active.matches.isEmpty else { return }
            let count = active.matches.count
            active.current = (active.current + (forward ? 1 : count - 1)) % count
            if forward, active.current == 0 { message = "search wrapped to the top" }
            if !forward, active.current == count - 1 { message = "search wrapped to the bottom" }
            search = active
            reveal(active.matches[active.current], recordJump: true)
            return
        }
        guard let entity = selectedEntity, entity < document.mentionsByEntity.count else {
            message = "select an entity (f, or Enter in the side pane) or search with / first"
            return
        }
        let mentions = document.mentionsByEntity[entity]
        guard !mentions.isEmpty else { return }
        let anchor = focusSpan?.start ?? (forward ? top.offset - 1 : top.offset)
        let found = forward ? mentions.first { $0.start > anchor } : mentions.last { $0.start < anchor }
        if found == nil, documents.count > 1, continueInAnotherArticle(entity: entity, forward: forward) { return }
        let target: Span
        if let found {
            target = found
        } else {
            target = forward ? mentions[0] : mentions[mentions.count - 1]
            message = forward ? "wrapped to the first mention" : "wrapped to the last mention"
        }
        if message == nil, let index = mentions.firstIndex(of: target) {
            message = "mention \(index + 1)/\(mentions.count)"
        }
        reveal(target, recordJump: true)
    }

    /// Past the last (or before the first) mention, n/N go on in the next (previous) article that
    /// mentions the same entity, found by name or alias, as a briefing is read across articles.
    mutating func continueInAnotherArticle(entity: Int, forward: Bool) -> Bool {
        let names = Set(([document.annotated.entities[entity].name] + document.annotated.entities[entity].aliases).map { $0.lowercased() })
        let count = documents.count
        for step in 1..<count {
            let index = (current + (forward ? step : count - step)) % count
            let candidates = documents[index].annotated.entities.enumerated().filter { _, other in
                !names.isDisjoint(with: ([other.name] + other.aliases).map { $0.lowercased() })
            }
            guard let (otherEntity, _) = candidates.first,
                  let target = forward ? documents[index].mentionsByEntity[otherEntity].first
                                       : documents[index].mentionsByEntity[otherEntity].last else { continue }
            recordJump()
            switchArticle(to: index)
            selectedEntity = otherEntity
            reveal(target, recordJump: false)
            message = "\(documents[index].annotated.entities[otherEntity].name) in \(documents[index].name)"
            return true
        }
        return false
    }

    // MARK: Search

    mutating func runSearch(_ query: String) {
        guard !query.isEmpty else { return }
        let matches = TextSearch.matches(of: query, in: document.text.scalars)
        guard !matches.isEmpty else {
            search = nil
            message = "not found: \(query)"
            return
        }
        let fromTop = matches.firstIndex { $0.start >= top.offset } ?? 0
        search = SearchState(query: query, matches: matches, current: fromTop)
        reveal(matches[fromTop], recordJump: true)
    }

    // MARK: Hints

    /// Labels the entity mentions on screen, in reading order.
    mutating func startHints() {
        let g = geometry
        var spans: [(Span, Int)] = []
        for (block, line) in document.visibleLines(from: top, count: g.bodyHeight, width: g.textWidth) {
            let range = document.textRange(block: block, line: line, width: g.textWidth)
            for index in document.mentions.overlapping(range) where document.mentions.spans[index].start >= range.start {
                spans.append((document.mentions.spans[index], document.mentions.payloads[index]))
            }
        }
        guard !spans.isEmpty else { message = "no entity mentions on screen"; return }
        let labels = Self.hintLabels(count: spans.count)
        mode = .hints(typed: "", targets: zip(labels, spans).map { HintTarget(label: $0, span: $1.0, entity: $1.1) })
    }

    /// Single letters while they suffice, else two letters, home row first.
    static func hintLabels(count: Int) -> [String] {
        let alphabet = hintAlphabet
        if count <= alphabet.count { return alphabet.prefix(count).map { String($0) } }
        var labels: [String] = []
        outer: for first in alphabet {
            for second in alphabet {
                labels.append(String(first) + String(second))
                if labels.count == count { break outer }
            }
        }
        return labels
    }

    private mutating func applyHints(_ action: Action, typed: String, targets: [HintTarget]) {
        switch action {
        case .text(let character):
            let label = typed + String(character)
            if let hit = targets.first(where: { $0.label == label }) {
                mode = .reading
                selectedEntity = hit.entity
                search = nil
                focusSpan = hit.span
                placeCursor(onBlock: document.block(containing: hit.span.start))
                message = "selected \(document.annotated.entities[hit.entity].name) (n/N: its mentions)"
            } else if targets.contains(where: { $0.label.hasPrefix(label) }) {
                mode = .hints(typed: label, targets: targets)
            } else {
                mode = .reading
                message = "no hint \(label)"
            }
        case .deleteBackward where !typed.isEmpty:
            mode = .hints(typed: String(typed.dropLast()), targets: targets)
        default:
            mode = .reading
        }
    }

    // MARK: Overlays

    private mutating func applyContents(_ action: Action, selected: Int) {
        guard case .command(let command) = action else { return }
        let count = document.sectionCount
        switch command {
        case .scrollDown: mode = .contents(selected: min(count - 1, selected + 1))
        case .scrollUp: mode = .contents(selected: max(0, selected - 1))
        case .top: mode = .contents(selected: 0)
        case .bottom: mode = .contents(selected: count - 1)
        case .activate:
            mode = .reading
            jumpToSection(selected)
        case .quit, .cancel, .contents: mode = .reading
        default: break
        }
    }

    private mutating func applyHelp(_ action: Action, scroll: Int) {
        guard case .command(let command) = action else { return }
        switch command {
        case .scrollDown, .pageDown, .halfPageDown: mode = .help(scroll: scroll + (command == .scrollDown ? 1 : 10))
        case .scrollUp, .pageUp, .halfPageUp: mode = .help(scroll: max(0, scroll - (command == .scrollUp ? 1 : 10)))
        default: mode = .reading
        }
    }

    private mutating func applyLibrary(_ action: Action, selected: Int) {
        guard case .command(let command) = action else { return }
        // `selected` is an article index; the keys move through the rows of the sorted list.
        switch command {
        case .scrollDown: mode = .library(selected: library.moved(from: selected, by: 1))
        case .scrollUp: mode = .library(selected: library.moved(from: selected, by: -1))
        case .pageDown, .halfPageDown: mode = .library(selected: library.moved(from: selected, by: max(1, geometry.bodyHeight - 3)))
        case .pageUp, .halfPageUp: mode = .library(selected: library.moved(from: selected, by: -max(1, geometry.bodyHeight - 3)))
        case .top: mode = .library(selected: library.moved(from: selected, by: -documents.count))
        case .bottom: mode = .library(selected: library.moved(from: selected, by: documents.count))
        case .activate: openFromLibrary(selected)
        case .sortLibrary:
            library.cycleSort()
            message = "sorted by \(library.sort.rawValue)\(library.sort == .unread ? " first" : "")"
        case .cancel, .library:
            mode = .reading
        case .help: mode = .help(scroll: 0)
        case .entities: openEntityView()
        case .quit: shouldQuit = true
        default: break
        }
    }

    // MARK: Mouse

    private mutating func click(column: Int, row: Int) {
        let g = geometry
        guard !g.isTooSmall, row < g.bodyHeight else { return }
        if case .library = mode {
            if let index = LibraryView.article(atRow: row, state: self) { openFromLibrary(index) }
            return
        }
        guard case .reading = mode else { mode = .reading; return }
        if g.sideVisible, column >= g.sideX {
            if let item = SidePaneView.item(atRow: row, state: self) {
                focus = .side
                sideSelection = item
                activateSideItem()
            }
            return
        }
        let visible = document.visibleLines(from: top, count: g.bodyHeight, width: g.textWidth)
        guard row < visible.count else { return }
        let (block, line) = visible[row]
        // A click on a paragraph puts the reading cursor there (a, m and B act on it).
        if holdsCursor(block) { cursors[current] = block }
        let glyphs = document.glyphs(block)
        var x = g.textX
        for index in document.lines(block, width: g.textWidth)[line].glyphs {
            let glyph = glyphs[index]
            if column < x + glyph.width {
                if let hit = document.mentions.overlapping(Span(glyph.offset, glyph.offset + 1)).first {
                    selectedEntity = document.mentions.payloads[hit]
                    focusSpan = document.mentions.spans[hit]
                    search = nil
                    focus = .main
                    message = "selected \(document.annotated.entities[document.mentions.payloads[hit]].name)"
                }
                return
            }
            x += glyph.width
        }
    }
}
