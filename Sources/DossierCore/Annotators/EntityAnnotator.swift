/// Finds names of people, organisations, places, groups and events.
///
/// Works in three steps over `NameToken`s: decide which capitalised words are names (a word
/// capitalised only because it opens a sentence or a headline needs evidence: a word list, or the
/// same word capitalised mid-sentence elsewhere in the article), join neighbouring names into
/// chunks ("Council on Maritime Affairs"), then let `NameClassifier` split off titles and prefixes
/// (its rule type is one feature among many) and `EntityTyper`'s trained model type each name.
/// Linear in the length of the article.
///
/// Each distinct word's `String` is made once, and answers that depend on a word's text alone
/// (common words, known-phrase starts, the name lists, clusters) are looked up once, for all the
/// articles a `WordVocabulary` serves; answers that depend on the article (capitalisation
/// evidence) once per article. Both are reached through the tokens' word ids, by the name
/// classifier too (`WordFlagCache`: titles, given names, demonyms, single-word names, cue words).
///
/// UNFINISHED: still the slowest stage (about 2,400 instructions a word). `NameTokenizer.scan`
/// cost about 500 instructions a word by itself, a quarter of its samples in its prologue: inline
/// reads of the resilient `Unicode.Scalar.Properties` (now out of line, `ScalarProperties.swift`).
/// `NameClassifier.mentions` cost about 600 per name chunk before its word-list questions went
/// through the vocabulary (7.2 → 5.2 % of a feed's samples, stop 36). (`CapitalisationEvidence.isName`
/// now looks each word up once: `WordFacts`.)
public struct EntityAnnotator: Sendable {
    public var typer: EntityTyper

    public init(typeModel: LinearModel? = nil) {
        typer = EntityTyper(model: typeModel ?? EntityTyper.builtInModel)
    }

    public func annotate(_ article: StructuredArticle) -> [EntityMention] { annotateScored(article).mentions }

    /// The mentions, typed by the model, with the model's scores (for one type per entity after linking).
    public func annotateScored(_ article: StructuredArticle) -> ScoredMentions {
        var result = ScoredMentions(mentions: [], scores: [])
        var sink = ScoringFeatureSink(model: typer.model)   // one buffer of scores for every mention
        candidates(article) { mention, range, features in
            sink.reset()
            features.extract(range, name: mention.name, ruleKind: mention.kind, into: &sink)
            sink.finish()
            var typed = mention
            typed.kind = typer.kind(of: sink.scores, rules: mention.kind)
            result.mentions.append(typed)
            result.scores.append(contentsOf: sink.scores)
        }
        return result
    }

    /// For the trainer: every candidate name with the rules' type and its features as strings.
    public func trainingCandidates(_ article: StructuredArticle) -> [(mention: EntityMention, features: [String])] {
        var result: [(mention: EntityMention, features: [String])] = []
        candidates(article) { mention, range, features in
            var sink = StringFeatureSink()
            features.extract(range, name: mention.name, ruleKind: mention.kind, into: &sink)
            result.append((mention, sink.features))
        }
        return result
    }

    /// The names the rules find (typed by the rules), each with its token range.
    private func candidates(_ article: StructuredArticle,
                            _ body: (EntityMention, Range<Int>, EntityTypeFeatures) -> Void) {
        WordVocabulary.withPooled { candidates(article, vocabulary: $0, body) }
    }

