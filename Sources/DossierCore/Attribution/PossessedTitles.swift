/// "Velmar's ambassador to Norland warned …": a title that a named possessor gives is a definite
/// description, as "the ambassador" is. News names its holder somewhere else in the article, before
/// ("Ana Li, Velmar's ambassador, arrived …") or, in a lead that keeps the name for later, after
/// ("Velmar's ambassador to Norland Ana Li has said …"). Only the same title of the same possessor
/// counts: "Norland's ambassador" is not the person called "Velmar's ambassador".
extension AttributionPatterns {
    /// Lowercase words read after a possessive to reach its title ("Velmar's new deputy envoy").
    static let possessedTitleReach = 3

    /// The index of the title a capitalised possessive at `possessive` gives ("Velmar's" →
    /// "ambassador"): a singular person noun within `possessedTitleReach` lowercase words, or nil.
    func possessedTitle(after possessive: Int, before limit: Int) -> Int? {
        guard tokens[possessive].kind == .word, tokens[possessive].hasUppercase, tokens[possessive].text.hasSuffix("'s")
        else { return nil }
        var k = possessive + 1
        while k < limit, k - possessive <= Self.possessedTitleReach, tokens[k].kind == .word, !tokens[k].hasUppercase {
            if PossessedTitles.isSingularPersonTitle(tokens[k].text) { return k }
            k += 1
        }
        return nil
    }
}

enum PossessedTitles {
    /// A person noun naming one person ("ambassador", not "officials").
    static func isSingularPersonTitle(_ word: String) -> Bool {
        SourcePhrases.isPersonHead(word) && !SpeakerAttribution.isPluralPhrase(word)
    }

    /// Paragraphs read ahead at most for a title's holder named later: bounded work per description.
    static let lookahead = 6

    /// Tokens read ahead at most, as `DiscourseContext.descriptionTokenBudget` backwards.
    static let tokenBudget = 2_000
}

extension DiscourseContext {
    /// The possessive opening a description ("velmar's" of "Velmar's ambassador"), when it is a name's.
    mutating func namedPossessor(of phrase: Span, paragraph p: Int) -> String? {
        let tokens = tokens(ofParagraph: p)
        let first = AttributionPatterns(tokens: tokens).firstToken(startingAt: phrase.start)
        guard first < tokens.count, tokens[first].kind == .word, tokens[first].hasUppercase,
              tokens[first].text.hasSuffix("'s") else { return nil }
        return tokens[first].text
    }

    /// The possessor's word stands within the few words before the title at `k` ("Velmar's
    /// deputy envoy"): the title is that possessor's.
    static func hasPossessor(_ possessor: String, beforeTitle k: Int, in tokens: [TextToken]) -> Bool {
        var c = k - 1
        while c >= 0, k - c <= AttributionPatterns.possessedTitleReach {
            if tokens[c].kind == .word, tokens[c].text == possessor { return true }
            guard tokens[c].kind == .word, !tokens[c].hasUppercase else { return false }
            c -= 1
        }
        return false
    }

    /// Who holds a possessed title ("Velmar's ambassador") that no earlier sentence names: the person
    /// a later sentence gives the same possessor's title, in apposition ("Velmar's ambassador, Ana Li,")
    /// or after the title's object ("Velmar's ambassador to Norland Ana Li"). The entity, or the
    /// name's words when the recogniser linked none.
    mutating func laterTitleHolder(of phrase: Span, paragraph p: Int) -> (entity: Int?, name: Span?)? {
        guard let possessor = namedPossessor(of: phrase, paragraph: p),
              let head = definiteHead(of: phrase, paragraph: p), PossessedTitles.isSingularPersonTitle(head) else { return nil }
        var tokensLeft = PossessedTitles.tokenBudget
        let last = min(article.paragraphs.count - 1, p + PossessedTitles.lookahead)
        guard p <= last else { return nil }
        for paragraph in p...last where tokensLeft > 0 {
            let tokens = self.tokens(ofParagraph: paragraph)
            let patterns = AttributionPatterns(tokens: tokens)
            let start = paragraph == p ? patterns.firstToken(startingAt: phrase.end) : 0
            let end = min(tokens.count, start + tokensLeft)
            tokensLeft -= end - start
            for k in start..<max(start, end) where tokens[k].kind == .word && tokens[k].text == head
                && Self.hasPossessor(possessor, beforeTitle: k, in: tokens) {
                if let entity = appositiveEntity(of: k, in: tokens, allowing: [.person]) { return (entity, nil) }
                // "… ambassador to Norland Ana Li": one preposition, then the object run into the name.
                guard k + 2 < tokens.count, tokens[k + 1].kind == .word,
                      AttributionPatterns.prepositions.contains(tokens[k + 1].text),
                      let run = patterns.nameRun(startingAt: k + 2, upperBound: tokens.count) else { continue }
                if let person = index.person(in: run, after: tokens[k + 2].span.start) { return (person, nil) }
                if let name = TitleObjects.personAfterPlace(in: run, text: article.text) {
                    return (index.speaker(in: name, allowing: [.person]), name)
                }
            }
        }
        return nil
    }
}
