import DossierCore
import DossierLoading
import DossierTUI
import Foundation

/// The reader's latency and the briefing's, through the reader's own code: `ReaderState(sources:)`,
/// `BackgroundAnnotator`, `apply(.loaded)` and `ReaderRenderer.render` into a `Canvas` (no terminal),
/// polling for background results as often as the reader's main loop does (`inputTimeout`).
struct ReaderBenchmark {
    static let width = 200
    static let height = 60

    /// Start → first frame with the article's text; → its whole text; → annotated. Seconds.
    struct Opening {
        var firstFrame: Double
        var preview: Double?
        var annotated: Double
    }

    /// Opens one file as `dossier read FILE` does and follows it until it is annotated.
    static func open(_ path: String, loader: ArticleLoader) -> (Opening, ReaderState) {
        let start = ContinuousClock.now
        var state = ReaderState(sources: [path], width: width, height: height)
        // The reader opens its notes database before the first frame: counted in.
        let annotator = BackgroundAnnotator(sources: [path], loader: loader, databasePath: databasePath())
        annotator.start()
        var canvas = ReaderRenderer.render(state)
        var firstFrame: Double?
        var preview: Double?
        while true {
            let events = annotator.drain()
            for event in events { state.apply(.loaded(event)) }
            if !events.isEmpty { canvas = ReaderRenderer.render(state) }
            let status = state.library.entries[0].status
            if firstFrame == nil, status != .waiting { firstFrame = seconds(since: start) }
            if preview == nil, status == .previewed(complete: true) { preview = seconds(since: start) }
            if state.library.isComplete { break }
            let timeout = state.inputTimeout(backgroundWorking: annotator.isWorking) ?? 1
            usleep(UInt32(timeout * 1000))
        }
        withExtendedLifetime(canvas) {}
        let annotated = seconds(since: start)
        return (Opening(firstFrame: firstFrame ?? annotated, preview: preview, annotated: annotated), state)
    }

    /// Median time to apply one key's action and render, on an open article; each measure starts
    /// from the same state unless `chained` (j goes on down the article).
    static func keyLatencies(_ opened: ReaderState, runs: Int, searchTerm: String) -> [(String, Double)] {
        var results: [(String, Double)] = []
        func measure(_ name: String, chained: Bool = false, _ actions: [Action]) {
            var state = opened
            var times: [Double] = []
            for _ in 0..<runs {
                var working = chained ? state : opened
                let start = ContinuousClock.now
                for action in actions { working.apply(action) }
                let canvas = ReaderRenderer.render(working)
                times.append(seconds(since: start))
                withExtendedLifetime(canvas) {}
                state = working
            }
            results.append((name, median(times)))
        }
        measure("j", chained: true, [.command(.scrollDown)])
        measure("G", [.command(.bottom)])
        measure("]", chained: true, [.command(.nextSection)])
        // The search itself (Enter) scans the whole text once; n then moves between its matches.
        let typed: [Action] = [.command(.search)] + searchTerm.map { Action.text($0) } + [.command(.activate)]
        measure("/\(searchTerm) Enter (search the whole text)", typed)
        var searched = opened
        for action in typed { searched.apply(action) }
        measure("n", chained: true, [.command(.next)])
        _ = searched
        var toggled = false
        var resized = opened
        var resizeTimes: [Double] = []
        for _ in 0..<runs {
            toggled.toggle()
            let start = ContinuousClock.now
            resized.apply(.resize(width: toggled ? width - 1 : width, height: toggled ? height - 1 : height))
            let canvas = ReaderRenderer.render(resized)
            resizeTimes.append(seconds(since: start))
            withExtendedLifetime(canvas) {}
        }
        results.append(("resize", median(resizeTimes)))
        return results
    }

    /// A folder of `count` articles of about 5 KB: time to the library's first frame, and until every
    /// article is annotated (the library redrawn as results arrive, as the reader does).
    static func briefing(folder: String, loader: ArticleLoader) -> (library: Double, allAnnotated: Double, count: Int) {
        let start = ContinuousClock.now
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        let paths = names.map { folder + "/" + $0 }
        var state = ReaderState(sources: paths, width: width, height: height, library: true)
        let annotator = BackgroundAnnotator(sources: paths, loader: loader, databasePath: databasePath())
        annotator.start()
        var canvas = ReaderRenderer.render(state)
        let library = seconds(since: start)
        while !state.library.isComplete {
            let events = annotator.drain()
            for event in events { state.apply(.loaded(event)) }
            if !events.isEmpty { canvas = ReaderRenderer.render(state) }
            if state.library.isComplete { break }
            usleep(UInt32((state.inputTimeout(backgroundWorking: annotator.isWorking) ?? 1) * 1000))
        }
        withExtendedLifetime(canvas) {}
        return (library, seconds(since: start), paths.count)
    }

    /// Writes `count` articles of about 5 KB made from the sample articles, each cut at a line break.
    static func makeBriefingFolder(count: Int, articles: [[UInt8]]) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-briefing-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            let article = articles[index % articles.count]
            var piece = article.prefix(5 * 1024)
            if piece.count < article.count, let cut = piece.lastIndex(of: 0x0A) { piece = piece[..<cut] }
            // A distinct first line, so no two files are one article to the notes database.
            let bytes = Array("Briefing item \(index + 1)\n\n".utf8) + piece
            FileManager.default.createFile(atPath: folder + "/article-\(String(format: "%04d", index + 1)).txt", contents: Data(bytes))
        }
        return folder
    }

    /// A fresh notes database for each opening, in the temporary folder.
    static func databasePath() -> String {
        try? FileManager.default.createDirectory(atPath: databaseFolder, withIntermediateDirectories: true)
        return databaseFolder + "/notes-\(UUID().uuidString.prefix(8)).sqlite"
    }

    /// Where the notes databases go; the suite removes it at the end.
    static let databaseFolder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-notes-\(getpid())").path

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
