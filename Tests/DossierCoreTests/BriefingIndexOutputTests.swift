import DossierCore
import Testing

/// `dossier index` keeps only what the index reads of each article (`BriefingIndex.reading`) and
/// writes its output as it makes it (`writeJSON`, `writeText`): neither may change what it prints.
@Suite struct BriefingIndexOutputTests {
    /// Every real article of the repository, annotated: a briefing with people across articles.
    static let articles: [AnnotatedArticle] = RepositoryTexts.articles.map { text in
        AnnotationPipeline().annotate(SourceDocument(text: text.text), source: text.name)
    }

    static func written(_ write: (inout ByteSink) -> Void, chunkSize: Int) -> String {
        var pieces: [UInt8] = []
        var sink = ByteSink(chunkSize: chunkSize) { pieces.append(contentsOf: $0) }
        write(&sink)
        sink.flush()
        return String(decoding: pieces, as: UTF8.self)
    }

    @Test func theIndexOfWhatItReadsPrintsAsTheIndexOfWholeArticles() {
        #expect(Self.articles.count >= 8)
        let whole = BriefingIndex(articles: Self.articles)
        let read = BriefingIndex(articles: Self.articles.map { BriefingIndex.reading($0, keepingText: true) })
        #expect(whole.entities.count > 20 && whole.actors.count > 5)
        #expect(BriefingIndexOutput.json(read).serialized() == BriefingIndexOutput.json(whole).serialized())
        #expect(BriefingIndexOutput.text(read) == BriefingIndexOutput.text(whole))
    }

    @Test func whatTheIndexReadsLeavesTheLayersOut() throws {
        let full = try #require(Self.articles.first { !$0.quotes.isEmpty && !$0.numbers.isEmpty })
        let kept = BriefingIndex.reading(full, keepingText: true)
        #expect(kept.quotes.isEmpty && kept.numbers.isEmpty && kept.article.paragraphs.isEmpty)
        #expect(kept.text.count == full.text.count && kept.article.titleString == full.article.titleString)
        #expect(kept.claims == full.claims && kept.actors == full.actors)
        #expect(BriefingIndex.reading(full, keepingText: false).text.count == 0)
    }

    /// Written in small chunks, an entity at a time, the JSON is the value's own serialisation.
    @Test(arguments: [false, true])
    func streamedJSONIsTheValueSerialised(pretty: Bool) {
        let index = BriefingIndex(articles: Self.articles)
        let streamed = Self.written({ BriefingIndexOutput.writeJSON(index, to: &$0, pretty: pretty) }, chunkSize: 512)
        #expect(streamed == BriefingIndexOutput.json(index).serialized(pretty: pretty))
    }

    @Test func streamedTextInSmallChunksIsTheWholeText() {
        let index = BriefingIndex(articles: Self.articles)
        let streamed = Self.written({ BriefingIndexOutput.writeText(index, to: &$0) }, chunkSize: 512)
        #expect(streamed == BriefingIndexOutput.text(index))
        #expect(streamed.hasPrefix("Briefing: \(Self.articles.count) articles"))
    }
}
