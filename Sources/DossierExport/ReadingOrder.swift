import DossierStore

/// The reader's highlights and notes merged in reading order, orphaned ones last.
struct ReadingOrder {
    enum Kind { case note(Note), highlight(Highlight) }

    struct Item {
        var kind: Kind
        var anchor: TextAnchor
        var isOrphaned: Bool
    }

    static func items(_ export: ArticleExport) -> [Item] {
        let items = export.notes.map { Item(kind: .note($0), anchor: $0.anchor, isOrphaned: $0.isOrphaned) }
            + export.highlights.map { Item(kind: .highlight($0), anchor: $0.anchor, isOrphaned: $0.isOrphaned) }
        return items.enumerated().sorted { a, b in
            if a.element.isOrphaned != b.element.isOrphaned { return !a.element.isOrphaned }
            if a.element.anchor.start != b.element.anchor.start { return a.element.anchor.start < b.element.anchor.start }
            return a.offset < b.offset
        }.map(\.element)
    }
}
