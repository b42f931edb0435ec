import DossierCore
import DossierLoading
import DossierTUI
import Foundation

/// Runs the measures and prints them as Markdown tables (stdout); progress goes to stderr.
struct BenchmarkSuite {
    let options: BenchmarkOptions

    static let megabyte = 1 << 20

    func run() {
        let articles = options.inputs.articles()
        guard !articles.isEmpty else {
            fail("no sample articles: \(options.inputs.packageRoot)/seeds is empty and no shared/eval/dev was found; pass --shared PATH")
        }
        if options.inputs.shared == nil {
            progress("warning: shared/eval/dev not found; the corpus is made of seeds/*.txt only (pass --shared PATH)")
        }
        let builder = CorpusBuilder(articles: articles)
        if options.parts.contains(.core) { runCore(builder) }
        var rows: [String] = []
        if options.parts.contains(.reader) { rows += runReader(builder) }
        if options.parts.contains(.briefing) { rows += runBriefing(articles) }
        try? FileManager.default.removeItem(atPath: ReaderBenchmark.databaseFolder)
        if !rows.isEmpty {
            print("")
            print((["| measure | figure | target |", "| --- | --- | --- |"] + rows).joined(separator: "\n"))
            print("")
            print("Reader and briefing: release build, \(ProcessInfo.processInfo.activeProcessorCount) cores, load average "
                  + "\(loadAverage()) when the run ended.")
        }
    }

    // MARK: - Reader and briefing

    /// First frame at each size, frame after a key on the largest, peak memory of opening; Markdown rows.
    private func runReader(_ builder: CorpusBuilder) -> [String] {
        var rows: [String] = []
        var openings: [(Int, ReaderBenchmark.Opening)] = []
        var keys: [(String, Double)] = []
        var keySize = 0
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-reader-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for megabytes in options.readerSizes {
            let path = folder + "/article-\(megabytes)mb.txt"
            FileManager.default.createFile(atPath: path, contents: Data(builder.corpus(bytes: megabytes * Self.megabyte)))
            progress("reader: opening \(megabytes) MB, \(options.runs) run(s)")
            var runs: [ReaderBenchmark.Opening] = []
            for _ in 0..<options.runs {
                let (opening, _) = ReaderBenchmark.open(path, loader: ArticleLoader())
                runs.append(opening)
                progress("reader: \(megabytes) MB first frame \(fixed(opening.firstFrame * 1000, 1)) ms, annotated \(fixed(opening.annotated, 1)) s")
            }
            let firstFrame = median(runs.map(\.firstFrame))
            let previews = runs.compactMap(\.preview)
            openings.append((megabytes, ReaderBenchmark.Opening(firstFrame: firstFrame, preview: previews.isEmpty ? nil : median(previews),
                                                                annotated: median(runs.map(\.annotated)))))
        }
        if let largest = options.readerSizes.max() {
            // Keys on the whole text annotated (no boilerplate removal), so the article really is that long.
            let path = folder + "/article-\(largest)mb.txt"
            progress("reader: annotating \(largest) MB without boilerplate removal for the key latencies")
            let (_, opened) = ReaderBenchmark.open(path, loader: ArticleLoader(removeBoilerplate: false))
            progress("reader: keys on \(opened.document.annotated.text.count) scalars")
            keys = ReaderBenchmark.keyLatencies(opened, runs: max(31, options.runs), searchTerm: "minister")
            keySize = largest
        }
        let firstFrames = openings.map { "\($0.0) MB: \(fixed($0.1.firstFrame * 1000, 1)) ms" }.joined(separator: ", ")
        let details = openings.map { size, opening in
            "\(size) MB: " + (opening.preview.map { "whole text \(fixed($0 * 1000, 0)) ms, " } ?? "") + "annotated \(fixed(opening.annotated, 1)) s"
        }.joined(separator: "; ")
        rows.append("| reader: first frame with the article's text, 200×60 (median of \(options.runs)) | \(firstFrames) (\(details)) | ≤ 150 ms |")
        if !keys.isEmpty {
            let keyText = keys.map { "\($0.0) \(fixed($0.1 * 1000, 2)) ms" }.joined(separator: ", ")
            rows.append("| reader: frame after a key, \(keySize) MB annotated article, 200×60 (median of \(max(31, options.runs))) | \(keyText) | ≤ 5 ms |")
        }
        var memory: [String] = []
        for megabytes in options.readerMemorySizes {
            progress("reader memory: \(megabytes) MB")
            if let reading = MemoryProbe.measure(megabytes: megabytes, reader: true, inputs: options.inputs) {
                let ratio = Double(reading.peakBytes) / Double(megabytes * Self.megabyte)
                memory.append("\(megabytes) MB: \(reading.peakBytes / Self.megabyte) MB (\(fixed(ratio, 1))× input)")
            } else {
                progress("reader memory: the \(megabytes) MB child failed")
            }
        }
        if !memory.isEmpty {
            rows.append("| peak RSS (VmHWM), opening in the reader until annotated | \(memory.joined(separator: ", ")) | ≤ 6× input |")
        }
        return rows
    }

