// dossier-train-speakers [--exclude LISTFILE] (--out MODEL.txt | --swift-out MODEL.swift) GOLD_DIR...
//
// Trains the speaker ranker (an averaged perceptron over the candidates of each quotation) on
// every gold article with quotations in the GOLD_DIRs, except those whose base name is a line of
// LISTFILE; writes the model text, or the generated Swift file of the built-in model.
// Deterministic: files in name order, fixed seed.
import DossierCore
import Foundation

struct Options {
    var exclude: Set<String> = []
    var out: String?
    var swiftOut: String?
    /// Writes every quotation's candidates as JSON lines (for studying features), when given.
    var dump: String?
    var goldDirs: [String] = []
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("dossier-train-speakers: \(message)\n".utf8))
    exit(64)
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var k = 0
    while k < arguments.count {
        let argument = arguments[k]
        func value() -> String {
            k += 1
            guard k < arguments.count else { fail("\(argument) needs a value") }
            return arguments[k]
        }
        switch argument {
        case "--exclude":
            let path = value()
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
            options.exclude = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        case "--out": options.out = value()
        case "--swift-out": options.swiftOut = value()
        case "--dump": options.dump = value()
        case "-h", "--help":
            print("usage: dossier-train-speakers [--exclude LISTFILE] (--out MODEL.txt | --swift-out MODEL.swift) GOLD_DIR...")
            exit(0)
        default:
            if argument.hasPrefix("-") { fail("unknown option \(argument)") }
            options.goldDirs.append(argument)
        }
        k += 1
    }
    guard options.out != nil || options.swiftOut != nil else { fail("give --out or --swift-out") }
    guard !options.goldDirs.isEmpty else { fail("give at least one gold folder") }
    return options
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
var files: [String] = []
for dir in options.goldDirs {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { fail("cannot list \(dir)") }
    for name in names.sorted() where name.hasSuffix(".json") && !options.exclude.contains(name) {
        files.append((dir as NSString).appendingPathComponent(name))
    }
}

/// The examples of every gold quotation: each candidate labelled "speaker" when its name matches
/// the gold speaker's (as score.py matches names), else "other". `model` makes the choices that
/// later quotations inherit from; nil is the sieve order alone.
func gather(_ files: [String], model: LinearModel?, dumping: Bool) -> (examples: [AveragedPerceptron.Example], quotations: Int, dump: [String]) {
    var pipeline = AnnotationPipeline()
    pipeline.speakers.ranker.model = model
    var examples: [AveragedPerceptron.Example] = []
    var quotations = 0
    var dump: [String] = []
    for path in files {
        guard let data = FileManager.default.contents(atPath: path),
              let gold = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let text = gold["text"] as? String, let goldQuotes = gold["quotes"] as? [[String: Any]] else { continue }
        let document = SourceFormatDetector.document(fromText: text, pathHint: path.replacingOccurrences(of: ".json", with: ".txt"))
        let (article, candidates) = pipeline.speakerCandidates(document)
        let aligned = GoldAlignment(goldText: text, articleText: article.text.slice(Span(0, article.text.scalars.count)))
        for goldQuote in goldQuotes where (goldQuote["speech"] as? Bool) ?? true {
            guard let start = goldQuote["start"] as? Int, let end = goldQuote["end"] as? Int,
                  let span = aligned.span(start, end),
                  let match = candidates.first(where: { overlapsHalf($0.quote, span) }) else { continue }
            quotations += 1
            let speaker = goldQuote["speaker"] as? String
            var dumped: [[String: Any]] = []
            for candidate in match.candidates {
                let right = speaker.map { NameMatch.matches(candidate.name, $0) } ?? false
                examples.append(AveragedPerceptron.Example(features: candidate.features, label: right ? 0 : 1))
                dumped.append(["name": candidate.name, "features": candidate.features, "right": right])
            }
            if dumping, let line = try? JSONSerialization.data(withJSONObject: [
                "doc": (path as NSString).lastPathComponent, "speaker": speaker as Any, "candidates": dumped]) {
                dump.append(String(decoding: line, as: UTF8.self))
            }
        }
    }
    return (examples, quotations, dump)
}

func train(_ examples: [AveragedPerceptron.Example]) -> LinearModel {
    var perceptron = AveragedPerceptron(classes: SpeakerRanker.classes)
    perceptron.train(examples, epochs: 12, seed: 12)
    return perceptron.model(quantizedTo: 1000)
}

// Two rounds: the candidates a quotation inherits depend on the choices made before it, so the
// second round gathers them as the first model chooses and learns from both.
let first = gather(files, model: nil, dumping: options.dump != nil)
guard !first.examples.isEmpty else { fail("no quotation with candidates in the gold folders") }
let second = gather(files, model: train(first.examples), dumping: false)
let model = train(first.examples + second.examples)
if let dump = options.dump {
    do { try (first.dump.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8) } catch { fail("cannot write \(dump)") }
}
if let out = options.out {
    do { try model.text.write(toFile: out, atomically: true, encoding: .utf8) } catch { fail("cannot write \(out)") }
}
if let swiftOut = options.swiftOut {
    do { try generatedSwift(model.text).write(toFile: swiftOut, atomically: true, encoding: .utf8) } catch { fail("cannot write \(swiftOut)") }
}
FileHandle.standardError.write(Data("dossier-train-speakers: \(files.count) files, \(first.quotations) quotations, \(first.examples.count + second.examples.count) candidates over two rounds, \(model.featureNames.count) features\n".utf8))
