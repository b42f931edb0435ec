import DossierCore
import Testing
@testable import DossierExport

/// A layer added by a `LayerAnnotator` reaches the JSON export with no exporter code of its own.
@Suite struct LayerExportTests {
    @Test func theJSONExportCarriesAnAddedLayer() throws {
        var annotated = ExportCorpus.annotate("Harbour Talks\n\nThe harbour council voted on Tuesday.\n", source: "talks.txt")
        annotated.layers = [AnnotationLayer(name: "topics", spans: [LabeledSpan(span: Span(0, 7), label: "place", value: "harbour")])]
        let json = try #require(try ExportCorpus.parse(Exporter.render([ArticleExport(annotated: annotated)], as: .json)) as? [String: Any])
        let layers = try #require(json["layers"] as? [String: Any])
        let topics = try #require(layers["topics"] as? [[String: Any]])
        #expect(topics.first?["text"] as? String == "Harbour")
        #expect(topics.first?["value"] as? String == "harbour")
        #expect(json["notes"] != nil) // the export's own members are still added after the contract's
    }
}
