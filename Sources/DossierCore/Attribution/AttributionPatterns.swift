/// Who a speech verb's subject is, as the words say it.
enum SpeechSubject: Sendable, Equatable {
    /// A run of capitalised words ("General Martin Halvorsen", "The Harbour Times").
    case name(Span)
    /// he, she, it, they …, lowercased.
    case pronoun(String, Span)
    /// A source described, not named ("a police spokesman", "the letter"): the span of its words.
    case phrase(Span)
    /// A share of those polled ("Fifty-one percent", "44 percent of voters"): the poll speaks.
    case share(Span)
    /// A common noun phrase that cannot be a source ("this month"), or one too tangled to read.
    case unnamed
}

/// A speech cue (a verb, "according to", "quoting") and the subject it gives.
struct SpeechCue: Sendable, Equatable {
    var span: Span
    var subject: SpeechSubject
    /// Candidate name spans when an appositive makes the subject ambiguous ("A, b of C, said").
    var alternatives: [Span] = []
    /// The name run follows a preposition ("the envoy to Varland Ana Li"): only a person named
    /// after its first word is the subject, never the object of the preposition.
    var personAfterObject = false
}

/// The word-pattern rules of attribution over a paragraph's tokens: finding a cue and its subject
/// before a quotation, after it, or in a neighbouring sentence.
struct AttributionPatterns {
    let tokens: [TextToken]

    static let pronouns: WordSet = ["he", "she", "they", "it", "we", "i"]
    static let determiners: WordSet = ["the", "a", "an", "this", "that", "his", "her", "its", "their", "our",
                                           "my", "your", "these", "those", "no", "every", "each"]
    /// Words allowed between a subject and its verb ("Qadri also said", "has publicly lauded").
    static let auxiliaries: WordSet = ["has", "have", "had", "also", "is", "was", "were", "will", "would",
                                           "later", "then", "further", "previously", "again", "once", "did",
                                           "does", "do", "never", "not", "already", "still", "just",
                                           "could", "may", "might", "should", "can", "been", "be", "being"]
    /// A name right after one of these is an object, never a subject ("incidents in Russia and Iran, underscores").
    static let prepositions: WordSet = ["in", "of", "at", "from", "to", "with", "by", "for", "on", "into", "against",
                                            "between", "about", "over", "under", "near", "across", "toward", "towards",
                                            "beyond", "within", "throughout", "like", "than", "among", "behind", "after",
                                            "before", "during", "including", "via"]
    static let conjunctions: WordSet = ["and", "but", "or", "nor", "then", "who", "which", "that", "while", "as", "so"]
    /// Lowercase words that join the parts of a name ("Council of Europe", "Faisal bin Rashid").
    static let nameJoiners: WordSet = ["of", "de", "del", "della", "di", "da", "van", "von", "der", "den",
                                           "bin", "ibn", "al", "el", "la", "le", "du", "dos", "das", "and", "&", "for"]

    /// Speech verbs whose next name is the one spoken to: `"…," told Ana Li` does not occur.
    static let objectTakingVerbs: WordSet = ["told", "tells", "asked", "asks", "informed", "thanked", "urged", "warned",
                                                 "reminded", "called", "accused", "blamed", "praised", "hailed", "ordered", "begged"]

    /// Tokens in a name at most ("Assistant Secretary of State for South and Central Asian Affairs" is 11):
    /// keeps a page of capitals from costing more than a bounded look per verb.
    static let longestName = 16

    // These two run for every word of the sentences the claims and speakers read: the token's
    // fields are read in place, where a copy of it retained and released its text.
    func isNameWord(_ k: Int) -> Bool {
        tokens[k].kind == .word && tokens[k].hasUppercase
    }

    func isSpeechVerb(_ k: Int) -> Bool {
        guard tokens[k].kind == .word,
              !tokens[k].isCapitalised || k == 0 || tokens[k - 1].sentence != tokens[k].sentence else { return false }
        guard SpeechVerbs.contains(tokens[k].text) else { return false }
        // "the call", "a statement", "his remarks": a determiner makes it a noun.
        if k > 0, tokens[k - 1].kind == .word, Self.determiners.contains(tokens[k - 1].text) { return false }
        // "the ministry’s claim": after a possessive it is a noun too.
        if k > 0, tokens[k - 1].kind == .word, tokens[k - 1].text.hasSuffix("'s") { return false }
        return true
    }

