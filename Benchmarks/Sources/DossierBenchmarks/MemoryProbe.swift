import DossierCore
import DossierLoading
import DossierTUI
import Foundation

/// Peak resident memory of annotating one input, measured in a child process so that each size
/// starts from a fresh high-water mark (`VmHWM` of `/proc/self/status`).
enum MemoryProbe {
    struct Reading {
        var megabytes: Int
        var singleParagraph: Bool
        /// Peak resident memory of the whole child, input included, in bytes.
        var peakBytes: Int
        /// Resident memory just before annotating (the input bytes and the runtime), in bytes.
        var beforeBytes: Int
    }

    /// Runs this executable again with `--memory-child` and reads the figures it prints.
    static func measure(megabytes: Int, singleParagraph: Bool = false, reader: Bool = false, inputs: CorpusInputs) -> Reading? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var arguments = [reader ? "--reader-memory-child" : "--memory-child", String(megabytes)]
        if singleParagraph { arguments.append("--single-paragraph") }
        if let shared = inputs.shared { arguments += ["--shared", shared] }
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard process.terminationStatus == 0, fields.count == 2 else { return nil }
        return Reading(megabytes: megabytes, singleParagraph: singleParagraph, peakBytes: fields[0], beforeBytes: fields[1])
    }

    /// The child: build the corpus, annotate it once, print "peakBytes beforeBytes".
    static func runChild(megabytes: Int, singleParagraph: Bool, inputs: CorpusInputs) {
        let corpus = CorpusBuilder(articles: inputs.articles()).corpus(bytes: megabytes << 20, singleParagraph: singleParagraph)
        let before = statusField("VmRSS")
        let annotated = try? AnnotationPipeline().annotate(bytes: corpus)
        let peak = statusField("VmHWM")
        withExtendedLifetime(annotated) {}
        print("\(peak) \(before)")
    }

    /// The reader's child: write the corpus to a file, open it in the reader (no terminal) until it is
    /// annotated, print "peakBytes beforeBytes".
    static func runReaderChild(megabytes: Int, inputs: CorpusInputs) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-reader-\(getpid()).txt").path
        do {
            let corpus = CorpusBuilder(articles: inputs.articles()).corpus(bytes: megabytes << 20)
            FileManager.default.createFile(atPath: path, contents: Data(corpus))
        }
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: ReaderBenchmark.databaseFolder)
        }
        let before = statusField("VmRSS")
        let (_, state) = ReaderBenchmark.open(path, loader: ArticleLoader())
        let peak = statusField("VmHWM")
        withExtendedLifetime(state) {}
        print("\(peak) \(before)")
    }

    /// A field of `/proc/self/status` in bytes (the file gives kB); 0 where there is no /proc.
    static func statusField(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }
}
