import Foundation

/// Entity candidates of a huge article, window by window (issue 13, bounded cost on any input).
///
/// `EntityAnnotator` tokenises the whole article at once (56-byte `NameToken`s, one a word): for a
/// 50 MB text that alone was several hundred megabytes. An article longer than `entityWindow`
/// scalars is given to it as consecutive windows of whole paragraphs (a paragraph is at most
/// `StructureParser.longestParagraph` long), each a `StructuredArticle` over the same text with only
/// those paragraphs, so offsets need no shifting and each window's tokens are freed when it is done.
/// Linking, speakers and claims still see every mention of the article. Two windows run at once
/// (`entityWindowWorkers`), one on the caller's thread.
///
/// The price, for such articles only: the evidence the annotator gathers across the article (a word
/// capitalised mid-sentence elsewhere, the document's mix of types) is gathered per window.
///
/// Such an article's numbers are found on a thread of their own while its quotations and speakers
/// are (`runsStagesAlongside`): after the windows, the rest of the article runs on one core.
///
/// Where a 50 MB line's cost is now (Benchmarks/README.md, "A 50 MB line of news text"): its peak
/// (about 250 MB) is the scalars (two bytes each), these windows' scored mentions and the linker's
/// tables; its time is spread like a feed's, the entity candidates first (about 40 %).
extension AnnotationPipeline {
    func scoredMentions(_ article: StructuredArticle) -> ScoredMentions {
        let windows = Self.paragraphWindows(article.paragraphs, longest: entityWindow)
        guard windows.count > 1 else { return entityAnnotator.annotateScored(article) }
        // Windows are independent, so `entityWindowWorkers` of them run at once: one article is
        // otherwise annotated on one core while the other waits. Each window's mentions are added
        // in window order, as soon as those before them are.
        return Self.inOrder(windows.count, workers: entityWindowWorkers, into: ScoredMentions(mentions: [], scores: []),
                            work: { [self] w in
            var part = article
            part.paragraphs = Array(article.paragraphs[windows[w]])
            part.sections = [Section(heading: nil, headingSpan: nil, span: Self.span(of: part.paragraphs),
                                     paragraphIndices: 0..<part.paragraphs.count)]
            return entityAnnotator.annotateScored(part)
        }, add: { all, found in
            all.mentions.append(contentsOf: found.mentions)
            all.scores.append(contentsOf: found.scores)
        })
    }

    /// Whether a stage whose result the next ones do not read (the numbers) runs on a thread of its
    /// own (`PendingValue(alongside:)`): for an article longer than `entityWindow`, when more than
    /// one worker is allowed. After its entity windows such an article was annotated on one core,
    /// its numbers a seventh of that time (perf, the 50 MB line of news text): now they take the
    /// other core while the quotations and speakers are found (8.70 → 7.77 s wall on that line).
    /// Its quotations found alongside the entity windows gained nothing more, and raised the peak
    /// by 13 MB. A news article is not worth a thread: a feed's articles run on every core.
    func runsStagesAlongside(_ article: StructuredArticle) -> Bool {
        entityWindowWorkers > 1 && article.text.count > entityWindow
    }

    /// Runs `work(0) … work(count - 1)` on `workers` threads at most, the caller's among them, each
    /// taking the next index when it is free, and adds each result to `total` in index order, as
    /// soon as the results before it are added.
    ///
    /// A result is let go once added, and a thread waits rather than run more than `workers`
    /// indices ahead of the last added. Holding every result to the end and then copying them, or
    /// letting a helper run ahead of a slower caller, raised the peak of the 50 MB file of short
    /// paragraphs by 30 to 60 MB.
    static func inOrder<Result: Sendable, Total: Sendable>(
        _ count: Int, workers: Int, into total: Total,
        work: @escaping @Sendable (Int) -> Result,
        add: @escaping @Sendable (inout Total, Result) -> Void
    ) -> Total {
        let threads = max(1, min(workers, count))
        let queue = OrderedWork<Result, Total>(count: count, ahead: threads, total: total, add: add)
        let helpers = DispatchGroup()
        // The caller works too, so the work goes on however late the helpers start. Each helper is
        // a serial queue of its own: such a queue always gets a thread, where `concurrentPerform`
        // called from a Swift concurrency task ran every index on the caller's thread.
        for helper in 1..<threads {
            DispatchQueue(label: "AnnotationPipeline.window.\(helper)").async(group: helpers) {
                while let index = queue.nextIndex() { queue.finish(index, work(index)) }
            }
        }
        while let index = queue.nextIndex() { queue.finish(index, work(index)) }
        helpers.wait()
        return queue.takeTotal()
    }

