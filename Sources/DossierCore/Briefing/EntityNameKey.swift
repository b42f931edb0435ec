/// How names are compared across articles: case, full stops, a leading "the", possessives and
/// typographic apostrophes do not make two names different.
public enum EntityNameKey {
    /// "The U.S. Coast Guard’s" → "us coast guard", "Joaquín Ferrel" → "joaquin ferrel".
    public static func normalized(_ name: String) -> String {
        asciiNormalized(name) ?? normalizedByScalars(name)
    }

    /// `normalizedByScalars(name)` for a name all in ASCII (nearly every name), from its bytes: a
    /// briefing index normalises every name and alias of every article several times, and the
    /// scalar-by-scalar lowercase mapping was half the time of building one for 2,000 articles.
    /// Nil for any other name.
    static func asciiNormalized(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { utf8 -> String? in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            var key: [UInt8] = []
            key.reserveCapacity(utf8.count)
            var pendingSpace = false
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "."): continue
                case UInt8(ascii: "`"): key.append(UInt8(ascii: "'")); pendingSpace = false
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"): pendingSpace = !key.isEmpty
                default:
                    if pendingSpace { key.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    key.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                }
            }
            var start = 0, end = key.count
            if key.starts(with: "the ".utf8) { start = 4 }
            if end - start >= 2, key[end - 2] == UInt8(ascii: "'"), key[end - 1] == UInt8(ascii: "s") {
                end -= 2
            } else if end > start, key[end - 1] == UInt8(ascii: "'") {
                end -= 1
            }
            return String(decoding: key[start..<end], as: UTF8.self)
        }
    }

    /// The normalised key read scalar by scalar: any name.
    static func normalizedByScalars(_ name: String) -> String {
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
        asciiAcronym(of: name) ?? acronymByScalars(of: name)
    }

    /// `acronymByScalars(of: name)` for a name all in ASCII, from its bytes (asked of every name and
    /// alias of a briefing: a third of its merging time). `.some(nil)`: no acronym; nil: not ASCII.
    static func asciiAcronym(of name: String) -> String?? {
        var name = name
        return name.withUTF8 { utf8 -> String?? in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            var letters: [UInt8] = []
            for word in utf8.split(separator: UInt8(ascii: " ")) {
                let lowered = String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
                if acronymSkips.contains(lowered) { continue }
                letters.append(word[word.startIndex])
            }
            guard letters.count >= 2 else { return .some(nil) }
            guard letters.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return .some(nil) }
            return .some(String(decoding: letters.map { $0 + 32 }, as: UTF8.self))
        }
    }

    /// The acronym read scalar by scalar: any name.
    static func acronymByScalars(of name: String) -> String? {
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
