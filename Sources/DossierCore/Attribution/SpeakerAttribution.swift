/// Attributes each quotation to who says it: an entity, a name the recogniser missed, or the
/// phrase of a source the text never names ("a police spokesman") — or to nobody, never a guess.
///
/// A sieve pipeline in the manner of Muzny et al. (2017): the sieves (`Sieve`) each propose a
/// speaker from one kind of evidence — a cue after the quote (`"…," X said`, `"…," said X`), a cue
/// before it in its sentence (`X said: "…"`, `According to X, "…"`), a reporting clause closing
/// the sentence, a cue in the sentence before or at the end of the previous paragraph, the speaker
/// of the quote before it (split quotes, a paragraph that goes on quoting), a signature line. A cue
/// names a span of words; the speaker is the linked entity with a mention there, a pronoun is the
/// person (or organisation) the nearby sentences are about, and a definite description ("the
/// spokeswoman") is the entity an earlier sentence gives that description. The proposals for one
/// quotation become candidates; `SpeakerRanker` takes the sieve-order pick unless its learned model
/// scores another candidate of the same tier higher. No proposal, no speaker.
public struct SpeakerAttribution: Sendable {
    /// A name the cue points at with no linked entity is reported by its words (the recogniser
    /// missed it, yet the reader should see who speaks). Off: only entity ids and source phrases.
    var reportsUnlinkedNames = true

    public var ranker = SpeakerRanker()

    /// How many paragraphs back the last speaker is still offered to the ranker.
    static let recentSpeakerReach = 3

    public init() {}

    public init(model: LinearModel?) {
        ranker = SpeakerRanker(model: model)
    }

    /// `quotes` is consumed: a caller that hands them over (`consume`, or a last use) lets the
    /// speakers be written into its buffer, not into a copy. A line that is all quotations has a
    /// quotation every few bytes, and each copy held 22 bytes of memory a byte of text.
    public func attribute(_ quotes: consuming [Quote], entities: [Entity], in article: StructuredArticle) -> [Quote] {
        run(quotes, entities: entities, in: article, collecting: false).quotes
    }

    /// `attribute(_:entities:in:)` reading `context`, which the pipeline then hands to the claim
    /// extractor. Its quotations are these quotes' spans in text order.
    func attribute(_ quotes: consuming [Quote], entities: [Entity], context: inout DiscourseContext) -> [Quote] {
        run(quotes, entities: entities, context: &context, collecting: false).quotes
    }

    /// Every quotation's candidates, with the choices made as `attribute` makes them: the
    /// trainer's examples.
    public func candidates(_ quotes: [Quote], entities: [Entity], in article: StructuredArticle) -> [QuoteCandidates] {
        run(quotes, entities: entities, in: article, collecting: true).candidates
    }

    func run(_ quotes: consuming [Quote], entities: [Entity], in article: StructuredArticle,
             collecting: Bool) -> (quotes: [Quote], candidates: [QuoteCandidates]) {
        guard !quotes.isEmpty else { return (quotes, []) }
        // The quote annotator gives them in text order: sorted again only when they are not.
        var sorted = quotes
        if !sorted.isInTextOrder { sorted.sort { $0.span < $1.span } }
        var context = DiscourseContext(article: article, quotes: sorted.map(\.span), index: EntityMentionIndex(entities))
        return run(sorted, entities: entities, context: &context, collecting: collecting)
    }

