import Testing
@testable import DossierCore

@Suite struct EntityTyperTests {
    /// A hand-made model: a given name in front makes a person; a lone word leans to place.
    static func handModel() throws -> LinearModel {
        try LinearModel(classes: ["person", "organization", "place", "other"], rows: [
            ("given-first", [10, 0, 0, 0]),
            ("n1", [0, 0, 2, 0]),
            ("bias", [0, 0, 0, 1]),
        ])
    }

    static func annotate(_ body: String, model: LinearModel) -> AnnotatedArticle {
        var pipeline = AnnotationPipeline()
        pipeline.entityAnnotator = EntityAnnotator(typeModel: model)
        return pipeline.annotate(SourceDocument(text: "Briefing\n\n" + body))
    }

    @Test func aSurnameAloneTakesTheTypeOfItsFullName() throws {
        let body = "Maria Kowalczyk opened the meeting. Later Kowalczyk left early."
        let model = try Self.handModel()
        // Alone, the surname looks like a place to this model…
        let article = StructureParser().parse(ArticleText("Briefing\n\n" + body))
        let mentions = EntityAnnotator(typeModel: model).annotate(article)
        #expect(mentions.map(\.name) == ["Maria Kowalczyk", "Kowalczyk"])
        #expect(mentions.map(\.kind) == [.person, .place])
        // …but linked to the full name, the summed scores make the whole entity a person.
        let entities = Self.annotate(body, model: model).entities
        #expect(entities.count == 1)
        #expect(entities.first?.kind == .person)
        #expect(entities.first?.mentions.count == 2)
    }

    @Test func theModelDecidesTheTypeNotTheRules() throws {
        let onlyOrganizations = try LinearModel(classes: ["person", "organization"], rows: [("bias", [0, 1])])
        let entities = Self.annotate("Maria Kowalczyk met Tomasz Brzezinski in Warsaw.", model: onlyOrganizations).entities
        #expect(!entities.isEmpty)
        #expect(entities.allSatisfy { $0.kind == .organization })
    }

    @Test func aGroupStaysAGroupWhenTheModelSeesNoName() throws {
        let nothing = try LinearModel(classes: ["person", "other"], rows: [("bias", [0, 1])])
        let entities = Self.annotate("Polish officials met the delegation.", model: nothing).entities
        #expect(entities.first { $0.name.hasPrefix("Polish") }?.kind == .group)
    }

    @Test func aPrefixDoesNotHideTheName() {
        for body in ["The pan-democrat Wendell Okafor voted against the bill.",
                     "Team member Wendell Okafor scored twice.",
                     "Asked about it, team member Wendell Okafor said no."] {
            let entities = AnnotationPipeline().annotate(SourceDocument(text: "Briefing\n\n" + body)).entities
            let names = entities.map(\.name)
            #expect(names.contains("Wendell Okafor"), "\(body): \(names)")
            #expect(entities.first { $0.name == "Wendell Okafor" }?.kind == .person, "\(body)")
        }
    }

    @Test func hashedFeaturesScoreExactlyAsTheTrainersStrings() {
        let text = ArticleText("Briefing\n\nDr. Wendell Okafor (of the Brackwater Museum) said: “Ölzhausen, Kreuzberg-Süd and "
            + "the KPX-2 team’s base” are in Lower Tamsin, 12 km from Port Aldry.\nAnna-Lena Voss, a Tamsin native, agreed.")
        let article = StructureParser().parse(text)
        let annotator = EntityAnnotator()
        let scored = annotator.annotateScored(article)
        let candidates = annotator.trainingCandidates(article)
        #expect(scored.mentions.count == candidates.count && candidates.count >= 6)
        let width = EntityTyper.builtInModel.classes.count
        for (index, candidate) in candidates.enumerated() {
            let fromStrings = EntityTyper.builtInModel.scores(candidate.features)
            #expect(Array(scored.scores[(index * width)..<((index + 1) * width)]) == fromStrings, "\(candidate.mention.name)")
        }
    }

    @Test func theBuiltInModelParsesAndNamesTheScoredTypes() {
        let classes = EntityTyper.builtInModel.classes
        #expect(classes.contains("person") && classes.contains("organization") && classes.contains("place"))
        #expect(!EntityTyper.builtInModel.featureNames.isEmpty)
    }
}
