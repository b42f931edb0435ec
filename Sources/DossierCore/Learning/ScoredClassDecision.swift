/// Chooses how readily a classifier answers a *scored* class rather than an unscored one, for
/// entity F1 as the scorer counts it.
///
/// Why not plain argmax: a name left unscored ("other", "none") costs one miss, but a name given
/// a wrong scored type costs a miss and a false positive. F1 = 2TP / (2TP + FP + FN) grows with one
/// more answer exactly when that answer is right with probability above F/2 (Lipton, Elkan and
/// Naryanaswamy 2014), so the best rule answers a scored class well below an even chance, and
/// argmax over uncalibrated perceptron scores need not be near that point. The rule here is argmax
/// after subtracting an offset from every unscored class (and a further one from "none", the
/// class of candidates that name nothing): two numbers, chosen on held-out predictions (nested
/// cross-validation in the trainer, never on the documents being evaluated) and folded into the
/// model's "bias" row, so inference and the model text are unchanged.
public struct ScoredClassDecision: Equatable, Sendable {
    /// Subtracted from the bias of every unscored class.
    public var unscoredOffset: Float
    /// Subtracted further from the bias of the "none" class.
    public var noneOffset: Float

    public init(unscoredOffset: Float, noneOffset: Float) {
        self.unscoredOffset = unscoredOffset
        self.noneOffset = noneOffset
    }

    /// A held-out prediction: the model's score per class and the true class.
    public struct Prediction {
        public var scores: [Float]
        public var label: Int
        public init(scores: [Float], label: Int) {
            self.scores = scores
            self.label = label
        }
    }

    /// The F1 counts of answering with these offsets: a prediction of a scored class is a true
    /// positive when it is the label and a false positive otherwise (a wrong scored type, a name
    /// of an unscored kind, or no name); every scored label not predicted is a miss, plus
    /// `unreachable` gold names that no candidate covers. Unscored labels answered unscored cost nothing.
    public func counts(_ predictions: [Prediction], scored: Set<Int>, none: Int?, unreachable: Int = 0)
        -> (tp: Int, fp: Int, fn: Int) {
        var tp = 0, fp = 0, fn = unreachable
        var adjusted: [Float] = []
        for prediction in predictions {
            adjusted = prediction.scores
            for c in adjusted.indices where !scored.contains(c) { adjusted[c] -= unscoredOffset }
            if let none, adjusted.indices.contains(none) { adjusted[none] -= noneOffset }
            let guess = LinearModel.argmax(adjusted)
            let labelScored = scored.contains(prediction.label)
            if scored.contains(guess) {
                if guess == prediction.label { tp += 1 } else { fp += 1; if labelScored { fn += 1 } }
            } else if labelScored {
                fn += 1
            }
        }
        return (tp, fp, fn)
    }

    public static func f1(_ counts: (tp: Int, fp: Int, fn: Int)) -> Double {
        let denominator = 2 * counts.tp + counts.fp + counts.fn
        return denominator == 0 ? 0 : Double(2 * counts.tp) / Double(denominator)
    }

    /// The offsets of `grid` × `grid` with the highest F1 over `predictions`; on a tie the one
    /// nearest plain argmax (smallest total magnitude), so flat stretches do not drift.
    public static func best(_ predictions: [Prediction], scored: Set<Int>, none: Int?, unreachable: Int = 0,
                            grid: [Float]) -> ScoredClassDecision {
        var best = ScoredClassDecision(unscoredOffset: 0, noneOffset: 0)
        var bestF1 = f1(best.counts(predictions, scored: scored, none: none, unreachable: unreachable))
        for unscored in grid {
            for noneOffset in (none == nil ? [0] : grid) {
                let decision = ScoredClassDecision(unscoredOffset: unscored, noneOffset: noneOffset)
                let f = f1(decision.counts(predictions, scored: scored, none: none, unreachable: unreachable))
                let magnitude = abs(unscored) + abs(noneOffset)
                let bestMagnitude = abs(best.unscoredOffset) + abs(best.noneOffset)
                if f > bestF1 + 1e-12 || (abs(f - bestF1) <= 1e-12 && magnitude < bestMagnitude) {
                    best = decision
                    bestF1 = f
                }
            }
        }
        return best
    }

    /// `model` with the offsets subtracted from the bias row (`biasFeature`) of the unscored classes.
    /// A model without that row is returned unchanged.
    public func applied(to model: LinearModel, scored: Set<String>, none: String?, biasFeature: String = "bias") -> LinearModel {
        let width = model.classes.count
        var rows = model.featureNames.indices.map { row in
            (name: model.featureNames[row], weights: Array(model.weights[(row * width)..<((row + 1) * width)]))
        }
        guard let bias = rows.firstIndex(where: { $0.name == biasFeature }) else { return model }
        for (c, name) in model.classes.enumerated() where !scored.contains(name) {
            rows[bias].weights[c] -= unscoredOffset
            if name == none { rows[bias].weights[c] -= noneOffset }
        }
        // Same classes and row widths as `model`, which was valid.
        return try! LinearModel(classes: model.classes, rows: rows)
    }
}
