import DossierCore

/// What `dossier FILE > out` prints instead of opening the reader: each article's summary
/// (actors, claims, figures) followed by its clean text, paragraph by paragraph.
public enum PlainTextOutput {
    public static func render(_ articles: [AnnotatedArticle]) -> String {
        var out = ""
        for (index, annotated) in articles.enumerated() {
            if index > 0 { out += "\n" + String(repeating: "=", count: 72) + "\n\n" }
            out += SummaryText.render(annotated)
            out += "\nText\n\n"
            let text = annotated.text
            for paragraph in annotated.article.paragraphs {
                out += text.slice(paragraph.span) + "\n\n"
            }
        }
        return out
    }
}
