import DossierCore

/// Spans sorted by start, answering "which overlap this range" by binary search, so drawing a
/// line costs the marks on it, not the marks in the article.
struct SpanIndex<Payload: Sendable>: Sendable {
    private(set) var spans: [Span] = []
    private(set) var payloads: [Payload] = []
    /// The largest end among the short spans of spans[0...i]: non-decreasing, so it can be searched
    /// even when spans overlap.
    private var maxEnds: [Int] = []
    /// Spans longer than `longSpan` (an unclosed quote running on for pages), checked one by one:
    /// left in `maxEnds` they would make every later search scan from them on.
    private var longSpans: [Int] = []
    static var longSpan: Int { 4_096 }

    init(_ items: [(Span, Payload)]) {
        let sorted = items.sorted { $0.0 < $1.0 }
        self.init(sortedSpans: sorted.map(\.0), payloads: sorted.map(\.1))
    }

    /// `spans` already in order, with their payloads.
    private init(sortedSpans: [Span], payloads: [Payload]) {
        spans = sortedSpans
        self.payloads = payloads
        var running = Int.min
        var long: [Int] = []
        maxEnds = spans.enumerated().map { index, span in
            if span.length > Self.longSpan { long.append(index) } else { running = max(running, span.end) }
            return max(running, span.start)
        }
        longSpans = long
    }

    var count: Int { spans.count }

    /// Indices of the spans overlapping `range`, in order.
    func overlapping(_ range: Span) -> [Int] {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if maxEnds[mid] <= range.start { low = mid + 1 } else { high = mid }
        }
        var found: [Int] = []
        for index in longSpans {
            if index >= low { break }
            if spans[index].end > range.start { found.append(index) }
        }
        var i = low
        while i < spans.count, spans[i].start < range.end {
            if spans[i].end > range.start || (spans[i].isEmpty && spans[i].start >= range.start) { found.append(i) }
            i += 1
        }
        return found
    }

    /// The index of the first span starting at or after `offset`.
    func firstStarting(atOrAfter offset: Int) -> Int {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension SpanIndex where Payload == Int {
    /// Each span's payload is its index in `spans`. Annotations come sorted from the pipeline: then
    /// no array of pairs and no sorted copy of it is made (a 50 MB line has over a million numbers).
    init(indexing spans: [Span]) {
        guard spans.indices.dropFirst().allSatisfy({ !(spans[$0] < spans[$0 - 1]) }) else {
            self.init(spans.enumerated().map { ($1, $0) })
            return
        }
        self.init(sortedSpans: spans, payloads: Array(spans.indices))
    }
}
