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
    /// Annotators added after the built-in stages, each adding one layer (see `LayerAnnotator`).
    public var layerAnnotators: [any LayerAnnotator] = []
    /// An article longer than this many scalars has its entity candidates found in windows of
    /// paragraphs (`Pipeline+Windows.swift`), so their tokens stay bounded.
    public var entityWindow = AnnotationPipeline.defaultEntityWindow
    /// A million scalars (a long book chapter; no news article comes near it). It was four million
    /// when windows ran one at a time: two windows that size at once held 43 MB more at the peak of
    /// a 50 MB line, two of this size 9 MB more (Benchmarks/README.md, "Windows on both cores").
    public static let defaultEntityWindow = 1 << 20
    /// How many windows are annotated at once: two, not one per core, since each holds its tokens
    /// while it runs.
    public var entityWindowWorkers = 2

    public init() {}

    /// Decodes and sanitises raw bytes of plain text or Markdown, then annotates them.
    public func annotate(bytes: [UInt8], source: String? = nil) throws(IngestError) -> AnnotatedArticle {
        let text = try TextDecoder.decode(bytes)
        return annotate(SourceFormatDetector.document(fromText: text, pathHint: source), source: source)
    }

    /// `document` is consumed: once its text is an `ArticleText`, the `String` is let go here, so a
    /// caller that hands the document over (`consume`, or a last use) does not hold the text twice
    /// through the later stages, where memory peaks (issue 13: 50 MB of a 50 MB line).
    public func annotate(_ document: consuming SourceDocument, source: String? = nil) -> AnnotatedArticle {
        var text = document.text
        document.text = ""
        var kept = document.removeBoilerplate
            ? boilerplate.filter(text)
            : BoilerplateFilter.Result(text: text, removed: [])
        text = ""
        let articleText = ArticleText(kept.text)
        kept.text = ""
        let article = structure.parse(articleText, removed: kept.removed,
                                      titleHint: document.titleHint, headingHints: document.headingHints)
        let entities = linkedEntities(article)
        // Only the claims read the numbers: a huge article's are found on another core while its
        // quotations and speakers are.
        let numbersFound = PendingValue(alongside: runsStagesAlongside(article), label: "AnnotationPipeline.numbers") {
            [numberAnnotator] in Self.exactlySized(numberAnnotator.annotate(article))
        }
        let (found, quoteTokens) = quoteAnnotator.annotate(article, keepingTokensUpTo: DiscourseContext.defaultTokenBudget)
        let inTextOrder = found.isInTextOrder
        // Consumed, so that attribution writes the speakers into this buffer, not into a copy.
        let quoteSpans = Self.exactlySized(consume found).inTextOrder()
        // One discourse context for attribution and claims: the paragraph tokens, the entity index
        // and the full names are made once for all three, the quote annotator's tokens included
        // (numbered as its result: of no use if the quotes had to be sorted).
        var discourse = DiscourseContext(article: article, quotes: quoteSpans.map(\.span), index: EntityMentionIndex(entities))
        if inTextOrder { discourse.keep(quoteTokens) }
        let quotes = speakers.attribute(consume quoteSpans, entities: entities, context: &discourse)
        discourse.forgetSpeakers()
        let numbers = numbersFound.value()
        let claimList = claims.extract(quotes: quotes, numbers: numbers, context: &discourse)
        let actorList = actors.rank(entities: entities, claims: claimList, quotes: quotes, in: article)
        return addingLayers(to: AnnotatedArticle(article: article, entities: entities, quotes: quotes, numbers: numbers,
                                                 actors: actorList, claims: claimList, source: source))
    }

    /// The same elements in a buffer of their own size: an array grown by doubling keeps up to
    /// twice the room it needs (a 50 MB line's million numbers held 84 MB for 47), all through
    /// the later stages, when memory peaks. Only a large array is copied.
    static func exactlySized<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity - array.count > 1 << 16 else { return array }
        var exact: [Element] = []
        exact.reserveCapacity(array.count)
        exact.append(contentsOf: array)
        return exact
    }

    /// Runs the layer annotators in order; each sees the article as annotated so far, with the
    /// layers before it.
    func addingLayers(to article: AnnotatedArticle) -> AnnotatedArticle {
        var annotated = article
        for annotator in layerAnnotators {
            var layer = annotator.layer(for: annotated)
            layer.name = Self.unusedName(annotator.layerName, among: annotated.layers)
            // An added annotator's spans are checked here, once, so no output slices past the text.
            layer.spans.removeAll { $0.span.end > annotated.text.count }
            layer.spans.sort { $0.span < $1.span }
            annotated.layers.append(layer)
        }
        return annotated
    }

    /// Two layer annotators with one name would write one JSON key twice: the later gets "name-2"
    /// ("name-3", …), so both layers are kept.
    static func unusedName(_ name: String, among layers: [AnnotationLayer]) -> String {
        let taken = Set(layers.map(\.name))
        guard taken.contains(name) else { return name }
        var suffix = 2
        while taken.contains("\(name)-\(suffix)") { suffix += 1 }
        return "\(name)-\(suffix)"
    }

    /// The article's entities: mentions found and typed, linked, one type per entity, and the
    /// dateline's words a place. Shared with the speaker trainer, so it learns from what runs.
    func linkedEntities(_ article: StructuredArticle) -> [Entity] {
        let scored = scoredMentions(article)
        let typed = entityAnnotator.typer.unify(linker.link(scored.mentions, in: article),
                                                mentions: scored.mentions, scores: scored.scores)
        return DatelinePrefix.placingDatelines(typed, in: article)
    }
}