    private func candidates(_ article: StructuredArticle, vocabulary: WordVocabulary,
                            _ body: (EntityMention, Range<Int>, EntityTypeFeatures) -> Void) {
        let tokenized = NameTokenizer.tokenize(article, vocabulary: vocabulary)
        let tokens = tokenized.tokens
        guard !tokens.isEmpty else { return }
        let headlines = Self.headlineParagraphs(article, tokenized)
        let evidence = CapitalisationEvidence(tokens: tokens, headlines: headlines, distinctWords: tokenized.distinctWords,
                                              scalars: article.text.scalars)
        var isName = Self.knownPhrases(tokenized)
        // `isName` answers false for every word not capitalised (most words): ask it only for the others.
        var facts = WordFacts(tokenized)
        for index in tokens.indices where !isName[index] && tokens[index].isCapitalized {
            isName[index] = evidence.isName(index, in: tokens, facts: &facts)
        }
        let wordFlags = WordFlagCache(tokenized)
        let classifier = NameClassifier(tokens: tokens, text: article.text, evidence: evidence, wordFlags: wordFlags)
        var found: [(mention: EntityMention, range: Range<Int>)] = []
        for chunk in Self.chunks(tokens, isName: isName) {
            for mention in classifier.mentions(in: chunk) {
                // The tokens the mention covers (a title or a prefix may have been split off): from
                // the first that ends after the mention starts (at most the chunk's last), found by
                // halving the chunk. Walked from the chunk's start, a chunk of n names cost n² steps:
                // a line of 300,000 acronyms took minutes (stop 33).
                var start = chunk.lowerBound, last = chunk.upperBound - 1
                while start < last {
                    let middle = (start + last) / 2
                    if tokens[middle].end <= mention.span.start { start = middle + 1 } else { last = middle }
                }
                var end = start + 1
                while end < chunk.upperBound, tokens[end].start < mention.span.end { end += 1 }
                found.append((mention, start..<end))
            }
        }
        let features = EntityTypeFeatures(tokens: tokens, text: article.text, evidence: evidence,
                                          document: .init(found.map(\.mention)),
                                          wordFlags: wordFlags)
        for candidate in found { body(candidate.mention, candidate.range, features) }
    }

    // MARK: - Headlines

    /// Title-case paragraphs ("The Rise of ALPHA-K and Regional Spillover"): capitals there say
    /// nothing about names. A sentence-case headline or a paragraph ending with a period is prose.
    static func headlineParagraphs(_ article: StructuredArticle, _ tokenized: NameTokens) -> [Bool] {
        let count = article.paragraphs.count
        var capitalised = [Int](repeating: 0, count: count)
        var lowercase = [Int](repeating: 0, count: count)
        var total = [Int](repeating: 0, count: count)
        let tokens = tokenized.tokens, vocabulary = tokenized.vocabulary
        // Fields read one by one, not the token copied whole: this loop visits every word.
        for k in tokens.indices {
            let paragraph = tokens[k].paragraph
            total[paragraph] += 1
            // Function words ("of", "and", "with") stay lowercase in title case; judge the others
            // (a word neither capitalised nor lowercase, such as a number, counts for neither).
            let isCapitalized = tokens[k].isCapitalized, isLowercase = tokens[k].isLowercase
            guard isCapitalized || isLowercase, tokens[k].end - tokens[k].start >= 4 else { continue }
            // Whether a word counts depends on its text alone: the vocabulary keeps the answer.
            let common = vocabulary.fact(isLowercase ? .commonAsWritten : .commonLowercased,
                                         ofWord: tokens[k].word, text: tokens[k].text)
            guard !common else { continue }
            if isCapitalized { capitalised[paragraph] += 1 }
            if isLowercase { lowercase[paragraph] += 1 }
        }
        let scalars = article.text.scalars
        return article.paragraphs.indices.map { index in
            let span = article.paragraphs[index].span
            if span.end > span.start, span.end <= scalars.count, scalars[span.end - 1] == "." { return false }
            let role = article.paragraphs[index].role
            if role == .title || role == .heading { return lowercase[index] <= 1 }
            return total[index] <= 30 && capitalised[index] >= 2
                && (lowercase[index] == 0 || (lowercase[index] == 1 && capitalised[index] >= 5))
        }
    }

    // MARK: - Known multi-word names

