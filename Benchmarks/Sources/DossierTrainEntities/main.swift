// dossier-train-entities [--exclude LISTFILE] [--epochs N] [--seed N] [--bag K] [--learner perceptron|logistic [--l2 X] [--rate X]]
//                        [--decision fixed|tuned [--inner-folds K] [--held-out FILE]] [--other-penalty P] [--none-penalty P]
//                        (--out MODEL.txt | --swift-out MODEL.swift) GOLD_DIR...
//
// Trains the entity type model (an averaged perceptron over `EntityTypeFeatures`) from gold
// articles: the entity annotator's candidate names in each gold text are labelled with the type
// of the gold name they hit (the scorer's rule: overlapping its head word, inside its span), and
// "other" when they hit none. Deterministic: files in name order, a fixed shuffling seed (--seed
// changes it: cross-validated F1 moves by about 0.01 with the seed alone, so compare a change over
// several seeds, TRAIN_ARGS="--seed N" Benchmarks/cv-entities.sh). `--bag K` (default 5) averages K
// perceptrons shuffled with seeds N to N+K-1, which halves that spread; `--bag 1` is one perceptron.
//
// The decision between a scored type (person, organisation, place) and an unscored class is fixed by
// default (`--other-penalty`, `--none-penalty` on the bias row). `--decision tuned` chooses it from the
// data instead: K-fold cross-validation *inside* the training documents (by document, `--inner-folds`,
// default 4) gives held-out scores for every candidate, and the offsets of `ScoredClassDecision` that
// maximise entity F1 over them are folded into the bias row; `--held-out FILE` writes those held-out
// scores (label, then one score per class) for analysis. Measured over seeds it did not beat the fixed
// penalty (docs/QUALITY.md, "F1-optimal type decision"): the F1 surface over the offsets is flat near
// argmax, and the chosen offsets differ from fold to fold. `--learner logistic` trains a
// `LogisticRegression` instead of the perceptron (same section: better on train/, worse on dev/).
import DossierCore
import Foundation

struct Options {
    var exclude: Set<String> = []
    var out: String?
    var swiftOut: String?
    /// 20 passes: cross-validated entity F1 rose on both train/ and dev/ over 12 (Benchmarks/cv-entities.sh).
    var epochs = 20
    /// The perceptron's shuffling seed; 12 made the built-in models.
    var seed: UInt64 = 12
    /// How many perceptrons, shuffled with seeds `seed`, `seed + 1`, …, are averaged into the model.
    /// One perceptron's cross-validated train/ F1 has a standard deviation of 0.004 over seeds; the
    /// mean of five, 0.002, and it is higher (0.792 → 0.797 over eight seeds, docs/QUALITY.md).
    var bag = 5
    /// Subtracted from the "other" class's bias (in units of the largest weight, 1000): the cost of
    /// calling a real name "other" (a missed name) is higher than that of a wrong type.
    var otherPenalty: Float = 0
    /// The same for the "none" class (no name at all), which is also `EntityKind.other` at run time.
    /// Most lost points are real names left untyped (none): 100 was best of 0, 100, 150, 300 in
    /// cross-validation for one perceptron; for the mean of five (`bag`), 150–300 were alike and
    /// above 100 (docs/QUALITY.md), and 200 is the middle of them.
    var nonePenalty: Float = 200
    /// Tune the scored/unscored decision by nested cross-validation (see the header), or use the penalties.
    var tuneDecision = false
    var heldOutFile: String?
    var innerFolds = 4
    /// "perceptron" (averaged) or "logistic" (`LogisticRegression`, with `l2` and `rate`).
    var learner = "perceptron"
    var l2 = 1e-4
    /// AdaGrad's step: 0.02–0.03 gave the best held-out F1 of 0.01, 0.02, 0.03, 0.05, 0.1, 0.3 (inner folds).
    var rate = 0.03
    var folders: [String] = []
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("dossier-train-entities: " + message + "\n").utf8))
    exit(64)
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var index = 0
    func value(_ flag: String) -> String {
        index += 1
        guard index < arguments.count else { fail("\(flag) needs a value") }
        return arguments[index]
    }
    while index < arguments.count {
        switch arguments[index] {
        case "--exclude":
            let path = value("--exclude")
            guard let list = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
            options.exclude = Set(list.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        case "--out": options.out = value("--out")
        case "--swift-out": options.swiftOut = value("--swift-out")
        case "--epochs":
            guard let epochs = Int(value("--epochs")), epochs > 0 else { fail("--epochs needs a positive number") }
            options.epochs = epochs
        case "--seed":
            guard let seed = UInt64(value("--seed")) else { fail("--seed needs a non-negative whole number") }
            options.seed = seed
        case "--bag":
            guard let bag = Int(value("--bag")), bag > 0 else { fail("--bag needs a positive number") }
            options.bag = bag
        case "--other-penalty":
            guard let penalty = Float(value("--other-penalty")) else { fail("--other-penalty needs a number") }
            options.otherPenalty = penalty
        case "--none-penalty":
            guard let penalty = Float(value("--none-penalty")) else { fail("--none-penalty needs a number") }
            options.nonePenalty = penalty
        case "--decision":
            switch value("--decision") {
            case "tuned": options.tuneDecision = true
            case "fixed": options.tuneDecision = false
            default: fail("--decision is tuned or fixed")
            }
        case "--learner":
            options.learner = value("--learner")
            guard ["perceptron", "logistic", "both"].contains(options.learner) else { fail("--learner is perceptron, logistic or both") }
        case "--l2":
            guard let l2 = Double(value("--l2")), l2 >= 0 else { fail("--l2 needs a non-negative number") }
            options.l2 = l2
        case "--rate":
            guard let rate = Double(value("--rate")), rate > 0 else { fail("--rate needs a positive number") }
            options.rate = rate
        case "--held-out": options.heldOutFile = value("--held-out")
        case "--inner-folds":
            guard let folds = Int(value("--inner-folds")), folds >= 2 else { fail("--inner-folds needs a number of at least 2") }
            options.innerFolds = folds
        case let flag where flag.hasPrefix("-"): fail("unknown option \(flag)")
        case let folder: options.folders.append(folder)
        }
        index += 1
    }
    guard options.out != nil || options.swiftOut != nil else { fail("give --out MODEL.txt or --swift-out MODEL.swift") }
    guard !options.folders.isEmpty else { fail("give at least one folder of gold *.json files") }
    return options
}

