/// One mention with a line of context around it, split so a reader can highlight the name.
public struct ConcordanceLine: Sendable, Equatable {
    public var position: BriefingPosition
    /// Text before the mention, on one line, "…" when cut.
    public var before: String
    /// The mention as written.
    public var match: String
    public var after: String

    public init(position: BriefingPosition, before: String, match: String, after: String) {
        self.position = position
        self.before = before
        self.match = match
        self.after = after
    }

    public var line: String { before + match + after }
}

/// The concordance lines of one article.
public struct ConcordanceGroup: Sendable, Equatable {
    public var article: Int
    public var lines: [ConcordanceLine]

    public init(article: Int, lines: [ConcordanceLine]) {
        self.article = article
        self.lines = lines
    }
}

/// Builds keyword-in-context lines: every mention of an entity with up to `radius` characters of
/// context each side, never crossing a paragraph break, whitespace collapsed, cut at a word.
public struct Concordance: Sendable {
    public var radius: Int

    public init(radius: Int = 40) { self.radius = radius }

    public func groups(for entity: BriefingEntity, in index: BriefingIndex) -> [ConcordanceGroup] {
        entity.occurrences.map { occurrence in
            let text = index.articles[occurrence.article].text
            return ConcordanceGroup(article: occurrence.article, lines: occurrence.mentions.map {
                line(for: $0, in: text, article: occurrence.article)
            })
        }
    }

    public func line(for mention: Span, in text: ArticleText, article: Int) -> ConcordanceLine {
        let scalars = text.scalars
        let start = max(0, min(mention.start, scalars.count)), end = max(start, min(mention.end, scalars.count))
        var from = start
        while from > 0 && start - from < radius && !isParagraphBreak(scalars, at: from - 1) { from -= 1 }
        var to = end
        while to < scalars.count && to - end < radius && !isParagraphBreak(scalars, at: to) { to += 1 }
        // Cut at a word boundary unless the context reaches the paragraph's edge.
        let cutBefore = from > 0 && !isParagraphBreak(scalars, at: from - 1)
        if cutBefore { while from < start && !isSpace(scalars[from]) { from += 1 } }
        let cutAfter = to < scalars.count && !isParagraphBreak(scalars, at: to)
        if cutAfter { while to > end && !isSpace(scalars[to - 1]) { to -= 1 } }
        var before = oneLine(scalars[from..<start], trimLeading: true, trimTrailing: false)
        var after = oneLine(scalars[end..<to], trimLeading: false, trimTrailing: true)
        if cutBefore { before = "…" + before }
        if cutAfter { after += "…" }
        return ConcordanceLine(position: BriefingPosition(article: article, span: Span(start, end)), before: before,
                               match: oneLine(scalars[start..<end], trimLeading: false, trimTrailing: false), after: after)
    }

    private func isParagraphBreak(_ scalars: ArticleScalars, at index: Int) -> Bool {
        guard scalars[index] == "\n" else { return false }
        return (index + 1 < scalars.count && scalars[index + 1] == "\n") || (index > 0 && scalars[index - 1] == "\n")
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\u{A0}"
    }

    private func oneLine(_ slice: Slice<ArticleScalars>, trimLeading: Bool, trimTrailing: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in slice {
            if isSpace(scalar) { pendingSpace = true; continue }
            if pendingSpace && (!out.isEmpty || !trimLeading) { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        if pendingSpace && !trimTrailing { out.append(" ") }
        return String(out)
    }
}

extension BriefingIndex {
    /// Every mention of an entity with one line of context, grouped by article (the entity view's list).
    public func concordance(of entity: BriefingEntity, radius: Int = 40) -> [ConcordanceGroup] {
        Concordance(radius: radius).groups(for: entity, in: self)
    }
}
