/// A trained multi-class linear model for inference: one weight per (feature, class); the score of
/// a class is the sum of its weights over the features present, and the answer is the argmax.
///
/// Features are looked up by `FeatureHash` in an open-addressing table, so scoring a mention costs
/// a few multiplications per feature and no allocation when the caller reuses its score buffer.
/// The feature names are kept only to write the model back as text.
public struct LinearModel: Sendable {
    public let classes: [String]
    /// Feature names in row order.
    public let featureNames: [String]
    /// Row-major: `weights[row * classes.count + c]`.
    public let weights: [Float]
    /// Open addressing over the rows, at most half full. A slot holds its key beside its row, so
    /// a probe touches one cache line, not two (the table is larger than the L1 cache).
    private let slots: [Slot]
    private let mask: Int
    /// `classes.count`, kept beside the weights so that scoring does not reach into `classes`.
    private let width: Int

    struct Slot {
        var key: UInt64 = 0
        /// Row + 1, or 0 for an empty slot.
        var entry: Int32 = 0
    }

    /// A model from its classes and rows; rows whose names hash alike are summed.
    public init(classes: [String], rows: [(name: String, weights: [Float])]) throws(LinearModelError) {
        guard !classes.isEmpty else { throw .noClasses }
        guard Set(classes).count == classes.count else { throw .duplicateClass }
        for row in rows where row.weights.count != classes.count {
            throw .wrongWeightCount(feature: row.name, expected: classes.count, found: row.weights.count)
        }
        var keys: [UInt64] = [], weights: [Float] = []
        keys.reserveCapacity(rows.count)
        weights.reserveCapacity(rows.count * classes.count)
        for row in rows {
            keys.append(FeatureHash(row.name).value)
            weights.append(contentsOf: row.weights)
        }
        self.init(checkedClasses: classes, names: rows.map(\.name), keys: keys, weights: weights)
    }

    /// A model from rows laid out flat, in order: row r is `names[r]`, hashed to `keys[r]`, with the
    /// weights `weights[r * classes.count ..< (r + 1) * classes.count]`. The classes are distinct
    /// and not empty. Rows whose names hash alike are summed into the first, in row order; the
    /// others are dropped from the names and weights in place.
    init(checkedClasses classes: [String], names: [String], keys: [UInt64], weights: [Float]) {
        let width = classes.count
        let rowCount = keys.count
        precondition(names.count == rowCount && weights.count == rowCount * width, "one name, key and row of weights per row")
        var capacity = 16
        while capacity < rowCount * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var names = names
        var weights = weights
        var kept = 0
        for row in 0..<rowCount {
            let key = keys[row]
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while slots[slot].entry != 0, slots[slot].key != key { slot = (slot + 1) & (capacity - 1) }
            if slots[slot].entry != 0 {
                // Row `row` lies at or past `kept`, where nothing has been written yet.
                let base = (Int(slots[slot].entry) - 1) * width
                for c in 0..<width { weights[base + c] += weights[row * width + c] }
                continue
            }
            if kept != row {
                names.swapAt(kept, row)
                for c in 0..<width { weights[kept * width + c] = weights[row * width + c] }
            }
            kept += 1
            slots[slot] = Slot(key: key, entry: Int32(kept))
        }
        if kept < rowCount {
            names.removeLast(rowCount - kept)
            weights.removeLast((rowCount - kept) * width)
        }
        self.classes = classes
        self.featureNames = names
        self.weights = weights
        self.slots = slots
        self.mask = capacity - 1
        self.width = width
    }

