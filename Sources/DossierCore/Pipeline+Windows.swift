/// Entity candidates of a huge article, window by window (issue 13, bounded cost on any input).
///
/// `EntityAnnotator` tokenises the whole article at once (56-byte `NameToken`s, one a word): for a
/// 50 MB text that alone was several hundred megabytes. An article longer than `entityWindow`
/// scalars is given to it as consecutive windows of whole paragraphs (a paragraph is at most
/// `StructureParser.longestParagraph` long), each a `StructuredArticle` over the same text with only
/// those paragraphs, so offsets need no shifting and each window's tokens are freed before the next.
/// Linking, speakers and claims still see every mention of the article.
///
/// The price, for such articles only: the evidence the annotator gathers across the article (a word
/// capitalised mid-sentence elsewhere, the document's mix of types) is gathered per window.
///
/// Where a 50 MB line's cost is now (Benchmarks/README.md, "A 50 MB line of news text"): its peak
/// (about 250 MB) is the scalars (two bytes each), these windows' scored mentions and the linker's
/// tables; its time is spread like a feed's, the entity candidates first (about 40 %).
extension AnnotationPipeline {
    func scoredMentions(_ article: StructuredArticle) -> ScoredMentions {
        let windows = Self.paragraphWindows(article.paragraphs, longest: entityWindow)
        guard windows.count > 1 else { return entityAnnotator.annotateScored(article) }
        var all = ScoredMentions(mentions: [], scores: [])
        for window in windows {
            var part = article
            part.paragraphs = Array(article.paragraphs[window])
            part.sections = [Section(heading: nil, headingSpan: nil, span: Self.span(of: part.paragraphs),
                                     paragraphIndices: 0..<part.paragraphs.count)]
            let found = entityAnnotator.annotateScored(part)
            all.mentions.append(contentsOf: found.mentions)
            all.scores.append(contentsOf: found.scores)
        }
        return all
    }

    /// Consecutive runs of paragraphs whose spans together are at most `longest` scalars (a longer
    /// paragraph is a run of its own); one run when the whole article fits.
    static func paragraphWindows(_ paragraphs: [Paragraph], longest: Int) -> [Range<Int>] {
        guard let first = paragraphs.first, let last = paragraphs.last,
              last.span.end - first.span.start > longest else { return [paragraphs.indices] }
        var windows: [Range<Int>] = []
        var start = 0
        for index in paragraphs.indices.dropFirst()
        where paragraphs[index].span.end - paragraphs[start].span.start > longest {
            windows.append(start..<index)
            start = index
        }
        windows.append(start..<paragraphs.count)
        return windows
    }

    static func span(of paragraphs: [Paragraph]) -> Span {
        guard let first = paragraphs.first, let last = paragraphs.last else { return Span(0, 0) }
        return Span(first.span.start, max(first.span.start, last.span.end))
    }
}
