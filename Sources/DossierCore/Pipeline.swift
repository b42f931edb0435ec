/// The whole core, stage by stage: source text → boilerplate removal → structure → annotators
/// → linking → speakers → actors and claims. Every stage is a small value type with one job.
public struct AnnotationPipeline: Sendable {
    public var boilerplate = BoilerplateFilter()
    public var structure = StructureParser()
    public var entityAnnotator = EntityAnnotator()
    public var numberAnnotator = NumberAnnotator()
    public var quoteAnnotator = QuoteAnnotator()
    public var linker = Linker()
    public var speakers = SpeakerAttribution()
    public var claims = ClaimExtractor()
    public var actors = ActorRanker()

    public init() {}

    /// Decodes and sanitises raw bytes of plain text or Markdown, then annotates them.
    public func annotate(bytes: [UInt8], source: String? = nil) throws(IngestError) -> AnnotatedArticle {
        let text = try TextDecoder.decode(bytes)
        return annotate(SourceFormatDetector.document(fromText: text, pathHint: source), source: source)
    }

    public func annotate(_ document: SourceDocument, source: String? = nil) -> AnnotatedArticle {
        let kept = document.removeBoilerplate
            ? boilerplate.filter(document.text)
            : BoilerplateFilter.Result(text: document.text, removed: [])
        let article = structure.parse(ArticleText(kept.text), removed: kept.removed,
                                      titleHint: document.titleHint, headingHints: document.headingHints)
        let entities = linkedEntities(article)
        let numbers = numberAnnotator.annotate(article)
        let quoteSpans = quoteAnnotator.annotate(article)
        let quotes = speakers.attribute(quoteSpans, entities: entities, in: article)
        let claimList = claims.extract(article: article, entities: entities, quotes: quotes, numbers: numbers)
        let actorList = actors.rank(entities: entities, claims: claimList, quotes: quotes, in: article)
        return AnnotatedArticle(article: article, entities: entities, quotes: quotes, numbers: numbers,
                                actors: actorList, claims: claimList, source: source)
    }

    /// The article's entities: mentions found and typed, linked, one type per entity, and the
    /// dateline's words a place. Shared with the speaker trainer, so it learns from what runs.
    func linkedEntities(_ article: StructuredArticle) -> [Entity] {
        let scored = entityAnnotator.annotateScored(article)
        let typed = entityAnnotator.typer.unify(linker.link(scored.mentions, in: article),
                                                mentions: scored.mentions, scores: scored.scores)
        return DatelinePrefix.placingDatelines(typed, in: article)
    }
}
