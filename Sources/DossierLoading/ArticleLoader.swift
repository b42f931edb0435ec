import DossierCore
import DossierHTML

/// One article as the command line found it: where it came from and its annotation, or why not.
public struct LoadedArticle: Sendable {
    public var source: String
    public var result: Result<AnnotatedArticle, InputError>
}

/// Turns command-line operands (files, folders, "-", web addresses) into annotated articles.
public struct ArticleLoader: Sendable {
    public var pipeline = AnnotationPipeline()
    public var recursive = false
    /// False annotates the whole text of plain-text files (the benchmarks: a 10 MB article stays 10 MB).
    public var removeBoilerplate = true
    /// Reads web addresses (operands, feeds, feed items' pages); nil: a web address is an error.
    public var web: WebReader?

    public init(pipeline: AnnotationPipeline = AnnotationPipeline(), recursive: Bool = false,
                removeBoilerplate: Bool = true, web: WebReader? = nil) {
        self.pipeline = pipeline
        self.recursive = recursive
        self.removeBoilerplate = removeBoilerplate
        self.web = web
    }

    /// Expands folders into their article files; a missing path stays, to be reported when loaded.
    public func expand(_ operands: [String]) throws(InputError) -> [String] {
        var paths: [String] = []
        for operand in operands {
            if operand != "-", !WebAddress.isWebAddress(operand), FileReader.kind(of: operand) == .directory {
                let files = FileReader.articleFiles(in: operand, recursive: recursive)
                if files.isEmpty { throw .emptyDirectory(operand) }
                paths.append(contentsOf: files)
            } else {
                paths.append(operand)
            }
        }
        return paths
    }

    /// Every article in one path, annotated: a JSON Lines file or a feed yields several.
    public func load(_ path: String) -> [LoadedArticle] {
        prepareDocuments(path).map { source, result in
            LoadedArticle(source: source, result: result.map { pipeline.annotate($0, source: source) })
        }
    }

    /// Every article in one path, read and decoded but not annotated; a feed's item pages fetched.
    public func prepareDocuments(_ path: String) -> [(source: String, result: Result<SourceDocument, InputError>)] {
        pendingDocuments(path).map { ($0.source, $0.resolve()) }
    }

    /// Every article in one path, read but with JSON Lines records not yet parsed: the caller
    /// resolves each on the task that annotates it (`OrderedAnnotation`); a feed's item pages fetched.
    public func pendingDocuments(_ path: String) -> [PendingDocument] {
        pendingDocuments(of: documents(in: path))
    }

    /// The articles of one path as `pendingDocuments` gives them, but a JSON Lines file or standard
    /// input is read a block at a time as the caller takes its records (`JSONLinesStream`), so that a
    /// feed of any length is annotated in bounded memory. Any other input is read whole, as before.
    func upcomingDocuments(_ path: String) -> UpcomingPathDocuments {
        guard !WebAddress.isWebAddress(path) else { return .listed(pendingDocuments(path)) }
        let hint = path == "-" ? nil : path
        do {
            let input = try ByteSource(path: path)
            var bytes: [UInt8] = []
            if let stream = try Self.jsonLinesStream(input, readingHeadInto: &bytes, source: path) { return .streamed(stream) }
            try input.readToEnd(appendingTo: &bytes, byteLimit: FileReader.byteLimit)
            return .listed(pendingDocuments(of: documents(fromBytes: bytes, source: path, pathHint: hint, base: nil)))
        } catch {
            return .listed([PendingDocument(source: path, content: .ready(.failure(error)))])
        }
    }

    /// A regular file of JSON Lines, to be read a block at a time as its records are taken; nil for
    /// anything else (read it as before: the head looked at here is read again, so not for standard
    /// input or a pipe), or when it cannot be opened (reading it as before says why).
    func jsonLinesStream(ofFile path: String) -> JSONLinesStream? {
        guard path != "-", !WebAddress.isWebAddress(path), FileReader.kind(of: path) == .file,
              let input = try? ByteSource(path: path) else { return nil }
        var head: [UInt8] = []
        return try? Self.jsonLinesStream(input, readingHeadInto: &head, source: path)
    }