    /// The loop sets speakers and cues in `result` and reads only spans, which it never changes.
    func run(_ quotes: consuming [Quote], entities: [Entity], context: inout DiscourseContext,
             collecting: Bool) -> (quotes: [Quote], candidates: [QuoteCandidates]) {
        guard !quotes.isEmpty else { return (quotes, []) }
        var result = quotes
        assert(result.count == context.quotes.count && result.indices.allSatisfy { result[$0].span == context.quotes[$0] },
               "the context's quotations are these, in text order")
        let article = context.article
        let scalars = article.text.scalars
        var collected: [QuoteCandidates] = []
        let quoteAnnotator = QuoteAnnotator()
        var q = 0
        var lastSpeaker: Finding? = nil
        var recent: (finding: Finding, paragraph: Int)? = nil
        var lastQuoteParagraph = -10
        var lastQuoteWasUnclosed = false
        for (p, paragraph) in article.paragraphs.enumerated() {
            guard q < result.count else { break }
            var hasQuotes = false
            while q < result.count, result[q].span.start < paragraph.span.end {
                hasQuotes = hasQuotes || result[q].span.start >= paragraph.span.start
                q += 1
            }
            guard hasQuotes else { continue }
            let tokens = context.tokens(ofParagraph: p)
            let patterns = AttributionPatterns(tokens: tokens)
            var previousInParagraph: Finding? = nil
            for (tokenIndex, token) in tokens.enumerated() where token.kind == .quote {
                let quoteIndex = token.quote
                var findings = cueFindings(quote: tokenIndex, patterns: patterns, paragraph: p, context: &context)
                if let recent, p - recent.paragraph <= Self.recentSpeakerReach, let phrase = recent.finding.phrase {
                    // "One resident said … Another said": the unnamed source just quoted, by its phrase;
                    // "Residents said … They said": the group just quoted, when its phrase is a plural.
                    let plural = Self.isPluralPhrase(article.text.slice(phrase))
                    for k in findings.indices where !findings[k].hasSpeaker
                        && (findings[k].subject == "another" || (findings[k].unresolvedThey && plural)) {
                        findings[k].phrase = phrase
                    }
                }
                let hasOwnCue = findings.contains { $0.cue != nil }
                findings += descriptionFindings(findings, paragraph: p, context: &context)
                if let previous = previousInParagraph {
                    findings.append(previous.inherited(by: .sameParagraph))
                } else if tokenIndex == 0, paragraph.role == .body, let speaker = lastSpeaker,
                          p - lastQuoteParagraph == 1 || (p - lastQuoteParagraph == 2 && lastQuoteWasUnclosed) {
                    // A body paragraph that opens with a quote goes on with the last speaker
                    // (a heading that quotes a phrase does not).
                    findings.append(speaker.inherited(by: .previousParagraph))
                }
                if tokens.count == 1, let signed = signature(afterParagraph: p, context: &context) {
                    findings.append(signed)
                }
                if let recent, p - recent.paragraph <= Self.recentSpeakerReach {
                    findings.append(recent.finding.inherited(by: .recentSpeaker))
                }
                var quote = result[quoteIndex]
                let situation = QuoteSituation(wordCount: quoteAnnotator.wordCount(scalars, quote.content),
                                               opensParagraph: tokenIndex == 0, hasOwnCue: hasOwnCue)
                let candidates = SpeakerCandidateBuilder.candidates(findings, situation: situation, entities: entities,
                                                                    text: article.text)
                if collecting { collected.append(QuoteCandidates(quote: quote.span, candidates: candidates)) }
                let chosen = ranker.choose(candidates, situation: situation).map { candidates[$0] }
                quote.speaker = chosen.flatMap { speakerValue($0, entities: entities, text: article.text) }
                // The cue of the chosen speaker; with none chosen, the quotation's own cue that named no one.
                let ownCue: (Finding) -> Bool = { $0.cue != nil && $0.subject != "inherited" }
                let cue = chosen.map { $0.findings.first(where: ownCue)?.cue } ?? findings.first(where: ownCue)?.cue
                quote.cueSpan = cue
                quote.cue = cue.map { article.text.slice($0) }
                result[quoteIndex] = quote
                // A quotation left without a speaker passes none on.
                let finding = quote.speaker == nil ? Finding() : chosen!.asFinding
                previousInParagraph = finding
                lastSpeaker = quote.speaker == nil ? nil : finding
                if quote.speaker != nil { recent = (finding, p) }
                if let entity = chosen?.entity { context.lastSpeaker = (entity, p) }
                lastQuoteParagraph = p
                lastQuoteWasUnclosed = !QuoteMarkMatcher.isQuoteMark(scalars[max(quote.span.start, quote.span.end - 1)])
            }
        }
        inheritRepeatedQuotations(&result, scalars: scalars)
        inheritQuotedPhrases(&result, scalars: scalars)
        return (result, collected)
    }

