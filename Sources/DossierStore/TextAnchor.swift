import DossierCore

/// Where a note, highlight or bookmark sits in an article: a W3C TextQuoteSelector (the exact
/// text with up to 32 code points of context on each side) plus a TextPositionSelector
/// (code-point offsets, end exclusive), so it can be found again after the text changes.
public struct TextAnchor: Sendable, Equatable, Hashable, Codable {
    /// How many code points of context the quote selector keeps on each side.
    public static let contextLength = 32

    public var exact: String
    public var prefix: String
    public var suffix: String
    public var start: Int
    public var end: Int

    public init(exact: String, prefix: String, suffix: String, start: Int, end: Int) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
        self.start = start
        self.end = max(start, end)
    }

    /// The anchor of a span of `text`; the span is clamped to the text.
    public init(span: Span, in text: ArticleText) {
        let start = max(0, min(span.start, text.count))
        let end = max(start, min(span.end, text.count))
        self.init(exact: text.slice(Span(start, end)),
                  prefix: text.slice(Span(max(0, start - TextAnchor.contextLength), start)),
                  suffix: text.slice(Span(end, min(text.count, end + TextAnchor.contextLength))),
                  start: start, end: end)
    }

    public var span: Span { Span(start, end) }
}
