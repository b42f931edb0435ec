/// Finds direct quotations (curly, straight, single, guillemets; nested; across paragraphs),
/// leaving out quoted titles and scare quotes.
///
/// Only the outermost quotation of a nest is reported: the words inside it are the speaker's.
/// Not speech: a quoted headline followed by "— Publisher"; a term being named ("so-called “X”");
/// a short quotation (a few words) inside a sentence with no speech verb (a scare quote); a
/// Title-Cased name or title inside a sentence ("the name “The Rosalindator”").
/// A quotation that goes on into the next paragraph is reported once per paragraph, the way
/// newspapers print it (no closing mark, and the next paragraph opens with a fresh mark).
public struct QuoteAnnotator: Sendable {
    /// At most this many words, inside a sentence with no speech verb: a scare quote, not speech.
    public var scareQuoteMaxWords = 4
    /// A quotation left open at the end of its paragraph needs at least this many words to count.
    public var unclosedMinWords = 4

    public init() {}

    public func annotate(_ article: StructuredArticle) -> [Quote] {
        annotate(article, keepingTokensUpTo: 0).quotes
    }

    /// The tokens of a paragraph whose quotation marks all turned out to be quotations: the very
    /// tokens speaker attribution would make for it, with each `.quote` token numbered as in the
    /// annotator's result.
    struct ParagraphTokens {
        var paragraph: Int
        var tokens: [TextToken]
        /// Where its candidates start among all candidates, how many it has, how many were kept,
        /// and the result's index of the first (set while the candidates are filtered).
        fileprivate var firstCandidate = 0, candidateCount = 0, keptCount = 0, firstQuote = 0
    }

