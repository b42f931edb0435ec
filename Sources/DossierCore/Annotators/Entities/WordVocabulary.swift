import Foundation   // NSLock, for the pool (Synchronization's Mutex needs macOS 15)

/// The words the entity annotator has met, kept from one article to the next, with what the word
/// lists say about each (spaCy's `Vocab` of lexemes). A word's `String` is made once, and each
/// list is asked about it once, for all the articles a vocabulary serves, not once per article.
///
/// Why: in a feed, each article's few hundred distinct words were each made into a `String` and
/// looked up in up to ten large word tables, and those tables are far out of the CPU's caches.
/// Most words of one news article are words of the last one ("the", "minister", "said").
///
/// Each article still numbers its own words from 0 (`WordStrings`, `NameToken.word`), in a table of
/// the article's size that stays in the CPU's caches, and answers that depend on the article
/// (`CapitalisationEvidence`) stay in arrays of that size; `lexeme(ofWord:)` turns an article's word
/// id into the vocabulary's own.
///
/// Used by one task at a time: `withPooled` hands a vocabulary out and takes it back. So no two
/// accesses to its arrays ever overlap, and they are not checked at run time
/// (`@exclusivity(unchecked)`): the checks cost more than the look-ups they guard (perf: 2.5 % of
/// a feed's time). Answers are those of asking the word lists directly (a test compares the two).
final class WordVocabulary: @unchecked Sendable {
    // MARK: The words

    /// Lexeme + 1, or 0 for an empty slot. Never more than half full.
    @exclusivity(unchecked) private var slots: [Int32]
    @exclusivity(unchecked) private var mask: Int
    /// Each lexeme's hash (`hash(_:_:_:)`), its UTF-8 bytes' end in `keyBytes` (they start where
    /// the previous lexeme's end), and its text.
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var keyEnds: [Int32] = []
    @exclusivity(unchecked) private var keyBytes: [UInt8] = []
    @exclusivity(unchecked) private var texts: [String] = []

    // MARK: The current article's words

    /// Each of the current article's word ids (`WordStrings`): its lexeme.
    @exclusivity(unchecked) private var lexemeOfWord: [Int32] = []

    // MARK: What the word lists say

    /// Two bits a `TextFact`: known, and its value.
    @exclusivity(unchecked) private var factBits: [UInt32] = []
    /// Stores that `WordFlagCache` fills and reads, one entry a lexeme (its "unknown" values).
    @exclusivity(unchecked) private var flagStore: [UInt32] = []
    @exclusivity(unchecked) private var clusterStore: [UInt32] = []
    @exclusivity(unchecked) private var senseStore: [UInt16] = []

    init() {
        slots = [Int32](repeating: 0, count: 1024)
        mask = slots.count - 1
    }

    /// How many distinct words the vocabulary holds.
    var count: Int { texts.count }

    // MARK: - Articles

    /// Starts the numbering of an article's words from 0 again.
    func beginArticle() { lexemeOfWord.removeAll(keepingCapacity: true) }

    /// How many distinct words the current article has so far; every word id is below it.
    var articleWordCount: Int { lexemeOfWord.count }

    /// The lexeme of one of the current article's word ids.
    @inline(__always)
    func lexeme(ofWord word: Int32) -> Int { Int(lexemeOfWord[Int(word)]) }

    /// Gives `s[start..<end]`, a word new to the current article, the next word id
    /// (`articleWordCount`); its text, equal to `NameTokenizer.string(s, start, end)`. `hash` is
    /// `hash(s, start, end)`, which the caller has made for its own table.
    func addArticleWord<Scalars: FixedWidthScalars>(_ s: Scalars, _ start: Int, _ end: Int, hash: UInt64) -> String {
        let lexeme = self.lexeme(s, start, end, hash: hash)
        lexemeOfWord.append(Int32(lexeme))
        return texts[lexeme]
    }

