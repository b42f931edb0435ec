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

    private static let table: WordTable<Senses> = {
        let lines = WordList.lines(GeneratedLexicon.wordnetSupersenses)
        var table = WordTable<Senses>(minimumCapacity: lines.count)
        for line in lines {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let noun = UInt8(fields[1]), let verb = UInt8(fields[2]) else {
                preconditionFailure("a generated supersense line is 'word noun verb': \(line)")
            }
            table.set(String(fields[0]), Senses(noun: noun, verb: verb))
        }
        return table
    }()

    /// The senses of a lowercase word; nil when the dictionary or WordNet lacks it.
    static func senses(of lowercaseWord: String) -> Senses? { table.value(lowercaseWord) }

    /// `senses(of: word.lowercased())`, without making the lowercased string for an ASCII word.
    static func senses(lowercasing word: String) -> Senses? { table.value(lowercasing: word) }
}
