/// How names are compared across articles: case, full stops, a leading "the", possessives and
/// typographic apostrophes do not make two names different.
public enum EntityNameKey {
    /// "The U.S. Coast Guard’s" → "us coast guard", "Joaquín Ferrel" → "joaquin ferrel".
    public static func normalized(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            switch scalar {
            case ".": continue
            case "\u{2019}", "\u{2018}", "`": scalars.append("'"); pendingSpace = false; continue
            case " ", "\t", "\n", "\u{A0}":
                pendingSpace = !scalars.isEmpty
                continue
            default:
                if pendingSpace { scalars.append(" ") }
                pendingSpace = false
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { scalars.append(latinFold[lower] ?? lower) }
            }
        }
        var key = String(scalars)
        if key.hasPrefix("the ") { key = String(key.unicodeScalars.dropFirst(4)) }
        if key.hasSuffix("'s") { key = String(key.unicodeScalars.dropLast(2)) }
        else if key.hasSuffix("'") { key = String(key.unicodeScalars.dropLast(1)) }
        return key
    }

    /// Accented Latin letters and their plain forms, so "José" and "Jose" are one name
    /// (sources differ in whether they keep the accents).
    static let latinFold: [Unicode.Scalar: Unicode.Scalar] = {
        let accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžøđłħ"
        let plain = "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzodlh"
        return Dictionary(uniqueKeysWithValues: zip(accented.unicodeScalars, plain.unicodeScalars))
    }()

    /// The words of a normalised name.
    public static func tokens(_ name: String) -> [Substring] {
        normalized(name).split(separator: " ")
    }

    /// Titles and honorifics that may lead a person's name as the core reports it: general knowledge, no names.
    static let personTitles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend",
        "president", "vice", "prime", "minister", "chancellor", "premier", "secretary", "senator", "sen", "rep",
        "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "judge", "justice",
        "ambassador", "general", "gen", "lt", "lieutenant", "colonel", "col", "major", "maj", "captain", "capt",
        "admiral", "adm", "sergeant", "sgt", "commander", "cmdr", "chief", "officer", "king", "queen", "prince",
        "princess", "pope", "sheikh", "chairman", "chairwoman", "director", "spokesman", "spokeswoman", "saint", "st",
    ]
    static let personSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md"]

    /// A person's name words without leading titles or trailing suffixes:
    /// "General Dorian Vasko" → ["dorian", "vasko"], "Martin Luther King Jr." → ["martin", "luther", "king"].
    public static func personTokens(_ name: String) -> [Substring] {
        var words = tokens(name).map { word -> Substring in word.hasSuffix(",") ? word.dropLast() : word }
        while words.count > 1, personTitles.contains(String(words[0])) { words.removeFirst() }
        while words.count > 1, personSuffixes.contains(String(words[words.count - 1])) { words.removeLast() }
        return words
    }

    /// Words an acronym skips: "Organization of the Petroleum Exporting Countries" → "opec".
    static let acronymSkips: Set<String> = ["of", "the", "and", "for", "in", "on", "at", "to", "&", "de", "du", "des", "la", "le"]

    /// The initials of a multi-word name, lower-cased ("Harrowgate Policy Institute" → "hpi"); nil for one word.
    public static func acronym(of name: String) -> String? {
        let words = name.split(separator: " ").filter { !acronymSkips.contains($0.lowercased()) }
        guard words.count >= 2 else { return nil }
        var letters = String.UnicodeScalarView()
        for word in words {
            guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return nil }
            letters.append(contentsOf: first.properties.lowercaseMapping.unicodeScalars)
        }
        return String(letters)
    }

    /// One word of two to six capitals (full stops ignored): "NATO", "U.N.", "VELDCOM".
    public static func isAcronym(_ name: String) -> Bool {
        let letters = name.unicodeScalars.filter { $0 != "." }
        guard (2...8).contains(letters.count) else { return false }
        return letters.allSatisfy { $0.properties.isUppercase || ("0"..."9").contains($0) || $0 == "&" }
    }
}
