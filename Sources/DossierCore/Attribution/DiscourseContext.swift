/// What attribution remembers while it reads: paragraph tokens, and who has been speaking,
/// to resolve "he said" and "it added".
///
/// The pipeline makes one for an article and hands it to speaker attribution, then to the claim
/// extractor (`forgetSpeakers()` between them): both read the same paragraph tokens, entity
/// index and full names, which were made twice when each stage made its own.
struct DiscourseContext {
    let article: StructuredArticle
    /// The article's quotations in text order: a `.quote` token's `quote` indexes them.
    let quotes: [Span]
    let index: EntityMentionIndex
    /// Paragraph tokens kept for reading back: nine paragraphs' whatever their size, more while
    /// all those kept hold at most `tokenCacheBudget` tokens; past both, all are dropped. So an
    /// article's tokens are made once for both stages, and reading back across a few huge
    /// paragraphs does not make them again and again (each `TextToken` is 40 bytes; 65,536 are 2.6 MB).
    private var tokenCache: [Int: [TextToken]] = [:]
    private(set) var cachedTokenCount = 0
    var cachedParagraphCount: Int { tokenCache.count }
    static let paragraphsAlwaysKept = 9
    static let defaultTokenBudget = 1 << 16
    var tokenCacheBudget = defaultTokenBudget
    /// The entity that spoke the last quotation attributed to one, and its paragraph (set by
    /// `SpeakerAttribution` as it goes): what "it added" goes on with.
    var lastSpeaker: (entity: Int, paragraph: Int)? = nil
    /// Word indices of long paragraphs for `resolveDescription`, nine paragraphs' at most (a single
    /// slot would be rebuilt over and over when descriptions read back across two huge paragraphs).
    private var headsCache: [Int: DescriptionHeads?] = [:]
    /// Indices into `index.entries` of the mentions of studies, found on first use
    /// (`studyMentions()`, in DocumentSources.swift).
    var studyMentionIndices: [Int]? = nil

    /// The people named in full, for "Ms Halvorsén" after "Ingrid Halvorsen" (`RespelledSurnames`).
    let fullNames: RespelledSurnames.FullNames

    init(article: StructuredArticle, quotes: [Span], index: EntityMentionIndex) {
        self.article = article
        self.quotes = quotes
        self.index = index
        fullNames = RespelledSurnames.FullNames(index.entities)
    }

    mutating func tokens(ofParagraph p: Int) -> [TextToken] {
        if let cached = tokenCache[p] { return cached }
        let span = article.paragraphs[p].span
        var low = 0, high = quotes.count
        while low < high {
            let mid = (low + high) / 2
            if quotes[mid].end <= span.start { low = mid + 1 } else { high = mid }
        }
        // Quotations never cross a paragraph, so the ones inside it are consecutive.
        var inside: [Span] = []
        while low < quotes.count, quotes[low].start < span.start { low += 1 }
        var k = low
        while k < quotes.count, quotes[k].start < span.end, span.contains(quotes[k]) {
            inside.append(quotes[k])
            k += 1
        }
        let tokens = ParagraphTokenizer.tokenize(article.text.scalars, span: span, quotes: inside, quoteIndexBase: low,
                                                 sentences: article.paragraphs[p].sentences)
        if tokenCache.count >= Self.paragraphsAlwaysKept, cachedTokenCount + tokens.count > tokenCacheBudget {
            tokenCache.removeAll(keepingCapacity: true)
            cachedTokenCount = 0
        }
        tokenCache[p] = tokens
        cachedTokenCount += tokens.count
        return tokens
    }

    /// Keeps tokens made before (by the quote annotator) for these paragraphs, numbered by
    /// `quotes`, as far as the budget goes: they are not made again.
    mutating func keep(_ made: [QuoteAnnotator.ParagraphTokens]) {
        for entry in made where cachedTokenCount + entry.tokens.count <= tokenCacheBudget {
            tokenCache[entry.paragraph] = entry.tokens
            cachedTokenCount += entry.tokens.count
        }
    }

    /// Readies the context for a stage that reads the article afresh: what it has made stays
    /// (tokens, description heads, study mentions: each a function of the article alone), who
    /// spoke last is forgotten.
    mutating func forgetSpeakers() {
        lastSpeaker = nil
    }

