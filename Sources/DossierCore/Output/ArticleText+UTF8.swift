extension ArticleText {
    /// The text of a span, like `slice(_:)`, but encoded straight into the new string's UTF-8
    /// storage: `slice` appends one scalar at a time, which costs tens of nanoseconds per scalar
    /// and dominated the JSON output of long quotations and claims. Offsets are clamped the same way.
    func utf8String(_ span: Span) -> String {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        return scalars.utf8String(start, end)
    }

    /// The text of `scalars[start..<end]` (both in bounds), encoded straight to UTF-8.
    static func utf8String(_ scalars: ArticleScalars, _ start: Int, _ end: Int) -> String {
        scalars.utf8String(start, end)
    }
}
