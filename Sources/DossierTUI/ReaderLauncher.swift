import DossierCore

/// Entry point of the reader.
///
/// UNFINISHED (skeleton): no terminal UI yet; returns the articles' summaries as text.
public enum ReaderLauncher {
    public static func run(articles: [AnnotatedArticle]) -> String {
        articles.map(SummaryText.render).joined(separator: "\n")
    }
}
