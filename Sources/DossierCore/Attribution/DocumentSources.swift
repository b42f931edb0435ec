/// Studies and reports as sources: "the report's authors say", "the study concluded", "They call
/// for …" after "The authors say …". News quotes a published study through its authors, and the
/// source is the study as the article names it ("the Harbour Air Quality Survey").
///
/// A description of that kind resolves to the entity whose name ends in a study word, named
/// within a few paragraphs either side (an article often quotes the findings before it names
/// the study); the nearest before it, else the first after. With none, it stays its own phrase.
enum DocumentSources {
    /// Words that end the name of a published piece of research and that head its description.
    static let studyWords: WordSet = ["study", "report", "survey", "review", "inquiry", "audit", "census",
                                      "assessment", "analysis", "poll", "paper"]

    /// Who speaks for a study: its authors (in the plural: "the author" is a person, of a book as often).
    static let authorWords: WordSet = ["authors", "co-authors", "coauthors"]

    /// Paragraphs searched each way for the study's name: bounded work per description.
    static let reach = 3

    /// The description's head speaks for a study: "the survey", "the report's authors", "the authors".
    static func speaksForStudy(head: String) -> Bool {
        studyWords.contains(head) || authorWords.contains(head)
    }

    /// A name of two words or more whose last word is a study word ("… Nutrition Survey").
    static func isStudyName(_ name: String) -> Bool {
        guard let last = name.split(separator: " ").last, name.split(separator: " ").count >= 2 else { return false }
        return studyWords.contains(last.lowercased())
    }
}

extension DiscourseContext {
    /// The study named nearest before `offset` within `DocumentSources.reach` paragraphs of
    /// paragraph `p`, else the first named after it there; nil when none.
    mutating func studyEntity(near offset: Int, paragraph p: Int) -> Int? {
        let paragraphs = article.paragraphs
        guard p < paragraphs.count else { return nil }
        let low = paragraphs[max(0, p - DocumentSources.reach)].span.start
        let high = paragraphs[min(paragraphs.count - 1, p + DocumentSources.reach)].span.end
        let window = index.overlapping(Span(low, high)).indices
        // Only the studies' mentions in that window, in order: the window of a huge text holds
        // thousands of mentions, and testing each name was a third of such a text's time.
        let studies = studyMentions()
        var k = 0, upper = studies.count
        while k < upper {
            let mid = (k + upper) / 2
            if studies[mid] < window.lowerBound { k = mid + 1 } else { upper = mid }
        }
        var before: Int? = nil
        while k < studies.count, studies[k] < window.upperBound {
            let entry = index.entries[studies[k]]
            if entry.span.start < offset { before = entry.entity } else { return before ?? entry.entity }
            k += 1
        }
        return before
    }

    /// Indices into `index.entries` of the mentions whose entity is a study (`isStudyName`), in order.
    mutating func studyMentions() -> [Int] {
        if let known = studyMentionIndices { return known }
        let isStudy = index.entities.map { DocumentSources.isStudyName($0.name) }
        let found = index.entries.indices.filter { isStudy[index.entries[$0].entity] }
        studyMentionIndices = found
        return found
    }

    /// "They call for …" right after "The authors say …": the pronoun goes on with the study the
    /// sentence before spoke for, when that sentence opens with such a description.
    mutating func studyOpeningPreviousSentence(before offset: Int, paragraph p: Int) -> Int? {
        let tokens = tokens(ofParagraph: p)
        let patterns = AttributionPatterns(tokens: tokens)
        let here = patterns.firstToken(startingAt: offset)
        guard here < tokens.count else { return nil }
        let current = patterns.sentenceStart(of: here)
        guard current > 0 else { return nil }
        let previous = patterns.sentenceStart(of: current - 1)
        guard previous + 1 < current, tokens[previous].kind == .word, tokens[previous].text == "the" else { return nil }
        // "The authors", "The study", "The report's authors".
        var head = previous + 1
        if tokens[head].text.hasSuffix("'s"), head + 1 < current,
           DocumentSources.studyWords.contains(String(tokens[head].text.dropLast(2))) { head += 1 }
        guard tokens[head].kind == .word, DocumentSources.speaksForStudy(head: tokens[head].text) else { return nil }
        return studyEntity(near: offset, paragraph: p)
    }
}