    /// Reads the head of `input` (up to `SourceFormatDetector.headByteCount` bytes) into `bytes` and
    /// returns a stream of its records when it is JSON Lines; nil, with the head in `bytes`, when not.
    private static func jsonLinesStream(_ input: ByteSource, readingHeadInto bytes: inout [UInt8],
                                        source path: String) throws(InputError) -> JSONLinesStream? {
        let hint = path == "-" ? nil : path
        let headBytes = SourceFormatDetector.headByteCount
        while bytes.count < headBytes {
            if try input.read(appendingTo: &bytes, upTo: headBytes - bytes.count) == 0 { break }
            // A pipe hands out what it has: a feed whose first record has come is known by it,
            // and is not kept waiting for 64 KB (a crawler writing line by line).
            if JSONLinesStream.opensWithTextRecord(bytes, pathHint: hint) {
                return JSONLinesStream(input: input, head: bytes, source: path)
            }
        }
        return JSONLinesStream.canStream(head: bytes, pathHint: hint) ? JSONLinesStream(input: input, head: bytes, source: path) : nil
    }

    private func pendingDocuments(of entries: [SourceEntry]) -> [PendingDocument] {
        let pages = entries.compactMap(\.pageAddress)
        guard !pages.isEmpty else { return entries.map { PendingDocument(source: $0.source, content: $0.content) } }
        // The pages of a feed's items, fetched together (a few at a time) rather than one after another.
        var fetched = (web?.readAll(pages) ?? []).makeIterator()
        return entries.map { entry in
            guard entry.pageAddress != nil, case .success(let summary) = entry.result else {
                return PendingDocument(source: entry.source, content: entry.content)
            }
            return PendingDocument(source: entry.source,
                                   content: .ready(FeedArticles.finish(summary, page: fetched.next(), source: entry.source, loader: self)))
        }
    }

    /// One source's articles; a feed item whose text is only at its link comes with `pageAddress`
    /// set and its summary as the document, for the caller to fetch (`FeedArticles.finish`).
    func documents(in path: String, insideOPML: Bool = false) -> [SourceEntry] {
        if WebAddress.isWebAddress(path) {
            guard let web else { return [SourceEntry(path, .failure(.unreadable(path, reason: "web addresses are not read here")))] }
            switch web.read(path) {
            case .failure(let error): return [SourceEntry(path, .failure(.fetchFailed(path, error)))]
            case .success(let page): return documents(fromBytes: page.body, source: path, pathHint: page.hint, base: page.finalURL, insideOPML: insideOPML)
            }
        }
        let bytes: [UInt8]
        do { bytes = try FileReader.read(path: path) } catch { return [SourceEntry(path, .failure(error))] }
        return documents(fromBytes: bytes, source: path, pathHint: path == "-" ? nil : path, base: nil, insideOPML: insideOPML)
    }

