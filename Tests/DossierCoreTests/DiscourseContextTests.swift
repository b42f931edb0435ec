import Testing
@testable import DossierCore

/// The pipeline hands one `DiscourseContext` from speaker attribution to the claim extractor, so
/// that both read the same paragraph tokens. Sharing it must change nothing they find.
@Suite struct DiscourseContextTests {
    /// On every article of the repository, the pipeline's quotes and claims are those of the two
    /// stages run one after the other, each with a context of its own (their public entry points).
    @Test func sharedContextFindsWhatSeparateOnesFind() throws {
        let pipeline = AnnotationPipeline()
        var articlesWithClaims = 0
        for (name, text) in RepositoryTexts.articles {
            let annotated = pipeline.annotate(SourceDocument(text: text))
            let article = annotated.article
            let quoteSpans = pipeline.quoteAnnotator.annotate(article)
            let quotes = SpeakerAttribution().attribute(quoteSpans, entities: annotated.entities, in: article)
            let claims = ClaimExtractor().extract(article: article, entities: annotated.entities, quotes: quotes,
                                                  numbers: annotated.numbers)
            #expect(annotated.quotes == quotes, "quotes of \(name)")
            #expect(annotated.claims == claims, "claims of \(name)")
            if !claims.isEmpty { articlesWithClaims += 1 }
        }
        #expect(articlesWithClaims >= 8)
    }

    /// Attribution ends remembering the last speaker (here the harbour trust, quoted last). The claim
    /// extractor reads the article afresh: an "It said" before that quotation is no word of the trust's.
    @Test func claimsDoNotInheritAttributionsLastSpeaker() {
        let text = """
        A new quay for Norvale

        Norvale is a port town on the northern coast of the island. It said that the new quay would open in March.

        The Tessering Harbour Trust said: “We will appeal the ruling on the quay.”
        """
        let annotated = AnnotationPipeline().annotate(SourceDocument(text: text))
        let trust = annotated.entities.first { $0.name.hasSuffix("Harbour Trust") }
        #expect(annotated.quotes.count == 1 && annotated.quotes.first?.speaker != nil
                && annotated.quotes.first?.speaker == trust?.id, "the quotation is the trust's")
        #expect(!annotated.claims.contains { $0.kind == .statement && $0.actor == trust?.id }, "\(annotated.claims)")
        let separate = ClaimExtractor().extract(article: annotated.article, entities: annotated.entities,
                                                quotes: annotated.quotes, numbers: annotated.numbers)
        #expect(annotated.claims == separate)
    }

    /// A context over its token budget and its nine paragraphs drops what it kept, and still gives
    /// each paragraph the tokens the tokenizer gives it, in any order of asking.
    @Test func tokenCacheStaysWithinItsBudget() throws {
        let text = try RepositoryTexts.fixture("sample-article.txt")
        let annotated = AnnotationPipeline().annotate(SourceDocument(text: text))
        let article = annotated.article
        let quoteSpans = annotated.quotes.map(\.span).sorted()
        var context = DiscourseContext(article: article, quotes: quoteSpans, index: EntityMentionIndex(annotated.entities))
        context.tokenCacheBudget = 40
        let paragraphs = Array(article.paragraphs.indices)
        #expect(paragraphs.count >= 4)
        #expect(paragraphs.count > DiscourseContext.paragraphsAlwaysKept)
        var largest = 0, drops = 0
        for p in paragraphs + paragraphs.reversed() + paragraphs {
            let keptBefore = context.cachedParagraphCount
            let tokens = context.tokens(ofParagraph: p)
            if context.cachedParagraphCount < keptBefore { drops += 1 }
            largest = max(largest, tokens.count)
            let fresh = Self.tokenize(article, paragraph: p, quotes: quoteSpans)
            #expect(tokens.map(\.span) == fresh.map(\.span) && tokens.map(\.text) == fresh.map(\.text)
                    && tokens.map(\.kind) == fresh.map(\.kind) && tokens.map(\.quote) == fresh.map(\.quote)
                    && tokens.map(\.sentence) == fresh.map(\.sentence), "paragraph \(p)")
            #expect(context.cachedParagraphCount <= DiscourseContext.paragraphsAlwaysKept || context.cachedTokenCount <= 40)
        }
        #expect(largest > 0 && drops > 0)
    }

    /// `ParagraphTokenizer` on one paragraph, with the quotations inside it numbered as the context numbers them.
    static func tokenize(_ article: StructuredArticle, paragraph p: Int, quotes: [Span]) -> [TextToken] {
        let span = article.paragraphs[p].span
        let first = quotes.firstIndex { $0.start >= span.start } ?? quotes.count
        let inside = quotes[first...].prefix { span.contains($0) }
        return ParagraphTokenizer.tokenize(article.text.scalars, span: span, quotes: Array(inside), quoteIndexBase: first,
                                           sentences: article.paragraphs[p].sentences)
    }
}