    /// Marks the tokens of multi-word names from the word lists ("New York", "Bosnia and
    /// Herzegovina"), so that "New" at a sentence start still counts and "and" joins.
    static func knownPhrases(_ tokenized: NameTokens) -> [Bool] {
        let tokens = tokenized.tokens, vocabulary = tokenized.vocabulary
        var marked = [Bool](repeating: false, count: tokens.count)
        let longest = EntityLexicon.longestPhrase
        guard longest >= 2 else { return marked }
        var index = 0
        // Whether a word is the second word of a known name: most runs ("The" + "next") end
        // there, and the vocabulary answers before any string of the run is built.
        func isSecondWord(_ k: Int) -> Bool {
            vocabulary.fact(.secondOfKnownPhrase, ofWord: tokens[k].word, text: tokens[k].text)
        }
        while index < tokens.count {
            guard tokens[index].isCapitalized,
                  vocabulary.fact(.opensKnownPhrase, ofWord: tokens[index].word, text: tokens[index].text) else {
                index += 1
                continue
            }
            var phrase = tokens[index].text
            var matchedEnd = -1
            var next = index + 1
            while next < tokens.count, next - index < longest, tokens[next].followsSpace,
                  !tokens[next - 1].isPossessive {
                if next == index + 1, !isSecondWord(next) { break }
                phrase += " " + tokens[next].text
                next += 1
                // No known name starts so: no longer run can match either ("The" + "next" …).
                if !phrasePrefixes.contains(phrase) { break }
                if tokens[next - 1].isCapitalized, EntityLexicon.phrases.contains(phrase) { matchedEnd = next }
            }
            if matchedEnd > 0 {
                for k in index..<matchedEnd { marked[k] = true }
                index = matchedEnd
            } else {
                index += 1
            }
        }
        return marked
    }

    /// Every run of leading words of a known multi-word name ("Bosnia", "Bosnia and", "Bosnia and
    /// Herzegovina"), so that `knownPhrases` stops extending a run as soon as no name begins with it.
    private static let phrasePrefixes: WordSet = EntityLexicon.phraseTables.prefixes

    // MARK: - Chunks