    /// The previous paragraph's last sentence when the paragraph ends with ":" or "," (it introduces a quote).
    mutating func closingIntroduction(beforeParagraph p: Int) -> (tokens: [TextToken], sentenceStart: Int)? {
        let tokens = tokens(ofParagraph: p - 1)
        guard let last = tokens.last, last.isPunctuation(":") || last.isPunctuation(",") else { return nil }
        // The whole sentence, across quotations inside it: `X has called the ruling "rash" and
        // "hasty":` introduces X's words.
        return (tokens, AttributionPatterns(tokens: tokens).sentenceStart(of: tokens.count - 1))
    }

    /// The entity a cue's subject names, or nil.
    mutating func resolve(_ cue: SpeechCue, paragraph p: Int) -> Int? {
        switch cue.subject {
        case .unnamed:
            return nil
        case .phrase(let span):
            return resolveDescription(span, paragraph: p)
        case .name(let span):
            if cue.personAfterObject { return index.person(in: span, after: span.start) }
            var best: Int? = index.speaker(in: span)
            for alternative in cue.alternatives {
                guard let other = index.speaker(in: alternative) else { continue }
                if best == nil || EntityMentionIndex.speakerRank(index.entities[other].kind)
                    < EntityMentionIndex.speakerRank(index.entities[best!].kind) {
                    best = other
                }
            }
            return best.map { respelledFullName($0) ?? $0 } ?? respelledSurname(in: span)
        case .pronoun(let word, let span):
            return resolvePronoun(word, at: span.start, paragraph: p)
        case .share(let span):
            return pollSource(before: span.start, paragraph: p)
        }
    }

    /// "Ms Halvorsén said" after "Ingrid Halvorsen": the full-name person a surname-only person
    /// respells (`RespelledSurnames`), or nil.
    func respelledFullName(_ entity: Int) -> Int? {
        RespelledSurnames.fullName(for: entity, in: index.entities, among: fullNames)
    }

    /// The same for a one-word name the recogniser left unlinked ("Mr Kowalsky" after "Piotr Kowalski").
    func respelledSurname(in span: Span) -> Int? {
        let words = article.text.slice(span).split(separator: " ")
        guard let last = words.last, words.count <= 2, last.first?.isUppercase == true else { return nil }
        if words.count == 2, !PersonTitles.honorifics.contains(String(words[0])) { return nil }
        return RespelledSurnames.fullName(forSurname: Array(last.lowercased().unicodeScalars), mentionedBefore: span.start,
                                          among: fullNames)
    }

    /// he/she: the person the nearest sentences are about (their first person named outside quotes);
    /// it/they: likewise an organisation (or a country for "it"). Looks back one paragraph at most.
    mutating func resolvePronoun(_ word: String, at offset: Int, paragraph p: Int) -> Int? {
        let kinds: Set<EntityKind>
        switch word {
        case "he", "she", "i": kinds = [.person]
        case "it": kinds = [.organization, .place]
        case "they", "we": kinds = [.organization]
        default: return nil
        }
        if word == "they" || word == "it", let study = studyOpeningPreviousSentence(before: offset, paragraph: p) {
            return study
        }
        let nearest = nearbyEntity(kinds, at: offset, paragraph: p, pronoun: word)
        // `"…," said the agency KNA. "…," it added`: "it" goes on with the body just quoted when
        // the sentences name no organisation (a country, or a name the typer left untyped, is not it).
        if word == "it", let last = lastSpeaker, p - last.paragraph <= 1, index.entities[last.entity].kind != .person,
           nearest.map({ index.entities[$0].kind != .organization }) ?? true {
            return last.entity
        }
        return nearest
    }

    /// Sentences opening with the same pronoun passed over at most, per pronoun: bounded work.
    static let pronounChainLinks = 6

