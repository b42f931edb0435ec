import DossierCore
import Foundation
import Testing
@testable import DossierTUI

/// `r` in the library: the state asks for a refresh, the background reads every source again through
/// the loader's refreshing copy, and each article comes back in its place (new ones at the end).
@Suite struct RefreshTests {
    /// A feed of `items` articles whose texts name the loader's `edition`; refreshing gives the next edition, one item longer.
    struct EditionLoader: ArticleLoading {
        var edition: Int
        var items: Int

        func prepare(_ source: String) -> [PreparedArticle] {
            (1...items).map { item in
                PreparedArticle(source: "\(source)#\(item)",
                                document: .success(SourceDocument(text: "Item \(item)\n\nThe ferry timetable, edition \(edition), item \(item).")))
            }
        }

        func annotate(_ prepared: PreparedArticle) -> AnnotatedArticle {
            guard case .success(let document) = prepared.document else { return AnnotationPipeline().annotate(SourceDocument(text: "")) }
            return AnnotationPipeline().annotate(document, source: prepared.source)
        }

        func refreshing() -> any ArticleLoading { EditionLoader(edition: edition + 1, items: items + 1) }
    }

    static func drainAll(_ annotator: BackgroundAnnotator) -> [ArticleEvent] {
        var events: [ArticleEvent] = []
        annotator.waitUntilDone()
        events += annotator.drain()
        return events
    }

    @Test func refreshReplacesEachArticleInPlaceAndAddsNewOnesAtTheEnd() {
        let annotator = BackgroundAnnotator(sources: ["feed"], loader: EditionLoader(edition: 1, items: 2))
        annotator.start(threads: 1)
        var state = ReaderState(sources: ["feed"], width: 80, height: 12, library: true, theme: BuiltinThemes.mono)
        for event in Self.drainAll(annotator) { state.apply(.loaded(event)) }
        #expect(state.library.entries.count == 2)
        #expect(state.documents[1].text.string.contains("edition 1"))

        state = state.pressing("r")
        #expect(state.refreshRequested)
        #expect(state.message?.contains("refreshing") == true)
        annotator.refresh()
        let events = Self.drainAll(annotator)
        #expect(events.contains { if case .refreshed(index: 1, _, _) = $0 { return true } else { return false } })
        #expect(events.contains(.added(index: 2, source: "feed#3")))
        for event in events { state.apply(.loaded(event)) }
        #expect(state.library.entries.count == 3)
        // The annotated articles were replaced, where a second `.annotated` would have been ignored.
        #expect((0..<3).allSatisfy { state.documents[$0].text.string.contains("edition 2") })
        #expect(state.library.entries.allSatisfy { $0.isAnnotated })
    }
}
