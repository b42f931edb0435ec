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
    private static let table = makeTable()

    /// `table`, made anew (a test compares tables made on several threads at once with this).
    static func makeTable() -> WordTable<NameFacts> {
        // The minor places straight from their lines: `PlaceNames.minor`'s own table of 33,000 words
        // would be built only to be walked here.
        // Those and the WordNet names are keyed from their lines' bytes, into room reserved up front.
        let minorPlaceCount = WordList.lineCount(GeneratedLexicon.minorPlaces)
        let capacity = PlaceNames.all.count + OrganizationNames.all.count + KnownNames.expectedCount
            + GivenNames.all.count + minorPlaceCount
        var table = WordTable<NameFacts>(minimumCapacity: capacity)
        table.reserveEntries(capacity, keyBytes: 12 * capacity)
        func setKind(_ name: String, _ kind: EntityKind) { table.modify(name, default: NameFacts()) { $0.kind = kind } }
        for name in Demonyms.countryOf.keys { setKind(name, .group) }
        for name in Demonyms.groups { setKind(name, .group) }
        for name in OrganizationNames.all { setKind(name, .organization) }
        for name in PlaceNames.all { setKind(name, .place) }
        for alias in EntityAliases.canonical.keys.sorted() where table.value(alias)?.kind == nil {
            if let canonical = EntityAliases.canonical[alias], let kind = table.value(canonical)?.kind { setKind(alias, kind) }
        }
        for (list, kind) in KnownNames.lists {
            WordList.forEachLine(list) { name in table.modify(utf8: name, default: NameFacts()) { $0.knownKinds.insert(kind) } }
        }
        for name in GivenNames.all { table.modify(name, default: NameFacts()) { $0.isGivenName = true } }
        WordList.forEachLine(GeneratedLexicon.minorPlaces) { name in
            table.modify(utf8: name, default: NameFacts()) { $0.isMinorPlace = true }
        }
        return table
    }

    /// Whether a single word is known to any list that names things (so it is a name even
    /// where capitalisation proves nothing, at a sentence start or in a headline).
    static func knowsWord(_ word: String) -> Bool {
        kind(of: word) != nil || PersonTitles.all.contains(word) || GivenNames.all.contains(word)
    }

    /// Known multi-word names ("New York", "Bosnia and Herzegovina"), and the longest one in words.
    static let phrases: WordSet = phraseTables.phrases

    /// The first words of `phrases`: most capitalised words start none, and need no further look.
    static let phraseFirstWords: WordSet = phraseTables.firstWords

    static let longestPhrase: Int = phraseTables.longest

    /// `phrases` and what the entity annotator derives from them, made in one pass over the names
    /// with each phrase's words read from its bytes: the four were built one after another, each
    /// splitting every phrase into an array of `Substring`s again (about 12 % of the time to
    /// annotate one article).
    struct PhraseTables: Sendable, Equatable {
        var phrases = WordSet(minimumCapacity: 4096)
        /// The words each phrase starts with (`split(separator: " ").first`).
        var firstWords = WordSet()
        /// The second words (`split(separator: " ", omittingEmptySubsequences: false)[1]`).
        var secondWords = WordSet()
        /// Every run of leading words, to each space and the whole ("Bosnia", "Bosnia and", "Bosnia
        /// and Herzegovina"). Sized for the phrases, which it holds and more: the table ends as
        /// large as when grown from empty.
        var prefixes = WordSet()
        /// The most words in a phrase (`split(separator: " ").count`), at least 1.
        var longest = 1

        mutating func add(_ phrase: String) {
            var contiguous = phrase
            let done = contiguous.withUTF8 { utf8 -> Bool in
                // Bytes are `Character`s only in ASCII: elsewhere a space may take a combining
                // mark into its `Character`, which `split` then does not cut at.
                guard !utf8.contains(where: { $0 >= 0x80 }) else { return false }
                var words = 0, position = 0, start = 0
                for end in 0...utf8.count where end == utf8.count || utf8[end] == 0x20 {
                    let word = UnsafeBufferPointer(rebasing: utf8[start..<end])
                    if !word.isEmpty {
                        if words == 0 { firstWords.insert(String(decoding: word, as: UTF8.self)) }
                        words += 1
                    }
                    if position == 1 { secondWords.insert(String(decoding: word, as: UTF8.self)) }
                    prefixes.insert(String(decoding: UnsafeBufferPointer(rebasing: utf8[..<end]), as: UTF8.self))
                    position += 1
                    start = end + 1
                }
                longest = max(longest, words)
                return true
            }
            if done { return }
            // The same from `Character`s.
            let words = phrase.split(separator: " ", omittingEmptySubsequences: false)
            if let first = words.first(where: { !$0.isEmpty }) { firstWords.insert(String(first)) }
            if words.count >= 2 { secondWords.insert(String(words[1])) }
            var prefix = ""
            for (position, word) in words.enumerated() {
                prefix = position == 0 ? String(word) : prefix + " " + word
                prefixes.insert(prefix)
            }
            longest = max(longest, words.lazy.filter { !$0.isEmpty }.count)
        }
    }

    static let phraseTables = makePhraseTables()

    /// `phraseTables`, made anew.
    static func makePhraseTables() -> PhraseTables {
        var tables = PhraseTables()
        func add<Names: Sequence<String>>(_ names: Names) {
            for name in names where name.hasUTF8Byte(0x20) { tables.phrases.insert(name) }
        }
        add(PlaceNames.all)
        add(OrganizationNames.all)
        add(Demonyms.countryOf.keys)
        add(EntityAliases.canonical.keys)
        tables.prefixes = WordSet(minimumCapacity: tables.phrases.count)
        for phrase in tables.phrases { tables.add(phrase) }
        return tables
    }

    /// Countries and their usual short forms: the names split off the front of an organisation
    /// name ("U.S. Department of Fisheries" → "U.S." + "Department of Fisheries").
    static func isCountry(_ name: String) -> Bool {
        PlaceNames.countryWords.contains(name)
    }
}

/// What the name lists say about one string written exactly so (`EntityLexicon.facts(of:)`).
struct NameFacts: Sendable, Equatable {
    /// The kind of a known name (`EntityLexicon.kind(of:)`).
    var kind: EntityKind?
    /// What WordNet knows it as (`KnownNames.kinds(of:)`).
    var knownKinds: KnownNames.Kinds = []
    /// In `GivenNames.all`.
    var isGivenName = false
    /// In `PlaceNames.minor`.
    var isMinorPlace = false
}
