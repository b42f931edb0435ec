import DossierCore

/// An article shown before the pipeline has run: its decoded text split into paragraphs at blank
/// lines, with no annotations, so the reader can draw the first screen of a 10 MB file at once.
/// One scan over the scalars; no boilerplate removal, no sentences.
enum ArticlePreview {
    /// A paragraph longer than this is cut at a space: the reader lays out whole paragraphs, and a
    /// file that is one 10 MB line would otherwise be laid out at once.
    static let longestParagraph = 8_192

    static func article(text: String, source: String?) -> AnnotatedArticle {
        let articleText = ArticleText(text)
        let scalars = articleText.scalars
        var paragraphs: [Paragraph] = []
        var index = 0
        let count = scalars.count
        while index < count {
            // Skip blank space between paragraphs.
            while index < count, scalars[index].properties.isWhitespace { index += 1 }
            guard index < count else { break }
            let start = index
            var end = index
            var newlines = 0
            var lastBreak = start
            while index < count {
                let scalar = scalars[index]
                if scalar == "\n" {
                    newlines += 1
                    if newlines >= 2 { break }
                    lastBreak = index
                } else if scalar == " " || scalar == "\t" || scalar == "\r" {
                    lastBreak = index
                } else {
                    newlines = 0
                    end = index + 1
                    if end - start > longestParagraph, lastBreak > start {
                        end = lastBreak
                        index = lastBreak
                        break
                    }
                    // No space at all (a base64 blob): cut anyway.
                    if end - start >= longestParagraph * 4 { index += 1; break }
                }
                index += 1
            }
            let span = Span(start, end)
            paragraphs.append(Paragraph(span: span, role: paragraphs.isEmpty ? .title : .body, sentences: [span]))
        }
        let whole = Span(0, count)
        let sections = [Section(heading: nil, headingSpan: nil, span: whole, paragraphIndices: 0..<paragraphs.count)]
        let article = StructuredArticle(text: articleText, title: paragraphs.first?.span, standfirst: nil,
                                        paragraphs: paragraphs, sections: sections, removed: [])
        return AnnotatedArticle(article: article, entities: [], quotes: [], numbers: [], actors: [], claims: [], source: source)
    }

    /// The stand-in for an article not read yet: one line that says so.
    static func placeholder(source: String, line: String) -> AnnotatedArticle {
        article(text: line, source: source)
    }
}