    /// The run of name words ending at `end` (inclusive), joined by "of", "al" …; nil when `end` is no name word.
    func nameRun(endingAt end: Int, lowerBound: Int) -> Span? {
        guard end >= lowerBound, isNameWord(end) else { return nil }
        var start = end
        var k = end - 1
        while k >= lowerBound, end - k < Self.longestName {
            if isNameWord(k) { start = k; k -= 1; continue }
            // "Mr." / "Gen." inside a name: the full stop of an abbreviation.
            if tokens[k].isPunctuation("."), k > lowerBound, isNameWord(k - 1),
               ParagraphTokenizer.abbreviations.contains(tokens[k - 1].text) { k -= 1; continue }
            if tokens[k].kind == .word, Self.nameJoiners.contains(tokens[k].text), k > lowerBound, isNameWord(k - 1) {
                k -= 1; continue
            }
            break
        }
        return Span(tokens[start].span.start, tokens[end].span.end)
    }

    /// The run of name words starting at `start`; nil when `start` is no name word.
    func nameRun(startingAt start: Int, upperBound: Int) -> Span? {
        guard start < upperBound, isNameWord(start) else { return nil }
        var end = start
        var k = start + 1
        while k < upperBound, k - start < Self.longestName {
            if isNameWord(k) { end = k; k += 1; continue }
            if tokens[k].isPunctuation("."), ParagraphTokenizer.abbreviations.contains(tokens[k - 1].text),
               k + 1 < upperBound, isNameWord(k + 1) { k += 1; continue }
            if tokens[k].kind == .word, Self.nameJoiners.contains(tokens[k].text), k + 1 < upperBound, isNameWord(k + 1) {
                k += 1; continue
            }
            break
        }
        return Span(tokens[start].span.start, tokens[end].span.end)
    }

    /// Capitalised only because they open a sentence: "Another said", "Some argue".
    static let commonOpenings: WordSet = ["another", "one", "some", "many", "others", "both", "all", "each", "most",
                                              "several", "few", "this", "that", "these", "those", "there", "the", "a",
                                              "an", "critics", "officials", "experts", "residents", "police", "witnesses"]

    /// Index of the first token starting at or after `offset`.
    func firstToken(startingAt offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].span.start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// A one-word run that is a common word capitalised at the start of a sentence.
    func isCommonOpening(_ name: Span) -> Bool {
        let low = firstToken(startingAt: name.start)
        guard low < tokens.count, tokens[low].span == name else { return false }
        return Self.commonOpenings.contains(tokens[low].text)
    }

    /// A name run that a preposition governs: an object, so not the subject.
    func isGoverned(_ name: Span, lowerBound: Int) -> Bool {
        let low = firstToken(startingAt: name.start)
        // "In Washington, Smith said": a preposition capitalised at the start of the run governs it too.
        if low < tokens.count, tokens[low].span.start == name.start, tokens[low].isCapitalised,
           Self.prepositions.contains(tokens[low].text) { return true }
        var k = low - 1
        guard k >= lowerBound, tokens[k].kind == .word else { return false }
        // "asked about the Northgate Union, called …": a preposition governs across its article too.
        if k > lowerBound, ["the", "a", "an"].contains(tokens[k].text), tokens[k - 1].kind == .word { k -= 1 }
        return Self.prepositions.contains(tokens[k].text)
    }

