import DossierCore

/// Finds where a place in one text is in another version of it: the decoded text of a file and the
/// same article after boilerplate removal, so a reading position survives annotation.
enum TextCorrespondence {
    /// The offset in `new` of the words at `offset` in `old`: the occurrence of the next few dozen
    /// scalars nearest to the old offset, else of a shorter stretch, else the same fraction of the text.
    static func offset(_ offset: Int, from old: ArticleScalars, to new: ArticleScalars) -> Int {
        guard !new.isEmpty else { return 0 }
        let start = max(0, min(offset, old.count))
        for length in [64, 24, 8] {
            let end = min(old.count, start + length)
            guard end - start >= min(length, 8) else { continue }
            if let found = nearest(old[start..<end], in: new, to: start) { return found }
        }
        guard old.count > 0 else { return 0 }
        return min(new.count - 1, Int(Double(start) / Double(old.count) * Double(new.count)))
    }

    /// The start of the occurrence of `needle` in `haystack` closest to `target`; one pass, comparing
    /// the first scalar before the rest.
    static func nearest(_ needle: Slice<ArticleScalars>, in haystack: ArticleScalars, to target: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var best: Int?
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) {
                if best.map({ abs(i - target) < abs($0 - target) }) ?? true { best = i }
                // Later occurrences are only further away.
                if i >= target { break }
            }
            i += 1
        }
        return best
    }
}
