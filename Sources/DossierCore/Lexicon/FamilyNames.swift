/// Frequent family names (US Census 1990, generated): "Ramirez", "Nguyen", "Porter". A feature for
/// typing an entity, not a rule: many family names are also places or organisations ("Lincoln").
///
/// Names that are only everyday words ("Walker" stays: the dictionary lists it as a name too) are
/// left out by the generator; see Scripts/lexicons/README.md.
enum FamilyNames {
    static let all = WordSet(WordList.lines(GeneratedLexicon.familyNames))
}
