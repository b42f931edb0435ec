import Testing
@testable import DossierCore

/// A layer annotator of the simplest kind, as a new one would be written: article in, labelled
/// spans out. It marks hedging adverbs, which a reader of claims wants to see.
private struct HedgeAnnotator: ArticleAnnotator, LayerAnnotator {
    let layerName = "hedges"

    func annotate(_ article: StructuredArticle) -> [LabeledSpan] {
        let text = article.text.string
        var found: [LabeledSpan] = []
        var offset = 0
        for word in text.unicodeScalars.split(separator: " ", omittingEmptySubsequences: false) {
            let clean = String(String.UnicodeScalarView(word.filter { $0.properties.isAlphabetic }))
            if ["reportedly", "allegedly", "apparently"].contains(clean.lowercased()) {
                found.append(LabeledSpan(span: Span(offset, offset + clean.unicodeScalars.count), label: "hedge"))
            }
            offset += word.count + 1
        }
        return found.reversed() // out of order on purpose: the pipeline sorts
    }
}

/// A layer annotator that reads what the built-in stages found: each quote's speaker, by name.
private struct QuotedSpeakerAnnotator: LayerAnnotator {
    let layerName = "quoted"

    func layer(for annotated: AnnotatedArticle) -> AnnotationLayer {
        let spans = annotated.quotes.compactMap { quote in
            quote.speaker.map { LabeledSpan(span: quote.span, label: "quote", value: annotated.entity(id: $0)?.name ?? $0) }
        }
        // It also sees the layers before it: the hedges count is carried as a span-free check.
        let hedges = annotated.layer(named: "hedges")?.spans.count ?? -1
        return AnnotationLayer(name: layerName, spans: spans + [LabeledSpan(span: Span(0, 0), label: "hedges-seen", value: "\(hedges)")])
    }
}

/// A careless annotator: one span runs past the end of the text, which no output may slice.
private struct OverrunAnnotator: LayerAnnotator {
    let layerName = "hedges"

    func layer(for annotated: AnnotatedArticle) -> AnnotationLayer {
        let end = annotated.text.count
        return AnnotationLayer(name: "ignored", spans: [LabeledSpan(span: Span(0, 4), label: "start"),
                                                        LabeledSpan(span: Span(end - 2, end + 10), label: "overrun")])
    }
}

@Suite struct AnnotationLayerTests {
    static let text = """
        Harbour Plan Passes

        The council reportedly approved 3 new berths on Monday. "We waited 12 years," said Mara Lind, the harbour master. The plan was allegedly drafted in March.
        """

    static func annotated(with annotators: [any LayerAnnotator]) -> AnnotatedArticle {
        var pipeline = AnnotationPipeline()
        pipeline.layerAnnotators = annotators
        return pipeline.annotate(SourceFormatDetector.document(fromText: text, pathHint: nil))
    }

    @Test func aLayerAnnotatorAddsItsSpansInTextOrder() throws {
        let annotated = Self.annotated(with: [HedgeAnnotator()])
        let hedges = try #require(annotated.layer(named: "hedges"))
        #expect(hedges.spans.map { annotated.text.utf8String($0.span) } == ["reportedly", "allegedly"])
        #expect(hedges.spans.allSatisfy { $0.label == "hedge" })
    }

    @Test func laterLayerAnnotatorsSeeTheSpeakersAndTheLayersBeforeThem() throws {
        let annotated = Self.annotated(with: [HedgeAnnotator(), QuotedSpeakerAnnotator()])
        let quoted = try #require(annotated.layer(named: "quoted"))
        #expect(quoted.spans.contains { $0.label == "quote" && $0.value == "Mara Lind" })
        #expect(quoted.spans.contains { $0.label == "hedges-seen" && $0.value == "2" })
    }

    @Test func spansPastTheTextAreDroppedAndARepeatedNameIsKeptApart() throws {
        let annotated = Self.annotated(with: [HedgeAnnotator(), OverrunAnnotator()])
        #expect(annotated.layers.map(\.name) == ["hedges", "hedges-2"])
        #expect(annotated.layers[1].spans.map(\.label) == ["start"])
    }

    @Test func theJSONOutputCarriesTheLayersAndStreamsTheSameBytes() throws {
        let annotated = Self.annotated(with: [HedgeAnnotator()])
        let json = ContractJSON.value(of: annotated).serialized()
        #expect(json.contains(#""layers":{"hedges":[{"start":"#))
        #expect(json.contains(#""label":"hedge","value":null,"text":"allegedly"}"#))
        var sink = ByteSink()
        ContractJSON.write(annotated, to: &sink)
        #expect(String(decoding: sink.bytes, as: UTF8.self) == json)
    }

    @Test func withNoLayerAnnotatorsTheContractHasNoLayersMember() {
        let json = ContractJSON.value(of: Self.annotated(with: [])).serialized()
        #expect(!json.contains(#""layers""#))
    }

    /// The built-in annotators answer through the protocol as they do when called directly.
    @Test func theBuiltInAnnotatorsConformToOneProtocol() {
        func layer<A: ArticleAnnotator>(_ annotator: A, _ article: StructuredArticle) -> A.Layer { annotator.annotate(article) }
        let article = StructureParser().parse(ArticleText(Self.text))
        #expect(layer(NumberAnnotator(), article).map(\.value).contains("3"))
        #expect(layer(QuoteAnnotator(), article).count == 1)
        #expect(layer(EntityAnnotator(), article).contains { $0.name == "Mara Lind" })
    }
}
