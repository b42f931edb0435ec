import DossierCore
import DossierHTML

/// One article as the command line found it: where it came from and its annotation, or why not.
struct LoadedArticle {
    var source: String
    var result: Result<AnnotatedArticle, InputError>
}

/// Turns command-line operands (files, folders, "-") into annotated articles.
struct ArticleLoader: Sendable {
    var pipeline = AnnotationPipeline()
    var recursive = false

    /// Expands folders into their article files; a missing path stays, to be reported when loaded.
    func expand(_ operands: [String]) throws(InputError) -> [String] {
        var paths: [String] = []
        for operand in operands {
            if operand != "-", FileReader.kind(of: operand) == .directory {
                let files = FileReader.articleFiles(in: operand, recursive: recursive)
                if files.isEmpty { throw .emptyDirectory(operand) }
                paths.append(contentsOf: files)
            } else {
                paths.append(operand)
            }
        }
        return paths
    }

    /// Every article in one path, annotated: a JSON Lines file or stream yields several.
    func load(_ path: String) -> [LoadedArticle] {
        prepareDocuments(path).map { source, result in
            LoadedArticle(source: source, result: result.map { pipeline.annotate($0, source: source) })
        }
    }

    /// Every article in one path, read and decoded but not annotated (the reader annotates in the background).
    func prepareDocuments(_ path: String) -> [(source: String, result: Result<SourceDocument, InputError>)] {
        let bytes: [UInt8]
        do { bytes = try FileReader.read(path: path) } catch { return [(path, .failure(error))] }
        let hint = path == "-" ? nil : path
        // A web page goes to libxml2 as bytes (it decodes the page's own charset, UTF-16 included),
        // so it is recognised from its first bytes before any decoding of the whole.
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if FormatSniffer.format(ofText: head, pathHint: hint) == .html { return [extractPage(bytes, path: path)] }
        let text: String
        let encoding: DetectedEncoding
        do { (text, encoding) = try TextDecoder.decodeDetectingEncoding(bytes) } catch {
            return [(path, .failure(.notText(path, error)))]
        }
        if text.allSatisfy(\.isWhitespace) { return [(path, .failure(.notText(path, .empty)))] }
        switch FormatSniffer.format(ofText: text, pathHint: hint) {
        case .html:
            // Not seen in the first bytes (a long preamble): extract it all the same.
            return [extractPage(bytes, path: path)]
        case .jsonLines:
            let lines = JSONLinesReader.documents(in: text)
            if lines.isEmpty {
                return [(path, .failure(.unparsable(path, reason: "no articles in this JSON Lines file (it is empty)")))]
            }
            return lines.map { number, line in
                let source = "\(path):\(number)"
                switch line {
                case .success(let document): return (source, .success(document))
                case .failure(let error): return (source, .failure(.unparsable(source, reason: error.reason)))
                }
            }
        case .text, .markdown:
            var document = SourceFormatDetector.document(fromText: text, pathHint: hint)
            // The reader's status line and the commands say so: the bytes were not UTF-8.
            if encoding == .windows1252 { document.metadata["encoding"] = encoding.rawValue }
            return [(path, .success(document))]
        }
    }

    /// A saved web page: its article body, or why there is none.
    private func extractPage(_ bytes: [UInt8], path: String) -> (source: String, result: Result<SourceDocument, InputError>) {
        let document = HTMLArticleExtractor().extract(html: bytes)
        if document.text.isEmpty {
            return (path, .failure(.unparsable(path, reason: "no article text found in this HTML page")))
        }
        return (path, .success(document))
    }
}
