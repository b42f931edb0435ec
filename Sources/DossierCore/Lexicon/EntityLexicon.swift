/// One place to ask the word lists what a name is: "Pakistan" → place, "NATO" → organisation,
/// "Pakistani" → group.
enum EntityLexicon {
    /// The kind of a known name written exactly so, or nil. One lookup: this runs for every
    /// capitalised word of an article.
    static func kind(of name: String) -> EntityKind? { table.value(name)?.kind }

    /// `kind(of:)` of the ASCII text `scalars[start..<end]`, read without making a string.
    static func kind(ofASCII scalars: ArticleScalars, _ start: Int, _ end: Int) -> EntityKind? {
        table.value(scalars, start, end, lowercasing: false)?.kind
    }

    /// Everything the name lists say about `name` written exactly so, in one lookup.
    static func facts(of name: String) -> NameFacts { table.value(name) ?? NameFacts() }

    /// Every known name with its kind, what WordNet knows it as, and whether it is a given name
    /// or a minor place, for lookups (see `WordTable`). One table, not one per list: a lookup in a
    /// large table is mostly a cache miss, and the entity annotator asks all four lists about each
    /// of an article's name words. A place list wins over the organisation list, which wins over
    /// groups (each later kind overrides), and an alias takes the kind of the name it stands for.
    private static let table: WordTable<NameFacts> = {
        // The minor places straight from their lines: `PlaceNames.minor`'s own table of 33,000 words
        // would be built only to be walked here.
        let minorPlaces = WordList.lines(GeneratedLexicon.minorPlaces)
        var table = WordTable<NameFacts>(minimumCapacity: PlaceNames.all.count + OrganizationNames.all.count
                                             + KnownNames.expectedCount + GivenNames.all.count + minorPlaces.count)
        func setKind(_ name: String, _ kind: EntityKind) { table.modify(name, default: NameFacts()) { $0.kind = kind } }
        for name in Demonyms.countryOf.keys { setKind(name, .group) }
        for name in Demonyms.groups { setKind(name, .group) }
        for name in OrganizationNames.all { setKind(name, .organization) }
        for name in PlaceNames.all { setKind(name, .place) }
        for alias in EntityAliases.canonical.keys.sorted() where table.value(alias)?.kind == nil {
            if let canonical = EntityAliases.canonical[alias], let kind = table.value(canonical)?.kind { setKind(alias, kind) }
        }
        for (list, kind) in KnownNames.lists {
            for name in WordList.lines(list) { table.modify(name, default: NameFacts()) { $0.knownKinds.insert(kind) } }
        }
        for name in GivenNames.all { table.modify(name, default: NameFacts()) { $0.isGivenName = true } }
        for name in minorPlaces { table.modify(name, default: NameFacts()) { $0.isMinorPlace = true } }
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

/// What the name lists say about one string written exactly so (`EntityLexicon.facts(of:)`).
struct NameFacts: Sendable {
    /// The kind of a known name (`EntityLexicon.kind(of:)`).
    var kind: EntityKind?
    /// What WordNet knows it as (`KnownNames.kinds(of:)`).
    var knownKinds: KnownNames.Kinds = []
    /// In `GivenNames.all`.
    var isGivenName = false
    /// In `PlaceNames.minor`.
    var isMinorPlace = false
}
