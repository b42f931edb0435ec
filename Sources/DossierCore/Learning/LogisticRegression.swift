import Foundation

/// Multinomial logistic regression over string features, for the trainers: the same examples and
/// the same `LinearModel` out as `AveragedPerceptron`, but trained to give probabilities
/// (softmax of the class scores) by minimising log loss with an L2 penalty, with AdaGrad steps.
///
/// Why beside the perceptron: the perceptron's averaged weights are not scaled to mean anything,
/// so "how sure" is lost, and which mistakes it happens to see depends on the shuffling order.
/// Log loss with a penalty has one optimum, which the order only approaches.
/// Deterministic: examples are visited in an order shuffled by a fixed-seed generator.
public struct LogisticRegression {
    public let classes: [String]
    /// L2 penalty per example step on the weights of the features present (lazy, as in sparse SGD).
    public var l2: Double
    public var learningRate: Double
    private var featureIDs: [String: Int] = [:]
    private var featureNames: [String] = []
    /// Row-major (feature × class).
    private var weights: [Double] = []
    /// AdaGrad's sum of squared gradients per weight.
    private var squares: [Double] = []

    public init(classes: [String], l2: Double = 1e-4, learningRate: Double = 0.1) {
        precondition(!classes.isEmpty && Set(classes).count == classes.count, "logistic regression needs distinct classes")
        self.classes = classes
        self.l2 = l2
        self.learningRate = learningRate
    }

    public mutating func train(_ examples: [AveragedPerceptron.Example], epochs: Int, seed: UInt64 = 1) {
        let encoded = examples.map { example -> (ids: [Int], label: Int) in
            precondition(classes.indices.contains(example.label), "label out of range")
            return (example.features.map { id(of: $0) }, example.label)
        }
        var generator = SplitMix64(seed: seed)
        var order = Array(encoded.indices)
        var probabilities = [Double](repeating: 0, count: classes.count)
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            for k in order { step(encoded[k].ids, label: encoded[k].label, &probabilities) }
        }
    }

    private mutating func id(of feature: String) -> Int {
        if let id = featureIDs[feature] { return id }
        let id = featureNames.count
        featureIDs[feature] = id
        featureNames.append(feature)
        weights.append(contentsOf: repeatElement(0, count: classes.count))
        squares.append(contentsOf: repeatElement(0, count: classes.count))
        return id
    }

    private mutating func step(_ ids: [Int], label: Int, _ probabilities: inout [Double]) {
        let width = classes.count
        for c in 0..<width { probabilities[c] = 0 }
        for id in ids { for c in 0..<width { probabilities[c] += weights[id * width + c] } }
        let top = probabilities.max() ?? 0
        var sum = 0.0
        for c in 0..<width { probabilities[c] = exp(probabilities[c] - top); sum += probabilities[c] }
        for c in 0..<width { probabilities[c] /= sum }
        for id in ids {
            for c in 0..<width {
                let index = id * width + c
                let gradient = probabilities[c] - (c == label ? 1 : 0) + l2 * weights[index]
                squares[index] += gradient * gradient
                weights[index] -= learningRate * gradient / (squares[index].squareRoot() + 1e-8)
            }
        }
    }

    /// The weights as an inference model, quantized as `AveragedPerceptron.model(quantizedTo:)` does.
    public func model(quantizedTo levels: Float? = nil) -> LinearModel {
        let width = classes.count
        var scaled = weights.map { Float($0) }
        if let levels {
            let largest = scaled.map(abs).max() ?? 0
            let scale = largest > 0 ? levels / largest : 1
            for index in scaled.indices { scaled[index] = (scaled[index] * scale).rounded() }
        }
        var rows: [(name: String, weights: [Float])] = []
        for (id, name) in featureNames.enumerated() {
            let row = Array(scaled[(id * width)..<((id + 1) * width)])
            if row.allSatisfy({ $0 == 0 }) { continue }
            rows.append((name, row))
        }
        return try! LinearModel(classes: classes, rows: rows)
    }
}
