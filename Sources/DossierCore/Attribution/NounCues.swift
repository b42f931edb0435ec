/// `directives from Ana Li to “…”`, `a warning by Ana Li that “…”`, `remarks from Ana Li: “…”`: a
/// noun of speech or command whose source follows it with "from" or "by", right before the quotation.
/// The quotation gives the content of the noun, so the name after "from" is its speaker.
extension AttributionPatterns {
    /// Nouns that carry someone's words: the speech nouns and the nouns of asking and commanding.
    static let sourcedNouns: WordSet = [
        "call", "calls", "order", "orders", "directive", "directives", "instruction", "instructions", "demand",
        "demands", "appeal", "appeals", "plea", "pleas", "pledge", "pledges", "promise", "promises", "vow",
        "vows", "warning", "warnings", "threat", "threats", "request", "requests", "words", "quote", "claim",
        "claims", "assurance", "assurances", "admission", "insistence", "reminder",
    ]

    /// Tokens at most between the source's name and the quotation ("to", "that", ":", ","): the
    /// quotation must be what the noun says, not a later clause.
    static let sourcedNounGap = 1

    /// The cue when the word at `k` is "from"/"by" after such a noun and a name follows it that runs
    /// to within `sourcedNounGap` tokens of the quotation at `quote`; nil otherwise.
    func sourcedNounCue(at k: Int, quote: Int) -> SpeechCue? {
        guard tokens[k].kind == .word, tokens[k].text == "from" || tokens[k].text == "by", k > 0,
              tokens[k - 1].kind == .word,
              Self.sourcedNouns.contains(tokens[k - 1].text) || SpeechVerbs.speechNouns.contains(tokens[k - 1].text),
              let name = nameRun(startingAt: k + 1, upperBound: quote) else { return nil }
        let after = firstToken(startingAt: name.end)
        guard quote - after <= Self.sourcedNounGap else { return nil }
        if after < quote, !(tokens[after].isPunctuation(":") || tokens[after].isPunctuation(",")
                             || (tokens[after].kind == .word && ["to", "that"].contains(tokens[after].text))) { return nil }
        return SpeechCue(span: Span(tokens[k - 1].span.start, tokens[k].span.end), subject: .name(name))
    }
}

extension AttributionPatterns {
    /// The quotation at `quote` is what a sourced noun right before it says ("directives from Ana Li
    /// to “show no mercy”"): speech however short (`QuoteAnnotator`). Looks back a name's length at most.
    func followsSourcedNoun(quote: Int) -> Bool {
        var k = quote - 1
        while k > 0, quote - k <= Self.longestName + Self.sourcedNounGap + 1 {
            if sourcedNounCue(at: k, quote: quote) != nil { return true }
            k -= 1
        }
        return false
    }
}
