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
    /// numbers cost about 1 % of a 10 MB feed's CPU time, paid by every run.
    private static let table: WordTable<Senses> = {
        var text = GeneratedLexicon.wordnetSupersenses
        return text.withUTF8 { bytes -> WordTable<Senses> in
            var table = WordTable<Senses>(minimumCapacity: bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } + 1)
            var lineStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                defer { lineStart = index + 1 }
                guard index > lineStart else { continue }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<index])
                guard let entry = entry(line) else {
                    preconditionFailure("a generated supersense line is 'word noun verb': \(String(decoding: line, as: UTF8.self))")
                }
                table.set(entry.word, entry.senses)
            }
            return table
        }
    }()

    /// "word noun verb" with both numbers 0–255; nil for any other line.
    private static func entry(_ line: UnsafeBufferPointer<UInt8>) -> (word: String, senses: Senses)? {
        guard let firstSpace = line.firstIndex(of: 0x20), firstSpace > 0,
              let secondSpace = line[(firstSpace + 1)...].firstIndex(of: 0x20) else { return nil }
        func number(_ field: Range<Int>) -> UInt8? {
            guard !field.isEmpty, field.count <= 3 else { return nil }
            var value = 0
            for k in field {
                guard line[k] >= 0x30, line[k] <= 0x39 else { return nil }
                value = value * 10 + Int(line[k] - 0x30)
            }
            return value <= 255 ? UInt8(value) : nil
        }
        guard let noun = number((firstSpace + 1)..<secondSpace), let verb = number((secondSpace + 1)..<line.count) else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: line[..<firstSpace]), as: UTF8.self), Senses(noun: noun, verb: verb))
    }

    /// The senses of a lowercase word; nil when the dictionary or WordNet lacks it.
    static func senses(of lowercaseWord: String) -> Senses? { table.value(lowercaseWord) }

    /// `senses(of: word.lowercased())`, without making the lowercased string for an ASCII word.
    static func senses(lowercasing word: String) -> Senses? { table.value(lowercasing: word) }
}
