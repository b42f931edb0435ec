/// Where each word stands in one long paragraph's tokens, so that resolving a description ("the
/// minister said") visits only the earlier tokens that are its head word.
///
/// Why: `DiscourseContext.resolveDescription` reads back up to `descriptionTokenBudget` tokens for
/// every description. In a huge paragraph (a 50 MB single line) with a description per sentence,
/// that was 2,000 token comparisons per sentence, 39 % of the time. Built once per long paragraph
/// (longer than the budget; in a shorter one the plain scan costs no more than building this), it
/// gives the same tokens in the same order as the scan would meet them.
///
/// Each head word's positions are found when that word is first asked for: a paragraph is asked
/// about a handful of heads ("spokesman", "ministry"), and hashing every one of its words was as
/// costly as the scans it saved (9 % of a 16 MB line's time).
/// A class, so that what one lookup finds is kept in `DiscourseContext`'s cache without copying.
final class DescriptionHeads {
    private let tokens: [TextToken]
    /// Token indices of each word asked for so far, ascending.
    private var positions: [String: [Int32]] = [:]

    /// Nil when the paragraph has too many tokens for 32-bit indices: the caller scans instead.
    init?(tokens: [TextToken]) {
        guard tokens.count <= Int(Int32.max) else { return nil }
        self.tokens = tokens
    }

    /// Indices of the word tokens whose text is `word` in `range`, ascending.
    func occurrences(of word: String, in range: Range<Int>) -> ArraySlice<Int32> {
        guard !range.isEmpty else { return [] }
        let all = positions[word] ?? find(word)
        return all[firstIndex(in: all, atLeast: range.lowerBound)..<firstIndex(in: all, atLeast: range.upperBound)]
    }

    private func find(_ word: String) -> [Int32] {
        var found: [Int32] = []
        for k in tokens.indices where tokens[k].kind == .word && tokens[k].text == word { found.append(Int32(k)) }
        positions[word] = found
        return found
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