    /// The lexeme of `s[start..<end]`, added when new.
    private func lexeme<Scalars: FixedWidthScalars>(_ s: Scalars, _ start: Int, _ end: Int, hash: UInt64) -> Int {
        var slot = Self.home(hash, mask: mask)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            if hashes[stored - 1] == hash, sameWord(s, start, end, as: stored - 1) { return stored - 1 }
            slot = (slot + 1) & mask
        }
        var text = NameTokenizer.string(s, start, end)
        text.withUTF8 { keyBytes.append(contentsOf: $0) }
        keyEnds.append(Int32(keyBytes.count))
        hashes.append(hash)
        texts.append(text)
        factBits.append(0)
        flagStore.append(0)
        clusterStore.append(Self.unknownCluster)
        senseStore.append(Self.unknownSenses)
        slots[slot] = Int32(texts.count)
        if texts.count * 2 > slots.count { grow() }
        return texts.count - 1
    }

    /// FNV-1a over the scalar values (the same hash for the same scalars, whatever their width).
    @inline(__always)
    static func hash<Scalars: FixedWidthScalars>(_ s: Scalars, _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<end { hash = (hash ^ UInt64(s[k].value)) &* 0x100_0000_01b3 }
        return hash
    }

    @inline(__always)
    private static func home(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }

    /// Whether `s[start..<end]` spells the lexeme's stored UTF-8 bytes.
    private func sameWord<Scalars: FixedWidthScalars>(_ s: Scalars, _ start: Int, _ end: Int, as lexeme: Int) -> Bool {
        let keyEnd = Int(keyEnds[lexeme])
        var b = lexeme == 0 ? 0 : Int(keyEnds[lexeme - 1])
        return keyBytes.withUnsafeBufferPointer { bytes in
            for k in start..<end {
                let scalar = s[k]
                if scalar.value < 0x80 {
                    guard b < keyEnd, bytes[b] == UInt8(truncatingIfNeeded: scalar.value) else { return false }
                    b += 1
                } else {
                    for byte in UTF8.encode(scalar)! {
                        guard b < keyEnd, bytes[b] == byte else { return false }
                        b += 1
                    }
                }
            }
            return b == keyEnd
        }
    }

    private func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for lexeme in hashes.indices {
            var slot = Self.home(hashes[lexeme], mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(lexeme + 1)
        }
    }

    // MARK: - Facts of a word's text

    /// Yes-or-no answers of the word lists that depend on a word's text alone.
    enum TextFact: UInt32, CaseIterable {
        /// In `CommonWords.all` as written.
        case commonAsWritten
        /// In `CommonWords.all` lowercased.
        case commonLowercased
        /// Opens one of the known multi-word names (`EntityLexicon.phraseFirstWords`).
        case opensKnownPhrase
        /// Second word of one of them.
        case secondOfKnownPhrase
        /// One of `CommonWords.neverNames`.
        case neverName
        /// A name the lists know (`EntityLexicon.facts(of:).kind`).
        case listed
        /// A given name (`EntityLexicon.facts(of:).isGivenName`).
        case givenName
        /// One of `PersonTitles.all`.
        case personTitle
        /// One of `PersonContext.reportingVerbs`.
        case reportingVerb
        /// A title word (`NameClassifier.isTitle`).
        case title

        /// What the lists say of `text`.
        func answer(for text: String) -> Bool {
            switch self {
            case .commonAsWritten: CommonWords.all.contains(text)
            case .commonLowercased: CommonWords.all.contains(lowercasing: text)
            case .opensKnownPhrase: EntityLexicon.phraseFirstWords.contains(text)
            case .secondOfKnownPhrase: EntityLexicon.phraseTables.secondWords.contains(text)
            case .neverName: CommonWords.neverNames.contains(text)
            case .listed: EntityLexicon.facts(of: text).kind != nil
            case .givenName: EntityLexicon.facts(of: text).isGivenName
            case .personTitle: PersonTitles.all.contains(text)
            case .reportingVerb: PersonContext.reportingVerbs.contains(text)
            case .title: NameClassifier.isTitle(text)
            }
        }
    }

    /// `fact.answer(for: text)` for the current article's word `word`, whose text is `text`;
    /// looked up the first time any article asks, then kept. A token without a word id (-1, "&")
    /// is looked up every time.
    func fact(_ fact: TextFact, ofWord word: Int32, text: String) -> Bool {
        guard word >= 0 else { return fact.answer(for: text) }
        let lexeme = self.lexeme(ofWord: word)
        let known: UInt32 = 1 << (2 * fact.rawValue)
        let bits = factBits[lexeme]
        if bits & known != 0 { return bits & (known << 1) != 0 }
        if fact == .listed || fact == .givenName {
            // One lookup answers both.
            let names = EntityLexicon.facts(of: text)
            set(.listed, names.kind != nil, lexeme: lexeme)
            set(.givenName, names.isGivenName, lexeme: lexeme)
            return fact == .listed ? names.kind != nil : names.isGivenName
        }
        let answer = fact.answer(for: text)
        set(fact, answer, lexeme: lexeme)
        return answer
    }

    private func set(_ fact: TextFact, _ answer: Bool, lexeme: Int) {
        let known: UInt32 = 1 << (2 * fact.rawValue)
        factBits[lexeme] |= known | (answer ? known << 1 : 0)
    }

    // MARK: - WordFlagCache's stores

    static let unknownCluster = UInt32.max
    static let unknownSenses: UInt16 = 0xFFFF

    /// `WordFlagCache.Flags` of the word's text (0 until stored), by the article's word id.
    subscript(flagsOfWord word: Int32) -> UInt32 {
        get { flagStore[lexeme(ofWord: word)] }
        set { flagStore[lexeme(ofWord: word)] = newValue }
    }

    /// The word's Brown cluster bits, 0 for none, `unknownCluster` until stored.
    subscript(clusterOfWord word: Int32) -> UInt32 {
        get { clusterStore[lexeme(ofWord: word)] }
        set { clusterStore[lexeme(ofWord: word)] = newValue }
    }

    /// The word's supersenses (noun << 8 | verb), 0 for none, `unknownSenses` until stored.
    subscript(sensesOfWord word: Int32) -> UInt16 {
        get { senseStore[lexeme(ofWord: word)] }
        set { senseStore[lexeme(ofWord: word)] = newValue }
    }

    // MARK: - The pool

    /// Vocabularies not in use. There are never more than the articles (and windows of a huge
    /// article) annotated at once. Read and changed only under `poolLock`.
    nonisolated(unsafe) private static var pool: [WordVocabulary] = []
    private static let poolLock = NSLock()

    /// A vocabulary of more words than this is not kept after its article: memory stays bounded
    /// however long the feed, and a huge article's words are not held once it is done. About
    /// 60 bytes a word; a feed's common words are far fewer.
    static let keptWordLimit = 1 << 17

    /// Runs `body` with a vocabulary that no other task uses meanwhile, kept for later articles
    /// unless it then holds more than `limit` words.
    static func withPooled<R>(keepingAtMost limit: Int = keptWordLimit, _ body: (WordVocabulary) -> R) -> R {
        let vocabulary = poolLock.withLock { pool.popLast() } ?? WordVocabulary()
        defer {
            if vocabulary.count <= limit { poolLock.withLock { pool.append(vocabulary) } }
        }
        return body(vocabulary)
    }
}
