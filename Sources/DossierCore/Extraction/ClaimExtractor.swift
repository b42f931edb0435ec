/// Collects claims: direct quotes, reported speech ("X emphasized that …") and stated figures.
///
/// At most one claim per sentence, so the side pane never floods: a sentence with a quotation
/// gives a quote claim (or, when the quotation is a short fragment inside reported speech such as
/// `lauded Pakistan as a “phenomenal partner”`, one statement claim covering it); otherwise a
/// speech verb with a named (or resolvable) subject gives a statement claim on the reported
/// clause; otherwise a salient number (a count, percentage, amount or quantity) gives a figure.
/// Titles, datelines and headings give none.
public struct ClaimExtractor: Sendable {
    /// A quotation of at most this many words inside reported speech is part of the statement.
    public var fragmentMaxWords = 6

    public init() {}

    public func extract(article: StructuredArticle, entities: [Entity], quotes: [Quote],
                        numbers: [NumberMention]) -> [Claim] {
        let sortedQuotes = quotes.inTextOrder()
        var context = DiscourseContext(article: article, quotes: sortedQuotes.map(\.span), index: EntityMentionIndex(entities))
        return extract(quotes: sortedQuotes, numbers: numbers, context: &context)
    }

    /// `extract(article:entities:quotes:numbers:)` reading `context`, which speaker attribution
    /// has read before (its paragraph tokens are made once for both). `quotes` are in text order,
    /// as the context's, and the context remembers no speaker (`forgetSpeakers()`).
    func extract(quotes sortedQuotes: [Quote], numbers: [NumberMention], context: inout DiscourseContext) -> [Claim] {
        assert(context.lastSpeaker == nil, "claims resolve pronouns with no speaker carried over")
        let article = context.article
        let index = context.index
        let scalars = article.text.scalars
        let sortedNumbers = numbers.inTextOrder()
        let quoteAnnotator = QuoteAnnotator()
        var claims: [Claim] = []
        // At most one claim a sentence: sized once, so a huge article's claims never grow by doubling
        // (the old and the new buffer both held at the end of this stage, when memory peaks).
        claims.reserveCapacity(article.paragraphs.reduce(0) { $0 + $1.sentences.count })
        var n = 0
        var firstQuote = 0, firstNumber = 0
        for (p, paragraph) in article.paragraphs.enumerated() {
            let isBody = paragraph.role == .body || paragraph.role == .standfirst
            // A paragraph with no quotation, no number and no speech verb gives no claim: skip it
            // before tokenising it (most of the work of this stage).
            let span = paragraph.span
            while firstQuote < sortedQuotes.count, sortedQuotes[firstQuote].span.start < span.start { firstQuote += 1 }
            while firstNumber < sortedNumbers.count, sortedNumbers[firstNumber].span.start < span.start { firstNumber += 1 }
            let hasQuote = firstQuote < sortedQuotes.count && sortedQuotes[firstQuote].span.start < span.end
            let hasNumber = firstNumber < sortedNumbers.count && sortedNumbers[firstNumber].span.start < span.end
            guard hasQuote || (isBody && (hasNumber || Self.mayHoldSpeechVerb(scalars, span))) else { continue }
            let tokens = context.tokens(ofParagraph: p)
            let patterns = AttributionPatterns(tokens: tokens)
            // "ROTTERDAM — …" says where the story was filed: its words are no actor and no part of a claim.
            let datelineEnd = isBody ? DatelinePrefix.end(in: scalars, from: span.start) : nil
            for fullRange in ParagraphTokenizer.sentenceRanges(tokens) {
                var range = fullRange
                if let datelineEnd {
                    while range.count > 1, tokens[range.lowerBound].span.start < datelineEnd { range = range.dropFirst() }
                }
                let sentence = Span(tokens[range.lowerBound].span.start, tokens[range.upperBound - 1].span.end)
                let quoteTokens = range.filter { tokens[$0].kind == .quote }
                // Quotes are claims wherever they are; the other kinds only in the body.
                if let first = quoteTokens.first {
                    let quote = sortedQuotes[tokens[first].quote]
                    let isFragment = quoteTokens.count == 1 && (quote.cueSpan.map { sentence.contains($0) } ?? false)
                        && quoteAnnotator.wordCount(scalars, quote.content) <= fragmentMaxWords
                        && range.lowerBound < first
                    if isFragment, isBody, let statement = statement(in: range, patterns: patterns, paragraph: p,
                                                                    context: &context) {
                        claims.append(statement)
                    } else {
                        claims.append(Claim(actor: quote.speaker, cue: quote.cue, kind: .quote, span: quote.span))
                    }
                    continue
                }
                guard isBody else { continue }
                if let statement = statement(in: range, patterns: patterns, paragraph: p, context: &context) {
                    claims.append(statement)
                    continue
                }
                while n < sortedNumbers.count && sortedNumbers[n].span.start < sentence.start { n += 1 }
                var k = n
                var salient = false
                while k < sortedNumbers.count && sortedNumbers[k].span.start < sentence.end {
                    if isSalient(sortedNumbers[k], scalars: scalars) { salient = true; break }
                    k += 1
                }
                if salient {
                    claims.append(Claim(actor: sentenceActor(tokens, range, index: index), cue: nil, kind: .figure,
                                        span: sentence))
                }
            }
        }
        return claims
    }

