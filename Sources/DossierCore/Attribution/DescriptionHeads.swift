/// Where each word stands in one long paragraph's tokens, so that resolving a description ("the
/// minister said") visits only the earlier tokens that are its head word.
///
/// Why: `DiscourseContext.resolveDescription` reads back up to `descriptionTokenBudget` tokens for
/// every description. In a huge paragraph (a 50 MB single line) with a description per sentence,
/// that was 2,000 token comparisons per sentence, 39 % of the time. Built once per long paragraph
/// (longer than the budget; in a shorter one the plain scan costs no more than building this), it
/// gives the same tokens in the same order as the scan would meet them.
struct DescriptionHeads {
    /// Token indices of each lowercased word, ascending.
    private var positions: [String: [Int32]] = [:]

    /// Nil when the paragraph has too many tokens for 32-bit indices: the caller scans instead.
    init?(tokens: [TextToken]) {
        guard tokens.count <= Int(Int32.max) else { return nil }
        for k in tokens.indices where tokens[k].kind == .word {
            positions[tokens[k].text, default: []].append(Int32(k))
        }
    }

    /// Indices of the word tokens whose text is `word` in `range`, ascending.
    func occurrences(of word: String, in range: Range<Int>) -> ArraySlice<Int32> {
        guard let all = positions[word], !range.isEmpty else { return [] }
        return all[firstIndex(in: all, atLeast: range.lowerBound)..<firstIndex(in: all, atLeast: range.upperBound)]
    }

    private func firstIndex(in sorted: [Int32], atLeast value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if Int(sorted[mid]) < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
