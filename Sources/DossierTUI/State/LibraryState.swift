/// The order the library lists its articles in; `S` cycles through them.
public enum LibrarySort: String, Sendable, CaseIterable {
    /// By file name, numbers in names compared as numbers ("feed.jsonl:9" before "feed.jsonl:10").
    case name
    /// Newest first; articles with no date last.
    case date
    /// Unread first, then by name.
    case unread

    var next: LibrarySort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// The library's part of the reader state: one entry per article (same indices as the documents),
/// the sort order, and the display order it gives.
public struct LibraryState: Sendable, Equatable {
    public private(set) var entries: [LibraryEntry]
    public private(set) var sort: LibrarySort
    /// Article indices in display order.
    public private(set) var order: [Int] = []
    /// Each entry's name sort key, made once: sorting a thousand entries happens as they arrive.
    private var nameKeys: [NaturalKey]
    /// Entries annotated or failed, and annotated: counted as entries change, since the status line
    /// asks for them on every frame.
    public private(set) var settledCount = 0
    public private(set) var annotatedCount = 0

    public init(entries: [LibraryEntry], sort: LibrarySort = .name) {
        self.entries = entries
        self.sort = sort
        self.nameKeys = entries.map { NaturalKey($0.source) }
        for entry in entries { count(entry, as: 1) }
        resort()
    }

    /// Adds an entry at its place in the order. One place, not a new sort: a feed's articles
    /// arrive one by one, and sorting the whole list for each made opening a feed of 22,000
    /// articles take 13–22 s (Benchmarks/README.md, "Large briefings in the reader").
    mutating func append(_ entry: LibraryEntry) {
        entries.append(entry)
        nameKeys.append(NaturalKey(entry.source))
        count(entry, as: 1)
        insertInOrder(entries.count - 1)
    }

    /// Changes one entry, moving it in the order only when what the current order depends on changed.
    mutating func update(_ index: Int, _ change: (inout LibraryEntry) -> Void) {
        guard entries.indices.contains(index) else { return }
        let before = entries[index]
        change(&entries[index])
        let after = entries[index]
        count(before, as: -1)
        count(after, as: 1)
        if before.source != after.source { nameKeys[index] = NaturalKey(after.source) }
        let moves: Bool
        switch sort {
        case .name: moves = before.source != after.source
        case .date: moves = before.date != after.date || before.source != after.source
        case .unread: moves = before.read != after.read || before.source != after.source
        }
        guard moves, let row = order.firstIndex(of: index) else { return }
        order.remove(at: row)
        insertInOrder(index)
    }

    public var isComplete: Bool { settledCount == entries.count }

    mutating func cycleSort() {
        sort = sort.next
        resort()
    }

    /// Recomputes the display order.
    mutating func resort() {
        order = entries.indices.sorted { precedes($0, $1) }
    }

    /// Whether entry `a` is listed before entry `b` in the current sort. Ties go to the entry given
    /// first, so this is a strict total order: inserting by it gives the order a full sort gives.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        switch sort {
        case .name:
            if nameKeys[a] != nameKeys[b] { return nameKeys[a] < nameKeys[b] }
        case .date:
            let (da, db) = (entries[a].date ?? "", entries[b].date ?? "")
            if da != db { return da > db }
            if nameKeys[a] != nameKeys[b] { return nameKeys[a] < nameKeys[b] }
        case .unread:
            if entries[a].read != entries[b].read { return !entries[a].read }
            if nameKeys[a] != nameKeys[b] { return nameKeys[a] < nameKeys[b] }
        }
        return a < b
    }

    /// Puts entry `index` (not in `order`) at its row, found by binary search: the end, for a feed
    /// whose lines arrive in order.
    private mutating func insertInOrder(_ index: Int) {
        var low = 0, high = order.count
        if let last = order.last, precedes(last, index) { low = high }
        while low < high {
            let middle = (low + high) / 2
            if precedes(order[middle], index) { low = middle + 1 } else { high = middle }
        }
        order.insert(index, at: low)
    }

    private mutating func count(_ entry: LibraryEntry, as change: Int) {
        if entry.isSettled { settledCount += change }
        if entry.isAnnotated { annotatedCount += change }
    }

    /// The article shown `steps` rows after (before, when negative) `index`, clamped to the list.
    func moved(from index: Int, by steps: Int) -> Int {
        guard !order.isEmpty else { return index }
        let row = order.firstIndex(of: index) ?? 0
        return order[max(0, min(order.count - 1, row + steps))]
    }

    func row(of index: Int) -> Int { order.firstIndex(of: index) ?? 0 }
}

/// A sort key that compares runs of digits by value, so "a2" sorts before "a10".
struct NaturalKey: Comparable {
    private enum Part: Comparable {
        case number(Int)
        case text(String)
    }

    private let parts: [Part]

    init(_ string: String) {
        var parts: [Part] = []
        var digits = 0
        var inDigits = false
        var text = String.UnicodeScalarView()
        for scalar in string.lowercased().unicodeScalars {
            if let value = scalar.properties.numericType != nil && scalar.isASCII ? Int(scalar.value - 48) : nil {
                if !inDigits, !text.isEmpty { parts.append(.text(String(text))); text = String.UnicodeScalarView() }
                inDigits = true
                digits = digits &* 10 &+ value
            } else {
                if inDigits { parts.append(.number(digits)); digits = 0; inDigits = false }
                text.append(scalar)
            }
        }
        if inDigits { parts.append(.number(digits)) }
        if !text.isEmpty { parts.append(.text(String(text))) }
        self.parts = parts
    }

    static func < (a: NaturalKey, b: NaturalKey) -> Bool {
        for (x, y) in zip(a.parts, b.parts) where x != y {
            switch (x, y) {
            case (.number(let m), .number(let n)): return m < n
            case (.text(let s), .text(let t)): return s < t
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
        return a.parts.count < b.parts.count
    }
}