    /// The JSON contract's speaker: an entity id, else the name or phrase as written.
    func speakerValue(_ candidate: SpeakerCandidate, entities: [Entity], text: ArticleText) -> String? {
        if let entity = candidate.entity { return entities[entity].id }
        guard let words = candidate.words, candidate.isPhrase || reportsUnlinkedNames else { return nil }
        return text.slice(words)
    }

    /// "police officers", "residents": a phrase whose last word is a plural ("press" and "boss" are not).
    static func isPluralPhrase(_ phrase: String) -> Bool {
        guard let last = phrase.split(separator: " ").last?.lowercased() else { return false }
        return ["people", "police", "staff", "crowd", "troops", "media"].contains(last)
            || (last.hasSuffix("s") && !last.hasSuffix("ss") && !last.hasSuffix("us") && !last.hasSuffix("is"))
    }

    /// Quotations compared at most by `inheritQuotedPhrases`, each way: bounded work on any text.
    static let quotedPhraseLimit = 300

    /// Words of an attributed quotation compared at most (a subheading quotes any part of it, often
    /// its last sentence): bounded work per comparison.
    static let quotedPhraseWords = 400

    /// Words at most of a quotation on a line of its own that counts as a subheading.
    static let subheadingWords = 12

    /// A quotation with no cue of its own that repeats three words or more of a longer attributed
    /// quotation (a subheading quoting the section below, "“Not an easy road”") has that quotation's
    /// speaker, when all such quotations have the same one. A short quotation alone on its line is
    /// such a subheading even when a neighbour's speaker was guessed for it: the words it repeats
    /// say whose they are better than the recent speaker does.
    func inheritQuotedPhrases(_ quotes: inout [Quote], scalars: ArticleScalars) {
        let attributed = quotes.filter { $0.speaker != nil }.prefix(Self.quotedPhraseLimit)
            .map { (" " + Self.lowercasedWords(scalars, $0.content, limit: Self.quotedPhraseWords).joined(separator: " ") + " ",
                    $0.speaker!) }
        guard !attributed.isEmpty else { return }
        var checked = 0
        for k in quotes.indices where quotes[k].cue == nil && quotes[k].content.length <= 200 {
            let phrase = Self.lowercasedWords(scalars, quotes[k].content, limit: Self.subheadingWords + 1)
            let subheading = phrase.count <= Self.subheadingWords && Self.standsAlone(quotes[k].span, scalars: scalars)
            guard quotes[k].speaker == nil || subheading else { continue }
            checked += 1
            if checked > Self.quotedPhraseLimit { break }
            guard phrase.count >= 3 else { continue }
            let needle = " " + phrase.joined(separator: " ") + " "
            let speakers = Set(attributed.filter { $0.0.holds(longer: needle) }.map(\.1))
            if speakers.count == 1 { quotes[k].speaker = speakers.first }
        }
    }

    /// The lowercased words of `span`, at most `limit` (an apostrophe inside a word keeps it whole).
    static func lowercasedWords(_ scalars: ArticleScalars, _ span: Span, limit: Int) -> [String] {
        var words: [String] = []
        var i = span.start
        while i < span.end, words.count < limit {
            guard ParagraphTokenizer.isWordScalar(scalars[i]) else { i += 1; continue }
            let j = ParagraphTokenizer.wordEnd(scalars, from: i, before: span.end)
            words.append(ParagraphTokenizer.lowercased(scalars, Span(i, j)))
            i = j
        }
        return words
    }

    /// The quotation is its line's only text (a subheading), apart from spaces and a closing mark.
    static func standsAlone(_ span: Span, scalars: ArticleScalars) -> Bool {
        var k = span.start - 1
        while k >= 0, scalars[k] == " " || scalars[k] == "\t" { k -= 1 }
        guard k < 0 || scalars[k] == "\n" else { return false }
        k = span.end
        while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" || scalars[k] == "." || scalars[k] == ":" { k += 1 }
        return k == scalars.count || scalars[k] == "\n" || scalars[k] == "\r"
    }

    /// A quotation repeated word for word (a headline quoting the body) has the same speaker.
    func inheritRepeatedQuotations(_ quotes: inout [Quote], scalars: ArticleScalars) {
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
}
