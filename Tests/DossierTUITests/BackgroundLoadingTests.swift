import Foundation
import Testing
import DossierCore
@testable import DossierTUI

/// The reader's side of background annotation: results arrive as actions and change the state only
/// through `update`; the library lists, sorts and explains what is not readable.
@Suite struct BackgroundLoadingTests {
    /// The fixture article as the file would be before boilerplate removal: site chrome above it.
    static let chrome = "Home | World | Business | Sign in\n\nSubscribe to our newsletter\n\n"

    static func previewOfHarbour() -> ArticleDocument {
        ArticleDocument(ArticlePreview.article(text: chrome + ArticleFixture.harbour().text.string, source: "fixtures/portugal-veldcom.txt"))
    }

    static func waitingState(_ sources: [String], width: Int = 80, height: Int = 12) -> ReaderState {
        ReaderState(sources: sources, width: width, height: height, theme: BuiltinThemes.mono)
    }

    /// The words at the top of the screen, as the reader sees them.
    static func topWords(_ state: ReaderState) -> String {
        let g = state.geometry
        let line = state.document.lines(state.top.block, width: g.textWidth)[state.document.lineIndex(state.top, width: g.textWidth)]
        let end = min(state.document.text.count, line.start + 30)
        return state.document.text.slice(Span(line.start, end))
    }

    @Test func anArticleAnnotatedWhileReadKeepsTheWordsAtTheTop() {
        var state = Self.waitingState(["fixtures/portugal-veldcom.txt"])
        #expect(state.mode == .reading)
        #expect(ReaderRenderer.render(state).lines[0].contains("Reading fixtures/portugal-veldcom.txt"))
        state.apply(.loaded(.previewed(index: 0, Self.previewOfHarbour(), complete: true)))
        #expect(state.library.entries[0].status == .previewed(complete: true))
        #expect(ReaderRenderer.render(state).lines[11].contains("annotating"))
        state = state.pressing("jjjjjjj")
        let before = Self.topWords(state)
        #expect(state.top.offset > Self.chrome.unicodeScalars.count)
        state.apply(.loaded(.annotated(index: 0, ArticleDocument(ArticleFixture.harbour()), LibraryFacts(date: nil, words: 200))))
        #expect(state.isAnnotated)
        #expect(Self.topWords(state) == before)
        // Now annotated: the entity hints work, where the preview had none.
        #expect(state.pressing("f").mode != .reading)
    }

    @Test func anUnmovedReaderStartsAtTheAnnotatedTitle() {
        var state = Self.waitingState(["fixtures/portugal-veldcom.txt"])
        state.apply(.loaded(.previewed(index: 0, Self.previewOfHarbour(), complete: true)))
        state.apply(.loaded(.annotated(index: 0, ArticleDocument(ArticleFixture.harbour()), LibraryFacts(date: nil, words: 200))))
        #expect(state.top == state.document.startPosition)
        #expect(ReaderRenderer.render(state).lines[0].hasPrefix(" Portugal & VELDCOM"))
    }

    @Test func notesAndHintsWaitForTheAnnotation() {
        var state = Self.waitingState(["fixtures/portugal-veldcom.txt"])
        state.apply(.loaded(.previewed(index: 0, Self.previewOfHarbour(), complete: true)))
        let noted = state.pressing("a")
        #expect(noted.notes.prompt == nil)
        #expect(noted.message?.contains("annotating") == true)
        #expect(state.pressing("f").mode == .reading)
    }

    @Test func aFailedFileIsListedWithItsReasonAndDoesNotOpen() {
        var state = Self.waitingState(["a.txt", "b.bin"], width: 100)
        #expect(state.mode == .library(selected: 0))
        let reason = "b.bin: not a text file (it contains NUL bytes)"
        state.apply(.loaded(.failed(index: 1, LoadFailure(reason: reason))))
        let lines = ReaderRenderer.render(state).lines
        #expect(lines[0].contains("annotating 1/2"))
        #expect(lines[0].contains("1 unreadable"))
        #expect(lines[3].hasPrefix(" ✗ 2. b.bin  \(reason)"))
        let entered = state.pressing("j\n")
        #expect(entered.mode == .library(selected: 1))
        #expect(entered.message == reason)
        #expect(entered.current == 0)
    }

