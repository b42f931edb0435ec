/// Frequent given names (US Census 1990 and Faker's locales, generated): a capitalised word from
/// this list that starts a two- or three-word name marks a person ("Paul Renner").
///
/// Names that are only everyday words ("Dawn" stays: the dictionary lists it as a name too) are
/// left out by the generator; see Scripts/lexicons/README.md.
enum GivenNames {
    static let all = WordSet(WordList.lines(GeneratedLexicon.givenNames))
}
