/// The sieves of speaker attribution (after Muzny et al. 2017): each looks at one kind of
/// evidence for who says a quotation and proposes a speaker, or nothing. Every sieve runs; the
/// learned ranker (`SpeakerRanker`) weighs their proposals, so the order in which they are
/// trusted comes from the gold data, not from this list.
enum Sieve: String, CaseIterable, Sendable {
    /// `X said: "…"` / `he said, "…"`: the verb right before the quotation, with only a comma or
    /// colon between. It outranks a cue after the quotation: in `he said, "…," the office said`
    /// the office reports what he said.
    case introduced
    /// `"…," X said` / `"…," said X` / `"…," according to X` right after the quotation.
    case after
    /// `X said: "…"` / `According to X, "…"` earlier in the quotation's sentence.
    case before
    /// `… is "growing fast" and touches every town, X said.` later in the sentence.
    case closing
    /// `X noted the findings. "…"`: a speech cue in the sentence before.
    case previousSentence
    /// The paragraph before ends `X stated:` or `X said,`.
    case introduction
    /// A colon with no speech verb introduces the quotation: `She put it plainly: "…"`; the
    /// sentence's subject speaks.
    case colon
    /// The speaker of the quotation before it in the same paragraph (a split quote).
    case sameParagraph
    /// A paragraph that opens with a quotation goes on with the last speaker.
    case previousParagraph
    /// A quotation alone in its paragraph, signed on the next line: `– Ana L.`.
    case signature
    /// The last speaker within a few paragraphs, whatever lies between.
    case recentSpeaker
    /// For a description no apposition resolves ("the agency said", "the 56-year-old said"): the
    /// organisation or person the nearby sentences are about.
    case description
}

/// One sieve's proposal for one quotation.
struct Finding: Sendable {
    var speaker: Int?
    var cue: Span?
    /// The name the cue points at when no entity is linked to it.
    var unlinkedName: Span?
    /// A source described, not named ("a police spokesman"): its words are the speaker's name.
    var phrase: Span?
    var sieve: Sieve = .after
    /// How the cue gives the speaker: "name", "pronoun", "phrase", "description" (resolved to an
    /// entity), "another" ("Another said"), "inherited" or "signature".
    var subject = "name"
    /// The cue's subject is "they" and names no entity: it may be the group just quoted by its phrase.
    var unresolvedThey = false

    var hasSpeaker: Bool { speaker != nil || unlinkedName != nil || phrase != nil }

    /// The same speaker for a quotation that has no cue of its own, from `sieve`.
    func inherited(by sieve: Sieve) -> Finding {
        Finding(speaker: speaker, cue: nil, unlinkedName: unlinkedName, phrase: phrase, sieve: sieve, subject: "inherited")
    }
}

extension SpeakerAttribution {
    func finding(_ cue: SpeechCue, sieve: Sieve, paragraph p: Int, context: inout DiscourseContext) -> Finding {
        var result = Finding(speaker: context.resolve(cue, paragraph: p), cue: cue.span, sieve: sieve)
        switch cue.subject {
        case .name(let span):
            if result.speaker == nil {
                // "the envoy to Britain Ana Li said": only the name after the object may speak.
                result.unlinkedName = cue.personAfterObject
                    ? TitleObjects.personAfterPlace(in: span, text: context.article.text) : span
            }
        case .pronoun(let word, _):
            result.subject = word == "another" ? "another" : "pronoun"
            result.unresolvedThey = word == "they" && result.speaker == nil
        case .phrase(let span):
            if result.speaker == nil, let later = context.laterTitleHolder(of: span, paragraph: p) {
                // "Velmar's ambassador … warned": the holder the article names later.
                result.speaker = later.entity
                result.unlinkedName = later.entity == nil ? later.name : nil
            }
            result.subject = result.hasSpeaker ? "description" : "phrase"
            if !result.hasSpeaker { result.phrase = span }
        case .share:
            result.subject = result.speaker == nil ? "unnamed" : "share"
        case .unnamed:
            result.subject = "unnamed"
        }
        return result
    }