    /// The first entity of one of `kinds` named outside quotations in the nearest sentence before
    /// `offset` that names one: the one those sentences are about.
    /// Looks `sentences` back at most, across `paragraphs` paragraph breaks at most: bounded work per
    /// pronoun (4 and 1); a description ("the 56-year-old") may reach further back than a pronoun.
    /// For a pronoun, a sentence that opens with the same pronoun ("He was arrested in April.")
    /// is about the same referent: its other names are passed over for the sentences before it.
    mutating func nearbyEntity(_ kinds: Set<EntityKind>, at offset: Int, paragraph p: Int,
                               sentences: Int = 4, paragraphs: Int = 1, pronoun: String? = nil) -> Int? {
        var sentencesLeft = sentences
        var lowest = max(0, p - paragraphs)
        var chainsLeft = Self.pronounChainLinks
        var paragraph = p + 1
        while paragraph > lowest {
            paragraph -= 1
            let tokens = tokens(ofParagraph: paragraph)
            var end = paragraph == p ? AttributionPatterns(tokens: tokens).firstToken(startingAt: offset) : tokens.count
            while end > 0, sentencesLeft > 0 {
                let sentence = tokens[end - 1].sentence
                var start = end - 1
                while start > 0, tokens[start - 1].sentence == sentence, end - start < 200 { start -= 1 }
                let chained = chainsLeft > 0 && pronoun != nil && tokens[start].kind == .word && tokens[start].text == pronoun
                // A chain of sentences about the same "he" reaches further back (a bounded number of links).
                if chained {
                    lowest = min(lowest, max(0, paragraph - paragraphs))
                    chainsLeft -= 1
                } else {
                    sentencesLeft -= 1
                }
                for k in start..<end where !chained && tokens[k].kind == .word && tokens[k].hasUppercase {
                    if let entity = index.speaker(in: tokens[k].span, allowing: kinds) {
                        // "she" is not "Peter Brell": a first name that says otherwise is passed over.
                        if let pronoun, GivenNameSex.contradicts(pronoun: pronoun, name: index.entities[entity].name) { continue }
                        return entity
                    }
                }
                end = start
            }
        }
        return nil
    }
}

extension DiscourseContext {
    /// Words that make a description point back at someone already named ("the spokeswoman").
    static let definiteOpeners: WordSet = ["the", "this", "that", "these", "those"]

    /// Paragraphs looked back at to find whom a description names: bounded work per quote.
    static let descriptionLookback = 6

    /// Tokens read back at most to find whom a description names (six paragraphs of news are
    /// rarely more than a thousand): bounded work per description in any text.
    static let descriptionTokenBudget = 2_000

    /// The head word of a phrase that follows "the"/"this" … or opens with a name's possessive
    /// ("Velmar's ambassador", `PossessedTitles`), or nil when the phrase is indefinite.
    mutating func definiteHead(of phrase: Span, paragraph p: Int) -> String? {
        let tokens = tokens(ofParagraph: p)
        let first = AttributionPatterns(tokens: tokens).firstToken(startingAt: phrase.start)
        guard first < tokens.count else { return nil }
        let possessed = tokens[first].kind == .word && tokens[first].hasUppercase && tokens[first].text.hasSuffix("'s")
        guard possessed || (first > 0 && tokens[first - 1].kind == .word
                            && Self.definiteOpeners.contains(tokens[first - 1].text)) else { return nil }
        var headIndex = first
        while headIndex + 1 < tokens.count, tokens[headIndex + 1].span.end <= phrase.end { headIndex += 1 }
        return tokens[headIndex].text
    }