    /// The row of a feature, or nil when the model has never seen it.
    @inline(__always)
    func row(_ feature: FeatureHash) -> Int? {
        let key = feature.value
        return slots.withUnsafeBufferPointer { slots in
            // `mask` is the table's size minus one, so every probe is in bounds.
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let found = slots[slot]
                if found.entry == 0 { return nil }
                if found.key == key { return Int(found.entry) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The rows of `features` in order (-1 for a feature the model never saw), into `rows`
    /// (emptied first): `row` of each, with the first slot of every feature loaded before any is
    /// probed, so that their cache misses overlap instead of each waiting behind the branches
    /// of the probe before it (`ScoringFeatureSink.finish` with its lookups, 10 MB feed: 4.1 %
    /// of the samples looking up one feature at a time, 3.6 % so).
    func rows(of features: [FeatureHash], into rows: inout [Int]) {
        rows.removeAll(keepingCapacity: true)
        rows.reserveCapacity(features.count)
        let mask = mask
        slots.withUnsafeBufferPointer { slots in
            features.withUnsafeBufferPointer { features in
                withUnsafeTemporaryAllocation(of: Slot.self, capacity: features.count) { first in
                    // The loads alone, with no branch on what they read.
                    for k in features.indices { first[k] = slots[Int(truncatingIfNeeded: features[k].value) & mask] }
                    for k in features.indices {
                        let key = features[k].value
                        var found = first[k], slot = Int(truncatingIfNeeded: key) & mask
                        while found.entry != 0, found.key != key {
                            slot = (slot + 1) & mask
                            found = slots[slot]
                        }
                        rows.append(Int(found.entry) - 1)
                    }
                }
            }
        }
    }

    /// Adds the weights of `feature` (times `value`) to `scores`, which has one entry per class.
    @inline(__always)
    public func accumulate(_ feature: FeatureHash, value: Float = 1, into scores: inout [Float]) {
        guard let row = row(feature) else { return }
        let width = width
        precondition(scores.count == width, "one score per class")
        let base = row * width
        // Unchecked: a row's `width` weights lie inside `weights` by construction. The sums are
        // made in the same order as ever, so the scores are bit for bit the same.
        weights.withUnsafeBufferPointer { weights in
            scores.withUnsafeMutableBufferPointer { scores in
                for c in 0..<width { scores[c] += weights[base + c] * value }
            }
        }
    }

    /// The score of every class for a set of features.
    public func scores(_ features: [FeatureHash]) -> [Float] {
        var scores = [Float](repeating: 0, count: classes.count)
        for feature in features { accumulate(feature, into: &scores) }
        return scores
    }

    public func scores(_ features: [String]) -> [Float] { scores(features.map(FeatureHash.init)) }

    /// The index of the highest score (the first on a tie).
    public static func argmax(_ scores: [Float]) -> Int {
        var best = 0
        for c in scores.indices where scores[c] > scores[best] { best = c }
        return best
    }

    public func predict(_ features: [String]) -> String { classes[Self.argmax(scores(features))] }

    public func classIndex(_ name: String) -> Int? { classes.firstIndex(of: name) }
}

public enum LinearModelError: Error, Equatable, CustomStringConvertible {
    case noClasses
    case duplicateClass
    case wrongWeightCount(feature: String, expected: Int, found: Int)
    case malformed(line: Int, reason: String)

    public var description: String {
        switch self {
        case .noClasses: "linear model: no classes"
        case .duplicateClass: "linear model: a class is named twice"
        case .wrongWeightCount(let feature, let expected, let found):
            "linear model: feature \"\(feature)\" has \(found) weights, expected \(expected)"
        case .malformed(let line, let reason): "linear model, line \(line): \(reason)"
        }
    }
}

extension LinearModel {
    /// The mean of models over the same classes, row by row (a feature missing from a model
    /// weighs 0 there), quantized as `AveragedPerceptron.model(quantizedTo:)` does: for the
    /// trainers, which average perceptrons shuffled with different seeds (bagging the seed away).
    public static func average(_ models: [LinearModel], quantizedTo levels: Float) -> LinearModel {
        precondition(!models.isEmpty && models.allSatisfy { $0.classes == models[0].classes }, "models over the same classes")
        let classes = models[0].classes, width = classes.count
        var order: [String] = []
        var means: [String: [Float]] = [:]
        for model in models {
            for (row, name) in model.featureNames.enumerated() {
                if means[name] == nil { order.append(name); means[name] = [Float](repeating: 0, count: width) }
                for c in 0..<width { means[name]![c] += model.weights[row * width + c] / Float(models.count) }
            }
        }
        let largest = means.values.lazy.flatMap { $0 }.map(abs).max() ?? 0
        let scale = largest > 0 ? levels / largest : 1
        let rows = order.compactMap { name -> (name: String, weights: [Float])? in
            let weights = means[name]!.map { ($0 * scale).rounded() }
            return weights.allSatisfy { $0 == 0 } ? nil : (name, weights)
        }
        // Cannot throw: the classes are those of a model, and every row has one weight per class.
        return try! LinearModel(classes: classes, rows: rows)
    }
}
