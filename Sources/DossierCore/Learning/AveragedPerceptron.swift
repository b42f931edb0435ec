/// A multi-class averaged perceptron over string features (Collins 2002), for the trainers.
///
/// Each mistake adds the example's features to the gold class and subtracts them from the
/// predicted one; the model returned is the average of the weights over every step, which is far
/// steadier than the last weights. Training is deterministic: examples are visited in an order
/// shuffled by a fixed-seed generator, so the same data gives the same model byte for byte.
public struct AveragedPerceptron {
    public let classes: [String]
    private var featureIDs: [String: Int] = [:]
    private var featureNames: [String] = []
    /// Current weights, row-major (feature × class).
    private var weights: [Double] = []
    /// Running sum of every weight over all steps so far, kept lazily with `stamps`.
    private var totals: [Double] = []
    /// The step at which each weight last changed.
    private var stamps: [Int] = []
    private var step = 0

    public init(classes: [String]) {
        precondition(!classes.isEmpty && Set(classes).count == classes.count, "a perceptron needs distinct classes")
        self.classes = classes
    }

    /// One training example: its features (repeats count twice) and the index of its class.
    public struct Example {
        public var features: [String]
        public var label: Int
        public init(features: [String], label: Int) {
            self.features = features
            self.label = label
        }
    }

    /// Trains for `epochs` passes over `examples`, shuffled with `seed` before each pass.
    public mutating func train(_ examples: [Example], epochs: Int, seed: UInt64 = 1) {
        let encoded = examples.map { example -> (ids: [Int], label: Int) in
            precondition(classes.indices.contains(example.label), "label out of range")
            return (example.features.map { id(of: $0) }, example.label)
        }
        var generator = SplitMix64(seed: seed)
        var order = Array(encoded.indices)
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            for k in order { update(encoded[k].ids, label: encoded[k].label) }
        }
    }

    private mutating func id(of feature: String) -> Int {
        if let id = featureIDs[feature] { return id }
        let id = featureNames.count
        featureIDs[feature] = id
        featureNames.append(feature)
        weights.append(contentsOf: repeatElement(0, count: classes.count))
        totals.append(contentsOf: repeatElement(0, count: classes.count))
        stamps.append(contentsOf: repeatElement(0, count: classes.count))
        return id
    }

    private mutating func update(_ ids: [Int], label: Int) {
        step += 1
        var scores = [Double](repeating: 0, count: classes.count)
        for id in ids {
            for c in 0..<classes.count { scores[c] += weights[id * classes.count + c] }
        }
        var guess = 0
        for c in scores.indices where scores[c] > scores[guess] { guess = c }
        guard guess != label else { return }
        for id in ids {
            adjust(id * classes.count + label, by: 1)
            adjust(id * classes.count + guess, by: -1)
        }
    }

    private mutating func adjust(_ index: Int, by delta: Double) {
        totals[index] += Double(step - stamps[index]) * weights[index]
        stamps[index] = step
        weights[index] += delta
    }

    /// The averaged weights as an inference model. With `quantizedTo`, weights are scaled so the
    /// largest is that many units and rounded to whole numbers (the argmax does not change
    /// beyond rounding, and the text is short); features whose weights all round to zero are dropped.
    public func model(quantizedTo levels: Float? = nil) -> LinearModel {
        let width = classes.count
        let steps = Double(max(step, 1))
        var averaged = [Float](repeating: 0, count: weights.count)
        for index in weights.indices {
            let total = totals[index] + Double(step - stamps[index]) * weights[index]
            averaged[index] = Float(total / steps)
        }
        if let levels {
            let largest = averaged.map(abs).max() ?? 0
            let scale = largest > 0 ? levels / largest : 1
            for index in averaged.indices { averaged[index] = (averaged[index] * scale).rounded() }
        }
        var rows: [(name: String, weights: [Float])] = []
        for (id, name) in featureNames.enumerated() {
            let row = Array(averaged[(id * width)..<((id + 1) * width)])
            if row.allSatisfy({ $0 == 0 }) { continue }
            rows.append((name, row))
        }
        // The classes are distinct (checked by the caller's data) and rows have `width` weights.
        return try! LinearModel(classes: classes, rows: rows)
    }
}

/// A small deterministic generator (SplitMix64), so training shuffles the same way everywhere.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