    @Test func aFeedAddsItsFurtherArticlesAtTheEnd() {
        var state = Self.waitingState(["feed.jsonl"])
        state.apply(.loaded(.added(index: 1, source: "feed.jsonl:2")))
        state.apply(.loaded(.added(index: 2, source: "feed.jsonl:3")))
        // Out of order (a bug upstream) is ignored rather than misplaced.
        state.apply(.loaded(.added(index: 7, source: "feed.jsonl:9")))
        #expect(state.documents.count == 3)
        #expect(state.positions.count == 3)
        #expect(state.library.entries.map(\.source) == ["feed.jsonl", "feed.jsonl:2", "feed.jsonl:3"])
        state.apply(.loaded(.annotated(index: 2, ArticleDocument(ArticleFixture.harbour()), LibraryFacts(date: "2024-03-01", words: 9))))
        #expect(state.library.annotatedCount == 1)
        #expect(state.library.entries[2].title == "Portugal & VELDCOM: Strong Counter-Terrorism Partnership")
    }

    @Test func oneFileThatHoldsSeveralArticlesOpensOnTheLibrary() {
        var state = Self.waitingState(["paste.txt"])
        #expect(state.mode == .reading)
        state.apply(.loaded(.added(index: 1, source: "paste.txt:40")))
        #expect(state.mode == .library(selected: 0))
        // A reader already inside the article is not taken out of it.
        var moved = Self.waitingState(["paste.txt"])
        moved.apply(.loaded(.annotated(index: 0, ArticleDocument(ArticleFixture.harbour()), LibraryFacts(date: nil, words: 9))))
        moved = moved.pressing("jjjj")
        moved.apply(.loaded(.added(index: 1, source: "paste.txt:40")))
        #expect(moved.mode == .reading)
    }

    @Test func sortCyclesNameDateAndUnread() {
        let sources = ["feed.jsonl:10", "feed.jsonl:9", "b.txt", "a.txt"]
        var state = Self.waitingState(sources, width: 100)
        #expect(state.library.sort == .name)
        #expect(state.library.order == [3, 2, 1, 0])
        let facts: [(Int, String?, Bool)] = [(0, "2024-01-02", true), (1, nil, false), (2, "2025-06-30", false), (3, "2023-12-31", true)]
        for (index, date, read) in facts {
            let article = ArticleFixture.make(parts: [.title("Article \(index)"), .body("Seoul said on Monday it would talk.")],
                                              source: sources[index])
            state.apply(.loaded(.annotated(index: index, ArticleDocument(article), LibraryFacts(date: date, words: 1, read: read))))
        }
        state = state.pressing("S")
        #expect(state.library.sort == .date)
        #expect(state.message == "sorted by date")
        // Newest first, no date last; the rows are numbered as shown.
        #expect(state.library.order == [2, 0, 3, 1])
        #expect(ReaderRenderer.render(state).lines[2].hasPrefix(" • 1. Article 2  b.txt"))
        state = state.pressing("S")
        #expect(state.library.sort == .unread)
        #expect(state.library.order == [2, 1, 3, 0])
        // j walks the rows in the shown order, by article index.
        #expect(state.mode == .library(selected: 0))
        #expect(state.pressing("g").mode == .library(selected: 2))
        #expect(state.pressing("gj").mode == .library(selected: 1))
        #expect(state.pressing("S").library.sort == .name)
    }

    @Test func theChosenArticleIsAnnotatedFirst() {
        let state = Self.waitingState(["a.txt", "b.txt", "c.txt"])
        #expect(state.articleInFocus == 0)
        #expect(state.pressing("jj").articleInFocus == 2)
        let reading = state.pressing("j\n")
        #expect(reading.mode == .reading)
        #expect(reading.articleInFocus == 1)
        #expect(reading.message?.contains("annotating") == true)
    }

    @Test func namesWithNumbersSortByValue() {
        let keys = ["item-10.txt", "item-9.txt", "item-100.txt", "Item-2.txt"].map(NaturalKey.init)
        #expect(keys[1] < keys[0])
        #expect(keys[0] < keys[2])
        #expect(keys[3] < keys[1])
    }

