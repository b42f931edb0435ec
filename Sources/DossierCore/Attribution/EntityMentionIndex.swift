/// The linked entities' mentions sorted by position, to ask "which entity is named here?" in log time.
struct EntityMentionIndex: Sendable {
    struct Entry: Sendable {
        var span: Span
        var entity: Int
    }

    let entities: [Entity]
    let entries: [Entry]
    /// Longest mention, to bound the backward part of an overlap search.
    let longest: Int

    init(_ entities: [Entity]) {
        self.entities = entities
        var entries: [Entry] = []
        for (index, entity) in entities.enumerated() {
            for span in entity.mentions { entries.append(Entry(span: span, entity: index)) }
        }
        entries.sort { $0.span < $1.span }
        self.entries = entries
        self.longest = entries.reduce(0) { max($0, $1.span.length) }
    }

    /// Index of the first entry starting at or after `offset`.
    func firstIndex(startingAt offset: Int) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].span.start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Entries whose mention overlaps `span`, in order.
    func overlapping(_ span: Span) -> ArraySlice<Entry> {
        var low = firstIndex(startingAt: span.start - longest)
        while low < entries.count && entries[low].span.end <= span.start { low += 1 }
        // Entries are sorted by start: the first that starts at or past the end, found in log time
        // (a study's search spans several paragraphs, many thousands of entries in a huge text).
        let high = max(low, firstIndex(startingAt: span.end))
        // Entries between low and high may still end before span.start (short ones after a long one).
        return entries[low..<high]
    }

    /// How strongly a kind of entity suggests a speaker: people first, then organisations.
    static func speakerRank(_ kind: EntityKind) -> Int {
        switch kind {
        case .person: return 0
        case .organization: return 1
        case .place: return 2
        case .group: return 3
        case .event, .other: return 4
        }
    }

    /// The last person named inside `span` whose mention starts after `offset`, or nil.
    func person(in span: Span, after offset: Int) -> Int? {
        overlapping(span).last { $0.span.start > offset && span.contains($0.span) && entities[$0.entity].kind == .person }?.entity
    }

    /// The entity named inside `span` that is most likely the speaker: a person before an
    /// organisation before a place; among equals, the last (the head of "U.S. Senator John Tessaro").
    func speaker(in span: Span, allowing kinds: Set<EntityKind>? = nil) -> Int? {
        var best: Int? = nil
        var bestRank = Int.max
        for entry in overlapping(span) where entry.span.overlaps(span) {
            let kind = entities[entry.entity].kind
            if let kinds = kinds, !kinds.contains(kind) { continue }
            let rank = Self.speakerRank(kind)
            if rank <= bestRank {
                best = entry.entity
                bestRank = rank
            }
        }
        return best
    }
}
