/// Attributes each quotation to the entity that says it, or to nobody — never a guess.
///
/// In order: a cue right after the quote (`"…," X said`, `"…," said X`), the nearest cue before it
/// in its sentence (`X said: "…"`, `According to X, "…"`), a speech cue in the sentence before
/// (`Penrose noted … . "…"`) or at the end of the previous paragraph (`Ashdown stated,` ⏎ `"…"`),
/// then the speaker of the quote just before (split quotes, a paragraph that goes on quoting).
/// A cue names a span of words; the speaker is the linked entity with a mention there, and a
/// pronoun is the person (or, for "it"/"they", the organisation) that the nearby sentences are about.
public struct SpeakerAttribution: Sendable {
    /// For measuring attribution apart from the entity recogniser: a name with no linked entity is
    /// reported as the speaker by its words. Never set in the pipeline (a speaker is an entity id).
    var reportsUnlinkedNames = false

    public init() {}

    /// What attribution found for one quotation, before it becomes an entity id.
    struct Finding {
        var speaker: Int?
        var cue: Span?
        /// The name the cue points at when no entity is linked to it.
        var unlinkedName: Span?
        /// The quote's own sentence gave no cue: it inherits from a neighbour.
        var inherited = false
    }

    public func attribute(_ quotes: [Quote], entities: [Entity], in article: StructuredArticle) -> [Quote] {
        guard !quotes.isEmpty else { return quotes }
        let scalars = article.text.scalars
        let index = EntityMentionIndex(entities)
        let sortedQuotes = quotes.sorted { $0.span < $1.span }
        var result = sortedQuotes
        var context = DiscourseContext(article: article, quotes: sortedQuotes.map(\.span), index: index)
        var q = 0
        var lastSpeaker: (entity: Int?, name: Span?)? = nil
        var lastQuoteParagraph = -10
        var lastQuoteWasUnclosed = false
        for (p, paragraph) in article.paragraphs.enumerated() {
            guard q < sortedQuotes.count else { break }
            var hasQuotes = false
            while q < sortedQuotes.count, sortedQuotes[q].span.start < paragraph.span.end {
                hasQuotes = hasQuotes || sortedQuotes[q].span.start >= paragraph.span.start
                q += 1
            }
            guard hasQuotes else { continue }
            let tokens = context.tokens(ofParagraph: p)
            let patterns = AttributionPatterns(tokens: tokens)
            var previousInParagraph: (token: Int, speaker: Int?, name: Span?)? = nil
            for (tokenIndex, token) in tokens.enumerated() where token.kind == .quote {
                let quoteIndex = token.quote
                var finding = find(quote: tokenIndex, patterns: patterns, paragraph: p, context: &context)
                if finding.cue == nil {
                    if let previous = previousInParagraph {
                        finding.speaker = previous.speaker
                        finding.unlinkedName = previous.name
                        finding.inherited = true
                    } else if tokenIndex == 0, paragraph.role == .body, let speaker = lastSpeaker,
                              p - lastQuoteParagraph == 1 || (p - lastQuoteParagraph == 2 && lastQuoteWasUnclosed) {
                        // A body paragraph that opens with a quote goes on with the last speaker
                        // (a heading that quotes a phrase does not).
                        finding.speaker = speaker.entity
                        finding.unlinkedName = speaker.name
                        finding.inherited = true
                    }
                }
                var quote = result[quoteIndex]
                quote.speaker = finding.speaker.map { entities[$0].id }
                if quote.speaker == nil, reportsUnlinkedNames, let name = finding.unlinkedName {
                    quote.speaker = article.text.slice(name)
                }
                quote.cueSpan = finding.cue
                quote.cue = finding.cue.map { article.text.slice($0) }
                result[quoteIndex] = quote
                previousInParagraph = (tokenIndex, finding.speaker, finding.unlinkedName)
                lastSpeaker = finding.speaker != nil || finding.unlinkedName != nil ? (finding.speaker, finding.unlinkedName) : nil
                lastQuoteParagraph = p
                lastQuoteWasUnclosed = !QuoteMarkMatcher.isQuoteMark(scalars[max(quote.span.start, quote.span.end - 1)])
            }
        }
        inheritRepeatedQuotations(&result, scalars: scalars)
        return result
    }

    /// A quotation repeated word for word (a headline quoting the body) has the same speaker.
    func inheritRepeatedQuotations(_ quotes: inout [Quote], scalars: [Unicode.Scalar]) {
        let annotator = QuoteAnnotator()
        var speakers: [String: String] = [:]
        for quote in quotes where quote.speaker != nil && quote.content.length <= 200 {
            speakers[annotator.normalisedContent(scalars, quote.content)] = quote.speaker
        }
        guard !speakers.isEmpty else { return }
        for k in quotes.indices where quotes[k].speaker == nil && quotes[k].cue == nil && quotes[k].content.length <= 200 {
            quotes[k].speaker = speakers[annotator.normalisedContent(scalars, quotes[k].content)]
        }
    }