    /// Consecutive runs of paragraphs whose spans together are at most `longest` scalars (a longer
    /// paragraph is a run of its own); one run when the whole article fits.
    static func paragraphWindows(_ paragraphs: [Paragraph], longest: Int) -> [Range<Int>] {
        guard let first = paragraphs.first, let last = paragraphs.last,
              last.span.end - first.span.start > longest else { return [paragraphs.indices] }
        var windows: [Range<Int>] = []
        var start = 0
        for index in paragraphs.indices.dropFirst()
        where paragraphs[index].span.end - paragraphs[start].span.start > longest {
            windows.append(start..<index)
            start = index
        }
        windows.append(start..<paragraphs.count)
        return windows
    }

    static func span(of paragraphs: [Paragraph]) -> Span {
        guard let first = paragraphs.first, let last = paragraphs.last else { return Span(0, 0) }
        return Span(first.span.start, max(first.span.start, last.span.end))
    }
}

/// The work of `AnnotationPipeline.inOrder`: which index is next to do, the results done but not
/// yet added, and the total they are added to, under one lock.
private final class OrderedWork<Result: Sendable, Total: Sendable>: @unchecked Sendable {
    // @unchecked: every property but the constants is read and changed only under `condition`'s lock.
    private let condition = NSCondition()
    private let ahead: Int
    private let add: @Sendable (inout Total, Result) -> Void
    private var nextToDo = 0
    private var nextToAdd = 0
    private var done: [Result?]
    private var total: Total

    init(count: Int, ahead: Int, total: Total, add: @escaping @Sendable (inout Total, Result) -> Void) {
        done = Array(repeating: nil, count: count)
        self.ahead = ahead
        self.total = total
        self.add = add
    }

    /// The next index no thread has taken, once it is at most `ahead` past the next to add; nil
    /// when all are taken. The index it waits on is being worked on by another thread.
    func nextIndex() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextToDo < done.count && nextToDo >= nextToAdd + ahead { condition.wait() }
        guard nextToDo < done.count else { return nil }
        defer { nextToDo += 1 }
        return nextToDo
    }

    /// Records the result of `index`, and adds every result that is now next in order.
    func finish(_ index: Int, _ result: sending Result) {
        condition.lock()
        defer { condition.unlock() }
        done[index] = result
        while nextToAdd < done.count, let ready = done[nextToAdd] {
            done[nextToAdd] = nil
            add(&total, ready)
            nextToAdd += 1
        }
        condition.broadcast()
    }

    func takeTotal() -> Total {
        condition.lock()
        defer { condition.unlock() }
        return total
    }
}

/// A value being made on a thread of its own (or made already), read once by `value()`, which
/// waits for it.
final class PendingValue<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once, by the worker, before `finished` is signalled, and read
    // only after waiting for that signal.
    private var result: Value?
    private let finished = DispatchSemaphore(value: 0)

    /// Runs `work` on a serial queue of its own when `alongside` (such a queue always gets a thread:
    /// see `inOrder`), else at once on the caller's thread.
    init(alongside: Bool, label: String, _ work: @escaping @Sendable () -> Value) {
        guard alongside else {
            result = work()
            finished.signal()
            return
        }
        DispatchQueue(label: label).async { [self] in
            result = work()
            finished.signal()
        }
    }

    /// The value, once made. Call it once: it hands the value over.
    func value() -> Value {
        finished.wait()
        defer { result = nil }
        return result!
    }
}
