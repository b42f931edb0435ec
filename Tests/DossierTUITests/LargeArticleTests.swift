import Testing
import DossierCore
@testable import DossierTUI

@Suite struct LargeArticleTests {
    /// About 6 MB: 20,000 paragraphs of a news-like sentence; the reader lays out only what it shows.
    static let huge: ArticleDocument = {
        let sentence = "General Ravelle emphasized that even with “limited intelligence” from the U.S., Portugal’s military is actively dismantling VRAK-K networks, impacting the group’s operations not only in Afghanistan but also in Russia and Iran. "
        let paragraph = String(repeating: sentence, count: 1)
        let parts: [ArticleFixture.Part] = [.title("A very long briefing")] + (0..<20_000).map { _ in .body(paragraph) }
        var text = ""
        var count = 0  // scalars so far, kept by hand: String.unicodeScalars.count is linear
        var paragraphs: [Paragraph] = []
        for (index, part) in parts.enumerated() {
            if !text.isEmpty { text += "\n\n"; count += 2 }
            let start = count
            switch part {
            case .title(let t), .body(let t), .heading(let t), .standfirst(let t):
                text += t
                count += t.unicodeScalars.count
            }
            let span = Span(start, count)
            paragraphs.append(Paragraph(span: span, role: index == 0 ? .title : .body, sentences: [span]))
        }
        let articleText = ArticleText(text)
        let article = StructuredArticle(text: articleText, title: paragraphs[0].span, standfirst: nil, paragraphs: paragraphs,
                                        sections: [Section(heading: nil, headingSpan: nil, span: articleText.fullSpan,
                                                           paragraphIndices: 0..<paragraphs.count)], removed: [])
        return ArticleDocument(AnnotatedArticle(article: article, entities: [], quotes: [], numbers: [], actors: [], claims: []))
    }()

    @Test func onlyVisibleParagraphsAreLaidOut() {
        let document = Self.huge
        let state = ReaderState(documents: [document], width: 80, height: 24, theme: BuiltinThemes.mono)
        let canvas = ReaderRenderer.render(state.pressing("jjjj "))
        #expect(canvas.lines[0].hasPrefix(" "))
        #expect(document.laidOutBlockCount < 40)
        let end = state.pressing("G")
        #expect(end.percent == 100)
        #expect(end.top.block > 19_990)
        #expect(document.laidOutBlockCount < 80)
        let lines = ReaderRenderer.render(end).lines
        #expect(lines[22].hasPrefix(" Afghanistan but also in Russia and Iran.") || lines[22].contains("Iran."))
    }
}