    /// The subject written before the verb at `verb`: "X said", "X, a spokesman, said", "he has said".
    func subject(beforeVerb verb: Int, lowerBound: Int) -> SpeechCue? {
        let cueSpan = tokens[verb].span
        var k = verb - 1
        var skipped = 0
        while k >= lowerBound, skipped < 3, tokens[k].kind == .word,
              Self.auxiliaries.contains(tokens[k].text) || (tokens[k].text.hasSuffix("ly") && !tokens[k].hasUppercase) {
            k -= 1
            skipped += 1
        }
        guard k >= lowerBound else { return nil }
        let t = tokens[k]
        if let share = shareOfRespondents(endingAt: k, lowerBound: lowerBound) {
            return SpeechCue(span: cueSpan, subject: .share(share))
        }
        // "… and told the police": the subject is the earlier clause's, found elsewhere.
        if t.kind == .word && Self.conjunctions.contains(t.text) { return nil }
        if t.kind == .word && Self.pronouns.contains(t.text) { return SpeechCue(span: cueSpan, subject: .pronoun(t.text, t.span)) }
        if t.kind == .word && SpeechVerbs.speechNouns.contains(t.text) {
            // "Tessaro's statement added": the statement speaks for its author.
            if k > lowerBound, tokens[k - 1].kind == .word, tokens[k - 1].text.hasSuffix("'s"), isNameWord(k - 1),
               let name = nameRun(endingAt: k - 1, lowerBound: lowerBound) {
                return SpeechCue(span: cueSpan, subject: .name(Span(name.start, name.end - 2)))
            }
            // "the letter reads", "a statement from the club said": the document is the source.
            guard SourcePhrases.isSourceHead(t.text) else { return nil }
        }
        if let name = nameRun(endingAt: k, lowerBound: lowerBound) {
            if isGoverned(name, lowerBound: lowerBound) {
                // "the envoy to Varland Ana Li has said": the object of the title runs into the
                // speaker's name; only a person named after the run's first word may speak.
                guard name.start < tokens[k].span.start else { return nil }
                return SpeechCue(span: cueSpan, subject: .name(name), personAfterObject: true)
            }
            if isCommonOpening(name) {
                // "Another said": one more of the unnamed sources just quoted (see `SpeakerAttribution`).
                if t.text == "another" { return SpeechCue(span: cueSpan, subject: .pronoun("another", t.span)) }
                return SpeechCue(span: cueSpan, subject: .unnamed) // "Some argue"
            }
            return SpeechCue(span: cueSpan, subject: .name(name))
        }
        if t.isPunctuation(",") || t.isPunctuation(")") {
            // Appositives: "Ana Li, of the University of Eastmoor, said", "The head of CEI, Marco Castellano,
            // has called", "Cmdr. Dana Whitlock, a spokesperson for X, the operation in Y, told". Offer
            // the names before the last three commas, earliest first, then the sentence's opening name;
            // the caller prefers a person, then the first offered.
            var candidates: [Span] = []
            var c = k
            var commas = 0
            while c > lowerBound, commas < 3, k - c < 40 {
                if tokens[c].isPunctuation(",") || tokens[c].isPunctuation(")") {
                    commas += 1
                    if let name = nameRun(endingAt: c - 1, lowerBound: lowerBound), !isGoverned(name, lowerBound: lowerBound),
                       !isCommonOpening(name) {
                        candidates.append(name)
                    }
                }
                c -= 1
            }
            candidates.sort()
            // The opening name counts only when it is the whole subject: "Smith, 54, said", not
            // "A VOA reporter's source, a refugee, said".
            if let opening = nameRun(startingAt: lowerBound, upperBound: k), !isCommonOpening(opening),
               !isGoverned(opening, lowerBound: lowerBound),
               let after = tokens[lowerBound..<k].firstIndex(where: { $0.span.start >= opening.end }),
               tokens[after].isPunctuation(",") || tokens[after].isPunctuation("("),
               !candidates.contains(where: { $0.overlaps(opening) }) {
                candidates.append(opening)
            }
            guard let first = candidates.first else {
                // "One commenter on the forum, who gave no name, posted: …": a source phrase opens the sentence.
                return openingSourcePhrase(from: lowerBound, before: k).map { SpeechCue(span: cueSpan, subject: .phrase($0)) }
            }
            return SpeechCue(span: cueSpan, subject: .name(first), alternatives: Array(candidates.dropFirst()))
        }
        if t.kind == .word && !t.hasUppercase {
            // "the spokesman said", "researchers say": a speaker, but not a named one.
            // "the U.S. attorney's office said": names inside the phrase do not make it a named speaker.
            // "… a letter this month stating": a participle leans on the sentence's subject instead.
            if SpeechVerbs.isParticiple(tokens[verb].text) { return nil }
            // "Ana Li and her team wrote": the named lead speaks for the team.
            if k - 3 >= lowerBound, ["his", "her", "their"].contains(tokens[k - 1].text), tokens[k - 2].text == "and",
               let name = nameRun(endingAt: k - 3, lowerBound: lowerBound), !isGoverned(name, lowerBound: lowerBound) {
                return SpeechCue(span: cueSpan, subject: .name(name))
            }
            var d = k - 1
            var steps = 0
            // A conjunction or relative pronoun ends the phrase ("billboards in which people say"),
            // but not "and" between names ("the Velmari and Ostran ministries").
            while d >= lowerBound, steps < 5, tokens[d].kind == .word, !SpeechVerbs.contains(tokens[d].text),
                  !Self.conjunctions.contains(tokens[d].text) || tokens[d].hasUppercase
                    || (["and", "or"].contains(tokens[d].text) && d > lowerBound && tokens[d - 1].hasUppercase),
                  !Self.prepositions.contains(tokens[d].text) || tokens[d].hasUppercase {
                if Self.determiners.contains(tokens[d].text) || SourcePhrases.openers.contains(tokens[d].text) {
                    return SpeechCue(span: cueSpan, subject: sourcePhrase(from: d, head: k).map { .phrase($0) } ?? .unnamed)
                }
                d -= 1
                steps += 1
            }
            if d < lowerBound || tokens[d].kind != .word || Self.conjunctions.contains(tokens[d].text) {
                return SpeechCue(span: cueSpan, subject: sourcePhrase(from: d + 1, head: k).map { .phrase($0) } ?? .unnamed)
            }
        }
        return nil
    }

