// dossier-bench: throughput, per-stage times, scaling and peak memory of the annotation core;
// the reader's first frame, frame after a key and memory; the briefing's library and annotation times.
//
//   swift run -c release --package-path Benchmarks dossier-bench            # full run, Markdown table on stdout
//   swift run -c release --package-path Benchmarks dossier-bench --quick    # 1 MB smoke run (CI)
//
// Progress goes to stderr; the Markdown tables go to stdout (Benchmarks/run.sh prints them).
import DossierCore
import Foundation

let options = BenchmarkOptions.parse(CommandLine.arguments.dropFirst())
if let size = options.memoryChildMegabytes {
    MemoryProbe.runChild(megabytes: size, singleParagraph: options.singleParagraph, inputs: options.inputs)
    exit(0)
}
if let size = options.readerMemoryChildMegabytes {
    MemoryProbe.runReaderChild(megabytes: size, inputs: options.inputs)
    exit(0)
}
BenchmarkSuite(options: options).run()