/// One gold name: its span, the span of its head word, and its type.
struct GoldName {
    var start: Int, end: Int, headStart: Int, headEnd: Int
    var type: String
}

let scoredTypes: Set<String> = ["person", "organization", "place"]
/// "other": a gold name of a type not scored (a work, an abstract); "none": no gold name at all.
/// Both are `EntityKind.other` at run time.
let classes = ["person", "organization", "place", "group", "event", "other", "none"]

func goldNames(_ json: [String: Any]) -> [GoldName] {
    (json["entities"] as? [[String: Any]] ?? []).compactMap { entity in
        guard let start = entity["start"] as? Int, let end = entity["end"] as? Int else { return nil }
        return GoldName(start: start, end: end, headStart: entity["head_start"] as? Int ?? start,
                        headEnd: entity["head_end"] as? Int ?? end, type: entity["type"] as? String ?? "other")
    }
}

/// The class of a candidate: the type of the innermost gold name it hits (scored types first);
/// else "other" when it overlaps only gold names of unscored types (a work, an abstract); else
/// "none": it names nothing, or only part of a longer name ("Pakistani" in "Pakistani officials").
func label(of span: Span, in golds: [GoldName]) -> String {
    let hits = golds.filter { span.start < $0.headEnd && $0.headStart < span.end && $0.start <= span.start && span.end <= $0.end }
    let scored = hits.filter { scoredTypes.contains($0.type) }.min { $0.end - $0.start < $1.end - $1.start }
    if let scored { return scored.type }
    if let hit = hits.first { return classes.contains(hit.type) ? hit.type : "other" }
    let overlapping = golds.filter { span.start < $0.end && $0.start < span.end }
    if !overlapping.isEmpty, !overlapping.contains(where: { scoredTypes.contains($0.type) }) { return "other" }
    return "none"
}

/// The scored gold names that no candidate hits (the scorer's rule), leaving out names inside a
/// longer gold name (the scorer does not count those as misses).
func unreachableNames(_ golds: [GoldName], candidates: [Span]) -> Int {
    golds.filter { gold in
        guard scoredTypes.contains(gold.type) else { return false }
        let optional = golds.contains { other in
            other.start <= gold.start && gold.end <= other.end && other.end - other.start > gold.end - gold.start
        }
        if optional { return false }
        return !candidates.contains { span in
            span.start < gold.headEnd && gold.headStart < span.end && gold.start <= span.start && span.end <= gold.end
        }
    }.count
}

