/// An article's clean text, held once, as scalars in the narrowest width that fits
/// (`ArticleScalars`), so that annotators index by code point in O(1) without `Character` iteration.
///
/// The text is not also kept as a `String` (issue 13: a 50 MB line held 50 MB of UTF-8 beside its
/// scalars all through the pipeline): `string` builds one when asked, which only output and
/// identity hashing do, once per article.
public struct ArticleText: Sendable {
    public let scalars: ArticleScalars

    public init(_ string: String) {
        self.scalars = ArticleScalars(string)
    }

    /// The whole text as a new `String`: O(n) each time, so not for loops.
    public var string: String { scalars.string }

    public var count: Int { scalars.count }
    public var fullSpan: Span { Span(0, scalars.count) }

    public subscript(offset: Int) -> Unicode.Scalar { scalars[offset] }

    /// The text of a span; offsets outside the text are clamped rather than trapping.
    public func slice(_ span: Span) -> String {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        // Encoded straight to UTF-8 (`utf8String`): appending to a `UnicodeScalarView` one scalar
        // at a time cost 5 % of a huge article's time (two slices per claim: its actor and cue).
        return scalars.utf8String(start, end)
    }
}
