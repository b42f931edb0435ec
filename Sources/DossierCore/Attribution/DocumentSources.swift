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
    func studyEntity(near offset: Int, paragraph p: Int) -> Int? {
        let paragraphs = article.paragraphs
        guard p < paragraphs.count else { return nil }
        let low = paragraphs[max(0, p - DocumentSources.reach)].span.start
        let high = paragraphs[min(paragraphs.count - 1, p + DocumentSources.reach)].span.end
        var before: Int? = nil
        for entry in index.overlapping(Span(low, high)) where DocumentSources.isStudyName(index.entities[entry.entity].name) {
            if entry.span.start < offset { before = entry.entity } else { return before ?? entry.entity }
        }
        return before
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
