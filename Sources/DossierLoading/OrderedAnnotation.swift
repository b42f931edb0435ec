import DossierCore

/// Annotates the articles of a feed or folder on several cores and hands them back in input
/// order, one at a time, as each becomes the next to write.
///
/// At most `jobs` articles are annotated at once, and at most `window` are read but not yet
/// written (one slow article holds the others back until it is done), so memory stays bounded
/// however long the feed is. Reading a path stays on the calling task: files are read in order,
/// and a JSON Lines file is read and cut into lines whole; each line is parsed by the task that annotates it.
public struct OrderedAnnotation {
    public var loader: ArticleLoader
    /// How many articles are annotated at the same time.
    public var jobs: Int

    public init(loader: ArticleLoader, jobs: Int) {
        self.loader = loader
        self.jobs = max(1, jobs)
    }

    /// How many articles may wait between being read and being written.
    private var window: Int { jobs * 4 }

    public func run(paths: [String], emit: (LoadedArticle) -> Void) async {
        let pipeline = loader.pipeline
        // JSON Lines records are parsed by the tasks that annotate them, not here on the one reading task.
        let documents = paths.lazy.flatMap { path in loader.pendingDocuments(path) }
        var upcoming = documents.makeIterator()
        await withTaskGroup(of: (Int, LoadedArticle).self) { group in
            var nextToStart = 0, nextToEmit = 0, running = 0
            var finished: [Int: LoadedArticle] = [:]
            while true {
                while running < jobs, nextToStart - nextToEmit < window, let pending = upcoming.next() {
                    let index = nextToStart
                    nextToStart += 1
                    running += 1
                    group.addTask {
                        let source = pending.source
                        return (index, LoadedArticle(source: source, result: pending.resolve().map { pipeline.annotate($0, source: source) }))
                    }
                }
                guard let (index, article) = await group.next() else { break }
                running -= 1
                finished[index] = article
                while let ready = finished.removeValue(forKey: nextToEmit) {
                    emit(ready)
                    nextToEmit += 1
                }
            }
        }
    }
}
