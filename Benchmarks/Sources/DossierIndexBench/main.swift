// dossier-index-bench: the time of building a briefing's entity index (`BriefingIndex(articles:)`)
// and of writing it (`dossier index`'s JSON and text), over the articles of one feed or folder.
//
//   swift build -c release --package-path Benchmarks --product dossier-index-bench
//   Benchmarks/.build/release/dossier-index-bench [--runs N] FEED...
//
// The articles are annotated once (two threads, as `dossier index --jobs 2`), then the index is
// built N times; each time is printed, then the medians. Compare two versions by turns: build
// this binary on each and run them alternately.
import DossierCore
import DossierLoading
import Foundation

var runs = 5
var paths: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--runs", let value = arguments.popFirst().flatMap(Int.init) { runs = value } else { paths.append(argument) }
}
guard !paths.isEmpty else {
    FileHandle.standardError.write("usage: dossier-index-bench [--runs N] FEED...\n".data(using: .utf8)!)
    exit(2)
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let annotateStart = ContinuousClock.now
var articles: [AnnotatedArticle] = []
await OrderedAnnotation(loader: ArticleLoader(), jobs: 2).run(paths: paths) { loaded in
    if case .success(let annotated) = loaded.result { articles.append(annotated) }
}
let mentions = articles.reduce(0) { $0 + $1.entities.reduce(0) { $0 + $1.mentions.count } }
let entityCount = articles.reduce(0) { $0 + $1.entities.count }
print("\(articles.count) articles, \(entityCount) article entities, \(mentions) mentions; annotated in "
      + String(format: "%.1f s", seconds(since: annotateStart)))

var buildTimes: [Double] = [], jsonTimes: [Double] = [], textTimes: [Double] = []
for run in 1...max(1, runs) {
    var start = ContinuousClock.now
    let index = BriefingIndex(articles: articles)
    buildTimes.append(seconds(since: start))
    start = ContinuousClock.now
    var json = ByteSink()
    BriefingIndexOutput.json(index).write(to: &json, pretty: false)
    jsonTimes.append(seconds(since: start))
    start = ContinuousClock.now
    let text = BriefingIndexOutput.text(index)
    textTimes.append(seconds(since: start))
    print(String(format: "run %d: index %.3f s, json %.3f s, text %.3f s (%d entities, %d + %d bytes)",
                 run, buildTimes.last!, jsonTimes.last!, textTimes.last!, index.entities.count, json.bytes.count, text.utf8.count))
}
print(String(format: "median of %d: index %.3f s, json %.3f s, text %.3f s",
             buildTimes.count, median(buildTimes), median(jsonTimes), median(textTimes)))
