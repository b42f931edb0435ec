import DossierCore

/// Hint mode, the contents, help and library overlays, and the mouse. Part of the update step.
extension ReaderState {
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

    mutating func applyHints(_ action: Action, typed: String, targets: [HintTarget]) {
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

    mutating func applyContents(_ action: Action, selected: Int) {
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

    mutating func applyHelp(_ action: Action, scroll: Int) {
        guard case .command(let command) = action else { return }
        switch command {
        case .scrollDown, .pageDown, .halfPageDown: mode = .help(scroll: scroll + (command == .scrollDown ? 1 : 10))
        case .scrollUp, .pageUp, .halfPageUp: mode = .help(scroll: max(0, scroll - (command == .scrollUp ? 1 : 10)))
        default: mode = .reading
        }
    }

    // MARK: Mouse

    mutating func click(_ target: HitMap.Target?) {
        if case .library = mode {
            if case .libraryArticle(let index) = target { openFromLibrary(index) }
            return
        }
        guard case .reading = mode else { mode = .reading; return }
        switch target {
        case .sideItem(let item):
            focus = .side
            sideSelection = item
            activateSideItem()
        case .mention(let entity, let span, let block):
            // A click on a mention selects its entity and puts the reading cursor on its paragraph.
            placeCursorIfItHolds(block)
            guard entity < document.annotated.entities.count else { return }
            selectedEntity = entity
            focusSpan = span
            search = nil
            focus = .main
            message = "selected \(document.annotated.entities[entity].name)"
        case .textLine(let block, _):
            // A click on a paragraph puts the reading cursor there (a, m and B act on it).
            placeCursorIfItHolds(block)
        case .libraryArticle, nil:
            break
        }
    }

    private mutating func placeCursorIfItHolds(_ block: Int) {
        if block < document.blocks.count, holdsCursor(block) { cursors[current] = block }
    }
}
