import DossierCore

/// What `dossier FILE > out` prints instead of opening the reader: each article's summary
/// (actors, claims, figures) followed by its clean text, paragraph by paragraph, with
/// `separator` between two articles. Made one article at a time, so a feed is printed as it is
/// annotated and nothing of it is held once printed.
public enum PlainTextOutput {
    /// Printed between two articles.
    public static let separator = "\n" + String(repeating: "=", count: 72) + "\n\n"

    public static func render(_ annotated: AnnotatedArticle) -> String {
        var out = SummaryText.render(annotated)
        out += "\nText\n\n"
        let text = annotated.text
        for paragraph in annotated.article.paragraphs {
            out += text.slice(paragraph.span) + "\n\n"
        }
        return out
    }
}