    /// `annotate(_:)`, with the tokens it made of each paragraph whose candidates were all kept,
    /// up to `budget` tokens in all (so that a huge article's are not all held): the pipeline hands
    /// them to `DiscourseContext`, so those paragraphs are tokenised once, not twice.
    func annotate(_ article: StructuredArticle, keepingTokensUpTo budget: Int) -> (quotes: [Quote], tokens: [ParagraphTokens]) {
        var keptTokens: [ParagraphTokens] = []
        var keptTokenCount = 0
        let scalars = article.text.scalars
        let matcher = QuoteMarkMatcher()
        // The candidates and whether each is speech, side by side: the non-speech ones are then
        // dropped in place, so a line that is all quotations holds one buffer of them, not two.
        var candidates: [Quote] = []
        var candidateIsSpeech: [Bool] = []
        let paragraphs = article.paragraphs
        for (index, paragraph) in paragraphs.enumerated() {
            let span = paragraph.span
            let nextOpensWithQuote = index + 1 < paragraphs.count && opensWithQuote(scalars, paragraphs[index + 1].span)
            var found: [Quote] = []
            var coveredTo = span.start
            for pair in matcher.pairs(in: scalars, paragraph: span) where pair.open >= coveredTo {
                if let close = pair.close {
                    guard close > pair.open + 1 else { continue }
                    found.append(Quote(span: Span(pair.open, close + 1), content: Span(pair.open + 1, close)))
                    coveredTo = close + 1
                } else {
                    let end = trimmedEnd(scalars, span)
                    guard end > pair.open + 1 else { continue }
                    let content = Span(pair.open + 1, end)
                    guard nextOpensWithQuote || introducesSpeech(scalars, before: pair.open, paragraph: span),
                          wordCount(scalars, content) >= unclosedMinWords else { continue }
                    found.append(Quote(span: Span(pair.open, end), content: content))
                    coveredTo = end
                }
            }
            if found.isEmpty { continue }
            let tokens = ParagraphTokenizer.tokenize(scalars, span: span, quotes: found.map(\.span),
                                                     sentences: paragraph.sentences)
            // One pass for what each sentence holds, so many quotes in one sentence stay linear.
            var sentenceStart: [Int] = []
            var sentenceHasCue: [Bool] = []
            for (k, t) in tokens.enumerated() {
                if t.sentence == sentenceStart.count {
                    sentenceStart.append(k)
                    sentenceHasCue.append(false)
                }
                if t.kind == .word, SpeechVerbs.contains(t.text) || t.text == "according" { sentenceHasCue[t.sentence] = true }
            }
            var speech: [Bool] = Array(repeating: true, count: found.count)
            let patterns = AttributionPatterns(tokens: tokens)
            for k in tokens.indices where tokens[k].kind == .quote {
                let sentence = tokens[k].sentence
                // "directives from Ana Li to “show no mercy”": a sourced noun is a cue of its own.
                let hasCue = sentenceHasCue[sentence] || patterns.followsSourcedNoun(quote: k)
                speech[tokens[k].quote] = isSpeech(found[tokens[k].quote], tokenIndex: k, tokens: tokens, scalars: scalars,
                                                   sentenceStart: sentenceStart[sentence], hasCue: hasCue)
            }
            if keptTokenCount + tokens.count <= budget {
                keptTokens.append(ParagraphTokens(paragraph: index, tokens: tokens, firstCandidate: candidates.count,
                                                  candidateCount: found.count))
                keptTokenCount += tokens.count
            }
            candidates += found
            candidateIsSpeech += speech
        }
        // A short quotation repeated from one that is speech (a headline quoting the body) is speech too.
        var spoken: Set<String> = []
        for k in candidates.indices where candidateIsSpeech[k] {
            spoken.insert(normalisedContent(scalars, candidates[k].content))
        }
        var kept = 0
        var entry = 0   // the entry of `keptTokens` whose candidates k may be among
        for k in candidates.indices {
            let keep = candidateIsSpeech[k] || spoken.contains(normalisedContent(scalars, candidates[k].content))
            while entry < keptTokens.count, keptTokens[entry].firstCandidate + keptTokens[entry].candidateCount <= k {
                entry += 1
            }
            if entry < keptTokens.count, k >= keptTokens[entry].firstCandidate {
                if k == keptTokens[entry].firstCandidate { keptTokens[entry].firstQuote = kept }
                if keep { keptTokens[entry].keptCount += 1 }
            }
            guard keep else { continue }
            candidates[kept] = candidates[k]
            kept += 1
        }
        candidates.removeLast(candidates.count - kept)
        // A paragraph that lost a candidate has fewer quotation tokens than its tokens show: dropped.
        keptTokens.removeAll { $0.keptCount != $0.candidateCount }
        for e in keptTokens.indices where keptTokens[e].firstQuote > 0 {
            for t in keptTokens[e].tokens.indices where keptTokens[e].tokens[t].kind == .quote {
                keptTokens[e].tokens[t].quote += keptTokens[e].firstQuote
            }
        }
        return (candidates, keptTokens)
    }

    /// Words that give a name to what follows ("so-called", "dubbed").
    static let namingWords: WordSet = ["called", "dubbed", "named", "nicknamed", "termed", "titled", "entitled",
                                           "so-called", "labelled", "labeled", "branded"]

    /// Small words that stay lowercase in titles ("Lord of the Rings").
    static let titleFunctionWords: WordSet = ["of", "the", "and", "in", "on", "for", "a", "an", "to", "at", "by", "with", "or", "de", "la"]

