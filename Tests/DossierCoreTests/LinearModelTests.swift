import Testing
@testable import DossierCore

@Suite struct LinearModelTests {
    /// Three classes, each marked by its own cue word, plus noise words shared by all.
    static func toyExamples() -> [AveragedPerceptron.Example] {
        let cues = ["river", "company", "doctor"]
        let noise = ["the", "a", "of", "new", "big"]
        var generator = SplitMix64(seed: 7)
        var examples: [AveragedPerceptron.Example] = []
        for k in 0..<90 {
            let label = k % 3
            var features = ["bias", "w=" + cues[label]]
            features.append("w=" + noise[Int(generator.next() % 5)])
            features.append("w=" + noise[Int(generator.next() % 5)])
            examples.append(.init(features: features, label: label))
        }
        return examples
    }

    @Test func learnsASeparableProblem() {
        var perceptron = AveragedPerceptron(classes: ["place", "organization", "person"])
        perceptron.train(Self.toyExamples(), epochs: 5, seed: 3)
        let model = perceptron.model()
        #expect(model.predict(["bias", "w=river", "w=the"]) == "place")
        #expect(model.predict(["bias", "w=company", "w=new"]) == "organization")
        #expect(model.predict(["bias", "w=doctor", "w=of", "w=big"]) == "person")
        // Every training example is classified right.
        for example in Self.toyExamples() {
            #expect(model.predict(example.features) == model.classes[example.label])
        }
    }

    @Test func trainingIsDeterministic() {
        var first = AveragedPerceptron(classes: ["a", "b", "c"])
        var second = AveragedPerceptron(classes: ["a", "b", "c"])
        first.train(Self.toyExamples(), epochs: 4, seed: 11)
        second.train(Self.toyExamples(), epochs: 4, seed: 11)
        #expect(first.model().text == second.model().text)
    }

    @Test func quantizedModelKeepsItsAnswersAndWritesWholeNumbers() {
        var perceptron = AveragedPerceptron(classes: ["place", "organization", "person"])
        perceptron.train(Self.toyExamples(), epochs: 5)
        let exact = perceptron.model()
        let quantized = perceptron.model(quantizedTo: 1000)
        #expect(quantized.weights.allSatisfy { $0 == $0.rounded() && abs($0) <= 1000 })
        #expect(quantized.weights.contains { abs($0) == 1000 })
        for example in Self.toyExamples() {
            #expect(quantized.predict(example.features) == exact.predict(example.features))
        }
        #expect(!quantized.text.contains("."))
    }

    @Test func textRoundTripsWeightsAndAwkwardFeatureNames() throws {
        let model = try LinearModel(classes: ["x", "y"], rows: [
            ("bias", [0.5, -1.25]),
            ("w=tab\there", [3, 0]),
            ("p=back\\slash\nline", [-2, 7]),
            ("w=Zürich", [1e-3, 12345]),
        ])
        let reread = try LinearModel(text: model.text)
        #expect(reread.classes == model.classes)
        #expect(reread.featureNames == model.featureNames)
        #expect(reread.weights == model.weights)
        #expect(reread.text == model.text)
        #expect(reread.scores(["w=tab\there", "bias"]) == [3.5, -1.25])
    }

    /// Rows of one name are summed into the first, in order, and later rows move up, from text as
    /// from rows; the names and hashes read from the text's bytes are those of the strings.
    @Test func rowsOfOneNameAreSummedInOrder() throws {
        let rows: [(name: String, weights: [Float])] = [("a", [1, 2]), ("b", [3, 4]), ("a", [10, 20]),
                                                        ("w=Zürich", [5, 6]), ("b", [0.5, 0.25]), ("c", [7, 8])]
        let model = try LinearModel(classes: ["x", "y"], rows: rows)
        #expect(model.featureNames == ["a", "b", "w=Zürich", "c"])
        #expect(model.weights == [11, 22, 3.5, 4.25, 5, 6, 7, 8])
        var text = "dossier-linear-model 1\n# a comment\nclasses\tx\ty\r\n\n"
        for row in rows { text += row.name + "\t " + row.weights.map { "\($0)" }.joined(separator: "  ") + " \n" }
        let reread = try LinearModel(text: text)
        #expect(reread.featureNames == model.featureNames)
        #expect(reread.weights == model.weights)
        #expect(reread.scores(["w=Zürich", "c", "never"]) == [12, 14])
        #expect(reread.scores(["a"]) == [11, 22])
    }

    /// The built-in model as the text parser reads it equals the model built from its rows.
    @Test func builtInModelReadsLikeItsRows() throws {
        let model = EntityTyper.builtInModel
        let width = model.classes.count
        let rows = model.featureNames.indices.map { row in
            (name: model.featureNames[row], weights: Array(model.weights[(row * width)..<((row + 1) * width)]))
        }
        let rebuilt = try LinearModel(classes: model.classes, rows: rows)
        #expect(rebuilt.featureNames == model.featureNames)
        #expect(rebuilt.weights == model.weights)
        #expect(rebuilt.text == model.text)
        for name in model.featureNames.prefix(2_000) {
            #expect(rebuilt.scores([name]) == model.scores([name]))
        }
    }

