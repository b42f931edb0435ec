/// Attributes each quotation to the entity that says it, or to nobody — never a guess.
///
/// In order: a cue right after the quote (`"…," X said`, `"…," said X`), the nearest cue before it
/// in its sentence (`X said: "…"`, `According to X, "…"`), a speech cue in the sentence before
/// (`Penrose noted … . "…"`) or at the end of the previous paragraph (`Ashdown stated,` ⏎ `"…"`),
/// then the speaker of the quote just before (split quotes, a paragraph that goes on quoting).
/// A cue names a span of words; the speaker is the linked entity with a mention there, and a
/// pronoun is the person (or, for "it"/"they", the organisation) that the nearby sentences are about.
public struct SpeakerAttribution: Sendable {
    /// A name the cue points at with no linked entity is reported by its words (the recogniser
    /// missed it, yet the reader should see who speaks). Off: only entity ids and source phrases.
    var reportsUnlinkedNames = true

    public init() {}

    /// What attribution found for one quotation, before it becomes an entity id.
    struct Finding {
        var speaker: Int?
        var cue: Span?
        /// The name the cue points at when no entity is linked to it.
        var unlinkedName: Span?
        /// A source described, not named ("a police spokesman"): its words are the speaker's name.
        var phrase: Span?
        /// The quote's own sentence gave no cue: it inherits from a neighbour.
        var inherited = false

        var hasSpeaker: Bool { speaker != nil || unlinkedName != nil || phrase != nil }

        /// The same speaker for a quotation that has no cue of its own.
        var inheritedCopy: Finding {
            Finding(speaker: speaker, cue: nil, unlinkedName: unlinkedName, phrase: phrase, inherited: true)
        }
    }

    public func attribute(_ quotes: [Quote], entities: [Entity], in article: StructuredArticle) -> [Quote] {
        guard !quotes.isEmpty else { return quotes }
        let scalars = article.text.scalars
        let index = EntityMentionIndex(entities)
        let sortedQuotes = quotes.sorted { $0.span < $1.span }
        var result = sortedQuotes
        var context = DiscourseContext(article: article, quotes: sortedQuotes.map(\.span), index: index)
        var q = 0
        var lastSpeaker: Finding? = nil
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
            var previousInParagraph: Finding? = nil
            for (tokenIndex, token) in tokens.enumerated() where token.kind == .quote {
                let quoteIndex = token.quote
                var finding = find(quote: tokenIndex, patterns: patterns, paragraph: p, context: &context)
                if finding.cue == nil {
                    if let previous = previousInParagraph {
                        finding = previous.inheritedCopy
                    } else if tokenIndex == 0, paragraph.role == .body, let speaker = lastSpeaker,
                              p - lastQuoteParagraph == 1 || (p - lastQuoteParagraph == 2 && lastQuoteWasUnclosed) {
                        // A body paragraph that opens with a quote goes on with the last speaker
                        // (a heading that quotes a phrase does not).
                        finding = speaker.inheritedCopy
                    } else if tokens.count == 1, let signed = signature(afterParagraph: p, context: &context) {
                        finding = signed
                    }
                }
                var quote = result[quoteIndex]
                quote.speaker = finding.speaker.map { entities[$0].id }
                if quote.speaker == nil, let name = (reportsUnlinkedNames ? finding.unlinkedName : nil) ?? finding.phrase {
                    quote.speaker = article.text.slice(name)
                }
                quote.cueSpan = finding.cue
                quote.cue = finding.cue.map { article.text.slice($0) }
                result[quoteIndex] = quote
                previousInParagraph = finding
                lastSpeaker = finding.hasSpeaker ? finding : nil
                lastQuoteParagraph = p
                lastQuoteWasUnclosed = !QuoteMarkMatcher.isQuoteMark(scalars[max(quote.span.start, quote.span.end - 1)])
            }
        }
        inheritRepeatedQuotations(&result, scalars: scalars)
        return result
    }

    /// A paragraph that is one quotation, signed on the next line: `– Ana L.`.
    func signature(afterParagraph p: Int, context: inout DiscourseContext) -> Finding? {
        guard p + 1 < context.article.paragraphs.count else { return nil }
        let next = context.tokens(ofParagraph: p + 1)
        guard let name = AttributionPatterns.signature(next) else { return nil }
        var found = Finding(speaker: context.index.speaker(in: name, allowing: [.person, .organization]), cue: next[0].span)
        if found.speaker == nil { found.unlinkedName = name }
        return found
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
        if result.speaker == nil, case .phrase(let span) = cue.subject { result.phrase = span }
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
        if let cue = patterns.closingCue(afterQuote: k) {
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

