import DossierCore

/// Draws the article's visible lines with their highlights: quotes, numbers, entities by kind,
/// the selected entity, search matches, the focused mention, and hint labels.
enum MainPaneView {
    /// Records each line (its paragraph) and each mention on it in `hits`.
    static func draw(_ canvas: inout Canvas, hits: inout HitMap, state: ReaderState) {
        let g = state.geometry
        let theme = state.theme
        let document = state.document
        let visible = document.visibleLines(from: state.top, count: g.bodyHeight, width: g.textWidth)
        var hintsBySpanStart: [Int: String] = [:]
        var typed = ""
        if case .hints(let prefix, let targets) = state.mode {
            typed = prefix
            for target in targets where target.label.hasPrefix(prefix) { hintsBySpanStart[target.span.start] = target.label }
        }
        let marks = state.currentMarks
        // The cursor shows while reading (not while hint labels, the contents or the help take the keys).
        let showsCursor = state.mode == .reading
        let cursor = state.cursorBlock
        let selection = state.selectedBlocks
        for (row, (block, line)) in visible.enumerated() {
            let blockInfo = document.blocks[block]
            let base = theme[.text].layered(with: theme[element(for: blockInfo.kind)])
            canvas.fill(row: row, columns: 0..<g.mainWidth, style: theme[.text])
            hits.add(row: row, columns: 0..<g.mainWidth, .textLine(block: block, line: line))
            let layoutLine = document.lines(block, width: g.textWidth)[line]
            if layoutLine.isSeparator || layoutLine.glyphs.isEmpty { continue }
            let range = document.textRange(block: block, line: line, width: g.textWidth)
            let marked = NoteMarginView.draw(&canvas, row: row, range: range, marks: marks, theme: theme)
            let inSelection = selection?.contains(block) ?? false
            if showsCursor, !marked, block == cursor || inSelection {
                canvas.put(NoteMarginView.cursorMarker, column: 0, row: row, style: theme[.text].layered(with: theme[.statusAccent]))
            }
            let lineMarks = LineMarks(document: document, range: range, state: state)
            let glyphs = document.glyphs(block)
            var x = g.textX
            var labelsHere: [(Int, String)] = []
            for index in layoutLine.glyphs {
                let glyph = glyphs[index]
                var style = lineMarks.style(at: glyph.offset, base: base, theme: theme)
                if marks.highlights.contains(where: { $0.contains(glyph.offset) }) { style = style.layered(with: theme.highlightStyle) }
                if inSelection { style = style.layered(with: Style(attributes: .reverse)) }
                canvas.putGrapheme(glyph.text, width: glyph.width, column: x, row: row, style: style)
                if let label = hintsBySpanStart[glyph.offset] { labelsHere.append((x, label)) }
                if let (span, entity) = lineMarks.mention(at: glyph.offset) {
                    hits.add(row: row, columns: x..<(x + glyph.width), .mention(entity: entity, span: span, block: block))
                }
                x += glyph.width
            }
            // Labels cover the mention's first letters, as vimium's do. UNFINISHED: with more than 26
            // mentions on screen the labels take two letters; one label per entity would keep them short.
            for (column, label) in labelsHere {
                canvas.put(String(label.dropFirst(typed.count)), column: column, row: row, style: theme[.hint], limit: g.mainWidth)
            }
        }
    }

    static func element(for kind: BlockKind) -> ThemeElement {
        switch kind {
        case .title: return .title
        case .standfirst: return .standfirst
        case .dateline: return .dateline
        case .heading: return .heading
        case .body: return .text
        }
    }
}

/// The highlight spans on one line, found once per line by binary search.
struct LineMarks {
    var quotes: [Span] = []
    var numbers: [Span] = []
    var mentions: [(Span, Int)] = []
    var matches: [Span] = []
    var focus: Span?
    var selected: Int?
    var kinds: [EntityKind] = []

    init(document: ArticleDocument, range: Span, state: ReaderState) {
        quotes = document.quotes.overlapping(range).map { document.quotes.spans[$0] }
        numbers = document.numbers.overlapping(range).map { document.numbers.spans[$0] }
        mentions = document.mentions.overlapping(range).map { (document.mentions.spans[$0], document.mentions.payloads[$0]) }
        if let search = state.search {
            var low = 0, high = search.matches.count
            while low < high {
                let mid = (low + high) / 2
                if search.matches[mid].end <= range.start { low = mid + 1 } else { high = mid }
            }
            var i = low
            while i < search.matches.count, search.matches[i].start < range.end { matches.append(search.matches[i]); i += 1 }
        }
        focus = state.focusSpan.flatMap { $0.overlaps(range) ? $0 : nil }
        selected = state.selectedEntity
        kinds = document.entityKinds
    }

    func mention(at offset: Int) -> (Span, Int)? {
        mentions.first { $0.0.contains(offset) }
    }

    func style(at offset: Int, base: Style, theme: Theme) -> Style {
        var style = base
        if quotes.contains(where: { $0.contains(offset) }) { style = style.layered(with: theme[.quote]) }
        if numbers.contains(where: { $0.contains(offset) }) { style = style.layered(with: theme[.number]) }
        if let mention = mentions.first(where: { $0.0.contains(offset) }) {
            style = style.layered(with: theme[ThemeElement.entity(kinds[mention.1])])
            if mention.1 == selected { style = style.layered(with: theme[.selected]) }
        }
        if matches.contains(where: { $0.contains(offset) }) { style = style.layered(with: theme[.match]) }
        if let focus, focus.contains(offset) { style = style.layered(with: theme[.currentMatch]) }
        return style
    }
}
