/// Abbreviations whose final period belongs to the word, not to the sentence: titles and ranks
/// ("Gen. Halvorsen", "Dr. Moss"), months, company forms ("Inc."), street words and Latin
/// ("etc.", "e.g."). One list for the sentence splitter and both tokenizers of the annotators.
///
/// Entries are written as they appear before the period: a capitalised entry ("No", "Art") is
/// an abbreviation only when capitalised, so "said no." and "modern art." still end sentences.
/// A grammar of written English rather than named data, so typed here.
enum Abbreviations {
    /// The entries as written ("Mr", "Lt.Col", "etc"): for a word as it stands in the text.
    static let words = WordSet(WordList.entries(abbreviationList))

    /// Every entry lowercased ("mr", "lt.col", "etc"), for a word known only lowercased.
    static let lowercased = WordSet(WordList.entries(abbreviationList).map { $0.lowercased() })

    private static let abbreviationList = """
    # titles and honorifics
    Mr
    Mrs
    Ms
    Mx
    Messrs
    Mmes
    Dr
    Prof
    Rev
    Fr
    Hon
    Sr
    Jr
    # ranks and offices
    Gen
    Gens
    Lt
    Lt.Col
    Lt.Gen
    Maj.Gen
    Col
    Maj
    Capt
    Cpt
    Cmdr
    Cdr
    Sgt
    Cpl
    Pvt
    Adm
    Brig
    Gov
    Sen
    Sens
    Rep
    Reps
    Pres
    Supt
    Insp
    Det
    Amb
    Atty
    # months
    Jan
    Feb
    Mar
    Apr
    Jun
    Jul
    Aug
    Sep
    Sept
    Oct
    Nov
    Dec
    # organisations and places
    Inc
    Ltd
    Co
    Corp
    Bros
    Dept
    Univ
    St
    Ste
    Mt
    Ft
    Ave
    Blvd
    Rd
    # references
    No
    Nos
    Vol
    Fig
    Art
    Ch
    # Latin and other lowercase abbreviations
    vs
    etc
    approx
    cf
    al
    ca
    viz
    e.g
    i.e
    """
}