    /// Bytes of any format as articles: a web page, a feed, JSON Lines, plain text or Markdown.
    func documents(fromBytes bytes: [UInt8], source: String, pathHint hint: String?, base: String?,
                   insideOPML: Bool = false) -> [SourceEntry] {
        // A web page goes to libxml2 as bytes (it decodes the page's own charset, UTF-16 included), and
        // so does a feed: both are recognised from their first bytes before any decoding of the whole.
        switch SourceFormatDetector.format(ofBytes: bytes, pathHint: hint) {
        case .html: return [SourceEntry(source, extractPage(bytes, source: source))]
        case .feed: return FeedArticles.entries(ofFeed: bytes, source: source, base: base, loader: self, nested: insideOPML)
        default: break
        }
        let text: String
        let encoding: DetectedEncoding
        do { (text, encoding) = try TextDecoder.decodeDetectingEncoding(bytes) } catch {
            return [SourceEntry(source, .failure(.notText(source, error)))]
        }
        if text.allSatisfy(\.isWhitespace) { return [SourceEntry(source, .failure(.notText(source, .empty)))] }
        switch SourceFormatDetector.format(ofText: text, pathHint: hint) {
        case .html:
            // Not seen in the first bytes (a long preamble): extract it all the same.
            return [SourceEntry(source, extractPage(bytes, source: source))]
        case .feed:
            return FeedArticles.entries(ofFeed: bytes, source: source, base: base, loader: self, nested: insideOPML)
        case .jsonLines:
            let lines = JSONLinesReader.records(in: text)
            if lines.isEmpty {
                return [SourceEntry(source, .failure(.unparsable(source, reason: "no articles in this JSON Lines file (it is empty)")))]
            }
            return lines.map { number, record in SourceEntry("\(source):\(number)", record: record) }
        case .text, .markdown:
            // A paste of several articles becomes several, each named by the line where it starts.
            let articles = SourceFormatDetector.articles(fromText: text, pathHint: hint)
            return articles.map { article in
                var document = article.document
                if !removeBoilerplate { document.removeBoilerplate = false }
                // The reader's status line says so: the bytes were not UTF-8.
                if encoding == .windows1252 { document.metadata["encoding"] = encoding.rawValue }
                return SourceEntry(articles.count == 1 ? source : "\(source):\(article.firstLine)", .success(document))
            }
        }
    }

    /// A web page: its article body, or why there is none.
    func extractPage(_ bytes: [UInt8], source: String) -> Result<SourceDocument, InputError> {
        let (document, parserStoppedEarly) = HTMLArticleExtractor().extractNotingLoss(html: bytes)
        if parserStoppedEarly {
            return .failure(.unparsable(source, reason: "the HTML parser stopped before the end of the page (elements nested too deeply?); not read"))
        }
        if document.text.isEmpty {
            return .failure(.unparsable(source, reason: "no article text found in this HTML page"))
        }
        return .success(document)
    }
}

/// The articles of one path, listed (read whole) or streamed (a JSON Lines file read a block at a time).
enum UpcomingPathDocuments {
    case listed([PendingDocument])
    case streamed(JSONLinesStream)
}

/// One article of a path before annotation: its document, or a JSON Lines record still to parse.
public struct PendingDocument: Sendable {
    enum Content: Sendable {
        case ready(Result<SourceDocument, InputError>)
        case jsonLine(JSONLinesReader.Record)
    }
    public let source: String
    let content: Content

    /// The document, or why there is none; parses a JSON Lines record now (the costly part of reading a feed).
    public func resolve() -> Result<SourceDocument, InputError> {
        switch content {
        case .ready(let result): return result
        case .jsonLine(let record): return record.parse().mapError { .unparsable(source, reason: $0.reason) }
        }
    }
}

/// One article of a source before annotation; `pageAddress`: its text is still to be fetched from there.
struct SourceEntry {
    var source: String
    var content: PendingDocument.Content
    var pageAddress: String? = nil

    init(_ source: String, _ result: Result<SourceDocument, InputError>, pageAddress: String? = nil) {
        self.source = source
        self.content = .ready(result)
        self.pageAddress = pageAddress
    }

    /// A JSON Lines record, parsed when `result` is read.
    init(_ source: String, record: JSONLinesReader.Record) {
        self.source = source
        self.content = .jsonLine(record)
    }

    var result: Result<SourceDocument, InputError> { PendingDocument(source: source, content: content).resolve() }
}

extension WebPage {
    /// What the format detector is told of the page's name: the server's content type, else the address.
    var hint: String {
        let type = contentType?.lowercased() ?? ""
        if type.contains("html") { return "page.html" }
        if type.contains("markdown") { return "page.md" }
        return finalURL.split(separator: "?").first.map(String.init) ?? finalURL
    }
}
