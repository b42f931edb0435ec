/// Titles and honorifics that precede a person's name ("General", "Dr.", "Prime Minister").
///
/// A title marks what follows as a person and is not part of the person's name.
enum PersonTitles {
    static let all = WordSet(WordList.entries(titleList))

    /// A title, also in a hyphenated form: "then-President", "ex-Minister", "Vice-Chancellor".
    static func isTitle(_ word: String) -> Bool {
        if all.contains(word) { return true }
        guard let hyphen = word.lastIndex(of: "-") else { return false }
        return all.contains(String(word[word.index(after: hyphen)...]))
    }

    /// Honorifics that only ever precede a person's name (so "Mr. X" is a person even when X is unknown).
    static let honorifics: Set<String> = ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir",
                                          "Dame", "Mx", "Mx.", "Prof", "Prof.", "Messrs", "Messrs."]

    private static let titleList = """
    Mr
    Mr.
    Mrs
    Mrs.
    Ms
    Ms.
    Miss
    Mx.
    Dr
    Dr.
    Prof
    Prof.
    Professor
    Sir
    Dame
    Lord
    Lady
    King
    Queen
    Prince
    Princess
    Emperor
    Empress
    Sultan
    Emir
    Sheikh
    Shaikh
    Pope
    Cardinal
    Archbishop
    Bishop
    Rabbi
    Imam
    Ayatollah
    Mullah
    Reverend
    Rev.
    Father
    Sister
    Brother
    Saint
    President
    Vice President
    Vice-President
    President-elect
    Premier
    Chancellor
    Minister
    Prime
    Secretary
    Undersecretary
    Under-Secretary
    Deputy
    Assistant
    Acting
    Senator
    Sen.
    Congressman
    Congresswoman
    Representative
    Rep.
    Governor
    Gov.
    Lieutenant
    Lt.
    Mayor
    Ambassador
    Envoy
    Commissioner
    Chairman
    Chairwoman
    Chairperson
    Chair
    Speaker
    Director
    Administrator
    Spokesman
    Spokeswoman
    Spokesperson
    Judge
    Justice
    Attorney
    Prosecutor
    Inspector
    Detective
    Officer
    Constable
    Sheriff
    Chief
    Commander
    Commandant
    General
    Gen.
    Colonel
    Col.
    Major
    Maj.
    Captain
    Capt.
    Admiral
    Adm.
    Marshal
    Field
    Brigadier
    Brig.
    Sergeant
    Sgt.
    Corporal
    Cpl.
    Private
    Pvt.
    Coach
    Executive
    CEO
    Founder
    Co-founder
    MP
    MEP
    """
}
