import DossierCore

/// Draws the side pane: Actors (name, kind, mentions, claims) and Claims (actor — cue: claim),
/// for the current section or the whole article; the chosen item is highlighted when the pane has focus.
enum SidePaneView {
    /// A drawn row: segments of text with their styles, and the item it belongs to (nil for headings).
    struct Row {
        var segments: [(String, ThemeElement)]
        var item: Int?
        var rightText: String = ""
    }

    static let claimLineLimit = 3

    /// The pane's rows; with `through` (the chosen item and the pane's height), only as many as can be
    /// drawn: a long section has thousands of claims, and wrapping them all would cost every frame.
    static func rows(state: ReaderState, width: Int, through visible: (item: Int, height: Int)? = nil) -> [Row] {
        let content = state.sideContent
        let document = state.document
        var rows: [Row] = []
        let scopeLabel: String
        switch state.sideScope {
        case .section: scopeLabel = "§\(state.currentSection + 1)/\(document.sectionCount)"
        case .article: scopeLabel = "article"
        case .briefing: scopeLabel = "briefing"
        }
        rows.append(Row(segments: [("Actors (\(content.actorCount)) · \(scopeLabel)", .sideHeading)], item: nil,
                        rightText: content.actorCount == 0 ? "" : state.sideScope == .briefing ? "art men cl" : "men cl"))
        if content.actorCount == 0 { rows.append(Row(segments: [("  none found", .sideDim)], item: nil)) }
        var claimsHeadingDone = false
        var chosenLastRow = 0
        for (index, item) in content.items.enumerated() {
            if let visible {
                if index == visible.item + 1 { chosenLastRow = rows.count - 1 }
                if index > visible.item, rows.count > chosenLastRow + visible.height { return rows }
            }
            switch item {
            case .actor(let entity, let name, let kind, let mentions, let claims, _):
                let counts = "\(kind.shortName) \(pad(mentions, 3)) \(pad(claims, 2))"
                rows.append(Row(segments: [(name, ThemeElement.entity(document.annotated.entities[entity].kind))],
                                item: index, rightText: counts))
            case .briefingActor(_, let name, let kind, let articles, let mentions, let claims):
                rows.append(Row(segments: [(name, ThemeElement.entity(kind))], item: index,
                                rightText: "\(kind.shortName) \(pad(articles, 3)) \(pad(mentions, 3)) \(pad(claims, 2))"))
            case .claim(_, let actorName, let cue, _, let span):
                if !claimsHeadingDone, state.sideScope != .briefing {
                    claimsHeadingDone = true
                    rows.append(Row(segments: [], item: nil))
                    rows.append(Row(segments: [("Claims (\(content.claimCount))", .sideHeading)], item: nil))
                }
                let claimText = SummaryText.elide(document.text.slice(span), to: 2000)
                let lead = "\(actorName) — \(cue ?? "states"): "
                let wrapped = wrap(lead + claimText, width: max(8, width - 2), limit: claimLineLimit)
                for (lineIndex, line) in wrapped.enumerated() {
                    if lineIndex == 0, line.hasPrefix(actorName) {
                        rows.append(Row(segments: [(actorName, .sideHeading), (String(line.dropFirst(actorName.count)), .side)], item: index))
                    } else {
                        rows.append(Row(segments: [((lineIndex == 0 ? "" : "  ") + line, .side)], item: index))
                    }
                }
            }
        }
        if !claimsHeadingDone, state.sideScope != .briefing {
            rows.append(Row(segments: [], item: nil))
            rows.append(Row(segments: [("Claims (0)", .sideHeading)], item: nil))
            rows.append(Row(segments: [("  none found", .sideDim)], item: nil))
        }
        return rows
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }

    /// Word-wraps plain text to `width` cells, at most `limit` lines, the last elided with "…".
    static func wrap(_ text: String, width: Int, limit: Int) -> [String] {
        let glyphs = Glyph.glyphs(of: ArraySlice(text.unicodeScalars), startingAt: 0)
        let ranges = WordWrapper.lines(glyphs, width: width)
        var lines = ranges.prefix(limit).map { range in glyphs[range].map(\.text).joined() }
        if ranges.count > limit, var last = lines.popLast() {
            while DisplayWidth.of(last) > width - 1, !last.isEmpty { last.removeLast() }
            lines.append(last + "…")
        }
        return lines
    }

    /// The first row drawn: scrolled so the chosen item is on screen.
    static func scrollOffset(rows: [Row], selection: Int, height: Int) -> Int {
        guard let lastRow = rows.lastIndex(where: { $0.item == selection }) else { return 0 }
        let firstRow = rows.firstIndex { $0.item == selection } ?? lastRow
        if lastRow < height { return 0 }
        return min(firstRow, lastRow - height + 1)
    }

    /// Records the rows of each item in `hits`.
    static func draw(_ canvas: inout Canvas, hits: inout HitMap, state: ReaderState) {
        let g = state.geometry
        let theme = state.theme
        for row in 0..<g.bodyHeight {
            canvas.put("│", column: g.mainWidth, row: row, style: theme[.border])
            canvas.fill(row: row, columns: g.sideX..<g.width, style: theme[.side])
        }
        let contentWidth = g.sideWidth - 1
        let itemCount = state.sideContent.items.count
        let selection = min(state.sideSelection, max(0, itemCount - 1))
        let rows = rows(state: state, width: contentWidth, through: (selection, g.bodyHeight))
        let offset = scrollOffset(rows: rows, selection: selection, height: g.bodyHeight)
        for (screenRow, row) in rows.dropFirst(offset).prefix(g.bodyHeight).enumerated() {
            let chosen = state.focus == .side && row.item == selection && row.item != nil
            if let item = row.item { hits.add(row: screenRow, columns: g.sideX..<g.width, .sideItem(item)) }
            let rowStyle = chosen ? theme[.side].layered(with: theme[.sideSelected]) : theme[.side]
            if chosen { canvas.fill(row: screenRow, columns: g.sideX..<g.width, style: rowStyle) }
            let rightWidth = DisplayWidth.of(row.rightText)
            let textLimit = g.width - (rightWidth > 0 ? rightWidth + 1 : 0)
            var x = g.sideX + 1
            for (text, element) in row.segments {
                let style = chosen ? rowStyle : theme[.side].layered(with: theme[element])
                let fits = DisplayWidth.of(text) <= textLimit - x
                x = canvas.put(fits ? text : elided(text, to: textLimit - x), column: x, row: screenRow, style: style, limit: textLimit)
            }
            if rightWidth > 0 {
                canvas.put(row.rightText, column: g.width - rightWidth, row: screenRow,
                           style: chosen ? rowStyle : theme[.side].layered(with: theme[.sideDim]))
            }
        }
    }

    static func elided(_ text: String, to width: Int) -> String {
        guard width > 1 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}

extension EntityKind {
    /// Three letters for the side pane's kind column.
    var shortName: String {
        switch self {
        case .person: return "per"
        case .organization: return "org"
        case .place: return "plc"
        case .group: return "grp"
        case .event: return "evt"
        case .other: return "oth"
        }
    }
}
