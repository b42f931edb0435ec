/// Finds numbers, amounts, percentages, dates and quantities, each with a kind and a normalised value.
///
/// What counts follows news-annotation practice (cardinal numbers and date expressions): "one of the"
/// is a number, "no one" and "a serious one" are pronouns; "last week" and "the start of 2024" are dates,
/// a bare "Thursday" or "yesterday" is not; "first", "second" on their own are discourse words.
/// The text is tokenised and matched in bounded chunks, so memory stays flat on any input size.
public struct NumberAnnotator: Sendable {
    /// Chunks end at a line break once this many scalars are read (or at a sentence end, or anywhere
    /// at twice this): a number expression never spans a line break.
    static let chunkTarget = 16_384

    public init() {}

    public func annotate(_ article: StructuredArticle) -> [NumberMention] {
        annotate(article.text)
    }

    public func annotate(_ text: ArticleText) -> [NumberMention] {
        let scalars = text.scalars
        let lexicon = NumberLexicon.shared
        let tokenizer = NumberTokenizer(lexicon: lexicon)
        var found: [NumberMention] = []
        var tokens: [NumberToken] = []
        tokens.reserveCapacity(4096)
        var start = 0
        while start < scalars.count {
            let end = Self.chunkEnd(scalars, from: start)
            tokens.removeAll(keepingCapacity: true)
            tokenizer.tokenize(scalars, start..<end, into: &tokens)
            let matcher = NumberExpressionMatcher(scalars: scalars, tokens: tokens, lexicon: lexicon)
            var index = 0
            while index < tokens.count {
                // Most tokens cannot start an expression: words outside the lexicon, punctuation.
                let token = tokens[index]
                if token.kind == .word ? token.lexeme < 0 : token.kind == .symbol && token.key < 0x80 && token.key != 0x24
                    && token.key != 0x27 {
                    index += 1
                    continue
                }
                if let match = matcher.match(at: index), match.end > index {
                    let span = Span(tokens[match.first].start, tokens[match.end - 1].end)
                    found.append(NumberMention(span: span, kind: match.kind, value: match.value))
                    index = match.end
                } else {
                    index += 1
                }
            }
            start = end
        }
        return found
    }

    /// Where the chunk that starts at `start` ends: after a line break past the target size, else after
    /// a sentence end past it, else at a space past twice the target.
    static func chunkEnd(_ scalars: ArticleScalars, from start: Int) -> Int {
        let count = scalars.count
        guard count - start > chunkTarget else { return count }
        var index = start + chunkTarget
        let hardLimit = min(count, start + 2 * chunkTarget)
        var sentenceEnd: Int?
        var spaceEnd: Int?
        while index < hardLimit {
            let value = scalars[index].value
            if value == 0x0A { return index + 1 }
            if value == 0x20 {
                let previous = scalars[index - 1].value
                if sentenceEnd == nil, previous == 0x2E || previous == 0x21 || previous == 0x3F { sentenceEnd = index + 1 }
                if spaceEnd == nil { spaceEnd = index + 1 }
            }
            index += 1
        }
        return sentenceEnd ?? spaceEnd ?? hardLimit
    }
}
