/// The Brown cluster of frequent English word forms (spaCy's English lexeme data, generated; see
/// Scripts/lexicons/README.md).
///
/// Why: words used in the same contexts share a cluster ("Oslo" with "Toronto", "Falcons" with
/// "Saints", "Sony" with "Intel"), so a typing feature keyed on a name word's cluster gives a name
/// the training articles never used the weight of those they did (Ratinov and Roth, 2009).
/// Clusters are of word forms as written: "March" and "march" differ.
enum WordClusters {
    /// A word's place in the cluster tree: the branches from the root, read from the lowest bit,
    /// under a leading 1 (so that "0" and "00" differ).
    struct Path: Sendable, Equatable {
        let bits: UInt32

        /// How many branches deep the cluster sits.
        var depth: Int { 31 - bits.leadingZeroBitCount }

        /// The first `length` branches (all of them when the path is shorter), in the same form: a
        /// short prefix is a coarse group ("names of places"), the whole path a fine one.
        func prefix(_ length: Int) -> UInt32 {
            let kept = min(length, depth)
            return bits & ((1 << UInt32(kept)) - 1) | (1 << UInt32(kept))
        }
    }

    /// Read from the generated lines' bytes (72,000 lines, parsed by every run that types a name).
    private static let table = makeTable()

    /// `table`, made anew (a test compares tables made on several threads at once with this).
    static func makeTable() -> WordTable<Path> {
        let lines = WordList.lineCount(GeneratedLexicon.wordClusters)
        var table = WordTable<Path>(minimumCapacity: lines)
        // Room for every word's bytes and entry up front (the words are a bit less than the text),
        // and each word keyed from the line's bytes: no `String` per word, no array copied as it grows.
        table.reserveEntries(lines, keyBytes: WordList.byteCount(GeneratedLexicon.wordClusters))
        WordList.forEachLine(GeneratedLexicon.wordClusters) { line in
            guard let space = line.lastIndex(of: 0x20), space > 0,
                  let bits = WordList.number(line, (space + 1)..<line.count, limit: Int(UInt32.max)), bits > 0 else {
                preconditionFailure("a generated cluster line is 'word path': \(String(decoding: line, as: UTF8.self))")
            }
            table.set(utf8: UnsafeBufferPointer(rebasing: line[..<space]), Path(bits: UInt32(bits)))
        }
        return table
    }

    /// The cluster of `word` as written, else of the word lowercased ("The" opening a sentence); nil
    /// for a rare or unknown word.
    static func path(of word: String) -> Path? {
        table.value(word) ?? table.value(lowercasing: word)
    }
}
