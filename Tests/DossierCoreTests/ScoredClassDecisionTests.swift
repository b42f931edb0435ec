import Testing
@testable import DossierCore

@Suite struct ScoredClassDecisionTests {
    // Classes: 0 person, 1 place (scored), 2 other, 3 none (unscored).
    static let scored: Set<Int> = [0, 1]

    @Test func aWrongScoredTypeCostsAMissAndAFalsePositiveButUnscoredOnlyAMiss() {
        let plain = ScoredClassDecision(unscoredOffset: 0, noneOffset: 0)
        let wrongType = [ScoredClassDecision.Prediction(scores: [5, 1, 0, 0], label: 1)]
        #expect(plain.counts(wrongType, scored: Self.scored, none: 3) == (0, 1, 1))
        let leftUnscored = [ScoredClassDecision.Prediction(scores: [0, 1, 5, 0], label: 1)]
        #expect(plain.counts(leftUnscored, scored: Self.scored, none: 3) == (0, 0, 1))
        let spurious = [ScoredClassDecision.Prediction(scores: [5, 0, 0, 1], label: 3)]
        #expect(plain.counts(spurious, scored: Self.scored, none: 3, unreachable: 2) == (0, 1, 2))
    }

    /// Names the model rates just below "other" are mostly real people: F1 is higher answering
    /// them, and the tuned offset does so while a clear "none" stays unanswered.
    @Test func bestOffsetAnswersScoredClassesBelowAnEvenChance() {
        var predictions: [ScoredClassDecision.Prediction] = []
        for k in 0..<10 {
            // Person narrowly behind "other": 7 of 10 are people.
            predictions.append(.init(scores: [9.5, 0, 10, 0], label: k < 7 ? 0 : 2))
        }
        for _ in 0..<10 { predictions.append(.init(scores: [20, 0, 0, 0], label: 0)) }
        for _ in 0..<10 { predictions.append(.init(scores: [0, 0, 0, 30], label: 3)) }
        let plain = ScoredClassDecision(unscoredOffset: 0, noneOffset: 0)
        let tuned = ScoredClassDecision.best(predictions, scored: Self.scored, none: 3,
                                             grid: stride(from: Float(-20), through: 20, by: 1).map { $0 })
        let plainF1 = ScoredClassDecision.f1(plain.counts(predictions, scored: Self.scored, none: 3))
        let tunedF1 = ScoredClassDecision.f1(tuned.counts(predictions, scored: Self.scored, none: 3))
        #expect(plainF1 < tunedF1)
        #expect(tuned.counts(predictions, scored: Self.scored, none: 3) == (17, 3, 0))
        // The smallest offsets that do it: person 9.5 beats other 10 - 1; "none" needs no more.
        #expect(tuned == ScoredClassDecision(unscoredOffset: 1, noneOffset: 0))
    }

    @Test func appliedOffsetsMoveOnlyTheUnscoredBiasesAndChangeTheAnswer() throws {
        let model = try LinearModel(classes: ["person", "place", "other", "none"],
                                    rows: [("bias", [0, 0, 1, 2]), ("w=ida", [3, 0, 3.5, 0])])
        #expect(model.predict(["bias", "w=ida"]) == "other")
        let decided = ScoredClassDecision(unscoredOffset: 2, noneOffset: 1)
            .applied(to: model, scored: ["person", "place"], none: "none")
        #expect(decided.scores(["bias"]) == [0, 0, -1, -1])
        #expect(decided.scores(["w=ida"]) == [3, 0, 3.5, 0])
        #expect(decided.predict(["bias", "w=ida"]) == "person")
        // The decision survives the model's text form.
        #expect(try LinearModel(text: decided.text).predict(["bias", "w=ida"]) == "person")
    }
}

@Suite struct LogisticRegressionTests {
    @Test func learnsASeparableProblemDeterministically() {
        func trained() -> LinearModel {
            var regression = LogisticRegression(classes: ["place", "organization", "person"], learningRate: 0.1)
            regression.train(LinearModelTests.toyExamples(), epochs: 10, seed: 3)
            return regression.model(quantizedTo: 1000)
        }
        let model = trained()
        for example in LinearModelTests.toyExamples() {
            #expect(model.predict(example.features) == model.classes[example.label])
        }
        #expect(model.text == trained().text)
        // The cue word, not a noise word shared by every class, carries the weight.
        let cue = model.scores(["w=river"]), noise = model.scores(["w=the"])
        #expect(cue[0] - cue[1] > 2 * abs(noise[0] - noise[1]))
    }

    /// Log loss learns how sure to be: a feature seen with its class 3 times in 4 scores that
    /// class above the other, but by less than a feature seen with it every time.
    @Test func scoresFollowHowOftenAFeatureMeansAClass() {
        var examples: [AveragedPerceptron.Example] = []
        for k in 0..<40 {
            examples.append(.init(features: ["w=mostly"], label: k % 4 == 0 ? 1 : 0))
            examples.append(.init(features: ["w=always"], label: 0))
        }
        var regression = LogisticRegression(classes: ["person", "place"], l2: 0, learningRate: 0.1)
        regression.train(examples, epochs: 30, seed: 1)
        let model = regression.model()
        let mostly = model.scores(["w=mostly"]), always = model.scores(["w=always"])
        #expect(mostly[0] > mostly[1])
        #expect(always[0] - always[1] > mostly[0] - mostly[1])
    }
}