    /// `hasCue`: the quote's sentence has a speech verb or "according to" outside quotations.
    func isSpeech(_ quote: Quote, tokenIndex k: Int, tokens: [TextToken], scalars: ArticleScalars,
                  sentenceStart start: Int, hasCue: Bool) -> Bool {
        let previous = k > start ? tokens[k - 1] : nil
        let sentenceInitial = previous == nil || (previous!.kind == .punctuation && (previous!.text == ":" || previous!.text == "\u{2014}"))
        // A headline in a list of sources: "Title" — Publisher, date.
        if k + 1 < tokens.count, tokens[k + 1].kind == .punctuation,
           ["\u{2014}", "\u{2013}", "-"].contains(tokens[k + 1].text), !hasCue {
            return false
        }
        let words = contentWords(scalars, quote.content)
        if words.isEmpty { return false }
        let short = words.count <= scareQuoteMaxWords
        // "what’s called “farmer's lung”": a name being given, not words being said.
        if short, let previous, previous.kind == .word, Self.namingWords.contains(previous.text) { return false }
        if sentenceInitial {
            // "“Humidifier lung” may result from …": a short term used as the sentence's subject.
            if short, k + 1 < tokens.count, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalised,
               !SpeechVerbs.contains(tokens[k + 1].text), !AttributionPatterns.pronouns.contains(tokens[k + 1].text),
               let last = quote.content.end > quote.content.start ? scalars[quote.content.end - 1] : nil,
               ParagraphTokenizer.isWordScalar(last) {
                return false
            }
            return true
        }
        if short && !hasCue { return false }
        // "marchers chanted, “Save Our Port,”": what a speech verb and a comma introduce is said,
        // however short or title-cased (a chant, a slogan), unless the verb names it ("called, …").
        if let previous, previous.isPunctuation(","), k - 2 >= start, tokens[k - 2].kind == .word,
           SpeechVerbs.contains(tokens[k - 2].text), !Self.namingWords.contains(tokens[k - 2].text) {
            return true
        }
        // A name or a title: "The Rosalindator", "Lord of the Rings".
        if words.count >= 2 && words.count <= 6 {
            let titleCased = words.allSatisfy { $0.capitalised || Self.titleFunctionWords.contains($0.lower) }
            if titleCased && words.first!.capitalised { return false }
        }
        return true
    }

    struct ContentWord { var lower: String; var capitalised: Bool }

    func contentWords(_ scalars: ArticleScalars, _ span: Span) -> [ContentWord] {
        var words: [ContentWord] = []
        var i = span.start
        while i < span.end && words.count <= 8 {
            if ParagraphTokenizer.isWordScalar(scalars[i]) {
                let j = ParagraphTokenizer.wordEnd(scalars, from: i, before: span.end)
                words.append(ContentWord(lower: ParagraphTokenizer.lowercased(scalars, Span(i, j)),
                                         capitalised: ParagraphTokenizer.isUppercase(scalars[i])))
                i = j
            } else {
                i += 1
            }
        }
        return words
    }

    func wordCount(_ scalars: ArticleScalars, _ span: Span) -> Int { contentWords(scalars, span).count }

    func normalisedContent(_ scalars: ArticleScalars, _ span: Span) -> String {
        guard span.length <= 200 else { return "" }
        return contentWords(scalars, span).map(\.lower).joined(separator: " ")
    }

    /// The paragraph opens (after spaces) with an opening quotation mark.
    func opensWithQuote(_ scalars: ArticleScalars, _ span: Span) -> Bool {
        var i = span.start
        while i < span.end, QuoteMarkMatcher.isSpace(scalars[i]) { i += 1 }
        guard i < span.end, QuoteMarkMatcher.isQuoteMark(scalars[i]),
              let (family, role) = QuoteMarkMatcher.classify(scalars, at: i, in: span) else { return false }
        return (family == .double || family == .angle) && (role == .open || role == .either)
    }

    /// An opening mark at the start of its paragraph or right after a colon or comma introduces speech.
    func introducesSpeech(_ scalars: ArticleScalars, before open: Int, paragraph: Span) -> Bool {
        var i = open - 1
        while i >= paragraph.start, QuoteMarkMatcher.isSpace(scalars[i]) { i -= 1 }
        return i < paragraph.start || scalars[i] == ":" || scalars[i] == ","
    }

    func trimmedEnd(_ scalars: ArticleScalars, _ span: Span) -> Int {
        var end = span.end
        while end > span.start, QuoteMarkMatcher.isSpace(scalars[end - 1]) { end -= 1 }
        return end
    }
}