    private func runBriefing(_ articles: [[UInt8]]) -> [String] {
        let count = options.briefingCount
        let folder = ReaderBenchmark.makeBriefingFolder(count: count, articles: articles)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var libraries: [Double] = []
        var totals: [Double] = []
        let runs = options.quick ? 1 : 3
        for _ in 0..<runs {
            progress("briefing: \(count) articles")
            let (library, all, _) = ReaderBenchmark.briefing(folder: folder, loader: ArticleLoader())
            libraries.append(library)
            totals.append(all)
            progress("briefing: library \(fixed(library * 1000, 1)) ms, all annotated \(fixed(all, 2)) s")
        }
        return ["| briefing: \(grouped(count))-article folder (about 5 KB each), library view / all annotated (median of \(runs)) "
                + "| \(fixed(median(libraries) * 1000, 1)) ms / \(fixed(median(totals), 2)) s | ≤ 300 ms; ≤ 3 s |"]
    }

    // MARK: - Core

    private func runCore(_ builder: CorpusBuilder) {
        // 1. Throughput and per-stage times on one corpus.
        let size = options.throughputMegabytes
        let corpus = builder.corpus(bytes: size * Self.megabyte)
        let words = CorpusBuilder.wordCount(corpus)
        progress("throughput: \(size) MB, \(words) words, \(options.runs) runs")
        let total = median((0..<options.runs).map { _ in timePipeline(corpus) })
        let stageRuns = (0..<options.runs).map { _ in timeStages(corpus, skipBoilerplate: false) }
        let stageNames = stageRuns[0].map(\.0)
        let stageMedians = stageNames.indices.map { index in median(stageRuns.map { $0[index].1 }) }
        // The same with the boilerplate stage skipped, so the later stages see the whole corpus: on a long
        // concatenation the filter may drop most of it, and the annotators would then go unmeasured.
        let wholeRuns = (0..<options.runs).map { _ in timeStages(corpus, skipBoilerplate: true) }
        let wholeMedians = stageNames.indices.map { index in median(wholeRuns.map { $0[index].1 }) }
        let keptBytes = AnnotationPipeline().boilerplate.filter(String(decoding: corpus, as: UTF8.self)).text.utf8.count
        // Partial figures as they come, so that an interrupted run still tells something.
        progress("throughput: \(String(format: "%.2f", Double(corpus.count) / Double(Self.megabyte) / total)) MB/s; stages (ms): "
                 + zip(stageNames, stageMedians).map { "\($0) \(String(format: "%.1f", $1 * 1000))" }.joined(separator: ", "))

        // 2. Scaling: time per MB at each size, and one single-paragraph input.
        // The filter keeps about one article of a concatenated corpus whatever its size, so the
        // pipeline's time per MB carries a fixed cost that weighs most at 1 MB; the same sizes with the
        // filter skipped put every annotator on the whole text, where a superlinear step would show.
        var scaling: [(label: String, megabytes: Int, seconds: Double)] = []
        var wholeTextScaling: [(label: String, megabytes: Int, seconds: Double)] = []
        for megabytes in options.scalingSizes {
            let input = megabytes == size ? corpus : builder.corpus(bytes: megabytes * Self.megabyte)
            let runs = megabytes >= 100 ? 1 : options.runs
            progress("scaling: \(megabytes) MB, \(runs) run(s)")
            let seconds = megabytes == size ? total : median((0..<runs).map { _ in timePipeline(input) })
            scaling.append(("\(megabytes) MB", megabytes, seconds))
            progress("scaling: \(megabytes) MB took \(String(format: "%.2f", seconds)) s")
            let wholeSeconds = megabytes == size
                ? wholeMedians.dropLast().reduce(0, +)
                : median((0..<runs).map { _ in timeStages(input, skipBoilerplate: true).dropLast().reduce(0) { $0 + $1.1 } })
            wholeTextScaling.append(("\(megabytes) MB", megabytes, wholeSeconds))
            progress("scaling: \(megabytes) MB, whole text, took \(String(format: "%.2f", wholeSeconds)) s")
        }
        let paragraphSize = min(options.quick ? 1 : 10, options.throughputMegabytes)
        progress("scaling: \(paragraphSize) MB single paragraph")
        let paragraph = builder.corpus(bytes: paragraphSize * Self.megabyte, singleParagraph: true)
        let paragraphRuns = options.quick ? 1 : 3
        let paragraphSeconds = median((0..<paragraphRuns).map { _ in timePipeline(paragraph) })
        progress("scaling: single paragraph took \(String(format: "%.2f", paragraphSeconds)) s")

        // 3. Peak memory, each size in a fresh child process.
        var memory: [MemoryProbe.Reading] = []
        for megabytes in options.memorySizes {
            progress("memory: \(megabytes) MB")
            if let reading = MemoryProbe.measure(megabytes: megabytes, inputs: options.inputs) {
                memory.append(reading)
                progress("memory: \(megabytes) MB peaked at \(reading.peakBytes / Self.megabyte) MB")
            }
            else { progress("memory: the \(megabytes) MB child failed") }
        }

        printTables(size: size, corpusBytes: corpus.count, words: words, total: total,
                    stages: Array(zip(stageNames, zip(stageMedians, wholeMedians))), keptBytes: keptBytes,
                    scaling: scaling, wholeTextScaling: wholeTextScaling,
                    paragraph: (paragraphSize, paragraphSeconds), memory: memory)
    }

