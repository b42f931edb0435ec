/// A span of the article's text with a label: the one shape every added annotation layer takes,
/// so outputs can show a new layer without knowing what it means (standoff annotation, as in the
/// W3C Web Annotation model and spaCy's span groups).
public struct LabeledSpan: Sendable, Equatable {
    public var span: Span
    /// What the span is, e.g. "hedge" or "negative".
    public var label: String
    /// An optional normalised value, as `NumberMention.value`.
    public var value: String?

    public init(span: Span, label: String, value: String? = nil) {
        self.span = span
        self.label = label
        self.value = value
    }
}

/// One named layer of labelled spans, added to an `AnnotatedArticle` by a `LayerAnnotator`.
public struct AnnotationLayer: Sendable, Equatable {
    public var name: String
    /// In text order: the pipeline sorts them.
    public var spans: [LabeledSpan]

    public init(name: String, spans: [LabeledSpan]) {
        self.name = name
        self.spans = spans
    }
}