    /// The subject written after an inverted verb or "according to": "said Marlowe", "said the spokesman".
    func subject(after start: Int, upperBound: Int, cueSpan: Span) -> SpeechCue? {
        guard start < upperBound else { return nil }
        let t = tokens[start]
        if t.kind == .word && Self.pronouns.contains(t.text) { return SpeechCue(span: cueSpan, subject: .pronoun(t.text, t.span)) }
        if t.kind == .word && Self.determiners.contains(t.text) {
            // "according to the report of the UN" / "said the spokesman": look for a name in the phrase.
            var k = start + 1
            while k < upperBound, k - start < 8, tokens[k].kind == .word {
                if let name = nameRun(startingAt: k, upperBound: upperBound) {
                    return SpeechCue(span: cueSpan, subject: .name(name))
                }
                k += 1
            }
            return SpeechCue(span: cueSpan, subject: sourcePhrase(startingAt: start, upperBound: upperBound).map { .phrase($0) } ?? .unnamed)
        }
        if let name = nameRun(startingAt: start, upperBound: upperBound) {
            // "quoting the country's main news agency NNA": the phrase up to the comma may name it better.
            var end = start
            while end + 1 < upperBound, end - start < 12, !tokens[end + 1].isPunctuation(","),
                  !tokens[end + 1].isPunctuation("."), tokens[end + 1].kind != .quote { end += 1 }
            // A possessive name is not the head: "the country's main news agency NNA" names the agency.
            let possessive = tokens[start..<upperBound].first { $0.span.end == name.end }?.text.hasSuffix("'s") ?? false
            guard possessive else { return SpeechCue(span: cueSpan, subject: .name(name)) }
            // "quoting Velmar's main news agency Ostra Press (OPA)": the name after the possessive
            // phrase is the head; the possessor ("Velmar") only says whose agency it is.
            var head = firstToken(startingAt: name.end)
            while head <= end, !isNameWord(head) { head += 1 }
            if head <= end, let owned = nameRun(startingAt: head, upperBound: end + 1) {
                return SpeechCue(span: cueSpan, subject: .name(Span(owned.start, tokens[end].span.end)))
            }
            return SpeechCue(span: cueSpan, subject: .name(Span(name.start, tokens[end].span.end)))
        }
        if t.kind == .word && !t.hasUppercase {
            // "says veteran industry analyst Ana Li": a title in lowercase before the name.
            var k = start + 1
            while k < upperBound, k - start < 6, tokens[k].kind == .word, !tokens[k].hasUppercase,
                  !SourcePhrases.phraseStops.contains(tokens[k].text) { k += 1 }
            if let name = nameRun(startingAt: k, upperBound: upperBound), k > start, tokens[k - 1].kind == .word {
                return SpeechCue(span: cueSpan, subject: .name(name))
            }
            // "according to police", "said one witness".
            return SpeechCue(span: cueSpan, subject: sourcePhrase(startingAt: start, upperBound: upperBound).map { .phrase($0) } ?? .unnamed)
        }
        return nil
    }

    /// A cue right after the quotation at `q`: `"…," X said`, `"…," said X`, `"…," according to X`.
    func cueAfter(quote q: Int) -> SpeechCue? {
        var j = q + 1
        let sentence = tokens[q].sentence
        if j < tokens.count, tokens[j].isPunctuation(",") || tokens[j].isPunctuation("\u{2014}") { j += 1 }
        return cue(startingAt: j, sentence: sentence)
    }

