import DossierCore

/// The full-screen entity view (`E`): the briefing's entities on the left (kind, articles, mentions),
/// the chosen one's concordance on the right, one line of context per mention, grouped by article.
enum EntityView {
    static let firstRow = 2

    /// One concordance row: an article heading (no mention) or a mention line split around the name.
    struct ConcordanceRow: Equatable {
        var heading: String?
        var before = ""
        var match = ""
        var after = ""
        /// Index into `EntityViewState.mentionLines`.
        var mention: Int?
    }

    static func listWidth(_ width: Int) -> Int { max(24, min(44, width * 2 / 5)) }

    /// The entity list's line, split in the name part and the "kind articles mentions" part on the right.
    static func listLine(_ entity: BriefingEntity, width: Int) -> (name: String, counts: String) {
        let counts = "\(entity.kind.shortName) \(SidePaneView.pad(entity.articleCount, 2))a \(SidePaneView.pad(entity.mentionCount, 3))m "
        let room = width - DisplayWidth.of(counts) - 2
        let name = DisplayWidth.of(entity.name) <= room ? entity.name : SidePaneView.elided(entity.name, to: room)
        return (" " + name + String(repeating: " ", count: max(1, room - DisplayWidth.of(name) + 1)), counts)
    }

    static func concordanceRows(state: ReaderState, view: EntityViewState) -> [ConcordanceRow] {
        var rows: [ConcordanceRow] = []
        var mention = 0
        for group in view.concordance {
            let document = group.article < state.documents.count ? state.documents[group.article] : nil
            let title = document.flatMap { $0.annotated.article.titleString }
            var heading = "\(group.article + 1). \(document?.name ?? "article")"
            if let title { heading += " — " + title }
            heading += " (\(group.lines.count))"
            if !rows.isEmpty { rows.append(ConcordanceRow()) }
            rows.append(ConcordanceRow(heading: heading))
            for line in group.lines {
                rows.append(ConcordanceRow(before: line.before, match: line.match, after: line.after, mention: mention))
                mention += 1
            }
        }
        return rows
    }

    /// Fits a keyword-in-context line to `width` cells, keeping the match in view: the context before
    /// it is cut from the left, the context after from the right.
    static func fitted(_ row: ConcordanceRow, width: Int) -> (String, String, String) {
        let matchWidth = DisplayWidth.of(row.match)
        if DisplayWidth.of(row.before) + matchWidth + DisplayWidth.of(row.after) <= width { return (row.before, row.match, row.after) }
        // A third of the room before the match, more when the context after it is short.
        let beforeRoom = max(0, min(DisplayWidth.of(row.before),
                                    max((width - matchWidth) / 3, width - matchWidth - DisplayWidth.of(row.after))))
        var before = row.before
        if DisplayWidth.of(before) > beforeRoom {
            var kept: [Character] = []
            var used = 1
            for character in before.reversed() {
                let w = DisplayWidth.of(character)
                if used + w > beforeRoom { break }
                kept.append(character)
                used += w
            }
            var shown = String(kept.reversed())
            // Start at a word, unless that would leave nothing before the match.
            if let space = shown.firstIndex(of: " "), shown.index(after: space) < shown.endIndex {
                shown = String(shown[shown.index(after: space)...])
            }
            before = beforeRoom > 0 ? "…" + shown : ""
        }
        let afterRoom = width - DisplayWidth.of(before) - matchWidth
        let after = DisplayWidth.of(row.after) <= afterRoom ? row.after : SidePaneView.elided(row.after, to: afterRoom)
        return (before, row.match, after)
    }

    static func draw(_ canvas: inout Canvas, state: ReaderState, view: EntityViewState) {
        let theme = state.theme
        let g = state.geometry
        let articles = state.documents.count
        canvas.put(" Entities: \(view.entities.count) in \(articles) article\(articles == 1 ? "" : "s") — j/k choose, Tab/l mentions, Enter jumps, Esc closes",
                   column: 0, row: 0, style: theme[.title], limit: g.width)
        let leftWidth = listWidth(g.width)
        let visibleRows = g.bodyHeight - firstRow
        // The entity list, scrolled so the chosen entity stays in view.
        let first = max(0, min(view.selected - visibleRows / 2, view.entities.count - visibleRows))
        for (i, entity) in view.entities.enumerated().dropFirst(first).prefix(visibleRows) {
            let row = firstRow + i - first
            let chosen = i == view.selected
            let base = chosen ? theme[.text].layered(with: theme[.sideSelected]) : theme[.text]
            let style = chosen && view.inConcordance ? theme[.text].layered(with: theme[.sideHeading]) : base
            if chosen, !view.inConcordance { canvas.fill(row: row, columns: 0..<leftWidth, style: style) }
            let line = listLine(entity, width: leftWidth)
            let nameStyle = chosen ? style : style.layered(with: theme[ThemeElement.entity(entity.kind)])
            let x = canvas.put(line.name, column: 0, row: row, style: nameStyle, limit: leftWidth)
            canvas.put(line.counts, column: x, row: row, style: chosen ? style : style.layered(with: theme[.sideDim]), limit: leftWidth)
        }
        for row in firstRow..<g.bodyHeight { canvas.put("│", column: leftWidth, row: row, style: theme[.border]) }
        // The concordance of the chosen entity.
        let x0 = leftWidth + 2
        let width = g.width - x0 - 1
        guard width > 4, let entity = view.chosenEntity else { return }
        let summary = "\(entity.name) · \(entity.kind.rawValue) · \(entity.articleCount) article\(entity.articleCount == 1 ? "" : "s"), \(entity.mentionCount) mention\(entity.mentionCount == 1 ? "" : "s")"
        canvas.put(summary, column: x0, row: firstRow, style: theme[.text].layered(with: theme[.heading]), limit: g.width - 1)
        let rows = concordanceRows(state: state, view: view)
        let room = g.bodyHeight - firstRow - 2
        guard room > 0 else { return }
        let chosenRow = rows.firstIndex { $0.mention == view.mentionSelection } ?? 0
        let top = view.inConcordance ? max(0, min(chosenRow - room / 2, rows.count - room)) : 0
        for (i, row) in rows.dropFirst(top).prefix(room).enumerated() {
            let y = firstRow + 2 + i
            if let heading = row.heading {
                canvas.put(heading, column: x0, row: y, style: theme[.text].layered(with: theme[.sideHeading]), limit: g.width - 1)
                continue
            }
            guard row.mention != nil else { continue }
            let chosen = view.inConcordance && row.mention == view.mentionSelection
            let style = chosen ? theme[.text].layered(with: theme[.sideSelected]) : theme[.text]
            if chosen { canvas.fill(row: y, columns: (x0 - 1)..<g.width, style: style) }
            let (before, match, after) = fitted(row, width: width - 2)
            var x = canvas.put("  " + before, column: x0, row: y, style: style, limit: g.width - 1)
            x = canvas.put(match, column: x, row: y, style: style.layered(with: theme[.currentMatch]), limit: g.width - 1)
            canvas.put(after, column: x, row: y, style: style, limit: g.width - 1)
        }
    }
}
