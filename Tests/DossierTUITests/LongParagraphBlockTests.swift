import DossierCore
import Testing
@testable import DossierTUI

/// Issue 13: the reader lays out a huge paragraph as blocks no longer than a preview's paragraph,
/// so a file that is one long line never has its whole text turned into glyphs at once.
@Suite struct LongParagraphBlockTests {
    @Test func aLongParagraphIsDrawnAsBoundedBlocksOfWholeWords() throws {
        let sentence = "The harbour board said the new berths would open next spring with 40 cranes. "
        let body = String(repeating: sentence, count: 400)
        let annotated = try AnnotationPipeline().annotate(bytes: Array(("Harbour berths\n\n" + body).utf8))
        let document = ArticleDocument(annotated)
        let longest = ArticlePreview.longestParagraph
        let bodyBlocks = document.blocks.filter { $0.kind == .body }
        #expect(annotated.text.count > 3 * longest)
        #expect(bodyBlocks.count >= 3)
        #expect(document.blocks.allSatisfy { $0.span.length <= longest })
        let scalars = annotated.text.scalars
        for block in bodyBlocks {
            #expect(block.span.start == 0 || scalars[block.span.start - 1] == " " || scalars[block.span.start - 1] == "\n")
            #expect(block.span.end == scalars.count || scalars[block.span.end] == " " || scalars[block.span.end] == "\n")
        }
        // Together the blocks hold every word of the paragraph.
        let words = bodyBlocks.flatMap { annotated.text.slice($0.span).split(separator: " ") }
        #expect(words == body.split(separator: " "))
        // Every block is drawn: its lines hold its text.
        for index in document.blocks.indices { #expect(!document.lines(index, width: 80).isEmpty) }
    }
}