    /// A reporting clause that starts at token `j` ("X said", "said X", "according to X"), in `sentence`.
    func cue(startingAt j: Int, sentence: Int) -> SpeechCue? {
        guard j < tokens.count, tokens[j].kind == .word else { return nil }
        var upper = j
        while upper < tokens.count, upper - j < 40, tokens[upper].kind != .quote,
              tokens[upper].sentence == sentence || upper == j { upper += 1 }
        let first = tokens[j]
        if first.text == "according", j + 1 < upper, tokens[j + 1].text == "to" {
            return subject(after: j + 2, upperBound: upper, cueSpan: Span(first.span.start, tokens[j + 1].span.end))
        }
        if first.text == "per", j + 1 < upper { return subject(after: j + 1, upperBound: upper, cueSpan: first.span) }
        if SpeechVerbs.invertibleForms.contains(first.text) && !first.isCapitalised {
            return subject(after: j + 1, upperBound: upper, cueSpan: first.span)
        }
        // `"…," pleaded Ana Li`: any speech verb inverts before a name, but "told"/"asked" take an object.
        if SpeechVerbs.contains(first.text), !first.isCapitalised, !Self.objectTakingVerbs.contains(first.text),
           nameRun(startingAt: j + 1, upperBound: upper) != nil {
            return subject(after: j + 1, upperBound: upper, cueSpan: first.span)
        }
        // Subject first: a pronoun, a name (with an appositive) or "the spokesman", then the verb.
        var k = j
        if first.kind == .word && Self.pronouns.contains(first.text) {
            k = j + 1
        } else if let name = nameRun(startingAt: j, upperBound: upper) {
            while k < upper && tokens[k].span.end <= name.end { k += 1 }
            if k < upper, tokens[k].isPunctuation(",") {
                // An appositive: "Samir Al-Nahari, editor at large at the Gulf Ledger, said."
                var c = k + 1
                while c < upper, c - k < 20, !tokens[c].isPunctuation(",") { c += 1 }
                if c < upper { k = c + 1 }
            }
        } else if Self.determiners.contains(first.text) || SourcePhrases.openers.contains(first.text) {
            k = j + 1
            while k < upper, k - j < 5, tokens[k].kind == .word, !SpeechVerbs.contains(tokens[k].text) { k += 1 }
        } else {
            return titledSubjectAfter(from: j, upperBound: upper)
        }
        var skipped = 0
        while k < upper, skipped < 3, tokens[k].kind == .word,
              Self.auxiliaries.contains(tokens[k].text) || (tokens[k].text.hasSuffix("ly") && !tokens[k].hasUppercase) {
            k += 1
            skipped += 1
        }
        guard k < upper, tokens[k].kind == .word, SpeechVerbs.contains(tokens[k].text), !tokens[k].isCapitalised else {
            return titledSubjectAfter(from: j, upperBound: upper)
        }
        return subject(beforeVerb: k, lowerBound: j)
    }

    /// `"…" lead researcher and agency scientist Ana Li said`, `"…" Ana Li and her team wrote`:
    /// a longer subject, then the verb, within a few words after the quote.
    func titledSubjectAfter(from j: Int, upperBound upper: Int) -> SpeechCue? {
        var k = j
        while k < upper, k - j < 10, tokens[k].kind == .word, !SpeechVerbs.contains(tokens[k].text) || tokens[k].isCapitalised {
            k += 1
        }
        guard k < upper, k > j, tokens[k].kind == .word, SpeechVerbs.contains(tokens[k].text),
              let cue = subject(beforeVerb: k, lowerBound: j), cue.subject != .unnamed else { return nil }
        return cue
    }

