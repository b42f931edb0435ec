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

    /// The quote annotator hands over the tokens of each paragraph whose quotation marks all
    /// turned out to be quotations: they must be the tokens the context would make, numbered by
    /// the final list of quotes, on every article of the repository.
    @Test func quoteAnnotatorsTokensAreTheContextsOwn() {
        var handedOver = 0
        for (name, text) in RepositoryTexts.articles {
            let article = AnnotationPipeline().annotate(SourceDocument(text: text)).article
            let (quotes, made) = QuoteAnnotator().annotate(article, keepingTokensUpTo: DiscourseContext.defaultTokenBudget)
            #expect(quotes == QuoteAnnotator().annotate(article), "quotes of \(name)")
            let spans = quotes.map(\.span)
            for entry in made {
                let fresh = Self.tokenize(article, paragraph: entry.paragraph, quotes: spans)
                #expect(Self.same(entry.tokens, fresh), "paragraph \(entry.paragraph) of \(name)")
            }
            handedOver += made.count
        }
        #expect(handedOver >= 10)
    }

    /// A paragraph that loses a candidate (a scare quote after "so-called") is not handed over;
    /// the next one is, with its quotation numbered after the ones kept before it.
    @Test func quoteTokensAreNumberedByTheQuotesKept() throws {
        let text = """
        Talks end in Norvale

        “We will appeal,” the minister said.

        The so-called “peace plan” failed, and “we will go on,” she said.

        “It is over,” he added.
        """
        let article = StructureParser().parse(ArticleText(text))
        let (quotes, made) = QuoteAnnotator().annotate(article, keepingTokensUpTo: 1000)
        let contents = quotes.map { article.text.slice($0.content) }
        #expect(contents == ["We will appeal,", "we will go on,", "It is over,"])
        let paragraphOf = { (fragment: String) in
            article.paragraphs.firstIndex { article.text.slice($0.span).contains(fragment) }
        }
        let scare = try #require(paragraphOf("peace plan")), last = try #require(paragraphOf("It is over"))
        #expect(!made.contains { $0.paragraph == scare })
        let lastTokens = try #require(made.first { $0.paragraph == last }?.tokens)
        #expect(lastTokens.filter { $0.kind == .quote }.map(\.quote) == [2])
        #expect(Self.same(lastTokens, Self.tokenize(article, paragraph: last, quotes: quotes.map(\.span))))
    }

    static func same(_ a: [TextToken], _ b: [TextToken]) -> Bool {
        a.map(\.span) == b.map(\.span) && a.map(\.text) == b.map(\.text) && a.map(\.kind) == b.map(\.kind)
            && a.map(\.quote) == b.map(\.quote) && a.map(\.sentence) == b.map(\.sentence)
            && a.map(\.isCapitalised) == b.map(\.isCapitalised) && a.map(\.hasUppercase) == b.map(\.hasUppercase)
            && a.map(\.startsLine) == b.map(\.startsLine)
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