    @Test func thePreviewSplitsParagraphsAndCutsVeryLongOnes() {
        let sentence = "Seoul said on Monday it would talk. "
        let long = String(repeating: sentence, count: 600)
        let preview = ArticlePreview.article(text: "Title line\n\nFirst paragraph\nstill first.\n\n\n" + long, source: nil)
        let paragraphs = preview.article.paragraphs
        #expect(preview.text.slice(paragraphs[0].span) == "Title line")
        #expect(preview.text.slice(paragraphs[1].span) == "First paragraph\nstill first.")
        #expect(paragraphs.count > 3)
        #expect(paragraphs.dropFirst(2).allSatisfy { $0.span.length <= ArticlePreview.longestParagraph })
        // Cut at spaces: no word is split between two blocks, and nothing is lost.
        #expect(paragraphs.dropFirst(2).map { preview.text.slice($0.span) }.joined(separator: " ") == String(long.dropLast()))
    }

    @Test func aPlaceInTheRawTextIsFoundInTheCleanText() {
        let clean = ArticleFixture.harbour().text.scalars
        let raw = ArticleScalars(Self.chrome + ArticleFixture.harbour().text.string)
        let shift = Self.chrome.unicodeScalars.count
        for offset in [shift, shift + 100, raw.count - 20] {
            #expect(TextCorrespondence.offset(offset, from: raw, to: clean) == offset - shift)
        }
    }
}

/// The background threads with an in-memory loader: every source ends annotated or failed, a feed's
/// extra articles are added at the end, and each event names a valid index.
@Suite struct BackgroundAnnotatorTests {
    struct MemoryLoader: ArticleLoading {
        let texts: [String: [String]]

        func prepare(_ source: String) -> [PreparedArticle] {
            guard let articles = texts[source] else {
                return [PreparedArticle(source: source, document: .failure(LoadFailure(reason: "\(source): no such file", exitCode: 66)))]
            }
            return articles.enumerated().map { number, text in
                PreparedArticle(source: articles.count > 1 ? "\(source):\(number + 1)" : source,
                                document: .success(SourceDocument(text: text, removeBoilerplate: false,
                                                                  metadata: articles.count > 1 ? ["source": "Example Wire"] : [:])))
            }
        }

        func annotate(_ prepared: PreparedArticle) -> AnnotatedArticle {
            guard case .success(let document) = prepared.document else { fatalError("annotate called on a failure") }
            return ArticlePreview.article(text: document.text, source: prepared.source)
        }

        func modificationDay(_ source: String) -> String? { "2026-01-0\(source.count % 9 + 1)" }
    }

    @Test func everySourceEndsAnnotatedOrFailedAndFeedsGrowAtTheEnd() {
        let loader = MemoryLoader(texts: [
            "korea.txt": ["North Korea puts military in 'quasi-state of war'\n\nSeoul said on Monday it would talk."],
            "feed.jsonl": ["First line article\n\nBody one.", "Second line article\n\nBody two.", "Third\n\nBody three."],
        ])
        let sources = ["korea.txt", "missing.txt", "feed.jsonl"]
        let annotator = BackgroundAnnotator(sources: sources, loader: loader)
        annotator.prioritize(2)
        annotator.start(threads: 2)
        annotator.waitUntilDone()
        let events = annotator.drain()
        #expect(!annotator.isWorking)
        var state = ReaderState(sources: sources, width: 80, height: 20, library: true, theme: BuiltinThemes.mono)
        for event in events { state.apply(.loaded(event)) }
        #expect(state.library.entries.map(\.source) == ["korea.txt", "missing.txt", "feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:3"])
        #expect(state.library.isComplete)
        #expect(state.library.annotatedCount == 4)
        #expect(state.library.entries[1].failure == "missing.txt: no such file")
        #expect(state.library.entries[0].title == "North Korea puts military in 'quasi-state of war'")
        #expect(state.library.entries[0].words == 15)
        #expect(state.library.entries[0].date == "2026-01-01")
        // Sorted by name, the feed's lines come in line order.
        #expect(state.library.order == [2, 3, 4, 0, 1])
        // A feed's article shows its own source before the file and line.
        #expect(state.library.entries[2].origin == "Example Wire")
        #expect(state.library.entries[0].origin == nil)
        #expect(ReaderRenderer.render(state, width: 120, height: 20).lines[2].contains("First line article  Example Wire · feed.jsonl:1"))
    }

