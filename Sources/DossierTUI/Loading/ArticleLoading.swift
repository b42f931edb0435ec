import DossierCore

/// Where the reader's articles come from. The command line reads files (`dossier read`); the
/// benchmarks make articles in memory. The reader calls these on its background threads, never on
/// the main loop, so that a slow file or a slow pipeline never holds up a key.
public protocol ArticleLoading: Sendable {
    /// Reads and decodes one source: one article, several (a JSON Lines feed), or why it cannot be read.
    func prepare(_ source: String) -> [PreparedArticle]
    /// `prepare`, handing over each article as it is read, until `body` returns false: the first
    /// articles of a long feed are annotated and listed while the rest is still being read.
    func prepareEach(_ source: String, _ body: (PreparedArticle) -> Bool)
    /// The slow part: the core's pipeline over one prepared article. Consumed, so that a caller
    /// that hands it over does not keep the text's `String` beside the annotated text (issue 13).
    func annotate(_ prepared: consuming PreparedArticle) -> AnnotatedArticle
    /// The decoded beginning of a large source, to show before the whole is read and decoded;
    /// nil when the source is small (its full preview comes quickly enough) or cannot be glimpsed.
    func glimpse(_ source: String) -> String?
    /// The day the source was last changed ("2026-11-28"), for the library when the article has no date.
    func modificationDay(_ source: String) -> String?
    /// The slow second step of an article that `prepare` left `unfinished` (a feed item whose text is
    /// at its link: the page is fetched here, one article at a time, while the library shows the rest).
    func finish(_ prepared: PreparedArticle) -> PreparedArticle
    /// The same loader asking again for what it cached (`r` in the library); itself when nothing is cached.
    func refreshing() -> any ArticleLoading
}

extension ArticleLoading {
    public func prepareEach(_ source: String, _ body: (PreparedArticle) -> Bool) {
        for article in prepare(source) where !body(article) { return }
    }
    public func glimpse(_ source: String) -> String? { nil }
    public func modificationDay(_ source: String) -> String? { nil }
    public func finish(_ prepared: PreparedArticle) -> PreparedArticle { prepared }
    public func refreshing() -> any ArticleLoading { self }
}

/// One article read and decoded but not yet annotated, or the one-line reason it could not be.
public struct PreparedArticle: Sendable {
    /// "path", or "path:line" for a line of a JSON Lines feed.
    public var source: String
    public var document: Result<SourceDocument, LoadFailure>
    /// The document is a stand-in (a feed item's summary) until `ArticleLoading.finish` reads the rest.
    public var unfinished: Bool

    public init(source: String, document: Result<SourceDocument, LoadFailure>, unfinished: Bool = false) {
        self.source = source
        self.document = document
        self.unfinished = unfinished
    }
}

/// Why a source could not be read, as the one line the library and the status line show.
public struct LoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    /// The exit status when this was the only article asked for (sysexits: 65 data, 66 no input, …).
    public var exitCode: Int32

    public init(reason: String, exitCode: Int32 = 65) {
        self.reason = reason
        self.exitCode = exitCode
    }

    public var description: String { reason }
}
