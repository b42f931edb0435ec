import Foundation

/// Command-line options of `dossier-bench`.
struct BenchmarkOptions {
    /// 1 MB corpus, one run, no 100 MB step: a smoke run that the benchmarks still build and execute.
    var quick = false
    /// Runs per timed measure (the median is reported).
    var runs = 5
    /// Sizes of the scaling measure, in MB.
    var scalingSizes = [1, 10, 100]
    /// Sizes of the peak-memory measure, in MB.
    var memorySizes = [10, 100]
    /// Size of the throughput and per-stage corpus, in MB.
    var throughputMegabytes = 10
    /// Internal: run as the child process that measures peak memory for one size.
    var memoryChildMegabytes: Int?
    var singleParagraph = false
    /// Which parts to run: the core (throughput, stages, scaling, memory), the reader, the briefing.
    var parts: Set<BenchmarkPart> = Set(BenchmarkPart.allCases)
    /// Sizes of the reader's first-frame measure, in MB; the key latencies use the largest.
    var readerSizes = [1, 10]
    /// Sizes of the reader's peak-memory measure, in MB.
    var readerMemorySizes = [10, 100]
    /// Articles in the briefing folder.
    var briefingCount = 1000
    /// Internal: run as the child process that measures the reader's peak memory for one size.
    var readerMemoryChildMegabytes: Int?
    var inputs = CorpusInputs.locate(sharedOverride: nil)

    static func parse(_ arguments: ArraySlice<String>) -> BenchmarkOptions {
        var options = BenchmarkOptions()
        var remaining = arguments[...]
        var shared: String?
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick":
                options.quick = true
                options.runs = 1
                options.scalingSizes = [1]
                options.memorySizes = [1]
                options.throughputMegabytes = 1
                options.readerSizes = [1]
                options.readerMemorySizes = [1]
                options.briefingCount = 100
            case "--core", "--reader", "--briefing":
                // The first part named replaces the default (all); more add to it.
                if options.parts.count == BenchmarkPart.allCases.count { options.parts = [] }
                options.parts.insert(BenchmarkPart(rawValue: String(argument.dropFirst(2)))!)
            case "--reader-memory-child":
                options.readerMemoryChildMegabytes = Int(remaining.popFirst() ?? "")
            case "--runs":
                options.runs = max(1, Int(remaining.popFirst() ?? "") ?? 5)
            case "--max":
                // Cap every input size, e.g. --max 10 to skip the 100 MB steps on a busy machine.
                let cap = max(1, Int(remaining.popFirst() ?? "") ?? 100)
                options.scalingSizes = options.scalingSizes.filter { $0 <= cap }
                options.memorySizes = options.memorySizes.filter { $0 <= cap }
                options.throughputMegabytes = min(options.throughputMegabytes, cap)
                options.readerSizes = options.readerSizes.filter { $0 <= cap }
                options.readerMemorySizes = options.readerMemorySizes.filter { $0 <= cap }
            case "--shared":
                shared = remaining.popFirst()
            case "--memory-child":
                options.memoryChildMegabytes = Int(remaining.popFirst() ?? "")
            case "--single-paragraph":
                options.singleParagraph = true
            case "-h", "--help":
                print("""
                usage: dossier-bench [--quick] [--core] [--reader] [--briefing] [--runs N] [--max MB] [--shared PATH]
                  --quick        1 MB corpus, one run, 100-article briefing (a smoke run for CI)
                  --core         only the annotation core (throughput, stages, scaling, memory)
                  --reader       only the reader (first frame, frame after a key, memory when opening)
                  --briefing     only the briefing (1,000-article folder: library view, all annotated)
                  --max MB       cap every input size (e.g. 10 skips the 100 MB steps)
                  --runs N       runs per timed measure, median reported (default 5)
                  --shared PATH  the shared folder with eval/dev (default: $DOSSIER_SHARED, else ../shared)
                """)
                exit(0)
            default:
                FileHandle.standardError.write(Data("dossier-bench: unknown option \(argument); see --help\n".utf8))
                exit(64)
            }
        }
        if let shared { options.inputs = CorpusInputs.locate(sharedOverride: shared) }
        return options
    }
}

/// The parts of the benchmark run, each chosen with its --name.
enum BenchmarkPart: String, CaseIterable {
    case core, reader, briefing
}