    /// The nearest cue before position `end` (exclusive) and not before `lowerBound`:
    /// `X said: "…"`, `According to X, "…"`, `X told reporters that … "…"`.
    func cueBefore(_ end: Int, lowerBound: Int) -> SpeechCue? {
        var k = end - 1
        var unnamed: SpeechCue? = nil
        var series: SpeechCue? = nil
        while k >= lowerBound {
            let t = tokens[k]
            if t.kind == .word {
                if end < tokens.count, tokens[end].kind == .quote, let cue = sourcedNounCue(at: k, quote: end) {
                    return cue
                } else if t.text == "according", k + 1 < end, tokens[k + 1].text == "to" {
                    if let cue = subject(after: k + 2, upperBound: end, cueSpan: Span(t.span.start, tokens[k + 1].span.end)) {
                        return cue
                    }
                } else if t.text == "quoting" {
                    if let cue = subject(after: k + 1, upperBound: end, cueSpan: t.span) { return cue }
                } else if t.text == "words", k + 1 < end, tokens[k + 1].text == "of", k > lowerBound, tokens[k - 1].text == "the" {
                    // "in the words of the patient:"
                    if let cue = subject(after: k + 2, upperBound: end, cueSpan: Span(t.span.start, tokens[k + 1].span.end)) {
                        return cue
                    }
                } else if t.text == "saying", k >= lowerBound + 2, tokens[k - 1].text == "as", tokens[k - 2].text == "quoted" {
                    // "Ana Li was quoted as saying": the subject of "quoted".
                    if let cue = subject(beforeVerb: k - 2, lowerBound: lowerBound) {
                        return SpeechCue(span: Span(tokens[k - 2].span.start, t.span.end), subject: cue.subject,
                                         alternatives: cue.alternatives)
                    }
                } else if isSpeechVerb(k) {
                    if let cue = subject(beforeVerb: k, lowerBound: lowerBound) {
                        // "a conference call as “…”": a noun that looks like a verb names no one;
                        // an earlier verb in the sentence may still give the speaker.
                        guard cue.subject == .unnamed else { return cue }
                        if unnamed == nil { unnamed = cue }
                    }
                    if SpeechVerbs.isParticiple(t.text) || t.text == "written" || t.text == "spoken" {
                        // "…, adding that" / "…, stating": the sentence's subject speaks.
                        if let cue = sentenceSubject(from: lowerBound, before: k, cueSpan: t.span) { return cue }
                    } else if series == nil, case let opening = sentenceStart(of: k), sharesSubject(verb: k, lowerBound: opening) {
                        // "She toured the site and warned that …": a verb in a series has the subject
                        // of the sentence (read from its start, across a quotation inside it), unless an
                        // earlier cue in the sentence names the speaker.
                        series = sentenceSubject(from: opening, before: k, cueSpan: t.span)
                    }
                } else if SpeechVerbs.speechNouns.contains(t.text), k > lowerBound + 1,
                          tokens[k - 1].kind == .word, ["a", "an"].contains(tokens[k - 1].text),
                          tokens[k - 2].kind == .word, ["issued", "released", "made", "gave", "posted"].contains(tokens[k - 2].text) {
                    // "X issued a statement …"
                    if let cue = subject(beforeVerb: k - 2, lowerBound: lowerBound) {
                        return SpeechCue(span: Span(tokens[k - 2].span.start, t.span.end), subject: cue.subject,
                                         alternatives: cue.alternatives)
                    }
                }
            }
            k -= 1
        }
        return series ?? unnamed
    }

    /// A source phrase ("one user on the forum") that opens the sentence up to its first comma,
    /// after an opening adverbial ("According to the paper, …"); nil when the sentence opens otherwise.
    func openingSourcePhrase(from start: Int, before limit: Int) -> Span? {
        func comma(after k: Int) -> Int? {
            var c = k + 1
            while c < limit, c - k < 8, !tokens[c].isPunctuation(",") { c += 1 }
            return c < limit && tokens[c].isPunctuation(",") ? c : nil
        }
        var k = start
        if k < limit, opensAdverbial(k) {
            guard let c = comma(after: k) else { return nil }
            k = c + 1
        }
        guard k < limit, tokens[k].kind == .word, let end = comma(after: k) else { return nil }
        if SourcePhrases.openers.contains(tokens[k].text) { return sourcePhrase(startingAt: k, upperBound: end) }
        // "The reporter's source inside the camp, a refugee …, said": the possessed source noun.
        for p in k..<(end - 1) where tokens[p].kind == .word && tokens[p].text.hasSuffix("'s") {
            let head = p + 1
            guard tokens[head].kind == .word, !tokens[head].hasUppercase, SourcePhrases.isSourceHead(tokens[head].text) else { return nil }
            return tokens[head].span
        }
        return nil
    }