    func finding(_ cue: SpeechCue, paragraph p: Int, context: inout DiscourseContext) -> Finding {
        var result = Finding(speaker: context.resolve(cue, paragraph: p), cue: cue.span)
        if result.speaker == nil, case .name(let span) = cue.subject { result.unlinkedName = span }
        return result
    }

    func find(quote k: Int, patterns: AttributionPatterns, paragraph p: Int, context: inout DiscourseContext) -> Finding {
        let tokens = patterns.tokens
        if let cue = patterns.cueAfter(quote: k) {
            return finding(cue, paragraph: p, context: &context)
        }
        // The sentence before the quote, back to the previous quote.
        let sentence = tokens[k].sentence
        var lower = k
        while lower > 0, tokens[lower - 1].sentence == sentence, tokens[lower - 1].kind != .quote { lower -= 1 }
        if let cue = patterns.cueBefore(k, lowerBound: lower) {
            return finding(cue, paragraph: p, context: &context)
        }
        let opensSentence = lower == k && (k == 0 || tokens[k - 1].sentence != sentence || tokens[k - 1].kind != .quote)
        guard opensSentence else { return Finding() }
        if k > 0 {
            // A sentence that carries speech just before: `Penrose noted the findings … . "An air-quality …"`.
            var start = k - 1
            let previousSentence = tokens[k - 1].sentence
            while start > 0, tokens[start - 1].sentence == previousSentence { start -= 1 }
            if tokens[k - 1].sentence != sentence, !tokens[start..<k].contains(where: { $0.kind == .quote }),
               let cue = patterns.cueBefore(k, lowerBound: start) {
                return finding(cue, paragraph: p, context: &context)
            }
            return Finding()
        }
        // The paragraph before ends "Ashdown stated," or "… using his account:".
        guard p > 0, let previous = context.closingIntroduction(beforeParagraph: p) else { return Finding() }
        let previousPatterns = AttributionPatterns(tokens: previous.tokens)
        if let cue = previousPatterns.cueBefore(previous.tokens.count, lowerBound: previous.sentenceStart) {
            return finding(cue, paragraph: p - 1, context: &context)
        }
        return Finding()
    }
}

/// What attribution remembers while it reads: paragraph tokens, and who has been speaking,
/// to resolve "he said" and "it added".
struct DiscourseContext {
    let article: StructuredArticle
    let quotes: [Span]
    let index: EntityMentionIndex
    private var tokenCache: [Int: [TextToken]] = [:]

    init(article: StructuredArticle, quotes: [Span], index: EntityMentionIndex) {
        self.article = article
        self.quotes = quotes
        self.index = index
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
        let tokens = ParagraphTokenizer.tokenize(article.text.scalars, span: span, quotes: inside, quoteIndexBase: low)
        if tokenCache.count > 8 { tokenCache.removeAll(keepingCapacity: true) }
        tokenCache[p] = tokens
        return tokens
    }

    /// The previous paragraph's last sentence when the paragraph ends with ":" or "," (it introduces a quote).
    mutating func closingIntroduction(beforeParagraph p: Int) -> (tokens: [TextToken], sentenceStart: Int)? {
        let tokens = tokens(ofParagraph: p - 1)
        guard let last = tokens.last, last.isPunctuation(":") || last.isPunctuation(",") else { return nil }
        var start = tokens.count - 1
        while start > 0, tokens[start - 1].sentence == last.sentence, tokens[start - 1].kind != .quote { start -= 1 }
        return (tokens, start)
    }

    /// The entity a cue's subject names, or nil.
    mutating func resolve(_ cue: SpeechCue, paragraph p: Int) -> Int? {
        switch cue.subject {
        case .unnamed:
            return nil
        case .name(let span):
            var best: Int? = index.speaker(in: span)
            for alternative in cue.alternatives {
                guard let other = index.speaker(in: alternative) else { continue }
                if best == nil || EntityMentionIndex.speakerRank(index.entities[other].kind)
                    < EntityMentionIndex.speakerRank(index.entities[best!].kind) {
                    best = other
                }
            }
            return best
        case .pronoun(let word, let span):
            return resolvePronoun(word, at: span.start, paragraph: p)
        }
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
        // Four sentences back at most, across one paragraph break at most: bounded work per pronoun.
        var sentencesLeft = 4
        for paragraph in stride(from: p, through: max(0, p - 1), by: -1) {
            let tokens = tokens(ofParagraph: paragraph)
            var end = paragraph == p ? AttributionPatterns(tokens: tokens).firstToken(startingAt: offset) : tokens.count
            while end > 0, sentencesLeft > 0 {
                let sentence = tokens[end - 1].sentence
                var start = end - 1
                while start > 0, tokens[start - 1].sentence == sentence, end - start < 200 { start -= 1 }
                for k in start..<end where tokens[k].kind == .word && tokens[k].hasUppercase {
                    if let entity = index.speaker(in: tokens[k].span, allowing: kinds) { return entity }
                }
                sentencesLeft -= 1
                end = start
            }
        }
        return nil
    }
}
