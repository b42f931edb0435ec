/// A stage that reads a structured article and gives one layer of annotations.
///
/// The built-in entity, number and quote annotators conform, each with its own typed layer, which
/// the pipeline wires by hand because later stages depend on them (linking reads the entity
/// mentions, speaker attribution reads the quotes and the linked entities). A new annotator that
/// only needs the article conforms to this protocol and to `LayerAnnotator` (below), and joins the
/// pipeline through `AnnotationPipeline.layerAnnotators` without any other call site changing.
public protocol ArticleAnnotator: Sendable {
    associatedtype Layer: Sendable
    func annotate(_ article: StructuredArticle) -> Layer
}

extension EntityAnnotator: ArticleAnnotator {}
extension NumberAnnotator: ArticleAnnotator {}
extension QuoteAnnotator: ArticleAnnotator {}

/// An annotator the pipeline runs after the built-in stages. It sees the article annotated so far
/// (entities, quotes with speakers, numbers, claims, and the layers of the layer annotators before
/// it) and adds one `AnnotationLayer`, which the JSON output (`annotate --format json`, under
/// `layers`) and the JSON export carry with no further code.
public protocol LayerAnnotator: Sendable {
    /// The layer's name: its key under `layers` in the JSON output. Unique within a pipeline.
    var layerName: String { get }
    func layer(for annotated: AnnotatedArticle) -> AnnotationLayer
}

extension LayerAnnotator where Self: ArticleAnnotator, Layer == [LabeledSpan] {
    /// An article-only annotator whose layer is labelled spans needs no `layer(for:)` of its own.
    public func layer(for annotated: AnnotatedArticle) -> AnnotationLayer {
        AnnotationLayer(name: layerName, spans: annotate(annotated.article))
    }
}
