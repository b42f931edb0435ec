/// Cuts a pasted text that holds several articles (a digest, a day's clippings) into its articles.
///
/// It runs after decoding and before boilerplate removal, so that each article is filtered,
/// structured and annotated alone. An article starts at a headline-like line that is
///   - right after a separator line (`---`, `* * *`, `====`), or
///   - the nearest such line above a byline ("By …"), a date line, or a paragraph that opens with
///     a wire dateline ("ROTTERDAM — …"), at most three lines up (a standfirst may sit between).
/// A pasted web page's title line ("Headline - Site") starts one too when its headline comes again
/// below it (the page's H1).
/// A headline followed by plain body text with neither sign is not a cut: a section heading looks
/// the same. Every article must hold a body (`minimumProseWords` in full sentences); a piece without one
/// (a site header, a teaser, a comment's signature) stays with its neighbour, so a single article, or a
/// single pasted web page with its chrome, stays one.
public enum PasteSplitter {
    public struct Part: Sendable, Equatable {
        public var text: String
        /// The 1-based line of the whole paste where this article starts.
        public var firstLine: Int
    }

    /// Words in sentences of eight words or more; a short news article has a few hundred.
    static let minimumProseWords = 60
    /// How far below a headline its byline or date may come (a kicker, a standfirst, a caption between).
    static let cueReach = 3
    static let maximumWordsBeforeCue = 45

    /// The articles of the text, in order; the whole text as one part when it holds one.
    public static func split(_ text: String) -> [Part] {
        let lines = PasteLines(text)
        let content = lines.indices.filter { lines[$0].kind != .blank }
        var afterRule: [Int] = []       // content positions of headlines under a rule
        var underCue: [Int] = []        // content positions of headlines over a byline, date or dateline
        var inComments = false
        let chrome = ChromeClassifier()
        // Where each headline-like line's letters occur, to find a page title's headline again in one look-up.
        var headlinePositions: [String: [Int]] = [:]
        for c in content.indices where lines[content[c]].isHeadlineLike {
            headlinePositions[PasteLine.letters(lines.text(content[c])), default: []].append(c)
        }
        for c in content.indices.dropFirst() {
            let line = lines[content[c]]
            // Below a page's comment thread ("34 responses to …", "Ada says:") names and dates are comments.
            if line.kind == .separator { inComments = false }
            if line.words <= 12, chrome.isCommentHeader(String(PasteLine.trimmed(lines.text(content[c])).lowercased())) {
                inComments = true
            }
            if !inComments, isPageTitle(at: c, content, lines, headlinePositions) {
                underCue.append(c)
                continue
            }
            guard let headline = headline(openedAt: c, content, lines) else { continue }
            if lines[content[c - 1]].kind == .separator { afterRule.append(headline) } else if !inComments { underCue.append(headline) }
        }
        var starts = Set(afterRule.map { content[$0] })
        starts.formUnion(withoutPageHeadlines(withoutLists(underCue).filter { !isUnderArticleHead($0, content, lines) }, content, lines).map { content[$0] })
        starts.remove(content.first ?? 0)
        guard !starts.isEmpty else { return [Part(text: text, firstLine: 1)] }
        var ranges = bodiesKept(ranges(from: starts.sorted(), lineCount: lines.count), lines)
        ranges = ranges.map { trimmed($0, lines) }.filter { !$0.isEmpty }
        guard ranges.count > 1 else { return [Part(text: text, firstLine: 1)] }
        return ranges.map { range in Part(text: String(lines.text(of: range)), firstLine: range.lowerBound + 1) }
    }

    /// The headline (a position in `content`) of the article that the content line at `c` shows to start:
    /// a rule above it, or a byline, date or dateline that sits at most `cueReach` lines below its headline.
    static func headline(openedAt c: Int, _ content: [Int], _ lines: PasteLines) -> Int? {
        let line = lines[content[c]]
        if lines[content[c - 1]].kind == .separator {
            // After a rule: a headline, or an article that opens with its byline or date. Running text
            // after a rule is the same article going on, and so is a Markdown section ("## …").
            guard line.markdownLevel < 2 else { return nil }
            return line.isHeadlineLike || line.kind == .byline || line.kind == .dateLine ? c : nil
        }
        guard line.kind == .byline || line.kind == .dateLine || line.opensWithDateline else { return nil }
        // The nearest headline above: a standfirst or a caption may sit between it and the cue.
        var h = c - 1
        while h >= 0 && h >= c - cueReach {
            let above = lines[content[h]]
            if above.isHeadlineLike {
                // The page title and the headline printed twice, one above the other: the article starts at the first.
                if h > 1, PasteLine.sameLetters(lines.text(content[h - 1]), lines.text(content[h])) { h -= 1 }
                return h > 0 ? h : nil
            }
            if above.kind != .text || above.words > maximumWordsBeforeCue { return nil }
            h -= 1
        }
        return nil
    }