    /// Runs of name tokens separated by single spaces, with connectors kept inside where the
    /// name calls for them: "Ministry of Defence", "Council on Maritime Affairs",
    /// "South and Central Asia", "Osama bin Laden".
    static func chunks(_ tokens: [NameToken], isName: [Bool]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        while start < tokens.count {
            guard isName[start], tokens[start].isCapitalized || tokens[start].isAcronym else { start += 1; continue }
            var end = start + 1
            while end < tokens.count {
                if tokens[end - 1].isPossessive {
                    guard possessiveStaysInName(tokens, end - 1, isName) else { break }
                    end += 1
                    continue
                }
                if isName[end], tokens[end].followsSpace {
                    end += 1
                    continue
                }
                // "Fronte 4 Lune": a small number between two words of a name.
                if end + 1 < tokens.count, tokens[end].followsSpace, tokens[end].end - tokens[end].start <= 2,
                   tokens[end].text.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }),
                   isName[end + 1], tokens[end + 1].followsSpace, tokens[end + 1].isCapitalized,
                   !tokens[end + 1].isAcronym {
                    end += 2
                    continue
                }
                if let resume = connectorJoin(tokens, chunk: start..<end, isName: isName) {
                    end = resume
                    continue
                }
                break
            }
            if let head = lowercaseHead(tokens, after: start..<end) { end = head + 1 }
            result.append(start..<end)
            start = end
        }
        return result
    }

    /// "the Tarvician party": news often writes the noun that heads a party's name in lowercase; it
    /// belongs to the name after an adjective-like word ("a Christmas party" stays a party). (The
    /// same for "sea" made "the Yellow sea" an organisation with the fold models: left out.)
    private static func lowercaseHead(_ tokens: [NameToken], after chunk: Range<Int>) -> Int? {
        let head = chunk.upperBound, last = tokens[head - 1]
        guard head < tokens.count, tokens[head].followsSpace, tokens[head].text == "party", last.isCapitalized,
              !last.isAcronym, !last.isPossessive else { return nil }
        let adjectival = ["an", "ic", "ive", "ist", "al", "our", "or"].contains { last.text.hasSuffix($0) }
        return adjectival ? head : nil
    }

    /// "People’s" in "Korean People’s Army": a plural-noun possessive inside an organisation name.
    private static let possessivesInNames: WordSet = ["People", "Peoples", "Workers", "Women", "Children",
                                                          "Men", "Veterans", "Farmers", "Citizens", "Nations",
                                                          "Saints", "Writers", "Teachers", "Employees"]

    private static func possessiveStaysInName(_ tokens: [NameToken], _ index: Int, _ isName: [Bool]) -> Bool {
        let next = index + 1
        // The possessive ending and one space: "People’s Army".
        let gap = tokens.indices.contains(next) ? tokens[next].start - tokens[index].end : 0
        return possessivesInNames.contains(tokens[index].text) && next < tokens.count && isName[next]
            && tokens[next].isCapitalized && (gap == 3 || gap == 2)
    }

    /// An organisation or facility word that ends a name ("Foundation", "Hotel", "Airlines", "Times").
    static func closesWithNameCue(_ word: String) -> Bool {
        NameCues.organization.contains(word) || NameCues.facility.contains(word) || NameCues.newspaperWords.contains(word)
    }

    /// If lowercase connectors after the chunk lead to another name word that belongs to the same
    /// name, the index after that word; else nil.
    private static func connectorJoin(_ tokens: [NameToken], chunk: Range<Int>, isName: [Bool]) -> Int? {
        var k = chunk.upperBound
        var connectors: [String] = []
        while k < tokens.count, connectors.count < 2, tokens[k].followsSpace, !tokens[k - 1].isPossessive,
              CommonWords.nameConnectors.contains(tokens[k].text) {
            connectors.append(tokens[k].text)
            k += 1
        }
        guard !connectors.isEmpty, k < tokens.count, isName[k], tokens[k].followsSpace,
              tokens[k].isCapitalized || tokens[k].isAcronym else { return nil }
        let before = tokens[chunk.upperBound - 1].text
        let after = tokens[k].text
        if connectors.allSatisfy({ CommonWords.nameParticles.contains($0) }) {
            // "Osama bin Laden", "Luiz Inácio Lula da Silva", "Rio Grande do Sul": particles
            // inside a short name (a title in front may make it four words).
            return chunk.count <= 4 ? k + 1 : nil
        }
        if connectors.count == 2, connectors != ["of", "the"], connectors != ["for", "the"],
           connectors != ["on", "the"] { return nil }
        let first = connectors[0]
        if first == "and" || first == "&" {
            // "South and Central Asia": compass words on both sides of "and" (but "the Middle East
            // and North Africa" are two regions).
            let endsWithRegion = chunk.count >= 2
                && EntityLexicon.kind(of: tokens[chunk.upperBound - 2].text + " " + before) == .place
            if PlaceNames.compassWords.contains(before), PlaceNames.compassWords.contains(after), !endsWithRegion {
                return k + 1
            }
            // "the Harbour Hotel and Quayside Hotel", "Wexley Airlines and Corran Air": a first
            // part that already closes with its cue word is a whole name; "and" joins two names.
            if Self.closesWithNameCue(before) { return nil }
            // "Guild of Independent Printers and Binders", but not "the Ministry and Pakistan".
            let hasCue = chunk.contains { NameCues.organization.contains(tokens[$0].text) }
            let joinsCountry = EntityLexicon.kind(of: after) != nil
            if hasCue && !joinsCountry && chunk.count >= 2 { return k + 1 }
            // "National Air and Space Museum": the name closes with a cue after "and".
            var last = k
            while last + 1 < tokens.count, last - k < 4, isName[last + 1], tokens[last + 1].followsSpace,
                  !tokens[last].isPossessive { last += 1 }
            let closes = tokens[last].text
            let closesWithCue = last > k && (NameCues.organization.contains(closes) || NameCues.facility.contains(closes))
            return closesWithCue && !joinsCountry ? k + 1 : nil
        }
        if first == "on" {
            // "Council on Maritime Affairs", but not "Lakeside Research Center on LRX-1".
            return NameCues.organization.contains(before) && !tokens[k].isAcronym ? k + 1 : nil
        }
        guard first == "of" || first == "for" else { return nil }
        // "Ministry of Defence", "Minister of Education", "Council on Maritime Affairs".
        let hasCue = chunk.contains { NameCues.joinsConnector(tokens[$0].text) || NameClassifier.isTitle(tokens[$0].text) }
        return hasCue ? k + 1 : nil
    }
}

