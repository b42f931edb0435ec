import DossierCore

/// Annotates the articles of a feed or folder on several cores and hands them back in input
/// order, one at a time, as each becomes the next to write. With one job, each is annotated on
/// the calling task in turn.
///
/// At most `jobs` articles are annotated at once, and at most `window` are read but not yet
/// written (one slow article holds the others back until it is done), so memory stays bounded
/// however long the feed is. Reading a path stays on the calling task: files are read in order,
/// and a JSON Lines file is read a block at a time and cut into lines as they are needed
/// (`JSONLinesStream`); each line is decoded and parsed by the task that annotates it.
public struct OrderedAnnotation {
    public var loader: ArticleLoader
    /// How many articles are annotated at the same time.
    public let jobs: Int

    /// `jobs` also bounds the threads one huge article's entity windows take (two by default), so
    /// `--jobs 1` keeps to one thread.
    public init(loader: ArticleLoader, jobs: Int) {
        self.loader = loader
        self.jobs = max(1, jobs)
        self.loader.pipeline.entityWindowWorkers = min(loader.pipeline.entityWindowWorkers, self.jobs)
    }

    /// How many articles may wait between being read and being written.
    private var window: Int { jobs * 4 }

    public func run(paths: [String], emit: (LoadedArticle) -> Void) async {
        let pipeline = loader.pipeline
        // JSON Lines records are parsed by the tasks that annotate them, not here on the one reading task.
        var upcoming = UpcomingDocuments(paths: paths, loader: loader)
        if jobs == 1 {
            // One at a time needs no child tasks: a task per article, and the waking of this task
            // when it finished, cost about 2 % of a feed's CPU time in the kernel.
            while let pending = upcoming.next() {
                // Consumed, so the loop does not hold the text while the pipeline runs (issue 13).
                let handOver = DocumentHandOver(consume pending)
                emit(LoadedArticle(source: handOver.source, result: handOver.annotate(with: pipeline)))
            }
            return
        }
        await withTaskGroup(of: (Int, LoadedArticle).self) { group in
            var nextToStart = 0, nextToEmit = 0, running = 0
            var finished: [Int: LoadedArticle] = [:]
            while true {
                // With articles in flight, a feed on a pipe that has nothing more yet is not waited
                // on: the finished articles are written first (`annotate -` behind a crawler).
                while running < jobs, nextToStart - nextToEmit < window, running == 0 || upcoming.mayAnswerAtOnce,
                      let pending = upcoming.next() {
                    let index = nextToStart
                    nextToStart += 1
                    running += 1
                    let handOver = DocumentHandOver(pending)
                    group.addTask {
                        (index, LoadedArticle(source: handOver.source, result: handOver.annotate(with: pipeline)))
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

/// The documents of the paths in order, read one path at a time. Each document is removed from
/// the list as it is handed out, so nothing here keeps its text once it is being annotated (a lazy
/// `flatMap` kept the last path's whole array of documents to the end). A JSON Lines file is read
/// as its records are asked for (`JSONLinesStream`): at most `window` of them wait here at once.
private struct UpcomingDocuments {
    var paths: IndexingIterator<[String]>
    let loader: ArticleLoader
    /// The current path's documents not handed out yet, last first.
    var waiting: [PendingDocument] = []
    /// The current path's records still to be read, when it is a JSON Lines file.
    var stream: JSONLinesStream? = nil

    init(paths: [String], loader: ArticleLoader) {
        self.paths = paths.makeIterator()
        self.loader = loader
    }

    /// Whether `next` would answer without waiting on a streamed input (see `JSONLinesStream`).
    var mayAnswerAtOnce: Bool { !waiting.isEmpty || (stream?.mayAnswerAtOnce ?? true) }

    mutating func next() -> PendingDocument? {
        while true {
            if let document = waiting.popLast() { return document }
            if stream != nil {
                if let document = stream!.next() { return document }
                stream = nil
            }
            guard let path = paths.next() else { return nil }
            switch loader.upcomingDocuments(path) {
            case .listed(let documents): waiting = documents.reversed()
            case .streamed(let records): stream = records
            }
        }
    }
}

/// One document on its way to the task that annotates it. The task takes it out (`annotate`), so the
/// closure that captured this does not hold the document's text while the pipeline runs: for a
/// 50 MB line that was 50 MB more at the peak (issue 13).
private final class DocumentHandOver: @unchecked Sendable {
    let source: String
    /// Set once at creation, taken once by the one task that is given this hand-over.
    private var pending: PendingDocument?

    init(_ pending: PendingDocument) {
        self.source = pending.source
        self.pending = pending
    }

    func annotate(with pipeline: AnnotationPipeline) -> Result<AnnotatedArticle, InputError> {
        guard let taken = pending.take() else { preconditionFailure("a document is annotated once") }
        let document: SourceDocument
        switch taken.resolve() {
        case .failure(let error): return .failure(error)
        case .success(let resolved): document = resolved
        }
        _ = consume taken
        return .success(pipeline.annotate(consume document, source: source))
    }
}
