/// The WordNet "supersense" of common words: the lexicographer file of a word's most frequent
/// noun sense ("town": noun.location) and verb sense ("told": verb.communication), generated from
/// WordNet 3.0 for the words of the common dictionary (see Scripts/lexicons/README.md).
///
/// Why: the words around a name say what it is ("the mayor of X", "X told", "a village near X"),
/// but a typing feature keyed on the word itself learns only the words the training articles
/// happen to use. Keyed on the supersense, "hamlet", "town" and "village" share one weight.
enum Supersenses {
    /// A word's noun and verb supersense: WordNet's lexicographer file numbers (noun 3–28,
    /// verb 29–44), 0 for none.
    struct Senses: Sendable, Equatable {
        let noun: UInt8
        let verb: UInt8
    }

    /// Read from the generated lines' bytes: 33,000 lines split into substrings and parsed as
    /// numbers cost about 1 % of a 10 MB feed's CPU time, paid by every run. Each word is keyed
    /// straight from its line's bytes, into room reserved up front.
    private static let table = makeTable()

    /// `table`, made anew (a test compares tables made on several threads at once with this).
    static func makeTable() -> WordTable<Senses> {
        let lines = WordList.lineCount(GeneratedLexicon.wordnetSupersenses)
        var table = WordTable<Senses>(minimumCapacity: lines)
        table.reserveEntries(lines, keyBytes: WordList.byteCount(GeneratedLexicon.wordnetSupersenses))
        WordList.forEachLine(GeneratedLexicon.wordnetSupersenses) { line in
            guard let entry = entry(line) else {
                preconditionFailure("a generated supersense line is 'word noun verb': \(String(decoding: line, as: UTF8.self))")
            }
            table.set(utf8: entry.word, entry.senses)
        }
        return table
    }

    /// "word noun verb" with both numbers 0–255; nil for any other line.
    private static func entry(_ line: UnsafeBufferPointer<UInt8>) -> (word: UnsafeBufferPointer<UInt8>, senses: Senses)? {
        guard let firstSpace = line.firstIndex(of: 0x20), firstSpace > 0,
              let secondSpace = line[(firstSpace + 1)...].firstIndex(of: 0x20),
              let noun = WordList.number(line, (firstSpace + 1)..<secondSpace, limit: 255),
              let verb = WordList.number(line, (secondSpace + 1)..<line.count, limit: 255) else { return nil }
        return (UnsafeBufferPointer(rebasing: line[..<firstSpace]),
                Senses(noun: UInt8(noun), verb: UInt8(verb)))
    }

    /// The senses of a lowercase word; nil when the dictionary or WordNet lacks it.
    static func senses(of lowercaseWord: String) -> Senses? { table.value(lowercaseWord) }

    /// `senses(of: word.lowercased())`, without making the lowercased string for an ASCII word.
    static func senses(lowercasing word: String) -> Senses? { table.value(lowercasing: word) }
}