/// What the article itself says about its capitalised words: which appear lowercase somewhere
/// (so they are ordinary words) and which appear capitalised mid-sentence (so they are names).
///
/// A final class of constants: the entity annotator's stages each hold it (`NameClassifier`,
/// `EntityTypeFeatures`), and a struct of five sets was copied, each set's buffers retained and
/// released, at every call that passed it (about 1.5 % of a feed's time).
///
/// Kept by the article's word ids (`NameToken.word`) where the question is always about a token:
/// equal ids are equal texts, and an id indexes an array where a text had to be hashed.
final class CapitalisationEvidence {
    /// The texts of the article's lowercase words, looked up lowercased.
    private let lowercase: WordTable<Bool>
    /// By word id: capitalised somewhere mid-sentence.
    private let capitalisedMidSentence: [Bool]
    /// "Fort Lee", "Long Beach": two capitalised words in a row mid-sentence, so the pair is a
    /// name even at a sentence start, where its first word alone would pass for an ordinary word.
    /// Each pair's two word ids (`pairKey`).
    private let capitalisedPairs: Set<UInt64>
    /// "the Global Water Office (WATER)": capitals in brackets right after a name define that
    /// name's acronym, which is a name everywhere in the article even where it spells an
    /// ordinary word ("WHO", "CARE").
    private let definedAcronyms: WordSet
    /// "US$ 20,000", "NZ$5": a country code written onto a dollar sign names a currency, not the country.
    private let currencyCodes: Set<Int>
    private let headlines: [Bool]

    init(tokens: [NameToken], headlines: [Bool], distinctWords: Int = 0, scalars: ArticleScalars = ArticleScalars([])) {
        self.headlines = headlines
        var lowercase = WordTable<Bool>(minimumCapacity: 4096)
        var capitalisedMidSentence = [Bool](repeating: false, count: distinctWords)
        var capitalisedPairs = Set<UInt64>()
        var definedAcronyms = WordSet()
        var currencyCodes = Set<Int>()
        if !scalars.isEmpty {
            for k in tokens.indices where tokens[k].isAcronym && tokens[k].end < scalars.count
                && scalars[tokens[k].end] == "$" {
                currencyCodes.insert(k)
            }
            for k in tokens.indices.dropFirst() where tokens[k].isAcronym && !tokens[k].isInitial {
                let token = tokens[k], before = tokens[k - 1]
                guard token.start >= 2, token.end < scalars.count, scalars[token.start - 1] == "(",
                      scalars[token.end] == ")", before.end + 2 == token.start, scalars[before.end] == " ",
                      before.isCapitalized else { continue }
                definedAcronyms.insert(token.text)
            }
        }
        // Word ids already inserted into `lowercase`: inserting a word again changes nothing, so
        // each distinct word is hashed once, not at every occurrence.
        var inserted = [Bool](repeating: false, count: distinctWords)
        for k in tokens.indices {
            let word = Int(tokens[k].word)
            guard word >= 0, word < distinctWords else { continue }   // "&": neither
            if tokens[k].isLowercase {
                if !inserted[word] { _ = lowercase.add(tokens[k].text, true) }
                inserted[word] = true
            } else if tokens[k].isCapitalized, !tokens[k].isSentenceStart, !headlines[tokens[k].paragraph] {
                capitalisedMidSentence[word] = true
            }
        }
        for k in tokens.indices.dropLast() where tokens[k].isCapitalized && !tokens[k].isSentenceStart
            && !tokens[k].isPossessive && tokens[k + 1].isCapitalized && tokens[k + 1].followsSpace
            && !headlines[tokens[k].paragraph] && !tokens[k].isAcronym {
            if let key = Self.pairKey(tokens[k], tokens[k + 1]) { capitalisedPairs.insert(key) }
        }
        self.lowercase = lowercase
        self.capitalisedMidSentence = capitalisedMidSentence
        self.capitalisedPairs = capitalisedPairs
        self.definedAcronyms = definedAcronyms
        self.currencyCodes = currencyCodes
    }

