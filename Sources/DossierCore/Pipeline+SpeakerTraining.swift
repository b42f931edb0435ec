extension AnnotationPipeline {
    /// The annotated article and every quotation's speaker candidates, with their features:
    /// what `dossier-train-speakers` learns from. Runs the same stages as `annotate`.
    public func speakerCandidates(_ document: SourceDocument) -> (article: StructuredArticle, candidates: [QuoteCandidates]) {
        let kept = document.removeBoilerplate
            ? boilerplate.filter(document.text)
            : BoilerplateFilter.Result(text: document.text, removed: [])
        let article = structure.parse(ArticleText(kept.text), removed: kept.removed,
                                      titleHint: document.titleHint, headingHints: document.headingHints)
        let entities = linkedEntities(article)
        let quotes = quoteAnnotator.annotate(article)
        return (article, speakers.candidates(quotes, entities: entities, in: article))
    }
}
