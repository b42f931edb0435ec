import DossierCore
import Foundation
import Testing
@testable import DossierExport
@testable import DossierStore

/// Bookmarks (`B` in the reader) are exported in every format, with their passage and position.
@Suite struct BookmarkExportTests {
    @Test func everyFormatCarriesTheBookmarks() throws {
        let annotated = ExportCorpus.annotate("Harbour Talks\n\nThe harbour council voted on Tuesday.\n\nResidents of Elmsby Island welcomed it.\n",
                                           source: "talks.txt")
        let text = annotated.text
        let start = text.string.unicodeScalars.count - "Residents of Elmsby Island welcomed it.\n".unicodeScalars.count
        let anchor = TextAnchor(span: Span(start, start + 24), in: text)
        let export = ArticleExport(annotated: annotated,
                                   bookmarks: [Bookmark(id: 3, articleID: "a", anchor: anchor, created: Date(timeIntervalSince1970: 0))])
        #expect(export.bookmarks.count == 1 && !export.bookmarks[0].isOrphaned)

        let json = try #require(try ExportCorpus.parse(Exporter.render([export], as: .json)) as? [String: Any])
        let bookmarks = try #require(json["bookmarks"] as? [[String: Any]])
        #expect(bookmarks.first?["start"] as? Int == start)
        #expect(bookmarks.first?["exact"] as? String == anchor.exact)

        let web = Exporter.render([export], as: .webannotation)
        #expect(web.contains("\"bookmarking\""))
        #expect(web.contains("#bookmark-3"))

        let markdown = Exporter.render([export], as: .markdown)
        #expect(markdown.contains("Bookmarks"))
        #expect(markdown.contains("Residents of Elmsby Isla"))

        let html = Exporter.render([export], as: .html)
        #expect(html.contains("1 bookmark"))
        #expect(html.contains("<section class=\"bookmarks\">"))
    }
}
