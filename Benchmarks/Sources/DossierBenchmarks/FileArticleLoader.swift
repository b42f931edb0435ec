import DossierCore
import DossierTUI
import Foundation

/// Reads plain-text article files the way `dossier read` reads a `.txt` file (whole file, `TextDecoder`,
/// `SourceFormatDetector`, the pipeline; a glimpse of the first 64 KB of a file over 256 KB), for the
/// reader and briefing benchmarks. The command line's own loader lives in the executable (it also
/// reads HTML and JSON Lines), which a benchmark cannot import; this mirrors its text path.
// UNFINISHED: the executable's `ArticleLoader` (HTML, JSON Lines) belongs in a library target so that
// this benchmark can use it instead of a mirror of its text path.
struct FileArticleLoader: ArticleLoading {
    let pipeline = AnnotationPipeline()
    /// False annotates the whole text, so that a 10 MB article is still 10 MB in the reader.
    var removeBoilerplate = true

    func prepare(_ source: String) -> [PreparedArticle] {
        guard let data = FileManager.default.contents(atPath: source) else {
            return [PreparedArticle(source: source, document: .failure(LoadFailure(reason: "\(source): cannot read", exitCode: 74)))]
        }
        do {
            let text = try TextDecoder.decode([UInt8](data))
            var document = SourceFormatDetector.document(fromText: text, pathHint: source)
            if !removeBoilerplate { document.removeBoilerplate = false }
            return [PreparedArticle(source: source, document: .success(document))]
        } catch {
            return [PreparedArticle(source: source, document: .failure(LoadFailure(reason: "\(source): \(error)")))]
        }
    }

    func annotate(_ prepared: PreparedArticle) -> AnnotatedArticle {
        switch prepared.document {
        case .success(let document): return pipeline.annotate(document, source: prepared.source)
        case .failure: return pipeline.annotate(SourceDocument(text: ""), source: prepared.source)
        }
    }

    func glimpse(_ source: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: source),
              let size = attributes[.size] as? Int, size > 256 << 10,
              let handle = FileHandle(forReadingAtPath: source) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 64 << 10))
        let cut = head.lastIndex(of: 0x0A) ?? head.count
        return try? TextDecoder.decode(Array(head[..<cut]))
    }
}
