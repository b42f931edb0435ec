import DossierCore
import DossierStore
import Foundation

/// Reads, decodes and annotates the reader's articles on one or two background threads, in order,
/// the article being read first. The main loop polls `drain()` between keys and applies what
/// arrived as actions; nothing here touches the reader state.
///
/// For each source: a glimpse of a large file's beginning, then the decoded text as a preview
/// (large files only), then the annotated article. A JSON Lines feed adds its further lines at the end.
public final class BackgroundAnnotator: @unchecked Sendable {
    /// Texts up to this size get a full preview before annotation; above it the glimpse alone keeps
    /// memory down (a preview holds the text twice more while the pipeline runs).
    static let fullPreviewLimit = 32 << 20
    /// Texts smaller than this are annotated without a preview: the pipeline is about as quick.
    static let previewThreshold = 256 << 10

    private enum Job {
        case source(String)
        case prepared(PreparedArticle)
        case taken
    }

    private let loader: any ArticleLoading
    private let store: NoteStore?
    // Guards everything below; held only to take a job or hand over an event, never while working.
    // A condition: a worker with nothing to take waits on it for the jobs another may still add.
    private let lock = NSCondition()
    private var jobs: [Job]
    private var scanFrom = 0
    private var priority = 0
    private var events: [ArticleEvent] = []
    /// Workers started and not yet ended (waiting for a job included).
    private var busyWorkers = 0
    /// Workers doing a job: while one is, more jobs may come (a feed's further articles).
    private var workingWorkers = 0
    private var stopped = false
    private let sources: [String]
    /// What the notes database says of every article (`NoteStore.libraryMarks()`), read when the
    /// first article is annotated: an article read or noted later in this session is marked so by
    /// the session itself, not from here.
    private let marksLock = NSLock()
    private var marks: LibraryMarks?
    /// Each article's index by its source, for a refresh to find the entry it replaces.
    private var indexOfSource: [String: Int] = [:]

    /// `store` answers read/unread and the notes count for the library; nil leaves them unknown.
    public init(sources: [String], loader: any ArticleLoading, store: NoteStore? = nil) {
        self.loader = loader
        self.store = store
        self.jobs = sources.map(Job.source)
        self.sources = sources
    }

    /// With the notes database at `path` (in memory when it cannot be opened), as the reader opens it.
    public convenience init(sources: [String], loader: any ArticleLoading, databasePath: String) {
        self.init(sources: sources, loader: loader, store: NoteStore.openOrInMemory(path: databasePath).store)
    }