    /// The first token of the sentence of token `k` (at most `longestSentence` tokens back).
    func sentenceStart(of k: Int) -> Int {
        var start = k
        while start > 0, k - start < Self.longestSentence, tokens[start - 1].sentence == tokens[k].sentence { start -= 1 }
        return start
    }

    /// Tokens read back at most to a sentence's start: bounded work per verb.
    static let longestSentence = 80

    /// The cue's verb stands right before the quotation at `quote`, with at most a comma or colon between.
    func introducesDirectly(_ cue: SpeechCue, quote: Int) -> Bool {
        var k = quote - 1
        if k >= 0, tokens[k].isPunctuation(",") || tokens[k].isPunctuation(":") { k -= 1 }
        return k >= 0 && tokens[k].kind == .word && tokens[k].span.end == cue.span.end
    }

    /// The verb at `verb` follows "and"/"but" (after any adverbs and auxiliaries): it is the next verb
    /// of a series whose subject opens the sentence. A passive ("and was told to") has the listener
    /// as its subject, not the speaker.
    func sharesSubject(verb: Int, lowerBound: Int) -> Bool {
        var k = verb - 1
        while k >= lowerBound, tokens[k].kind == .word, !tokens[k].hasUppercase,
              Self.auxiliaries.contains(tokens[k].text) || tokens[k].text.hasSuffix("ly") {
            if Self.passiveAuxiliaries.contains(tokens[k].text) { return false }
            k -= 1
        }
        guard k > lowerBound, tokens[k].kind == .word, ["and", "but"].contains(tokens[k].text) else { return false }
        // "a refugee who feared reprisals and asked …": the series is a relative clause's, not the sentence's.
        return !tokens[lowerBound..<k].contains { $0.kind == .word && Self.relativePronouns.contains($0.text) }
    }

    static let relativePronouns: WordSet = ["who", "whom", "whose", "which", "that"]

    static let passiveAuxiliaries: WordSet = ["is", "was", "were", "been", "be", "being"]

    /// Capitalised words that open an adverbial phrase before the subject ("Earlier this year, …",
    /// "According to the paper, …", "During the hearing, …").
    func opensAdverbial(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .word, t.isCapitalised else { return false }
        return Self.prepositions.contains(t.text) || Self.sentenceAdverbs.contains(t.text) || t.text == "according"
            || (t.text.hasSuffix("ly") && t.text.count > 4)
    }

    static let sentenceAdverbs: WordSet = ["earlier", "later", "meanwhile", "however", "yesterday", "today", "now",
                                           "instead", "afterwards", "afterward", "then", "last", "next", "separately",
                                           "still", "also", "overall", "again", "once", "when", "while", "although",
                                           "though", "if", "because", "since", "as", "amid", "despite", "following"]

    /// The first name or pronoun of the sentence, before `limit`: the subject a participle leans on.
    /// An opening prepositional phrase ("During the hearing, she …") is passed over.
    func sentenceSubject(from start: Int, before limit: Int, cueSpan: Span) -> SpeechCue? {
        var k = start
        if k < limit, opensAdverbial(k) {
            var comma = k + 1
            while comma < limit, comma - k < 8, !tokens[comma].isPunctuation(",") { comma += 1 }
            guard comma < limit, tokens[comma].isPunctuation(",") else { return nil }
            k = comma + 1
        }
        let first = k
        while k < limit, k - first < 6 {
            let t = tokens[k]
            if t.kind == .quote { k += 1; continue }
            if t.kind == .word && Self.pronouns.contains(t.text) { return SpeechCue(span: cueSpan, subject: .pronoun(t.text, t.span)) }
            // "The group, Tide Workers, …": a capitalised article opens the sentence, it names nothing.
            if t.kind == .word, SourcePhrases.openers.contains(t.text) { k += 1; continue }
            if let name = nameRun(startingAt: k, upperBound: limit) {
                // "Velmar's envoy toured …": a possessive name is not the subject; the title it gives
                // is, a description of someone the article names (`PossessedTitles`).
                let last = firstToken(startingAt: name.end) - 1
                if last >= 0, tokens[last].text.hasSuffix("'s") {
                    return possessedTitle(after: last, before: limit).map {
                        SpeechCue(span: cueSpan, subject: .phrase(Span(name.start, tokens[$0].span.end)))
                    }
                }
                return SpeechCue(span: cueSpan, subject: .name(name))
            }
            k += 1
        }
        return nil
    }
}