/// The model with `penalty` subtracted from the bias of class `name`.
func withBiasPenalty(_ model: LinearModel, _ name: String, _ penalty: Float) -> LinearModel {
    guard penalty != 0, let target = model.classes.firstIndex(of: name) else { return model }
    var rows = model.featureNames.indices.map { row in
        (name: model.featureNames[row], weights: Array(model.weights[(row * model.classes.count)..<((row + 1) * model.classes.count)]))
    }
    guard let bias = rows.firstIndex(where: { $0.name == "bias" }) else { return model }
    rows[bias].weights[target] -= penalty
    return try! LinearModel(classes: model.classes, rows: rows)
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
var files: [String] = []
for folder in options.folders {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { fail("cannot list \(folder)") }
    files += names.filter { $0.hasSuffix(".json") && !options.exclude.contains($0) }.sorted().map { folder + "/" + $0 }
}
guard !files.isEmpty else { fail("no gold files left to train on") }

/// Each document's training examples, and how many of its scored gold names no candidate hits
/// (misses whatever the types: they set the F1 level the decision is tuned at).
var documents: [(examples: [AveragedPerceptron.Example], unreachable: Int)] = []
var counts: [String: Int] = [:]
let annotator = EntityAnnotator()
for path in files {
    guard let data = FileManager.default.contents(atPath: path),
          let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let text = json["text"] as? String else { fail("\(path): not a gold article (JSON with a \"text\")") }
    if json["quotes_only"] as? Bool == true { continue }
    let golds = goldNames(json)
    let article = StructureParser().parse(ArticleText(text))
    var examples: [AveragedPerceptron.Example] = []
    var spans: [Span] = []
    for candidate in annotator.trainingCandidates(article) {
        let type = label(of: candidate.mention.span, in: golds)
        counts[type, default: 0] += 1
        examples.append(.init(features: candidate.features, label: classes.firstIndex(of: type)!))
        spans.append(candidate.mention.span)
    }
    documents.append((examples, unreachableNames(golds, candidates: spans)))
}
let examples = documents.flatMap(\.examples)

func train(_ examples: [AveragedPerceptron.Example]) -> LinearModel {
    func regression() -> LinearModel {
        var regression = LogisticRegression(classes: classes, l2: options.l2, learningRate: options.rate)
        regression.train(examples, epochs: options.epochs, seed: options.seed)
        return regression.model(quantizedTo: 1000)
    }
    func perceptron() -> LinearModel {
        let models = (0..<options.bag).map { k -> LinearModel in
            var perceptron = AveragedPerceptron(classes: classes)
            perceptron.train(examples, epochs: options.epochs, seed: options.seed + UInt64(k))
            return perceptron.model(quantizedTo: options.bag == 1 ? 1000 : nil)
        }
        return options.bag == 1 ? models[0] : LinearModel.average(models, quantizedTo: 1000)
    }
    switch options.learner {
    case "logistic": return regression()
    case "both":
        // The sum of the two models' scores, each quantized to the same scale (rows of one name add up).
        let models = [perceptron(), regression()]
        let rows = models.flatMap { model in
            model.featureNames.indices.map { row in
                (name: model.featureNames[row], weights: Array(model.weights[(row * classes.count)..<((row + 1) * classes.count)]))
            }
        }
        return try! LinearModel(classes: classes, rows: rows)
    default: return perceptron()
    }
}

let scoredClasses = Set(classes.indices.filter { scoredTypes.contains(classes[$0]) })
let model: LinearModel
var decisionSummary = ""
if options.tuneDecision {
    // Held-out scores of every candidate from models trained without its document (documents dealt
    // round-robin in name order), then the offsets with the best F1 over all of them.
    var heldOut: [ScoredClassDecision.Prediction] = []
    for fold in 0..<options.innerFolds {
        let inner = train(documents.indices.filter { $0 % options.innerFolds != fold }.flatMap { documents[$0].examples })
        for index in documents.indices where index % options.innerFolds == fold {
            for example in documents[index].examples {
                heldOut.append(.init(scores: inner.scores(example.features), label: example.label))
            }
        }
    }
    let unreachable = documents.reduce(0) { $0 + $1.unreachable }
    if let dump = options.heldOutFile {
        let lines = heldOut.map { "\($0.label)\t" + $0.scores.map { String($0) }.joined(separator: " ") }
        try? (["unreachable\t\(unreachable)"] + lines).joined(separator: "\n").write(toFile: dump, atomically: true, encoding: .utf8)
    }
    let none = classes.firstIndex(of: "none")
    let grid = stride(from: Float(-200), through: 400, by: 10).map { $0 }
    let plain = ScoredClassDecision(unscoredOffset: 0, noneOffset: 0)
    let decision = ScoredClassDecision.best(heldOut, scored: scoredClasses, none: none, unreachable: unreachable, grid: grid)
    let before = ScoredClassDecision.f1(plain.counts(heldOut, scored: scoredClasses, none: none, unreachable: unreachable))
    let after = ScoredClassDecision.f1(decision.counts(heldOut, scored: scoredClasses, none: none, unreachable: unreachable))
    decisionSummary = String(format: "; decision tuned over %d inner folds: unscored offset %g, none offset %g (held-out F1 %.3f -> %.3f)",
                             options.innerFolds, decision.unscoredOffset, decision.noneOffset, before, after)
    model = decision.applied(to: train(examples), scored: scoredTypes, none: "none")
} else {
    model = withBiasPenalty(withBiasPenalty(train(examples), "other", options.otherPenalty), "none", options.nonePenalty)
}
let summary = classes.map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
FileHandle.standardError.write(Data(("\(files.count) files, \(examples.count) candidates (\(summary)), \(model.featureNames.count) features\(decisionSummary)\n").utf8))

if let out = options.out {
    do { try model.text.write(toFile: out, atomically: true, encoding: .utf8) } catch { fail("cannot write \(out): \(error)") }
}
if let swiftOut = options.swiftOut {
    let source = """
    // generated by Scripts/train-models.sh, do not edit
    // The entity type model (dossier-train-entities over ../shared/eval/train and ../shared/eval/dev).

    enum EntityTypeModel {
        static let text = ##\"\"\"
    \(model.text)\"\"\"##
    }

    """
    do { try source.write(toFile: swiftOut, atomically: true, encoding: .utf8) } catch { fail("cannot write \(swiftOut): \(error)") }
}