    /// Starts the threads: two when there are two cores, else one. Two even for one source: a feed
    /// or a paste turns into many articles once read (with one thread, a feed was annotated on one
    /// core: 3.6 s for a 10 MB feed that `annotate` does in 1.5 s).
    public func start(threads: Int? = nil) {
        let count = threads ?? min(2, max(1, ProcessInfo.processInfo.activeProcessorCount))
        lock.lock()
        busyWorkers = count
        lock.unlock()
        for _ in 0..<count {
            let thread = Thread { [self] in work() }
            // The pipeline is deep on long articles; the default secondary-thread stack can be small.
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    /// Annotate this article next (the one the reader shows).
    public func prioritize(_ index: Int) {
        lock.lock()
        priority = index
        lock.unlock()
    }

    /// What arrived since the last call, in order.
    public func drain() -> [ArticleEvent] {
        lock.lock()
        defer { lock.unlock() }
        let taken = events
        events = []
        return taken
    }

    /// True while a thread still works or events wait to be drained.
    public var isWorking: Bool {
        lock.lock()
        defer { lock.unlock() }
        return busyWorkers > 0 || !events.isEmpty
    }

    /// Asks the threads to stop after their current step (the reader quits).
    public func stop() {
        lock.lock()
        stopped = true
        lock.broadcast()
        lock.unlock()
    }

    /// Waits until every article is done (for the benchmarks and plain-text output), polling.
    public func waitUntilDone() {
        while true {
            lock.lock()
            let busy = busyWorkers > 0
            lock.unlock()
            if !busy { return }
            usleep(2_000)
        }
    }

    /// Reads every source again through `loader.refreshing()` on a thread of its own (`r` in the
    /// library): each article comes back as `.refreshed` in its place, an item new to a feed as `.added`.
    public func refresh() {
        let fresh = loader.refreshing()
        lock.lock()
        busyWorkers += 1
        lock.unlock()
        let thread = Thread { [self] in
            for source in sources where !isStopped {
                for given in fresh.prepare(source) where !isStopped {
                    let prepared = given.unfinished ? fresh.finish(given) : given
                    let index = indexForRefreshed(prepared.source)
                    switch prepared.document {
                    case .failure(let failure): post(.failed(index: index, failure))
                    case .success(let document):
                        let annotated = fresh.annotate(prepared)
                        post(.refreshed(index: index, ArticleDocument(annotated), facts(annotated, metadata: document.metadata, source: prepared.source)))
                    }
                }
            }
            lock.lock()
            busyWorkers -= 1
            lock.unlock()
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// The entry a refreshed article replaces; one the library does not have yet (a new feed item) is added at the end.
    private func indexForRefreshed(_ source: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let known = indexOfSource[source] { return known }
        let index = jobs.count
        indexOfSource[source] = index
        jobs.append(.taken)
        events.append(.added(index: index, source: source))
        return index
    }

    // MARK: - The threads

    private func work() {
        while let (index, job) = nextJob() {
            switch job {
            case .source(let source): process(source: source, index: index)
            case .prepared(let prepared): process(prepared, index: index)
            case .taken: break
            }
            lock.lock()
            workingWorkers -= 1
            // The others may be waiting for this one to add jobs, or to end.
            lock.broadcast()
            lock.unlock()
        }
        lock.lock()
        busyWorkers -= 1
        lock.unlock()
    }

    /// The next job, the article in focus first; nil when stopped, or when none is left and no
    /// worker is doing one that could add more. Waits while another worker may still add some.
    private func nextJob() -> (Int, Job)? {
        lock.lock()
        defer { lock.unlock() }
        while !stopped {
            if let taken = takeJob() {
                workingWorkers += 1
                return taken
            }
            if workingWorkers == 0 { return nil }
            lock.wait()
        }
        return nil
    }

    /// Takes the job in focus, else the first one not taken. Called with the lock held.
    private func takeJob() -> (Int, Job)? {
        var index = priority
        if index >= jobs.count || isTaken(jobs[index]) {
            while scanFrom < jobs.count, isTaken(jobs[scanFrom]) { scanFrom += 1 }
            guard scanFrom < jobs.count else { return nil }
            index = scanFrom
        }
        let job = jobs[index]
        jobs[index] = .taken
        return (index, job)
    }

    private func isTaken(_ job: Job) -> Bool {
        if case .taken = job { return true }
        return false
    }

    private func post(_ event: ArticleEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func process(source: String, index: Int) {
        if let glimpse = loader.glimpse(source), !glimpse.isEmpty {
            post(.previewed(index: index, ArticleDocument(ArticlePreview.article(text: glimpse, source: source)), complete: false))
        }
        // The first article is held until a second one shows the source holds several: one article
        // is annotated here, as it always was; with several, each goes to the jobs as it is read, the
        // first back into this source's own place, so the other thread starts on them at once.
        var first: PreparedArticle?
        var read = 0
        loader.prepareEach(source) { article in
            read += 1
            guard read > 1 else {
                first = article
                return !isStopped
            }
            lock.lock()
            if let held = first.take() {
                jobs[index] = .prepared(held)
                scanFrom = min(scanFrom, index)
            }
            // Further articles of a feed go at the end, where no index already in use moves.
            events.append(.added(index: jobs.count, source: article.source))
            jobs.append(.prepared(article))
            lock.broadcast()
            lock.unlock()
            return !isStopped
        }
        if read == 0 {
            post(.failed(index: index, LoadFailure(reason: "\(source): nothing to read", exitCode: 66)))
        } else if let only = first.take() {
            // Taken out, not copied: the text is held by the pipeline alone while it runs (issue 13).
            process(consume only, index: index)
        }
    }

    /// `prepared` is consumed: handed on to `annotate`, so its text is not held here while the
    /// pipeline runs (issue 13: a 50 MB line's text held once more at the peak).
    private func process(_ prepared: consuming PreparedArticle, index: Int) {
        lock.lock()
        indexOfSource[prepared.source] = index
        lock.unlock()
        if prepared.unfinished {
            // The stand-in (a feed item's title and summary) shows while the rest is fetched.
            if case .success(let summary) = prepared.document {
                post(.previewed(index: index, ArticleDocument(ArticlePreview.article(text: summary.text, source: prepared.source)),
                                complete: false))
            }
            if isStopped { return }
            prepared = loader.finish(prepared)
        }
        let metadata: [String: String]
        switch prepared.document {
        case .failure(let failure):
            post(.failed(index: index, failure))
            return
        case .success(let document):
            metadata = document.metadata
            let size = document.text.utf8.count
            if size >= Self.previewThreshold, size <= Self.fullPreviewLimit {
                post(.previewed(index: index, ArticleDocument(ArticlePreview.article(text: document.text, source: prepared.source)),
                                complete: true))
            }
        }
        if isStopped { return }
        let source = prepared.source
        let annotated = loader.annotate(consume prepared)
        let facts = self.facts(annotated, metadata: metadata, source: source)
        post(.annotated(index: index, ArticleDocument(annotated), facts))
    }

    /// nil without a notes database; nothing read or noted when the database cannot be read, as before.
    private func storedMarks() -> LibraryMarks? {
        guard let store else { return nil }
        marksLock.lock()
        defer { marksLock.unlock() }
        if let marks { return marks }
        let read = (try? store.libraryMarks()) ?? LibraryMarks()
        marks = read
        return read
    }

    private func facts(_ annotated: AnnotatedArticle, metadata: [String: String], source: String) -> LibraryFacts {
        let date = LibraryDate.of(annotated, metadata: metadata) ?? loader.modificationDay(source)
        var facts = LibraryFacts(date: date, words: WordCount.of(annotated.text.scalars),
                                 origin: metadata["source"] ?? metadata["url"])
        if let encoding = metadata["encoding"] { facts.note = "not UTF-8: read as \(encoding)" }
        if let marks = storedMarks() {
            let id = ArticleIdentity.id(of: annotated.text)
            facts.articleID = id
            facts.read = marks.readArticles.contains(id)
            facts.notes = marks.noteCounts[id] ?? 0
        }
        return facts
    }
}