    /// The named entity a definite description refers to, or nil when the phrase is its own source.
    /// "the spokeswoman" is the person an earlier sentence calls a spokeswoman ("Ana Li, a
    /// spokeswoman for …", "spokeswoman Ana Li"); "the ministry" is the organisation whose name holds
    /// "ministry", or that an earlier sentence calls the ministry. "a police spokesman" stays a phrase.
    mutating func resolveDescription(_ phrase: Span, paragraph p: Int) -> Int? {
        guard let head = definiteHead(of: phrase, paragraph: p) else { return nil }
        let tokens = tokens(ofParagraph: p)
        let first = AttributionPatterns(tokens: tokens).firstToken(startingAt: phrase.start)
        // "the report's authors say", "the survey found": the study the article names nearby.
        if DocumentSources.speaksForStudy(head: head), let study = studyEntity(near: phrase.start, paragraph: p) {
            return study
        }
        let kinds: Set<EntityKind> = SourcePhrases.isPersonHead(head) ? [.person] : [.organization]
        // "the physicians", "the officers": a group of people is nobody named in particular.
        if kinds == [.person], head.hasSuffix("s"), !head.hasSuffix("ss") { return nil }
        // "Velmar's ambassador": only a title of the same possessor describes the same person.
        let possessor = namedPossessor(of: phrase, paragraph: p)
        let ownTitle: (Int, [TextToken]) -> Bool = { k, tokens in
            possessor.map { Self.hasPossessor($0, beforeTitle: k, in: tokens) } ?? true
        }
        // Bounded in words as well as paragraphs: in one huge paragraph, every description would
        // otherwise read back to its start, and a text of n such sentences would cost n².
        var wordsLeft = Self.descriptionTokenBudget
        for paragraph in stride(from: p, through: max(0, p - Self.descriptionLookback), by: -1) {
            // Budget spent: an earlier paragraph would be tokenised (and indexed) for nothing.
            if wordsLeft <= 0 { break }
            let before = paragraph == p ? tokens : self.tokens(ofParagraph: paragraph)
            let end = paragraph == p ? first - 1 : before.count
            guard end > 0 else { continue }
            // The tokens read back, last first: `end - 1` down to `low`, each counted against the budget.
            let low = max(0, end - wordsLeft)
            wordsLeft -= end - low
            if before.count > Self.descriptionTokenBudget, let heads = descriptionHeads(ofParagraph: paragraph, tokens: before) {
                // A long paragraph: only the tokens that are the head word (`DescriptionHeads`).
                for k in heads.occurrences(of: head, in: low..<end).reversed() where ownTitle(Int(k), before) {
                    if let entity = describedEntity(at: Int(k), in: before, head: head, kinds: kinds) { return entity }
                }
            } else {
                for k in stride(from: end - 1, through: low, by: -1) where ownTitle(k, before) {
                    if let entity = describedEntity(at: k, in: before, head: head, kinds: kinds) { return entity }
                }
            }
        }
        // "the 56-year-old" always means someone named nearby; so does "the ministry" (a body, not a
        // document: "the letter" stays a phrase), when no apposition said which.
        if head.hasSuffix("-year-old") {
            return nearbyEntity([.person], at: phrase.start, paragraph: p, sentences: 8, paragraphs: 3)
        }
        if SourcePhrases.bodyHeads.contains(head) { return nearbyEntity([.organization], at: phrase.start, paragraph: p) }
        return nil
    }

    /// The entity the token at `k` names when it is the description's head word, else nil.
    func describedEntity(at k: Int, in tokens: [TextToken], head: String, kinds: Set<EntityKind>) -> Int? {
        guard tokens[k].kind == .word, tokens[k].text == head else { return nil }
        // An organisation whose own name holds the head word: "the ministry" → "Ministry of Roads".
        if tokens[k].isCapitalised, kinds.contains(.organization),
           let entity = index.speaker(in: tokens[k].span, allowing: kinds) { return entity }
        return appositiveEntity(of: k, in: tokens, allowing: kinds)
    }

    /// The paragraph's `DescriptionHeads`, built on first use and kept while the paragraph's tokens are.
    mutating func descriptionHeads(ofParagraph p: Int, tokens: [TextToken]) -> DescriptionHeads? {
        if let cached = headsCache[p] { return cached }
        let heads = DescriptionHeads(tokens: tokens)
        if headsCache.count > 8 { headsCache.removeAll(keepingCapacity: true) }
        headsCache[p] = heads
        return heads
    }

    /// The entity named in apposition to the description word at `k`: "spokeswoman Ana Li",
    /// "Ana Li, a spokeswoman", "the spokeswoman, Ana Li".
    func appositiveEntity(of k: Int, in tokens: [TextToken], allowing kinds: Set<EntityKind>) -> Int? {
        if k + 1 < tokens.count, tokens[k + 1].hasUppercase, tokens[k + 1].kind == .word,
           let entity = index.speaker(in: tokens[k + 1].span, allowing: kinds) { return entity }
        if k + 2 < tokens.count, tokens[k + 1].isPunctuation(","), tokens[k + 2].hasUppercase, tokens[k + 2].kind == .word,
           let entity = index.speaker(in: tokens[k + 2].span, allowing: kinds) { return entity }
        // Back over the description's own words ("a senior spokeswoman for the …") to a comma after a name.
        var c = k - 1
        while c >= 0, k - c <= 5, tokens[c].kind == .word { c -= 1 }
        guard c >= 1, tokens[c].isPunctuation(","), tokens[c - 1].kind == .word, tokens[c - 1].hasUppercase else { return nil }
        return index.speaker(in: tokens[c - 1].span, allowing: kinds)
    }
}
