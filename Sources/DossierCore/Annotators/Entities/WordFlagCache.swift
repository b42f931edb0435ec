/// What the word lists say about each distinct word of an article, looked up once per word id.
final class WordFlagCache {
    struct Flags: OptionSet {
        let rawValue: UInt32
        static let known = Flags(rawValue: 1 << 15)
        static let organizationCue = Flags(rawValue: 1 << 0)
        static let facilityCue = Flags(rawValue: 1 << 1)
        static let geographicCue = Flags(rawValue: 1 << 2)
        static let demonym = Flags(rawValue: 1 << 3)
        static let title = Flags(rawValue: 1 << 4)
        static let ordinary = Flags(rawValue: 1 << 5)
        static let givenName = Flags(rawValue: 1 << 6)
        static let reportingVerb = Flags(rawValue: 1 << 7)
        /// One of `PlaceNames.minor` (a town or subdivision too small or ambiguous for the place list).
        static let minorPlace = Flags(rawValue: 1 << 11)
        /// Set when `.title` is known without the rest (`isTitle`): the word before a name needs only that.
        static let titleKnown = Flags(rawValue: 1 << 14)
        static let reportingVerbKnown = Flags(rawValue: 1 << 13)
        /// Bits 8–10: the word list's kind, as an index into `EntityKind.allCases` plus one.
        var lexiconKind: EntityKind? {
            let index = Int((rawValue >> 8) & 7)
            return index == 0 ? nil : EntityKind.allCases[index - 1]
        }
        /// Bits 16–19: what WordNet knows the word alone as (`KnownNames.Kinds`).
        var knownKinds: KnownNames.Kinds { KnownNames.Kinds(rawValue: UInt8(truncatingIfNeeded: rawValue >> 16)) }
    }

    private var cache: [Flags]
    /// Each word's Brown cluster path (`WordClusters`), 0 for none; `unknownCluster` until looked up.
    private var clusterCache: [UInt32]
    private static let unknownCluster = UInt32.max
    /// Each word's supersenses, noun << 8 | verb; `unknownSenses` until looked up.
    private var senseCache: [UInt16]
    private static let unknownSenses: UInt16 = 0xFFFF

    init(distinctWords: Int) {
        cache = [Flags](repeating: [], count: distinctWords)
        senseCache = [UInt16](repeating: Self.unknownSenses, count: distinctWords)
        clusterCache = [UInt32](repeating: Self.unknownCluster, count: distinctWords)
    }

    /// The word's Brown cluster as written, else lowercased (`WordClusters`), by word id.
    func cluster(of token: NameToken) -> WordClusters.Path? {
        let id = Int(token.word)
        if id >= 0, id < clusterCache.count, clusterCache[id] != Self.unknownCluster {
            let bits = clusterCache[id]
            return bits == 0 ? nil : WordClusters.Path(bits: bits)
        }
        let path = WordClusters.path(of: token.text)
        if id >= 0, id < clusterCache.count { clusterCache[id] = path?.bits ?? 0 }
        return path
    }

    /// The WordNet supersenses of the word lowercased (`Supersenses`), by word id.
    func senses(of token: NameToken) -> Supersenses.Senses? {
        let id = Int(token.word)
        if id >= 0, id < senseCache.count, senseCache[id] != Self.unknownSenses {
            let packed = senseCache[id]
            return packed == 0 ? nil : Supersenses.Senses(noun: UInt8(packed >> 8), verb: UInt8(packed & 0xFF))
        }
        let senses = Supersenses.senses(lowercasing: token.text)
        if id >= 0, id < senseCache.count {
            senseCache[id] = senses.map { UInt16($0.noun) << 8 | UInt16($0.verb) } ?? 0
        }
        return senses
    }

    func flags(of token: NameToken, evidence: CapitalisationEvidence) -> Flags {
        let id = Int(token.word)
        if id >= 0, id < cache.count, cache[id].contains(.known) { return cache[id] }
        var flags: Flags = .known
        let word = token.text
        // The large lists in one lookup.
        let facts = EntityLexicon.facts(of: word)
        if let kind = facts.kind, let index = EntityKind.allCases.firstIndex(of: kind) {
            flags.insert(Flags(rawValue: UInt32(index + 1) << 8))
        }
        if NameCues.organization.contains(word) { flags.insert(.organizationCue) }
        if NameCues.facility.contains(word) { flags.insert(.facilityCue) }
        if NameCues.geographic.contains(word) { flags.insert(.geographicCue) }
        if Demonyms.isGroupWord(word) { flags.insert(.demonym) }
        if NameClassifier.isTitle(word) { flags.insert(.title) }
        if facts.isGivenName { flags.insert(.givenName) }
        if facts.isMinorPlace { flags.insert(.minorPlace) }
        flags.insert(Flags(rawValue: UInt32(facts.knownKinds.rawValue) << 16))
        if token.isCapitalized, !token.isInitial, evidence.isOrdinaryWord(word) { flags.insert(.ordinary) }
        flags.insert(.titleKnown)
        // Keep a reporting-verb answer already cached.
        if id >= 0, id < cache.count { cache[id] = flags.union(cache[id]) }
        return flags
    }

    /// `flags(of:evidence:).contains(.title)`, without the other word lists: the word before a
    /// name is mostly an ordinary word, whose full flags no feature reads.
    func isTitle(_ token: NameToken) -> Bool {
        let id = Int(token.word)
        guard id >= 0, id < cache.count else { return NameClassifier.isTitle(token.text) }
        if cache[id].contains(.titleKnown) { return cache[id].contains(.title) }
        let title = NameClassifier.isTitle(token.text)
        cache[id].insert(title ? [.titleKnown, .title] : .titleKnown)
        return title
    }

    /// Whether the word is one of `PersonContext.reportingVerbs` ("said", "told"), by word id.
    func isReportingVerb(_ token: NameToken) -> Bool {
        let id = Int(token.word)
        guard id >= 0, id < cache.count else { return PersonContext.reportingVerbs.contains(token.text) }
        if cache[id].contains(.reportingVerbKnown) { return cache[id].contains(.reportingVerb) }
        let verb = PersonContext.reportingVerbs.contains(token.text)
        cache[id].insert(verb ? [.reportingVerbKnown, .reportingVerb] : .reportingVerbKnown)
        return verb
    }
}
