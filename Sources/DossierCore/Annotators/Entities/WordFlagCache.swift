/// What the word lists say about each distinct word of an article, looked up once per word id
/// (once for all articles where it depends on the word's text alone: `WordVocabulary`).
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
        /// One of `PlaceNames.minor` (a town or subdivision too small or ambiguous for the place list).
        static let minorPlace = Flags(rawValue: 1 << 11)
        /// Bits 8–10: the word list's kind, as an index into `EntityKind.allCases` plus one.
        var lexiconKind: EntityKind? {
            let index = Int((rawValue >> 8) & 7)
            return index == 0 ? nil : EntityKind.allCases[index - 1]
        }
        /// Bits 16–19: what WordNet knows the word alone as (`KnownNames.Kinds`). Bit 15 (`known`): the
        /// text flags are looked up (`WordVocabulary` keeps them; 0 there means not yet).
        var knownKinds: KnownNames.Kinds { KnownNames.Kinds(rawValue: UInt8(truncatingIfNeeded: rawValue >> 16)) }
    }

    /// The article's vocabulary, which keeps the flags, clusters and senses of each word's text
    /// for later articles too.
    private let vocabulary: WordVocabulary
    /// Whether each of the article's words is `.ordinary` (which depends on the article's
    /// evidence): 0 not yet known, 1 no, 2 yes. Unchecked: the cache serves one article on one task.
    @exclusivity(unchecked) private var ordinary: [UInt8]

    init(_ tokenized: NameTokens) {
        vocabulary = tokenized.vocabulary
        ordinary = [UInt8](repeating: 0, count: tokenized.distinctWords)
    }

    /// The word's Brown cluster as written, else lowercased (`WordClusters`), by word id.
    func cluster(of token: NameToken) -> WordClusters.Path? {
        guard token.word >= 0 else { return WordClusters.path(of: token.text) }
        var bits = vocabulary[clusterOfWord: token.word]
        if bits == WordVocabulary.unknownCluster {
            bits = WordClusters.path(of: token.text)?.bits ?? 0
            vocabulary[clusterOfWord: token.word] = bits
        }
        return bits == 0 ? nil : WordClusters.Path(bits: bits)
    }

    /// The WordNet supersenses of the word lowercased (`Supersenses`), by word id.
    func senses(of token: NameToken) -> Supersenses.Senses? {
        guard token.word >= 0 else { return Supersenses.senses(lowercasing: token.text) }
        var packed = vocabulary[sensesOfWord: token.word]
        if packed == WordVocabulary.unknownSenses {
            packed = Supersenses.senses(lowercasing: token.text).map { UInt16($0.noun) << 8 | UInt16($0.verb) } ?? 0
            vocabulary[sensesOfWord: token.word] = packed
        }
        return packed == 0 ? nil : Supersenses.Senses(noun: UInt8(packed >> 8), verb: UInt8(packed & 0xFF))
    }

    func flags(of token: NameToken, evidence: CapitalisationEvidence) -> Flags {
        var flags = textFlags(of: token)
        if token.isCapitalized, !token.isInitial, isOrdinary(token, evidence: evidence) { flags.insert(.ordinary) }
        return flags
    }

    /// The flags that depend on the word's text alone (all but `.ordinary`), by word id.
    func textFlags(of token: NameToken) -> Flags {
        guard token.word >= 0 else { return Self.textFlags(token.text) }
        var flags = Flags(rawValue: vocabulary[flagsOfWord: token.word])
        if !flags.contains(.known) {
            flags = Self.textFlags(token.text)
            vocabulary[flagsOfWord: token.word] = flags.rawValue
        }
        return flags
    }

    /// `EntityLexicon.kind(of: token.text)`: the kind the name lists give the word alone.
    func listedKind(_ token: NameToken) -> EntityKind? { textFlags(of: token).lexiconKind }

    /// `Demonyms.isGroupWord(token.text)`: "Pakistani", "Kurds".
    func isGroupWord(_ token: NameToken) -> Bool { textFlags(of: token).contains(.demonym) }

    /// `GivenNames.all.contains(token.text)` (the entity table marks exactly those words).
    func isGivenName(_ token: NameToken) -> Bool {
        vocabulary.fact(.givenName, ofWord: token.word, text: token.text)
    }

    /// What the word lists say of a word's text: every flag but `.ordinary`.
    private static func textFlags(_ word: String) -> Flags {
        var flags: Flags = .known
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
        return flags
    }

    /// `evidence.isOrdinaryWord`, by word id.
    private func isOrdinary(_ token: NameToken, evidence: CapitalisationEvidence) -> Bool {
        let id = Int(token.word)
        guard id >= 0, id < ordinary.count else { return evidence.isOrdinaryWord(token.text) }
        if ordinary[id] == 0 {
            ordinary[id] = evidence.isOrdinaryWord(token.text, wordID: token.word, vocabulary: vocabulary) ? 2 : 1
        }
        return ordinary[id] == 2
    }

    /// `flags(of:evidence:).contains(.title)`, without the other word lists: the word before a
    /// name is mostly an ordinary word, whose full flags no feature reads.
    func isTitle(_ token: NameToken) -> Bool {
        vocabulary.fact(.title, ofWord: token.word, text: token.text)
    }

    /// Whether the word is one of `PersonContext.reportingVerbs` ("said", "told"), by word id.
    func isReportingVerb(_ token: NameToken) -> Bool {
        vocabulary.fact(.reportingVerb, ofWord: token.word, text: token.text)
    }
}