/// Polls as sources: "A new Harbor Times poll shows … Sixty percent say that “…”". A share of
/// those polled speaks for the poll, and news names the poll by who ran it, so the source is the
/// organisation (or person) named right before the nearest poll word.
extension AttributionPatterns {
    /// Words that say what share of those polled answered so.
    static let shareWords: WordSet = ["percent", "%", "majority", "minority", "third", "thirds", "half", "quarter"]

    /// "Fifty-one percent", "44 percent of voters", "a majority of respondents" ending at token `k`
    /// (the word before the verb): the span of the share, or nil.
    func shareOfRespondents(endingAt k: Int, lowerBound: Int) -> Span? {
        guard k >= lowerBound, tokens[k].kind == .word || tokens[k].isPunctuation("%") else { return nil }
        var share = k
        if !Self.shareWords.contains(tokens[k].text) {
            // "… percent of voters", "… percent of those polled": back over the group to "of".
            var of = k - 1
            while of >= lowerBound, k - of <= 4, tokens[of].kind == .word, tokens[of].text != "of" { of -= 1 }
            guard of > lowerBound, tokens[of].text == "of", Self.shareWords.contains(tokens[of - 1].text) else { return nil }
            share = of - 1
        }
        // The share is counted: a number ("51", "Fifty-one") or an article ("a majority") before it.
        let count = share - 1
        guard count >= lowerBound, tokens[count].kind == .word, tokens[count].text.first?.isNumber == true
                || Self.numberWords.contains(tokens[count].text.split(separator: "-").last.map(String.init) ?? "")
                || ["a", "the", "two", "one"].contains(tokens[count].text) else { return nil }
        return Span(tokens[count].span.start, tokens[k].span.end)
    }

    static let numberWords: WordSet = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                       "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// Words that name a poll.
    static let pollWords: WordSet = ["poll", "polls", "survey", "surveys", "polling"]

    /// The nearest poll word before token `end`, back to `lowerBound`, and the name right before it
    /// ("A new Harbor Times poll", "the Wexley survey"; nil for "a new poll"); nil when there is none.
    func nearestPoll(before end: Int, lowerBound: Int) -> (word: Int, name: Span?)? {
        var k = end - 1
        while k >= lowerBound {
            if tokens[k].kind == .word, !tokens[k].hasUppercase, Self.pollWords.contains(tokens[k].text) {
                return (k, k > lowerBound ? nameRun(endingAt: k - 1, lowerBound: lowerBound) : nil)
            }
            k -= 1
        }
        return nil
    }
}

extension DiscourseContext {
    /// The entity that ran the poll a share of respondents answers ("Sixty percent say"): the one
    /// named before the nearest poll word earlier in the paragraph or in the one before it; nil when
    /// that poll names no one who ran it (an older poll further back did not ask).
    mutating func pollSource(before offset: Int, paragraph p: Int) -> Int? {
        for paragraph in stride(from: p, through: max(0, p - 1), by: -1) {
            let tokens = tokens(ofParagraph: paragraph)
            let patterns = AttributionPatterns(tokens: tokens)
            let end = paragraph == p ? patterns.firstToken(startingAt: offset) : tokens.count
            guard let poll = patterns.nearestPoll(before: end, lowerBound: 0) else { continue }
            // The name before "poll" is who ran it, even when the typer left it untyped ("Reuters");
            // a place there says where the poll was taken ("a new Ohio poll").
            return poll.name.flatMap { index.speaker(in: $0, allowing: [.organization, .person, .other]) }
        }
        return nil
    }
}
