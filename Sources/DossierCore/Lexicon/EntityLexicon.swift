/// One place to ask the word lists what a name is: "Pakistan" → place, "NATO" → organisation,
/// "Pakistani" → group.
enum EntityLexicon {
    /// The kind of a known name written exactly so, or nil. One lookup: this runs for every
    /// capitalised word of an article.
    static func kind(of name: String) -> EntityKind? { kindTable.value(name) }

    /// `kind(of:)` of the ASCII text `scalars[start..<end]`, read without making a string.
    static func kind(ofASCII scalars: ArticleScalars, _ start: Int, _ end: Int) -> EntityKind? {
        kindTable.value(scalars, start, end, lowercasing: false)
    }

    /// Every known name with its kind, for lookups (see `WordTable`); a place list wins over the
    /// organisation list, which wins over groups (each later `set` overrides), and an alias takes
    /// the kind of the name it stands for.
    private static let kindTable: WordTable<EntityKind> = {
        var table = WordTable<EntityKind>(minimumCapacity: PlaceNames.all.count + OrganizationNames.all.count)
        for name in Demonyms.countryOf.keys { table.set(name, .group) }
        for name in Demonyms.groups { table.set(name, .group) }
        for name in OrganizationNames.all { table.set(name, .organization) }
        for name in PlaceNames.all { table.set(name, .place) }
        for alias in EntityAliases.canonical.keys.sorted() where table.value(alias) == nil {
            if let canonical = EntityAliases.canonical[alias], let kind = table.value(canonical) { table.set(alias, kind) }
        }
        return table
    }()

    /// Whether a single word is known to any list that names things (so it is a name even
    /// where capitalisation proves nothing, at a sentence start or in a headline).
    static func knowsWord(_ word: String) -> Bool {
        kind(of: word) != nil || PersonTitles.all.contains(word) || GivenNames.all.contains(word)
    }

    /// Known multi-word names ("New York", "Bosnia and Herzegovina"), and the longest one in words.
    static let phrases: WordSet = {
        var result = WordSet(minimumCapacity: 4096)
        for names in [Array(PlaceNames.all), Array(OrganizationNames.all), Array(Demonyms.countryOf.keys),
                      Array(EntityAliases.canonical.keys)] {
            for name in names where name.hasUTF8Byte(0x20) { result.insert(name) }
        }
        return result
    }()

    /// The first words of `phrases`: most capitalised words start none, and need no further look.
    static let phraseFirstWords = WordSet(Set(phrases.compactMap { $0.split(separator: " ").first.map(String.init) }).sorted())

    static let longestPhrase: Int = phrases.reduce(1) { max($0, $1.split(separator: " ").count) }

    /// Countries and their usual short forms: the names split off the front of an organisation
    /// name ("U.S. Department of Fisheries" → "U.S." + "Department of Fisheries").
    static func isCountry(_ name: String) -> Bool {
        PlaceNames.countryWords.contains(name)
    }
}
