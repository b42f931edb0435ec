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

    @Test func aPlacePrepositionBeforeANameAndItsLongerEndingAreFeatures() throws {
        let body = "The ferry sailed to Quessary. Later the crew rested in Dunmorrow, and Halvard Pike waved."
        let article = StructureParser().parse(ArticleText("Briefing\n\n" + body))
        let candidates = EntityAnnotator().trainingCandidates(article)
        let features = candidates.first { $0.mention.name == "Dunmorrow" }?.features ?? []
        #expect(features.contains("after-preposition=loc|1"))
        #expect(features.contains("last-suffix4=rrow"))
        #expect(candidates.first { $0.mention.name == "Quessary" }?.features.contains("after-preposition=motion|1") == true)
        #expect(candidates.first { $0.mention.name == "Halvard Pike" }?.features.contains { $0.hasPrefix("after-preposition=") } == false)
        // A model that knows only the preposition makes the two unknown words places, the rest people.
        let model = try LinearModel(classes: ["person", "place"], rows: [
            ("bias", [1, 0]), ("after-preposition=loc|1", [0, 5]), ("after-preposition=motion|1", [0, 5]),
        ])
        let kinds = Dictionary(EntityAnnotator(typeModel: model).annotate(article).map { ($0.name, $0.kind) },
                               uniquingKeysWith: { first, _ in first })
        #expect(kinds["Quessary"] == .place && kinds["Dunmorrow"] == .place && kinds["Halvard Pike"] == .person)
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