    /// `rows(of:into:)`, which loads every first slot before probing, finds each feature of the
    /// built-in model at the row `row(_:)` finds, and features it lacks nowhere.
    @Test func rowsInOneBatchAreTheRowsOneByOne() {
        let model = EntityTyper.builtInModel
        var features = model.featureNames.map(FeatureHash.init)
        features += model.featureNames.prefix(3_000).map { FeatureHash($0 + "#absent") }
        var rows: [Int] = [7]
        model.rows(of: features, into: &rows)
        #expect(rows.count == features.count)
        for (k, feature) in features.enumerated() {
            #expect(rows[k] == (model.row(feature) ?? -1))
            if k < model.featureNames.count { #expect(rows[k] == k) } else { #expect(rows[k] == -1) }
        }
        model.rows(of: [], into: &rows)
        #expect(rows.isEmpty)
    }

    /// `ScoringFeatureSink` sums in vector lanes (and reads whole rows past a row's end when it
    /// can): its scores are bit for bit those of `LinearModel.scores`, which adds one weight at a
    /// time, for rows anywhere in the table (the last one too), repeated features, unknown ones,
    /// and models of up to 8 classes and more.
    @Test func scoringSinkSumsLikeTheModel() throws {
        var generator = SplitMix64(seed: 11)
        for width in [1, 3, 7, 8, 9] {
            let classes = (0..<width).map { "c\($0)" }
            let rows = (0..<300).map { row in
                (name: "f\(row)", weights: (0..<width).map { _ in Float(Int(generator.next() % 2_001) - 1_000) / 7 })
            }
            let model = try LinearModel(classes: classes, rows: rows)
            var sink = ScoringFeatureSink(model: model)
            for _ in 0..<50 {
                var names = (0..<Int(generator.next() % 60)).map { _ in "f\(generator.next() % 320)" }
                names.append("f299")
                sink.reset()
                for name in names {
                    sink.begin("")
                    sink.append(name, lowercasing: false)
                    sink.end()
                }
                sink.finish()
                #expect(sink.scores.map(\.bitPattern) == model.scores(names).map(\.bitPattern), "width \(width)")
            }
        }
    }

    @Test func hashingInPiecesEqualsHashingTheJoinedString() {
        var pieces = FeatureHash("w=")
        let scalars = ArticleScalars("MacLeod")
        pieces.add(scalars, 0..<scalars.count, lowercasing: true)
        #expect(pieces == FeatureHash("w=macleod"))
        #expect(FeatureHash("s=").adding("Ölz") == FeatureHash("s=Ölz"))
        #expect(FeatureHash("a") != FeatureHash("b"))
    }

    @Test func unknownFeaturesScoreNothing() throws {
        let model = try LinearModel(classes: ["x", "y"], rows: [("bias", [1, 2])])
        #expect(model.scores(["never seen"]) == [0, 0])
        #expect(model.scores([String]()) == [0, 0])
    }

    @Test(arguments: [
        ("", "empty model text"),
        ("some-other-format 2\n", "line 1: expected \"dossier-linear-model 1\""),
        ("dossier-linear-model 1\nbias\t1 2\n", "line 2: expected \"classes\""),
        ("dossier-linear-model 1\nclasses\tx\ty\nbias\t1\n", "line 3: 1 weights for 2 classes"),
        ("dossier-linear-model 1\nclasses\tx\ty\nbias\t1 zwei\n", "line 3: \"zwei\" is not a finite number"),
        ("dossier-linear-model 1\nclasses\tx\ty\nbias\t1 nan\n", "line 3: \"nan\" is not a finite number"),
        ("dossier-linear-model 1\nclasses\tx\ty\nbias 1 2\n", "line 3: expected a feature, a tab and its weights"),
        ("dossier-linear-model 1\nclasses\tx\ty\nbad\\q\t1 2\n", "line 3: unknown escape"),
        ("dossier-linear-model 1\nclasses\tx\tx\n", "a class is named twice"),
        ("dossier-linear-model 1\n", "no \"classes\" line"),
    ])
    func rejectsMalformedTextWithAClearError(text: String, expected: String) {
        do {
            _ = try LinearModel(text: text)
            Issue.record("accepted malformed text: \(text.debugDescription)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func averagingTakesTheMeanOfEachRowThenQuantizes() throws {
        let first = try LinearModel(classes: ["a", "b"], rows: [("x", [4, -2]), ("y", [2, 0])])
        let second = try LinearModel(classes: ["a", "b"], rows: [("x", [0, -2]), ("z", [0, 0.01])])
        let mean = LinearModel.average([first, second], quantizedTo: 100)
        // Means: x (2, -2), y (1, 0), z (0, 0.005); the largest, 2, becomes 100.
        #expect(mean.classes == ["a", "b"])
        #expect(mean.featureNames == ["x", "y"], "z rounds to zero and is dropped")
        #expect(mean.weights == [100, -100, 50, 0])
        #expect(mean.predict(["y"]) == "a")
    }

    @Test func averagedPerceptronsClassifyLikeEachOfThem() {
        let models = [3, 4, 5].map { seed -> LinearModel in
            var perceptron = AveragedPerceptron(classes: ["place", "organization", "person"])
            perceptron.train(Self.toyExamples(), epochs: 5, seed: UInt64(seed))
            return perceptron.model()
        }
        let mean = LinearModel.average(models, quantizedTo: 1000)
        for example in Self.toyExamples() {
            #expect(mean.predict(example.features) == mean.classes[example.label])
        }
    }
}
