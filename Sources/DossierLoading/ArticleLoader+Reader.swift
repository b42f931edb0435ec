import DossierCore
import DossierHTML
import DossierTUI
#if canImport(Glibc)
import Glibc
#endif

/// The reader's background threads read files, feeds and web addresses through the command line's loader.
extension ArticleLoader: ArticleLoading {
    /// A file larger than this shows its beginning before the whole is decoded (decoding runs at
    /// a few MB/s today: 256 KB is about the most that still comes within 100 ms).
    static let glimpseThreshold = 256 << 10
    /// A 200×60 screen shows about 12 KB; 64 KB leaves room to scroll.
    static let glimpseBytes = 64 << 10

    /// libxml2 (2.9) must initialise its parser on the main thread before threads use it; parsing a
    /// tiny page here does that before the reader's background threads extract web pages.
    public static func prepareForBackgroundThreads() {
        _ = HTMLArticleExtractor().extract(html: Array("<html><body><p>Dossier</p></body></html>".utf8))
        _ = FeedParser.parse(Array("<rss><channel><title>Dossier</title></channel></rss>".utf8))
    }

    /// A feed's items come at once with their summaries; the pages at their links are fetched in `finish`.
    public func prepare(_ source: String) -> [PreparedArticle] {
        documents(in: source).map { entry in
            PreparedArticle(source: entry.source, document: entry.result.mapError(LoadFailure.init), unfinished: entry.pageAddress != nil)
        }
    }

    /// A JSON Lines file is read a block at a time, each record handed over as it is read (the
    /// 100 MB feed was read whole, 2.6 s, before its first article was listed); anything else as `prepare` reads it.
    public func prepareEach(_ source: String, _ body: (PreparedArticle) -> Bool) {
        guard var stream = jsonLinesStream(ofFile: source) else {
            for article in prepare(source) where !body(article) { return }
            return
        }
        while let pending = stream.next() {
            guard body(PreparedArticle(source: pending.source, document: pending.resolve().mapError(LoadFailure.init))) else { return }
        }
    }

    public func finish(_ prepared: PreparedArticle) -> PreparedArticle {
        guard prepared.unfinished, case .success(let summary) = prepared.document, let address = summary.metadata["url"] else { return prepared }
        let page = web?.read(address)
        let result = FeedArticles.finish(summary, page: page, source: prepared.source, loader: self)
        return PreparedArticle(source: prepared.source, document: result.mapError(LoadFailure.init))
    }

    public func annotate(_ prepared: consuming PreparedArticle) -> AnnotatedArticle {
        let source = prepared.source
        let document: SourceDocument
        switch prepared.document {
        case .success(let success): document = success
        case .failure: document = SourceDocument(text: "")
        }
        // Only `document` holds the text now, and the pipeline lets go of it once it is scalars.
        _ = consume prepared
        return pipeline.annotate(consume document, source: source)
    }

    /// The first 64 KB of a large plain-text or Markdown file, up to its last complete line.
    public func glimpse(_ source: String) -> String? {
        guard source != "-", !WebAddress.isWebAddress(source), let size = FileReader.size(of: source), size > Self.glimpseThreshold,
              let head = FileReader.head(path: source, bytes: Self.glimpseBytes) else { return nil }
        // Web pages, feeds and JSON Lines are not shown raw: their articles come with the whole file.
        guard [.text, .markdown].contains(SourceFormatDetector.format(ofBytes: head.prefix(4096), pathHint: source)) else { return nil }
        let cut = head.lastIndex(of: UInt8(ascii: "\n")) ?? head.count
        return try? TextDecoder.decode(Array(head[..<cut]))
    }

    /// The file's modification day in UTC; "feed.jsonl:3" is the day of feed.jsonl.
    public func modificationDay(_ source: String) -> String? {
        if WebAddress.isWebAddress(source) { return nil }
        var path = source
        if FileReader.kind(of: path) == .missing, let colon = path.lastIndex(of: ":") { path = String(path[..<colon]) }
        guard path != "-", let seconds = FileReader.modificationTime(of: path) else { return nil }
        var time = time_t(seconds)
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else { return nil }
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }
}

extension LoadFailure {
    init(_ error: InputError) { self.init(reason: error.description, exitCode: error.exitCode) }
}

extension ArticleLoader {
    /// Whether a source is (by its name) a feed or JSON Lines, whose several articles the library lists
    /// first. A web address is taken for a feed when its name says so, as most feed addresses do.
    public static func holdsManyArticles(_ source: String) -> Bool {
        let lower = source.lowercased()
        if [".jsonl", ".xml", ".rss", ".atom", ".opml"].contains(where: { lower.hasSuffix($0) }) { return true }
        guard WebAddress.isWebAddress(lower) else { return false }
        return ["feed", "rss", "atom"].contains { lower.contains($0) }
    }
}

extension ArticleLoader {
    /// `r` in the library: the same loader, asking again (conditionally) for every cached web address.
    public func refreshing() -> any ArticleLoading {
        guard let web, web.mode != .offline else { return self }
        var fresh = self
        fresh.web = web.with(mode: .refresh)
        return fresh
    }
}
