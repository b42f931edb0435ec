import Testing
@testable import DossierCore

/// The generated Brown clusters (`WordClusters`) and the typing features they feed.
@Suite struct WordClusterTests {
    @Test func pathPrefixesKeepTheLeadingOneAndStopAtTheDepth() {
        let path = WordClusters.Path(bits: 0b10_1010_0110)    // nine branches: 0,1,1,0,0,1,0,1,0
        #expect(path.depth == 9)
        #expect(path.prefix(4) == 0b1_0110)
        #expect(path.prefix(6) == 0b110_0110)
        // Longer than the path: the whole path, so a short cluster is its own finest group.
        #expect(path.prefix(32) == path.bits)
        // Two paths alike in their first branches but of different depth give different prefixes.
        #expect(WordClusters.Path(bits: 0b10).prefix(4) != WordClusters.Path(bits: 0b100).prefix(4))
    }

    @Test func wordsOfTheSameUseShareACluster() {
        // Capital cities group together; a firm's name groups elsewhere.
        let oslo = WordClusters.path(of: "Oslo"), vienna = WordClusters.path(of: "Vienna")
        #expect(oslo != nil)
        #expect(oslo == vienna)
        #expect(WordClusters.path(of: "Sony") != oslo)
        // An invented name has no cluster.
        #expect(WordClusters.path(of: "Quessary") == nil)
    }

    @Test func aWordOpeningASentenceFallsBackToItsLowercaseForm() {
        // "Abducted" is not a listed form; "abducted" is.
        #expect(WordClusters.path(of: "abducted") != nil)
        #expect(WordClusters.path(of: "Abducted") == WordClusters.path(of: "abducted"))
        // A listed capitalised form keeps its own cluster ("The" opens sentences, "the" does not).
        #expect(WordClusters.path(of: "The") != WordClusters.path(of: "the"))
    }

    @Test func typingFeaturesCarryTheClustersOfTheNameAndItsNeighbours() {
        let body = "Reporters said that Halvard Pike flew from Quessary to Oslo on Monday."
        let article = StructureParser().parse(ArticleText("Briefing\n\n" + body))
        let candidates = EntityAnnotator().trainingCandidates(article)
        func features(_ name: String) -> [String] { candidates.first { $0.mention.name == name }?.features ?? [] }
        let oslo = try! #require(WordClusters.path(of: "Oslo"))
        #expect(features("Oslo").contains("bc=\(oslo.bits)"))
        #expect(features("Oslo").contains("bc4=\(oslo.prefix(4))"))
        // The word before ("to") and after ("on") lend their clusters too.
        let to = try! #require(WordClusters.path(of: "to")), on = try! #require(WordClusters.path(of: "on"))
        #expect(features("Oslo").contains("prev-bc=\(to.bits)"))
        #expect(features("Oslo").contains("next-bc6=\(on.prefix(6))"))
        // A word no cluster holds adds no cluster feature of its own.
        #expect(!features("Quessary").contains { $0.hasPrefix("bc") })
    }
}