    /// Reported speech in the sentence: the first speech verb whose subject is a known entity.
    func statement(in range: Range<Int>, patterns: AttributionPatterns, paragraph p: Int,
                   context: inout DiscourseContext) -> Claim? {
        let tokens = patterns.tokens
        for k in range where patterns.isSpeechVerb(k) {
            let verb = tokens[k]
            if k + 1 < range.upperBound, Self.namingVerbs.contains(verb.text), tokens[k + 1].hasUppercase
                || (tokens[k + 1].text == "the" && k + 2 < range.upperBound && tokens[k + 2].hasUppercase) {
                continue // "a group called the Tide Club" names, it does not speak
            }
            if k > range.lowerBound, tokens[k - 1].kind == .word, Self.passiveAuxiliaries.contains(tokens[k - 1].text) {
                continue // "was told", "been reported": the subject is spoken to
            }
            let next = k + 1 < range.upperBound ? tokens[k + 1].text : ""
            if Self.verbsNeedingThat.contains(verb.text), next != "that", next != ":", next != "," {
                continue // "maintained a lead", "continues unchecked", "called an ambulance", "reported to him"
            }
            var cue = patterns.subject(beforeVerb: k, lowerBound: range.lowerBound)
            if cue == nil, SpeechVerbs.isParticiple(verb.text) {
                cue = patterns.sentenceSubject(from: range.lowerBound, before: k, cueSpan: verb.span)
            }
            guard let found = cue else { continue }
            // The speaker: an entity, or the phrase of a source the text never names ("a police spokesman").
            let actor: String
            if let entity = context.resolve(found, paragraph: p) {
                actor = context.index.entities[entity].id
            } else if case .phrase(let phrase) = found.subject {
                actor = context.article.text.slice(phrase)
            } else {
                continue
            }
            var start = k + 1
            if start < range.upperBound, tokens[start].text == "that" || tokens[start].isPunctuation(",")
                || tokens[start].isPunctuation(":") { start += 1 }
            var end = range.upperBound
            while end > start, tokens[end - 1].kind == .punctuation, tokens[end - 1].text != ")" { end -= 1 }
            guard start < end else { continue }
            return Claim(actor: actor, cue: patterns.text(verb.span, in: context.article),
                         kind: .statement, span: Span(tokens[start].span.start, tokens[end - 1].span.end))
        }
        return nil
    }

    /// Whether some word of the span may be a speech verb: every run of word scalars is looked up
    /// (a word token of `ParagraphTokenizer` equal to a verb form is such a run), and a run with a
    /// non-ASCII scalar counts as a maybe.
    static func mayHoldSpeechVerb(_ scalars: ArticleScalars, _ span: Span) -> Bool {
        let end = min(span.end, scalars.count)
        var i = max(0, span.start)
        while i < end {
            guard ParagraphTokenizer.isWordScalar(scalars[i]) else { i += 1; continue }
            var j = i + 1
            while j < end, ParagraphTokenizer.isWordScalar(scalars[j]) { j += 1 }
            if SpeechVerbs.containsWord(scalars, i, j) != false { return true }
            i = j
        }
        return false
    }

    /// Verbs that report speech only with a clause after them ("maintained that …"); otherwise they
    /// mostly mean something else ("maintained a lead", "called an ambulance", "reported to him").
    static let verbsNeedingThat: WordSet = {
        var forms: Set<String> = []
        for base in ["maintain", "continue", "report", "call", "thank", "welcome", "wonder", "answer", "dismiss",
                     "reject", "indicate", "reveal", "estimate", "praise", "promise", "hail", "repeat", "post", "mention",
                     "demand", "question", "counter", "object"] {
            forms.formUnion(SpeechVerbs.inflections(of: base))
        }
        return WordSet(forms.union(["speak", "speaks", "spoke", "spoken", "speaking", "reported"]).sorted())
    }()

    static let namingVerbs: WordSet = ["called", "call", "calls", "dubbed", "named", "termed", "labelled", "labeled"]
    static let passiveAuxiliaries: WordSet = ["was", "were", "been", "being", "is", "are", "be", "am"]

    /// A count, percentage, amount or quantity worth stating; years written as plain counts are not.
    func isSalient(_ number: NumberMention, scalars: ArticleScalars) -> Bool {
        switch number.kind {
        case .percent, .money, .quantity: return true
        case .count, .decimal, .range:
            // A digit inside a name ("RAV4", "ID.3") is not a figure.
        if number.span.start > 0, ParagraphTokenizer.isLetter(scalars[number.span.start - 1]) { return false }
        if number.span.end < scalars.count, ParagraphTokenizer.isLetter(scalars[number.span.end]) { return false }
        guard let value = number.value, let amount = Double(value.filter { $0 != "," }) else { return number.kind == .range }
            if number.kind == .count, number.span.length == 4, amount >= 1900, amount <= 2100 { return false }
            return amount >= 2
        default:
            return false
        }
    }

    /// The entity the sentence opens with, when it is one that acts (a person, organisation or country).
    func sentenceActor(_ tokens: [TextToken], _ range: Range<Int>, index: EntityMentionIndex) -> String? {
        var k = range.lowerBound
        if k < range.upperBound, tokens[k].text == "the" { k += 1 }
        guard k < range.upperBound, tokens[k].kind == .word else { return nil }
        guard let entity = index.speaker(in: tokens[k].span, allowing: [.person, .organization, .place]) else { return nil }
        return index.entities[entity].id
    }
}

extension AttributionPatterns {
    /// The words of a span as written.
    func text(_ span: Span, in article: StructuredArticle) -> String { article.text.slice(span) }
}
