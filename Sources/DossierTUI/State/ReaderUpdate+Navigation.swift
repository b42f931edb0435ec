import DossierCore

/// Moving through the text, where it crosses the reading child (`ReadingState`): its moves given the
/// current article's context, the jump list and n/N across articles, and search. Part of the
/// update step (see `ReaderUpdate.swift`).
extension ReaderState {
    // MARK: Reading (the child model's moves, in the current article's context)

    /// Whether a block can hold the reading cursor (not a heading or the title).
    func holdsCursor(_ block: Int) -> Bool { reading.holdsCursor(block, in: readingContext) }

    /// The cursor's paragraph (see `ReadingState.cursorBlock`).
    public var cursorBlock: Int { documents.isEmpty ? 0 : reading.cursorBlock(in: readingContext) }

    /// What the note and highlight keys act on: the visual selection, else the cursor's paragraph.
    var cursorSpan: Span { reading.cursorSpan(in: readingContext) }

    /// The blocks the visual selection covers (nil outside visual mode).
    var selectedBlocks: ClosedRange<Int>? { reading.selectedBlocks(in: readingContext) }

    mutating func placeCursor(onBlock block: Int) { reading.placeCursor(onBlock: block, in: readingContext) }

    mutating func scroll(by lines: Int) {
        if let note = reading.scroll(by: lines, in: readingContext) { message = note }
    }

    mutating func settleTop(clampToLastScreen: Bool = false) {
        guard !documents.isEmpty else { return }
        reading.settleTop(clampToLastScreen: clampToLastScreen, in: readingContext)
    }

    mutating func jump(to position: DocumentPosition) { reading.jump(to: position, in: readingContext) }

    mutating func jumpToSection(_ section: Int) { reading.jumpToSection(section, in: readingContext) }

    mutating func reveal(_ span: Span, recordJump: Bool) { reading.reveal(span, recordJump: recordJump, in: readingContext) }

    mutating func recordJump() { reading.recordJump() }

    // MARK: The jump list, across articles

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

    mutating func go(to location: JumpLocation) {
        if location.article != current, location.article < documents.count { switchArticle(to: location.article) }
        top = location.position
        settleTop()
    }

    mutating func switchArticle(to index: Int) {
        guard index != current, index < documents.count else { return }
        reading.leave(for: index)
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
}
