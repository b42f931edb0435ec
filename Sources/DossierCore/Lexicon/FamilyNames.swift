/// Frequent family names (US Census 1990, generated): "Ramirez", "Nguyen", "Porter". A feature for
/// typing an entity, not a rule: many family names are also places or organisations ("Lincoln").
///
/// Names that are only everyday words ("Walker" stays: the dictionary lists it as a name too) are
/// left out by the generator; see Scripts/lexicons/README.md.
enum FamilyNames {
    static let all = WordSet(WordList.lines(GeneratedLexicon.familyNames))

    /// Whether `word` is on the list, read also without its accents: the census writes "Martinez",
    /// "Gomez", news writes "Martínez", "Gómez".
    static func contains(_ word: String) -> Bool {
        if all.contains(word) { return true }
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        var folded = ""
        folded.unicodeScalars.reserveCapacity(word.unicodeScalars.count)
        for scalar in word.unicodeScalars {
            guard scalar.value >= 0x80 else { folded.unicodeScalars.append(scalar); continue }
            guard let plain = latinBase[scalar] else { return false }
            folded.unicodeScalars.append(plain)
        }
        return all.contains(folded)
    }

    /// The unaccented letter of the accented Latin letters of Spanish, Portuguese, French and German names.
    private static let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let groups: [(String, Unicode.Scalar)] = [("áàâãäå", "a"), ("éèêë", "e"), ("íìîï", "i"), ("óòôõö", "o"),
                                                  ("úùûü", "u"), ("ñ", "n"), ("ç", "c"), ("ý", "y"),
                                                  ("ÁÀÂÃÄÅ", "A"), ("ÉÈÊË", "E"), ("ÍÌÎÏ", "I"), ("ÓÒÔÕÖ", "O"),
                                                  ("ÚÙÛÜ", "U"), ("Ñ", "N"), ("Ç", "C")]
        for (accented, plain) in groups {
            for scalar in accented.unicodeScalars { table[scalar] = plain }
        }
        return table
    }()
}