    /// Whether the token at `index` and the next one appear as a capitalised pair mid-sentence.
    func opensKnownPair(_ index: Int, in tokens: [NameToken]) -> Bool {
        guard index + 1 < tokens.count, tokens[index + 1].followsSpace, tokens[index + 1].isCapitalized,
              !tokens[index].isPossessive else { return false }
        return Self.pairKey(tokens[index], tokens[index + 1]).map(capitalisedPairs.contains) ?? false
    }

    /// Two tokens' word ids in one key: equal keys, equal texts in the same order. Nil for a token
    /// without an id ("&", never capitalised).
    private static func pairKey(_ first: NameToken, _ second: NameToken) -> UInt64? {
        guard first.word >= 0, second.word >= 0 else { return nil }
        return UInt64(UInt32(first.word)) << 32 | UInt64(UInt32(second.word))
    }

    /// Whether the token's word is capitalised somewhere mid-sentence.
    func isCapitalisedMidSentence(_ token: NameToken) -> Bool {
        token.word >= 0 && Int(token.word) < capitalisedMidSentence.count && capitalisedMidSentence[Int(token.word)]
    }

    /// Seen lowercase somewhere in the article: an ordinary word ("Space" of "space shuttle").
    func isOrdinaryWord(_ word: String) -> Bool {
        lowercase.value(lowercasing: word) != nil || CommonWords.all.contains(lowercasing: word)
    }

    /// `isOrdinaryWord(word)` for a token's word, the common-word list's answer kept by the vocabulary.
    func isOrdinaryWord(_ word: String, wordID: Int32, vocabulary: WordVocabulary) -> Bool {
        lowercase.value(lowercasing: word) != nil || vocabulary.fact(.commonLowercased, ofWord: wordID, text: word)
    }

