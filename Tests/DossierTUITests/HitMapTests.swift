import Testing
import DossierCore
@testable import DossierTUI

/// The hit map a frame returns: what each cell shows, so a click needs no question to the view.
@Suite struct HitMapTests {
    @Test func laterRegionsLieOnTopAndNeighbouringCellsMerge() {
        var map = HitMap()
        map.add(row: 3, columns: 0..<40, .textLine(block: 2, line: 0))
        let mention = HitMap.Target.mention(entity: 1, span: Span(10, 14), block: 2)
        map.add(row: 3, columns: 5..<6, mention)
        map.add(row: 3, columns: 6..<9, mention)
        #expect(map.target(column: 4, row: 3) == .textLine(block: 2, line: 0))
        #expect(map.target(column: 5, row: 3) == mention)
        #expect(map.target(column: 8, row: 3) == mention)
        #expect(map.target(column: 9, row: 3) == .textLine(block: 2, line: 0))
        #expect(map.target(column: 40, row: 3) == nil)
        #expect(map.target(column: 4, row: 2) == nil)
        // One region per line plus one per mention, not one per cell.
        #expect(map.regions.count == 2)
    }

    @Test func everyTextRowNamesTheParagraphDrawnThere() {
        let state = ArticleFixture.state(width: 60, height: 12, sidePane: false)
        let frame = ReaderRenderer.frame(state)
        let visible = state.document.visibleLines(from: state.top, count: state.geometry.bodyHeight, width: state.geometry.textWidth)
        for (row, line) in visible.enumerated() {
            // Column 0 is the margin: never a mention, always the line.
            #expect(frame.hits.target(column: 0, row: row) == .textLine(block: line.block, line: line.line))
        }
        // The status line is not clickable.
        #expect(frame.hits.target(column: 0, row: state.height - 1) == nil)
    }

    @Test func mentionCellsNameTheEntityAndItsSpan() throws {
        let state = ArticleFixture.state(width: 60, height: 12, sidePane: false)
        let frame = ReaderRenderer.frame(state)
        let x = try #require(column(of: "Portugal", row: 5, in: frame.canvas))
        guard case .mention(let entity, let span, let block) = frame.hits.target(column: x, row: 5) else {
            Issue.record("no mention under Portugal"); return
        }
        #expect(state.document.annotated.entities[entity].name.contains("Portugal"))
        #expect(String(String.UnicodeScalarView(state.document.text.scalars[span.start..<span.end])) == "Portugal")
        #expect(state.document.block(containing: span.start) == block)
        // The cell after the name is the line again.
        #expect(frame.hits.target(column: x + 8, row: 5).map { if case .textLine = $0 { true } else { false } } == true)
    }

    @Test func libraryRowsNameTheirArticlesAndTheSidePaneItsItems() throws {
        let korea = ArticleFixture.make(parts: [.title("Korea article"), .body("Seoul said on Monday it would talk.")],
                                        entities: [("Seoul", .place, ["Seoul"])], source: "seeds/b-korea.txt")
        let library = ReaderState(documents: [ArticleDocument(ArticleFixture.harbour()), ArticleDocument(korea)],
                                  width: 80, height: 12, theme: BuiltinThemes.mono)
        let hits = ReaderRenderer.frame(library).hits
        #expect(hits.target(column: 0, row: LibraryView.firstRow) == .libraryArticle(library.library.order[0]))
        #expect(hits.target(column: 79, row: LibraryView.firstRow + 1) == .libraryArticle(library.library.order[1]))
        #expect(hits.target(column: 0, row: 0) == nil)
        // A click on the second row opens that article.
        let opened = library.after(.click(hits.target(column: 10, row: LibraryView.firstRow + 1)))
        #expect(opened.mode == .reading)
        #expect(opened.current == library.library.order[1])

        let reading = ArticleFixture.state(width: 100, height: 20)
        let frame = ReaderRenderer.frame(reading)
        let g = reading.geometry
        #expect(g.sideVisible)
        let sideRows = (0..<g.bodyHeight).compactMap { row -> (Int, Int)? in
            if case .sideItem(let item) = frame.hits.target(column: g.sideX + 2, row: row) { return (row, item) }
            return nil
        }
        let (row, item) = try #require(sideRows.last)
        #expect(item > 0)
        // Clicking an item focuses the side pane on it.
        let clicked = reading.after(.click(frame.hits.target(column: g.width - 1, row: row)))
        #expect(clicked.focus == .side)
        #expect(clicked.sideSelection == item)
    }

    @Test func overlaysLeaveNothingToClickButAClickClosesThem() {
        let state = ArticleFixture.state(width: 60, height: 12).pressing("?")
        guard case .help = state.mode else { Issue.record("? did not open the help"); return }
        let frame = ReaderRenderer.frame(state)
        #expect(frame.hits.target(column: 5, row: 3) == nil)
        #expect(state.after(.click(nil)).mode == .reading)
    }
}