    /// A pasted web page's first line: its title, "Headline - Site" or "Headline | Site", whose headline
    /// comes again on a line of its own further down (the page's H1 above the article).
    static func isPageTitle(at c: Int, _ content: [Int], _ lines: PasteLines, _ headlinePositions: [String: [Int]]) -> Bool {
        let line = lines[content[c]]
        guard line.isHeadlineLike, let headline = PasteLine.headlineBeforeSiteName(lines.text(content[c])) else { return false }
        let letters = PasteLine.letters(headline)
        guard letters.count >= 12 else { return false }
        return headlinePositions[letters]?.contains { $0 > c && $0 <= c + pageHeadReach } ?? false
    }

    /// How many lines of site chrome may come between a page's title and its headline.
    static let pageHeadReach = 250

    /// Without runs of three or more headlines a few lines apart: a list of teasers (headline, author, date,
    /// summary) or a comment thread (name, date, text) around a page's article, not articles of their own.
    static func withoutLists(_ headlines: [Int]) -> [Int] {
        var kept: [Int] = []
        var run: [Int] = []
        func close() {
            if run.count < 3 { kept += run }
            run = []
        }
        for h in headlines {
            if let last = run.last, h - last > listGap { close() }
            run.append(h)
        }
        close()
        return kept
    }

    /// A tag or caption line right under a byline or date belongs to that article's head ("Filed under: …").
    static func isUnderArticleHead(_ h: Int, _ content: [Int], _ lines: PasteLines) -> Bool {
        h > 0 && (lines[content[h - 1]].kind == .byline || lines[content[h - 1]].kind == .dateLine)
    }

    /// Without the headline of a pasted web page under its own page title ("Headline | Site" on the
    /// first line, the headline again above the article): that is the page's one article.
    static func withoutPageHeadlines(_ headlines: [Int], _ content: [Int], _ lines: PasteLines) -> [Int] {
        // Nothing to drop: the first line's letters are not read. On a text that is one huge line
        // (no headline anywhere) they were a quarter of its annotation time (a Character walk).
        guard !headlines.isEmpty else { return [] }
        var kept: [Int] = []
        var partTitle = content.first.map { PasteLine.letters(lines.text($0)) } ?? ""
        for h in headlines {
            let near = (max(0, h - cueReach)...h).map { PasteLine.letters(lines.text(content[$0])) }
            if near.contains(where: { $0.count >= 12 && partTitle.hasPrefix($0) }) { continue }
            kept.append(h)
            partTitle = PasteLine.letters(lines.text(content[h]))
        }
        return kept
    }

    /// Content lines between two items of a list: a headline, a byline, a date and a summary or two.
    static let listGap = 6

    /// The pieces between the starts; the first begins at the top of the paste.
    static func ranges(from starts: [Int], lineCount: Int) -> [Range<Int>] {
        let firsts = [0] + starts
        return firsts.indices.map { i in firsts[i]..<(i + 1 < firsts.count ? firsts[i + 1] : lineCount) }
    }

    /// Joins every piece with no body of its own to a neighbour: the first to the next one (a header
    /// above the first article), any other to the one before (a teaser or signature below an article).
    static func bodiesKept(_ ranges: [Range<Int>], _ lines: PasteLines) -> [Range<Int>] {
        var kept: [Range<Int>] = []
        var pendingStart: Int? = nil
        for range in ranges {
            let start = pendingStart ?? range.lowerBound
            if hasBody(range, lines) {
                kept.append(start..<range.upperBound)
                pendingStart = nil
            } else if let last = kept.last {
                kept[kept.count - 1] = last.lowerBound..<range.upperBound
            } else {
                pendingStart = start
            }
        }
        // A start is left pending only while nothing is kept: then no piece has a body, and the text is one.
        return kept.isEmpty ? [0..<lines.count] : kept
    }

    static func hasBody(_ range: Range<Int>, _ lines: PasteLines) -> Bool {
        var words = 0, paragraphs = 0
        for i in range where lines[i].isProse {
            words += lines[i].words
            paragraphs += 1
        }
        // One paragraph is an article when it is long (a brief); a short one is a teaser's summary.
        return words >= minimumProseWords && (paragraphs >= 2 || words >= 2 * minimumProseWords)
    }

    /// Without the blank lines and separator rules at either end.
    static func trimmed(_ range: Range<Int>, _ lines: PasteLines) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, lines[lower].kind == .blank || lines[lower].kind == .separator { lower += 1 }
        while upper > lower, lines[upper - 1].kind == .blank || lines[upper - 1].kind == .separator { upper -= 1 }
        return lower..<upper
    }
}