    /// Whether the token at `index` is (part of) a name. What the word lists and the article's
    /// own usage say about a word depends on its text alone, so each answer is looked up once per
    /// distinct word (`facts`), not at every capitalised token: a name comes back many times.
    func isName(_ index: Int, in tokens: [NameToken], facts: inout WordFacts) -> Bool {
        guard tokens[index].isCapitalized else { return false }   // most words: decided without a copy
        let token = tokens[index]
        guard !fact(.neverName, token, &facts) else { return false }
        // "Plan A", "Vitamin D": a lone capital letter is no name (an initial has its period).
        if token.end - token.start == 1 { return false }
        if token.isAcronym {
            if currencyCodes.contains(index) { return false }
            // "UNLESS" in a shouted sentence is a word; "US" stays a country.
            return fact(.listed, token, &facts) || fact(.definedAcronym, token, &facts) || !fact(.ordinary, token, &facts)
        }
        let headline = headlines[token.paragraph]
        if !token.isSentenceStart && !headline { return true }
        let next = index + 1 < tokens.count && tokens[index + 1].followsSpace ? tokens[index + 1] : nil
        if fact(.listed, token, &facts) || fact(.personTitle, token, &facts) { return true }
        if fact(.givenName, token, &facts), next?.isCapitalized ?? false { return true }
        if !headline, opensKnownPair(index, in: tokens) { return true }
        if fact(.ordinary, token, &facts) { return false }
        let midSentence = isCapitalisedMidSentence(token)
        // "Co-author", "Long-term": a hyphenated ordinary word opening the sentence.
        if !midSentence, token.text.hasUTF8Byte(0x2D), let hyphen = token.text.firstIndex(of: "-"),
           token.text[token.text.index(after: hyphen)...].unicodeScalars.first.map(NameTokenizer.isLower) == true { return false }
        if midSentence { return true }
        if headline { return false }
        // A word seen only at sentence starts: a name when something after it says so.
        if token.isPossessive { return true }
        guard let next else { return false }
        if next.isCapitalized {
            // "Successful Stormtroopers", "Recently Released": adjective and adverb endings.
            let adjectival = ["ful", "ly", "ous", "ness", "ment", "ing", "ed", "ive", "able", "ist", "er"].contains { token.text.hasSuffix($0) }
            return !fact(.commonWord, next, &facts) && !(adjectival && token.text.count >= 6)
        }
        return fact(.reportingVerb, next, &facts)
    }

    /// A fact about `token`'s word: kept by word id (by the vocabulary when it depends on the text
    /// alone), looked up the first time.
    private func fact(_ fact: WordFacts.Fact, _ token: NameToken, _ facts: inout WordFacts) -> Bool {
        let text = token.text
        switch fact {
        case .neverName: return facts.vocabulary.fact(.neverName, ofWord: token.word, text: text)
        case .listed: return facts.vocabulary.fact(.listed, ofWord: token.word, text: text)
        case .givenName: return facts.vocabulary.fact(.givenName, ofWord: token.word, text: text)
        case .personTitle: return facts.vocabulary.fact(.personTitle, ofWord: token.word, text: text)
        case .commonWord: return facts.vocabulary.fact(.commonLowercased, ofWord: token.word, text: text)
        case .reportingVerb: return facts.vocabulary.fact(.reportingVerb, ofWord: token.word, text: text)
        case .ordinary, .definedAcronym:
            let word = Int(token.word)
            if let known = facts[fact, word] { return known }
            let answer = fact == .ordinary ? isOrdinaryWord(text, wordID: token.word, vocabulary: facts.vocabulary)
                                           : definedAcronyms.contains(text)
            facts[fact, word] = answer
            return answer
        }
    }
}

/// Answers about an article's distinct words, each looked up on first need and kept by word id
/// (`NameToken.word`): those that depend on the article's `CapitalisationEvidence` (fixed once
/// made) here, two bits a fact (known, and its value); those that depend on the word's text alone
/// in the article's vocabulary, for the articles after it too.
struct WordFacts {
    enum Fact: UInt32 {
        // Kept here.
        case ordinary, definedAcronym
        // Kept by the vocabulary.
        case neverName, listed, personTitle, givenName, commonWord, reportingVerb
    }

    let vocabulary: WordVocabulary
    private var bits: [UInt32]

    init(_ tokenized: NameTokens) {
        vocabulary = tokenized.vocabulary
        bits = [UInt32](repeating: 0, count: tokenized.distinctWords)
    }

    /// The fact about word `word` if known (never for a word without an id, such as "&").
    subscript(fact: Fact, word: Int) -> Bool? {
        get {
            guard word >= 0, word < bits.count, bits[word] & (1 << (2 * fact.rawValue)) != 0 else { return nil }
            return bits[word] & (2 << (2 * fact.rawValue)) != 0
        }
        set {
            guard word >= 0, word < bits.count, let newValue else { return }
            bits[word] |= (1 << (2 * fact.rawValue)) | (newValue ? 2 << (2 * fact.rawValue) : 0)
        }
    }
}
