import Dispatch
import Testing
@testable import DossierCore

@Suite struct SharedTablesTests {
    /// Builders on background threads and a thread that reaches the same tables from the other end
    /// of the list (as an annotation may) must not wait on each other for ever, and every table
    /// answers afterwards.
    @Test func buildingAheadFinishesWhileTheTablesAreTouchedFromTheOtherEnd() {
        let builders = SharedTables.buildInBackground(threads: 2)
        for table in SharedTables.Table.allCases.reversed() { SharedTables.build(table) }
        #expect(builders.wait(timeout: .now() + 120) == .success)
        #expect(EntityLexicon.kind(of: "Pakistan") == .place)
        #expect(EntityLexicon.longestPhrase > 1)
        #expect(!EntityTyper.builtInModel.classes.isEmpty)
    }

    /// The table builders read nothing another builder changes: each table made on several threads
    /// at once, all the builders running together, equals the same table made alone. (The word
    /// lists they read may be built already by other tests; those are `static let`s too.)
    @Test func tablesBuiltConcurrentlyEqualTablesBuiltSerially() {
        let names = Built<WordTable<NameFacts>>(), phrases = Built<EntityLexicon.PhraseTables>()
        let clusters = Built<WordTable<WordClusters.Path>>(), senses = Built<WordTable<Supersenses.Senses>>()
        let models = Built<LinearModel>()
        let copies = 2
        DispatchQueue.concurrentPerform(iterations: 5 * copies) { job in
            switch job % 5 {
            case 0: names.add(EntityLexicon.makeTable())
            case 1: phrases.add(EntityLexicon.makePhraseTables())
            case 2: clusters.add(WordClusters.makeTable())
            case 3: senses.add(Supersenses.makeTable())
            default: models.add(EntityTyper.parseBuiltInModel())
            }
        }
        let serialNames = EntityLexicon.makeTable(), serialPhrases = EntityLexicon.makePhraseTables()
        let serialClusters = WordClusters.makeTable(), serialSenses = Supersenses.makeTable()
        let serialModel = EntityTyper.parseBuiltInModel()
        // Not empty, so that equal means something.
        #expect(serialNames.count > 10_000 && serialClusters.count > 10_000 && serialSenses.count > 10_000)
        #expect(names.all.count == copies && names.all.allSatisfy { $0 == serialNames })
        #expect(phrases.all.count == copies && phrases.all.allSatisfy { $0 == serialPhrases })
        #expect(clusters.all.count == copies && clusters.all.allSatisfy { $0 == serialClusters })
        #expect(senses.all.count == copies && senses.all.allSatisfy { $0 == serialSenses })
        #expect(models.all.count == copies && models.all.allSatisfy {
            $0.classes == serialModel.classes && $0.featureNames == serialModel.featureNames && $0.weights == serialModel.weights
        })
    }
}

/// Tables made on several threads, kept under a lock.
private final class Built<Table>: @unchecked Sendable {
    // @unchecked: `tables` is read and changed only under `lock`.
    private let lock = DispatchSemaphore(value: 1)
    private var tables: [Table] = []

    func add(_ table: Table) {
        lock.wait()
        tables.append(table)
        lock.signal()
    }

    var all: [Table] {
        lock.wait()
        defer { lock.signal() }
        return tables
    }
}
