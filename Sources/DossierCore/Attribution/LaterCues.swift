/// Cues that stand apart from the quotation: a reporting clause closing its sentence after more
/// words (`… is “growing fast” and touches every town, Ana Li said.`), and a signature line after a
/// quoted review or letter (`“Great show.”` ⏎ `– Mar** T.`).
extension AttributionPatterns {
    /// Words at most between the verb of a closing reporting clause and the end of its sentence
    /// ("said in the campaign's public service announcement on Monday").
    static let closingClauseTail = 12

    /// A reporting clause after a comma later in the quote's sentence, which ends it.
    func closingCue(afterQuote q: Int) -> SpeechCue? {
        let sentence = tokens[q].sentence
        var c = q + 1
        while c < tokens.count, tokens[c].sentence == sentence, tokens[c].kind != .quote {
            if tokens[c].isPunctuation(","), let found = cue(startingAt: c + 1, sentence: sentence) {
                var end = c + 1
                while end < tokens.count, tokens[end].sentence == sentence { end += 1 }
                let verb = firstToken(startingAt: found.span.start)
                if end - verb <= Self.closingClauseTail, !tokens[verb..<end].contains(where: { $0.kind == .quote }) { return found }
            }
            c += 1
        }
        return nil
    }

    /// The signature of a paragraph that is one quotation: a short line opening with a dash.
    /// Returns the name's span (up to a comma or bracket), or nil.
    static func signature(_ tokens: [TextToken]) -> Span? {
        guard let first = tokens.first, first.kind == .punctuation,
              ["\u{2013}", "\u{2014}", "-", "\u{2015}"].contains(first.text), tokens.count >= 2, tokens.count <= 12 else { return nil }
        var end = 1
        while end < tokens.count, !tokens[end].isPunctuation(","), !tokens[end].isPunctuation("("),
              tokens[end].kind != .quote { end += 1 }
        guard end > 1, tokens[1].kind == .word, tokens[1].hasUppercase else { return nil }
        // "– Ana L." keeps its initial's full stop; a trailing mark of the line does not belong to the name.
        var last = end - 1
        while last > 1, tokens[last].kind == .punctuation, tokens[last].text != "*",
              !(tokens[last].text == "." && tokens[last - 1].isCapitalised && tokens[last - 1].span.length == 1) { last -= 1 }
        return Span(tokens[1].span.start, tokens[last].span.end)
    }
}
