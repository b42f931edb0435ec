import DossierCore

/// Moving through the text: scrolling, jumps and the jump list, n/N across mentions and
/// articles, and search. Part of the update step (see `ReaderUpdate.swift`).
extension ReaderState {
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

    mutating func go(to location: JumpLocation) {
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
}
