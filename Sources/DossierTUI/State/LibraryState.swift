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

    public init(entries: [LibraryEntry], sort: LibrarySort = .name) {
        self.entries = entries
        self.sort = sort
        self.nameKeys = entries.map { NaturalKey($0.source) }
        resort()
    }

    mutating func append(_ entry: LibraryEntry) {
        entries.append(entry)
        nameKeys.append(NaturalKey(entry.source))
        resort()
    }

    /// Changes one entry, re-sorting only when what the current order depends on changed.
    mutating func update(_ index: Int, _ change: (inout LibraryEntry) -> Void) {
        guard entries.indices.contains(index) else { return }
        let before = entries[index]
        change(&entries[index])
        let after = entries[index]
        if before.source != after.source { nameKeys[index] = NaturalKey(after.source) }
        switch sort {
        case .name: if before.source != after.source { resort() }
        case .date: if before.date != after.date { resort() }
        case .unread: if before.read != after.read { resort() }
        }
    }

    public var settledCount: Int { entries.reduce(0) { $0 + ($1.isSettled ? 1 : 0) } }
    public var annotatedCount: Int { entries.reduce(0) { $0 + ($1.isAnnotated ? 1 : 0) } }
    public var isComplete: Bool { settledCount == entries.count }

    mutating func cycleSort() {
        sort = sort.next
        resort()
    }

    /// Recomputes the display order; stable, so equal entries keep the order they were given in.
    mutating func resort() {
        let entries = self.entries
        let keys = nameKeys
        order = entries.indices.sorted { a, b in
            switch sort {
            case .name:
                if keys[a] != keys[b] { return keys[a] < keys[b] }
            case .date:
                let (da, db) = (entries[a].date ?? "", entries[b].date ?? "")
                if da != db { return da > db }
                if keys[a] != keys[b] { return keys[a] < keys[b] }
            case .unread:
                if entries[a].read != entries[b].read { return !entries[a].read }
                if keys[a] != keys[b] { return keys[a] < keys[b] }
            }
            return a < b
        }
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
