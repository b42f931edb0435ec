import DossierCore

/// How an anchor was found again in a (possibly edited) text.
public enum AnchorMatch: String, Sendable, Equatable {
    /// The exact text is still at the stored position.
    case position
    /// The exact text was found elsewhere (text added or removed around it).
    case quote
    /// Text close to the exact text was found (the quoted text itself was edited a little).
    case fuzzy
}

/// Finds an anchor's text again: at its old position if the exact text is still there, else the
/// occurrence of the exact text with the best-matching context nearest the old position, else
/// the closest approximate match; nil when the text is gone (the note is then "orphaned").
public enum AnchorResolver {
    public static func resolve(_ anchor: TextAnchor, in text: ArticleText) -> Span? {
        locate(anchor, in: text)?.span
    }

    public static func locate(_ anchor: TextAnchor, in text: ArticleText) -> (span: Span, match: AnchorMatch)? {
        let haystack = text.scalars.map(\.value)
        let exact = anchor.exact.unicodeScalars.map(\.value)
        let prefix = anchor.prefix.unicodeScalars.map(\.value)
        let suffix = anchor.suffix.unicodeScalars.map(\.value)
        if exact.isEmpty {
            // An empty anchor (a caret position) can only be placed by its context.
            let at = max(0, min(anchor.start, haystack.count))
            if contextScore(haystack, start: at, end: at, prefix: prefix, suffix: suffix) == prefix.count + suffix.count {
                return (Span(at, at), .position)
            }
            return nil
        }
        if anchor.start >= 0, anchor.start + exact.count <= haystack.count,
           matches(haystack, at: anchor.start, exact) {
            return (Span(anchor.start, anchor.start + exact.count), .position)
        }
        let occurrences = occurrencesOf(exact, in: haystack, limit: 10_000)
        if !occurrences.isEmpty {
            let best = occurrences.max { a, b in
                let scoreA = contextScore(haystack, start: a, end: a + exact.count, prefix: prefix, suffix: suffix)
                let scoreB = contextScore(haystack, start: b, end: b + exact.count, prefix: prefix, suffix: suffix)
                if scoreA != scoreB { return scoreA < scoreB }
                return abs(a - anchor.start) > abs(b - anchor.start)
            }!
            return (Span(best, best + exact.count), .quote)
        }
        return fuzzyLocate(exact: exact, prefix: prefix, suffix: suffix, oldStart: anchor.start, in: haystack)
            .map { ($0, .fuzzy) }
    }

    // MARK: - Fuzzy matching

    /// Edits tolerated: a fifth of a long quote (at least two: a typo fixed), one in a short
    /// quote, none in a very short one — two edits would turn "US" into any two letters.
    static func tolerance(forLength length: Int) -> Int {
        if length >= 10 { return max(2, length / 5) }
        return length >= 5 ? 1 : 0
    }

    /// Seeds candidate places by exact pieces of the quote (a few edits leave most pieces intact)
    /// and by the context on both sides, then aligns the quote against each candidate window and
    /// keeps the fewest edits.
    private static func fuzzyLocate(exact: [UInt32], prefix: [UInt32], suffix: [UInt32], oldStart: Int,
                                    in haystack: [UInt32]) -> Span? {
        let m = exact.count
        let allowed = tolerance(forLength: m)
        if allowed == 0 { return nil }
        // Votes per candidate start: every intact piece of the quote, and the context on each side, votes.
        var votes: [Int: Int] = [:]
        let pieces = max(1, min(allowed + 1, m / 6))
        let pieceLength = m / pieces
        if pieceLength >= 3 {
            for piece in 0..<pieces {
                let from = piece * pieceLength
                let to = piece == pieces - 1 ? m : from + pieceLength
                for hit in occurrencesOf(Array(exact[from..<to]), in: haystack, limit: 32) {
                    votes[hit - from, default: 0] += 1
                }
            }
        }
        if prefix.count >= 8 {
            for hit in occurrencesOf(prefix, in: haystack, limit: 16) { votes[hit + prefix.count, default: 0] += 2 }
        }
        if suffix.count >= 8 {
            for hit in occurrencesOf(suffix, in: haystack, limit: 16) { votes[hit - m, default: 0] += 2 }
        }
        // Nearby candidates are one place shifted by insertions or deletions: group them, and
        // align only the best-supported groups so a long quote stays cheap.
        var groups: [(first: Int, last: Int, votes: Int)] = []
        for candidate in votes.keys.sorted() {
            if let lastGroup = groups.last, candidate - lastGroup.last <= allowed {
                groups[groups.count - 1].last = candidate
                groups[groups.count - 1].votes += votes[candidate]!
            } else {
                groups.append((candidate, candidate, votes[candidate]!))
            }
        }
        groups.sort { $0.votes != $1.votes ? $0.votes > $1.votes : abs($0.first - oldStart) < abs($1.first - oldStart) }
        var best: (distance: Int, context: Int, span: Span)? = nil
        for group in groups.prefix(8) {
            let windowStart = max(0, group.first - allowed)
            let windowEnd = min(haystack.count, group.last + m + allowed)
            guard windowStart < windowEnd,
                  let (distance, start, end) = align(exact, in: haystack, from: windowStart, to: windowEnd),
                  distance <= allowed, end > start else { continue }
            let context = contextScore(haystack, start: start, end: end, prefix: prefix, suffix: suffix)
            if let current = best {
                if distance > current.distance { continue }
                if distance == current.distance && context < current.context { continue }
                if distance == current.distance && context == current.context
                    && abs(start - oldStart) >= abs(current.span.start - oldStart) { continue }
            }
            best = (distance, context, Span(start, end))
        }
        return best?.span
    }