    // MARK: - Timing

    /// The whole core, as `dossier annotate` calls it (JSON output not included).
    private func timePipeline(_ bytes: [UInt8]) -> Double {
        let pipeline = AnnotationPipeline()
        let (annotated, seconds) = timed { try? pipeline.annotate(bytes: bytes) }
        if annotated == nil { fail("the pipeline refused the corpus") }
        return seconds
    }

    /// The stages of `AnnotationPipeline.annotate` one by one (kept in step with Pipeline.swift),
    /// plus the JSON output of the CLI.
    private func timeStages(_ bytes: [UInt8], skipBoilerplate: Bool) -> [(String, Double)] {
        let pipeline = AnnotationPipeline()
        var times: [(String, Double)] = []
        func stage<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let (value, seconds) = try timed(body)
            times.append((name, seconds))
            return value
        }
        guard let text = try? stage("decode (TextDecoder)", { try TextDecoder.decode(bytes) }) else {
            fail("the corpus did not decode")
        }
        let document = stage("format detection") { SourceFormatDetector.document(fromText: text, pathHint: nil) }
        let kept = stage("boilerplate") {
            document.removeBoilerplate && !skipBoilerplate
                ? pipeline.boilerplate.filter(document.text)
                : BoilerplateFilter.Result(text: document.text, removed: [])
        }
        let articleText = stage("scalars (ArticleText)") { ArticleText(kept.text) }
        let article = stage("structure") {
            pipeline.structure.parse(articleText, removed: kept.removed, titleHint: document.titleHint,
                                     headingHints: document.headingHints)
        }
        let mentions = stage("entities") { pipeline.entityAnnotator.annotate(article) }
        let numbers = stage("numbers") { pipeline.numberAnnotator.annotate(article) }
        let quoteSpans = stage("quotes") { pipeline.quoteAnnotator.annotate(article) }
        let entities = stage("linking") { pipeline.linker.link(mentions, in: article) }
        let quotes = stage("speakers") { pipeline.speakers.attribute(quoteSpans, entities: entities, in: article) }
        let claims = stage("claims") {
            pipeline.claims.extract(article: article, entities: entities, quotes: quotes, numbers: numbers)
        }
        let actors = stage("actors") { pipeline.actors.rank(entities: entities, claims: claims, quotes: quotes, in: article) }
        let annotated = AnnotatedArticle(article: article, entities: entities, quotes: quotes, numbers: numbers,
                                         actors: actors, claims: claims)
        let json = stage("JSON output (CLI, not in the pipeline)") { ContractJSON.value(of: annotated).serialized() }
        withExtendedLifetime(json) {}
        return times
    }

    private func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let value = try body()
        let elapsed = ContinuousClock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// "1 MB: 26.0 ms, 10 MB: 20.3 ms (spread ±12 %)": time per MB at each size, and how far the
    /// extremes lie from their middle.
    private func perMegabyteText(_ scaling: [(label: String, megabytes: Int, seconds: Double)]) -> String {
        let perMegabyte = scaling.map { $0.seconds / Double($0.megabytes) * 1000 }
        let sizes = zip(scaling, perMegabyte).map { "\($0.label): \(fixed($1, 1)) ms" }.joined(separator: ", ")
        guard let low = perMegabyte.min(), let high = perMegabyte.max(), perMegabyte.count > 1 else { return sizes }
        let middle = (low + high) / 2
        return sizes + " (spread ±\(fixed((high - middle) / middle * 100, 0)) %)"
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    // MARK: - Report

    private func printTables(size: Int, corpusBytes: Int, words: Int, total: Double,
                             stages: [(String, (Double, Double))], keptBytes: Int,
                             scaling: [(label: String, megabytes: Int, seconds: Double)],
                             wholeTextScaling: [(label: String, megabytes: Int, seconds: Double)],
                             paragraph: (Int, Double), memory: [MemoryProbe.Reading]) {
        let megabytes = Double(corpusBytes) / Double(Self.megabyte)
        let runsNote = options.runs == 1 ? "1 run" : "median of \(options.runs)"
        var lines: [String] = []
        lines.append("| measure | figure | target |")
        lines.append("| --- | --- | --- |")
        lines.append("| annotation throughput, \(size) MB corpus (\(runsNote), 1 thread) | "
                     + "\(fixed(megabytes / total, 1)) MB/s, \(grouped(Int(Double(words) / total))) words/s | ≥ 20 MB/s |")
        lines.append("| time per MB, scaling | \(perMegabyteText(scaling)) | flat within ±25 % |")
        lines.append("| time per MB, scaling, boilerplate filter skipped (whole text through the annotators) | "
                     + "\(perMegabyteText(wholeTextScaling)) | flat within ±25 % |")
        let paragraphPerMB = paragraph.1 / Double(paragraph.0) * 1000
        lines.append("| time per MB, \(paragraph.0) MB single paragraph | \(fixed(paragraphPerMB, 1)) ms | flat within ±25 % |")
        for reading in memory {
            let ratio = Double(reading.peakBytes) / Double(reading.megabytes * Self.megabyte)
            lines.append("| peak RSS (VmHWM), annotating \(reading.megabytes) MB | \(reading.peakBytes / Self.megabyte) MB "
                         + "(\(fixed(ratio, 1))× input; \(reading.beforeBytes / Self.megabyte) MB before annotating) | ≤ 6× input |")
        }
        lines.append("")
        lines.append("Per stage, \(size) MB corpus (\(runsNote)); the boilerplate filter kept "
                     + "\(fixed(Double(keptBytes) / Double(corpusBytes) * 100, 1)) % of it. The last two columns skip "
                     + "the boilerplate stage, so that every later stage sees the whole corpus:")
        lines.append("")
        lines.append("| stage | ms, as the pipeline runs | ms, whole corpus | MB/s, whole corpus |")
        lines.append("| --- | ---: | ---: | ---: |")
        let isPipelineStage = { (name: String) in !name.hasPrefix("JSON") }
        let pipelineTotal = stages.filter { isPipelineStage($0.0) }.reduce(0) { $0 + $1.1.0 }
        let wholeTotal = stages.filter { isPipelineStage($0.0) }.reduce(0) { $0 + $1.1.1 }
        for (name, (seconds, wholeSeconds)) in stages {
            let rate = wholeSeconds * 1000 >= 0.05 ? fixed(megabytes / wholeSeconds, 0) : "—"
            lines.append("| \(name) | \(fixed(seconds * 1000, 1)) | \(fixed(wholeSeconds * 1000, 1)) | \(rate) |")
        }
        lines.append("| **sum of the pipeline's stages** | \(fixed(pipelineTotal * 1000, 1)) | \(fixed(wholeTotal * 1000, 1)) "
                     + "| \(fixed(megabytes / wholeTotal, 1)) |")
        lines.append("")
        lines.append("MB = 2^20 bytes; release build; \(ProcessInfo.processInfo.activeProcessorCount) cores, "
                     + "load average \(loadAverage()) when the run ended (figures are slower on a busy machine).")
        print(lines.joined(separator: "\n"))
    }

    /// The 1-minute load average from /proc/loadavg, or "unknown".
    private func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
              let first = text.split(separator: " ").first else { return "unknown" }
        return String(first)
    }

    private func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    private func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}

func progress(_ message: String) {
    FileHandle.standardError.write(Data("dossier-bench: \(message)\n".utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("dossier-bench: \(message)\n".utf8))
    exit(1)
}
