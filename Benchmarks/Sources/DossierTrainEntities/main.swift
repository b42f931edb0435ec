// dossier-train-entities [--exclude LISTFILE] [--epochs N] [--seed N] [--other-penalty P] [--none-penalty P] (--out MODEL.txt | --swift-out MODEL.swift) GOLD_DIR...
//
// Trains the entity type model (an averaged perceptron over `EntityTypeFeatures`) from gold
// articles: the entity annotator's candidate names in each gold text are labelled with the type
// of the gold name they hit (the scorer's rule: overlapping its head word, inside its span), and
// "other" when they hit none. Deterministic: files in name order, a fixed shuffling seed (--seed
// changes it: cross-validated F1 moves by about 0.01 with the seed alone, so compare a change over
// several seeds, TRAIN_ARGS="--seed N" Benchmarks/cv-entities.sh).
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
    /// Subtracted from the "other" class's bias (in units of the largest weight, 1000): the cost of
    /// calling a real name "other" (a missed name) is higher than that of a wrong type.
    var otherPenalty: Float = 0
    /// The same for the "none" class (no name at all), which is also `EntityKind.other` at run time.
    /// Most lost points are real names left untyped (none): 100 was best of 0, 100, 150, 300 in
    /// cross-validation; more adds spurious names.
    var nonePenalty: Float = 100
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
        case "--other-penalty":
            guard let penalty = Float(value("--other-penalty")) else { fail("--other-penalty needs a number") }
            options.otherPenalty = penalty
        case "--none-penalty":
            guard let penalty = Float(value("--none-penalty")) else { fail("--none-penalty needs a number") }
            options.nonePenalty = penalty
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

var examples: [AveragedPerceptron.Example] = []
var counts: [String: Int] = [:]
let annotator = EntityAnnotator()
for path in files {
    guard let data = FileManager.default.contents(atPath: path),
          let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let text = json["text"] as? String else { fail("\(path): not a gold article (JSON with a \"text\")") }
    if json["quotes_only"] as? Bool == true { continue }
    let golds = goldNames(json)
    let article = StructureParser().parse(ArticleText(text))
    for candidate in annotator.trainingCandidates(article) {
        let type = label(of: candidate.mention.span, in: golds)
        counts[type, default: 0] += 1
        examples.append(.init(features: candidate.features, label: classes.firstIndex(of: type)!))
    }
}

var perceptron = AveragedPerceptron(classes: classes)
perceptron.train(examples, epochs: options.epochs, seed: options.seed)
let model = withBiasPenalty(withBiasPenalty(perceptron.model(quantizedTo: 1000), "other", options.otherPenalty),
                            "none", options.nonePenalty)
let summary = classes.map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
FileHandle.standardError.write(Data(("\(files.count) files, \(examples.count) candidates (\(summary)), \(model.featureNames.count) features\n").utf8))

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
