import Dispatch

/// The large tables the first article's annotation builds on first use (each a `static let`, made
/// once by `swift_once`), and a way to build them ahead of it on the other cores.
///
/// Why: a run on one small article spent most of its time after dynamic linking building these,
/// one after another on one core while the other waited: of `annotate` on a 3-byte file, the
/// entity lexicon's table took 20 %, the entity type model 11 %, the name phrases 9 % (perf,
/// 7 Dec 2026), and on a news article the word clusters and supersenses as much again. They do not
/// depend on each other's order, so the command line starts building them before it parses its
/// arguments, and the annotation waits only for the ones not done yet (Benchmarks/README.md,
/// "Start-up, overlapped (stop 30)").
///
/// Building ahead changes no table: each is still a `static let`, made once whichever thread
/// touches it first (`swift_once` makes a second thread wait for the first), and none is
/// made from another in a cycle, so no two threads can wait on each other.
public enum SharedTables {
    /// The tables worth building ahead, in the order the builders take them: the order in which
    /// an article first needs them, with those that every article needs, names or not, before
    /// the word clusters and supersenses, which only typing a name reads (on a 3-byte file, 43.1 ms
    /// against 47.2 with the clusters second, when a builder busy with them left the phrases to
    /// the annotation).
    /// The model comes second for a machine with several builders: with one, the main thread has
    /// built it for the pipeline by the time the builder reaches it.
    public enum Table: CaseIterable, Sendable {
        /// `EntityLexicon`'s table of known names, with the place, organisation, alias and
        /// given-name lists it reads.
        case entityNames
        /// `EntityTyper.builtInModel`, needed when a pipeline is made.
        case entityTypeModel
        /// `EntityLexicon.phraseTables`: the multi-word names and their words and prefixes.
        case namePhrases
        /// The number words, speech verbs, common words and the given names' sexes: small, but
        /// each read by every article.
        case smallWordLists
        /// `WordClusters`' table of 72,000 word forms.
        case wordClusters
        /// `Supersenses`' table of 33,000 words.
        case supersenses
    }

    /// Builds `table` if no thread has yet, else waits until it is built.
    public static func build(_ table: Table) {
        switch table {
        case .entityNames: _ = EntityLexicon.kind(of: "")
        case .entityTypeModel: _ = EntityTyper.builtInModel
        case .wordClusters: _ = WordClusters.path(of: "")
        case .namePhrases: _ = EntityLexicon.longestPhrase
        case .supersenses: _ = Supersenses.senses(of: "")
        case .smallWordLists:
            _ = NumberLexicon.shared
            _ = SpeechVerbs.contains("")
            _ = CommonWords.all
            _ = CommonWords.functionWords
            _ = GivenNameSex.female
            _ = GivenNameSex.male
        }
    }

    /// Starts building every table on `threads` background threads (none for 0), each taking the
    /// next table in `Table.allCases` order, and returns at once; the group is done when all are
    /// built. Calling it again, or touching a table meanwhile, builds nothing twice.
    ///
    /// Each builder runs on a queue of its own, not on `DispatchQueue.global()`: Swift concurrency's
    /// tasks run on the global queue's threads on Linux, one per core, and a builder there keeps its
    /// thread until the tables are done, so it could hold back the task that annotates (reasoned
    /// from the profile, where the annotation runs on a dispatch worker thread; not measured apart).
    @discardableResult
    public static func buildInBackground(threads: Int) -> DispatchGroup {
        let group = DispatchGroup()
        let waiting = Waiting()
        for builder in 0..<max(0, threads) {
            DispatchQueue(label: "SharedTables.builder.\(builder)").async(group: group) {
                while let table = waiting.next() { build(table) }
            }
        }
        return group
    }

    /// The tables not yet taken by a builder, handed out in order.
    private final class Waiting: @unchecked Sendable {
        // @unchecked: `waiting` is read and changed only under `lock`.
        private let lock = DispatchSemaphore(value: 1)
        private var waiting = Table.allCases[...]

        func next() -> Table? {
            lock.wait()
            defer { lock.signal() }
            return waiting.popFirst()
        }
    }
}