    /// What the cue sieves find for the quotation at token `k` of paragraph `p`, in sieve order.
    /// A finding with a cue but no speaker ("this month stating") still tells the ranker that the
    /// quotation has a cue of its own.
    func cueFindings(quote k: Int, patterns: AttributionPatterns, paragraph p: Int,
                     context: inout DiscourseContext) -> [Finding] {
        let tokens = patterns.tokens
        var found: [Finding] = []
        if let cue = patterns.cueAfter(quote: k) {
            found.append(finding(cue, sieve: .after, paragraph: p, context: &context))
        }
        // The sentence before the quote, back to the previous quote.
        let sentence = tokens[k].sentence
        var lower = k
        while lower > 0, tokens[lower - 1].sentence == sentence, tokens[lower - 1].kind != .quote { lower -= 1 }
        if let cue = patterns.cueBefore(k, lowerBound: lower) {
            let sieve: Sieve = patterns.introducesDirectly(cue, quote: k) ? .introduced : .before
            found.append(finding(cue, sieve: sieve, paragraph: p, context: &context))
        } else if k > lower, tokens[k - 1].isPunctuation(":"),
                  let cue = patterns.sentenceSubject(from: lower, before: k - 1, cueSpan: tokens[k - 1].span) {
            // `She put it plainly: "…"`: a colon introduces the subject's words even with no speech verb,
            // when the subject is someone known ("Here are the highlights:" is not).
            let colon = finding(cue, sieve: .colon, paragraph: p, context: &context)
            if colon.speaker != nil { found.append(colon) }
        }
        if let cue = patterns.closingCue(afterQuote: k) {
            // `"…," one commenter said, per Ana Li`: "per"/"according to" after a speaker's own verb
            // names who relays the words, not who said them.
            let verb = tokens[patterns.firstToken(startingAt: cue.span.start)].text
            let relays = (verb == "per" || verb == "according") && found.contains { $0.sieve == .after && $0.hasSpeaker }
            if !relays { found.append(finding(cue, sieve: .closing, paragraph: p, context: &context)) }
        }
        let opensSentence = lower == k && (k == 0 || tokens[k - 1].sentence != sentence || tokens[k - 1].kind != .quote)
        guard opensSentence else { return found }
        if k > 0 {
            // A sentence that carries speech just before: `Penrose noted the findings … . "An air-quality …"`.
            var start = k - 1
            let previousSentence = tokens[k - 1].sentence
            while start > 0, tokens[start - 1].sentence == previousSentence { start -= 1 }
            if tokens[k - 1].sentence != sentence, !tokens[start..<k].contains(where: { $0.kind == .quote }),
               let cue = patterns.cueBefore(k, lowerBound: start) {
                found.append(finding(cue, sieve: .previousSentence, paragraph: p, context: &context))
            }
            return found
        }
        // The paragraph before ends "Ashdown stated," or "… using his account:".
        guard p > 0, let previous = context.closingIntroduction(beforeParagraph: p) else { return found }
        let previousPatterns = AttributionPatterns(tokens: previous.tokens)
        let last = previous.tokens.count - 1
        if let cue = previousPatterns.cueBefore(previous.tokens.count, lowerBound: previous.sentenceStart) {
            found.append(finding(cue, sieve: .introduction, paragraph: p - 1, context: &context))
        } else if previous.tokens[last].isPunctuation(":"),
                  let cue = previousPatterns.sentenceSubject(from: previous.sentenceStart, before: last,
                                                             cueSpan: previous.tokens[last].span) {
            let colon = finding(cue, sieve: .colon, paragraph: p - 1, context: &context)
            if colon.speaker != nil { found.append(colon) }
        }
        return found
    }

    /// A guess for each definite description left as a phrase: the nearby entity of its kind.
    func descriptionFindings(_ findings: [Finding], paragraph p: Int, context: inout DiscourseContext) -> [Finding] {
        var guesses: [Finding] = []
        for finding in findings where finding.subject == "phrase" {
            guard let phrase = finding.phrase, let head = context.definiteHead(of: phrase, paragraph: p) else { continue }
            let plural = head.hasSuffix("s") && !head.hasSuffix("ss")
            let kinds: Set<EntityKind> = SourcePhrases.isPersonHead(head) && !plural ? [.person] : [.organization]
            guard let entity = context.nearbyEntity(kinds, at: phrase.start, paragraph: p) else { continue }
            guesses.append(Finding(speaker: entity, cue: finding.cue, sieve: .description,
                                   subject: kinds == [.person] ? "person" : "organization"))
        }
        return guesses
    }

    /// A paragraph that is one quotation, signed on the next line: `– Ana L.`.
    func signature(afterParagraph p: Int, context: inout DiscourseContext) -> Finding? {
        guard p + 1 < context.article.paragraphs.count else { return nil }
        let next = context.tokens(ofParagraph: p + 1)
        guard let name = AttributionPatterns.signature(next) else { return nil }
        var found = Finding(speaker: context.index.speaker(in: name, allowing: [.person, .organization]), cue: next[0].span,
                            sieve: .signature, subject: "signature")
        if found.speaker == nil { found.unlinkedName = name }
        return found
    }
}