    /// Semi-global edit distance: the quote against the best substring of `haystack[from..<to]`.
    private static func align(_ pattern: [UInt32], in haystack: [UInt32], from: Int, to: Int) -> (Int, Int, Int)? {
        let width = to - from
        guard width > 0 else { return nil }
        // Row i holds the cost of aligning pattern[0..<i] to a substring ending at column j, and where it started.
        var cost = [Int](repeating: 0, count: width + 1)
        var origin = Array(0...width)
        var nextCost = cost
        var nextOrigin = origin
        for i in 1...pattern.count {
            nextCost[0] = i
            nextOrigin[0] = 0
            let p = pattern[i - 1]
            for j in 1...width {
                let substitution = cost[j - 1] + (haystack[from + j - 1] == p ? 0 : 1)
                let deletion = cost[j] + 1
                let insertion = nextCost[j - 1] + 1
                if substitution <= deletion && substitution <= insertion {
                    nextCost[j] = substitution; nextOrigin[j] = origin[j - 1]
                } else if deletion <= insertion {
                    nextCost[j] = deletion; nextOrigin[j] = origin[j]
                } else {
                    nextCost[j] = insertion; nextOrigin[j] = nextOrigin[j - 1]
                }
            }
            swap(&cost, &nextCost)
            swap(&origin, &nextOrigin)
        }
        var bestColumn = 1
        for j in 1...width where cost[j] < cost[bestColumn] { bestColumn = j }
        return (cost[bestColumn], from + origin[bestColumn], from + bestColumn)
    }

    // MARK: - Scanning

    private static func matches(_ haystack: [UInt32], at offset: Int, _ needle: [UInt32]) -> Bool {
        guard offset >= 0, offset + needle.count <= haystack.count else { return false }
        var i = 0
        while i < needle.count {
            if haystack[offset + i] != needle[i] { return false }
            i += 1
        }
        return true
    }

    private static func occurrencesOf(_ needle: [UInt32], in haystack: [UInt32], limit: Int) -> [Int] {
        guard let first = needle.first, needle.count <= haystack.count else { return [] }
        var hits: [Int] = []
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            if haystack[offset] == first && matches(haystack, at: offset, needle) {
                hits.append(offset)
                if hits.count >= limit { break }
            }
            offset += 1
        }
        return hits
    }

    /// How many code points of the stored prefix (read backwards) and suffix agree with the text around a place.
    private static func contextScore(_ haystack: [UInt32], start: Int, end: Int, prefix: [UInt32], suffix: [UInt32]) -> Int {
        var score = 0
        var i = 0
        while i < prefix.count, start - 1 - i >= 0, haystack[start - 1 - i] == prefix[prefix.count - 1 - i] {
            score += 1; i += 1
        }
        i = 0
        while i < suffix.count, end + i < haystack.count, haystack[end + i] == suffix[i] {
            score += 1; i += 1
        }
        return score
    }
}
