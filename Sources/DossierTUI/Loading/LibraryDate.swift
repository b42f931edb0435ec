import DossierCore

/// The date the library shows for an article: the feed's `date` field, else the first date the
/// core found in the article's dateline; nil leaves it to the file's modification day.
enum LibraryDate {
    static func of(_ annotated: AnnotatedArticle, metadata: [String: String]) -> String? {
        if let given = metadata["date"], let day = day(given) { return day }
        guard let dateline = annotated.article.paragraphs.first(where: { $0.role == .dateline }) else { return nil }
        let found = annotated.numbers.first { $0.kind == .date && dateline.span.contains($0.span) }
        return found?.value
    }

    /// "2024-03-05T10:00:00Z" → "2024-03-05"; nil unless it starts with a year.
    static func day(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars.prefix(10))
        guard scalars.count >= 4, scalars.prefix(4).allSatisfy({ $0.properties.numericType != nil }) else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
