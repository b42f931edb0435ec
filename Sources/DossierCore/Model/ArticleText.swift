/// An article's clean text, held both as a `String` and as an array of scalars so that
/// annotators can index by code point in O(1) without `Character` iteration.
public struct ArticleText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    public var count: Int { scalars.count }
    public var fullSpan: Span { Span(0, scalars.count) }

    public subscript(offset: Int) -> Unicode.Scalar { scalars[offset] }

    /// The text of a span; offsets outside the text are clamped rather than trapping.
    public func slice(_ span: Span) -> String {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