    /// Counts the annotations running at once; each takes a while, so two threads overlap.
    final class OverlapLoader: ArticleLoading, @unchecked Sendable {
        // @unchecked: `running` and `most` change only under `lock`.
        private let lock = NSLock()
        private var running = 0
        private(set) var most = 0
        let articles: Int

        init(articles: Int) { self.articles = articles }

        func prepare(_ source: String) -> [PreparedArticle] {
            (1...articles).map { PreparedArticle(source: "\(source):\($0)", document: .success(SourceDocument(text: "Line \($0).\n\nBody."))) }
        }

        func annotate(_ prepared: PreparedArticle) -> AnnotatedArticle {
            lock.lock()
            running += 1
            most = max(most, running)
            lock.unlock()
            usleep(20_000)
            lock.lock()
            running -= 1
            lock.unlock()
            guard case .success(let document) = prepared.document else { fatalError("annotate called on a failure") }
            return ArticlePreview.article(text: document.text, source: prepared.source)
        }
    }

    /// One feed is one source until it is read: the second thread waits for its articles instead of
    /// ending at once (the feed was annotated on one core).
    @Test func aSingleFeedIsAnnotatedOnBothThreads() {
        let loader = OverlapLoader(articles: 12)
        let annotator = BackgroundAnnotator(sources: ["feed.jsonl"], loader: loader)
        annotator.start(threads: 2)
        annotator.waitUntilDone()
        #expect(loader.most == 2)
        let annotated = annotator.drain().filter { if case .annotated = $0 { return true } else { return false } }
        #expect(annotated.count == 12)
        #expect(!annotator.isWorking)
    }

    /// A feed read slowly: two articles, then nothing until the test lets the third through.
    final class SlowFeedLoader: ArticleLoading, @unchecked Sendable {
        let rest = DispatchSemaphore(value: 0)

        /// Whole, as a reader that waits for the whole feed would take it: after the test lets it go.
        func prepare(_ source: String) -> [PreparedArticle] {
            var all: [PreparedArticle] = []
            prepareEach(source) { all.append($0); return true }
            return all
        }

        func prepareEach(_ source: String, _ body: (PreparedArticle) -> Bool) {
            guard body(article(source, 1)), body(article(source, 2)) else { return }
            rest.wait()
            _ = body(article(source, 3))
        }

        private func article(_ source: String, _ line: Int) -> PreparedArticle {
            PreparedArticle(source: "\(source):\(line)", document: .success(SourceDocument(text: "Line \(line).\n\nBody.")))
        }

        func annotate(_ prepared: PreparedArticle) -> AnnotatedArticle {
            guard case .success(let document) = prepared.document else { fatalError("annotate called on a failure") }
            return ArticlePreview.article(text: document.text, source: prepared.source)
        }
    }

    /// The first articles of a feed are listed and annotated while the rest is still being read.
    @Test func aFeedsFirstArticlesAreAnnotatedBeforeItIsReadToTheEnd() {
        let loader = SlowFeedLoader()
        let annotator = BackgroundAnnotator(sources: ["feed.jsonl"], loader: loader)
        annotator.start(threads: 2)
        var arrived: [ArticleEvent] = []
        for _ in 0..<500 where !arrived.contains(where: { if case .annotated = $0 { return true } else { return false } }) {
            arrived += annotator.drain()
            usleep(10_000)
        }
        #expect(arrived.contains { if case .annotated(index: 0, _, _) = $0 { return true } else { return false } },
                "the first article, annotated while the feed is still being read")
        #expect(arrived.contains(.added(index: 1, source: "feed.jsonl:2")))
        loader.rest.signal()
        annotator.waitUntilDone()
        arrived += annotator.drain()
        let annotated = arrived.compactMap { event -> Int? in if case .annotated(let index, _, _) = event { return index } else { return nil } }
        #expect(annotated.sorted() == [0, 1, 2])
    }
}
