/// Finds the title, standfirst, sections, paragraphs and sentences of clean text.
///
/// UNFINISHED (skeleton): paragraphs are blocks between blank lines, the first is the title,
/// each paragraph is one sentence, and there is a single section.
public struct StructureParser: Sendable {
    public init() {}

    public func parse(_ text: ArticleText, removed: [RemovedBlock] = [], titleHint: String? = nil,
                      headingHints: Set<String> = []) -> StructuredArticle {
        var paragraphs: [Paragraph] = []
        var start: Int? = nil
        var lastNonSpace = 0
        let scalars = text.scalars
        var i = 0
        func close(at end: Int) {
            if let s = start {
                paragraphs.append(Paragraph(span: Span(s, end), role: .body, sentences: [Span(s, end)]))
                start = nil
            }
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" {
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { close(at: lastNonSpace) }
            } else if c != " " && c != "\t" {
                if start == nil { start = i }
                lastNonSpace = i + 1
            }
            i += 1
        }
        close(at: lastNonSpace)
        var title: Span? = nil
        if !paragraphs.isEmpty {
            paragraphs[0].role = .title
            title = paragraphs[0].span
        }
        let sections = paragraphs.isEmpty ? [] : [Section(heading: nil, headingSpan: nil,
            span: Span(paragraphs[0].span.start, paragraphs[paragraphs.count - 1].span.end),
            paragraphIndices: 0..<paragraphs.count)]
        return StructuredArticle(text: text, title: title, standfirst: nil, paragraphs: paragraphs,
                                 sections: sections, removed: removed)
    }
}
