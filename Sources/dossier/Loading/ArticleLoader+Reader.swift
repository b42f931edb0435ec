import DossierCore
import DossierHTML
import DossierTUI
#if canImport(Glibc)
import Glibc
#endif

/// The reader's background threads read files through the command line's loader.
extension ArticleLoader: ArticleLoading {
    /// A file larger than this shows its beginning before the whole is decoded (decoding runs at
    /// a few MB/s today: 256 KB is about the most that still comes within 100 ms).
    static let glimpseThreshold = 256 << 10
    /// A 200×60 screen shows about 12 KB; 64 KB leaves room to scroll.
    static let glimpseBytes = 64 << 10

    /// libxml2 (2.9) must initialise its parser on the main thread before threads use it; parsing a
    /// tiny page here does that before the reader's background threads extract web pages.
    static func prepareForBackgroundThreads() {
        _ = HTMLArticleExtractor().extract(html: Array("<html><body><p>Dossier</p></body></html>".utf8))
    }

    func prepare(_ source: String) -> [PreparedArticle] {
        prepareDocuments(source).map { source, result in
            PreparedArticle(source: source, document: result.mapError { LoadFailure(reason: $0.description, exitCode: $0.exitCode) })
        }
    }

    func annotate(_ prepared: PreparedArticle) -> AnnotatedArticle {
        switch prepared.document {
        case .success(let document): return pipeline.annotate(document, source: prepared.source)
        case .failure: return pipeline.annotate(SourceDocument(text: ""), source: prepared.source)
        }
    }

    /// The first 64 KB of a large plain-text or Markdown file, up to its last complete line.
    func glimpse(_ source: String) -> String? {
        guard source != "-", let size = FileReader.size(of: source), size > Self.glimpseThreshold,
              let head = FileReader.head(path: source, bytes: Self.glimpseBytes) else { return nil }
        let text = String(decoding: head.prefix(4096), as: UTF8.self)
        // Web pages and feeds are not shown raw: their article comes with the whole file.
        guard [.text, .markdown].contains(FormatSniffer.format(ofText: text, pathHint: source)) else { return nil }
        let cut = head.lastIndex(of: UInt8(ascii: "\n")) ?? head.count
        return try? TextDecoder.decode(Array(head[..<cut]))
    }

    /// The file's modification day in UTC; "feed.jsonl:3" is the day of feed.jsonl.
    func modificationDay(_ source: String) -> String? {
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
