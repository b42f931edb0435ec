/// Renders articles in an export format: the one entry point for `dossier export` and the reader's `e` key.
public enum Exporter {
    /// One article gives one document; several give one briefing document (Markdown, HTML,
    /// Web Annotation) or JSON Lines (JSON).
    public static func render(_ exports: [ArticleExport], as format: ExportFormat, palette: HTMLPalette = .builtIn) -> String {
        switch format {
        case .markdown: return exports.count == 1 ? MarkdownExporter.render(exports[0]) : MarkdownExporter.renderBriefing(exports)
        case .json: return JSONExporter.render(exports)
        case .webannotation: return WebAnnotationExporter.render(exports)
        case .html: return HTMLExporter.render(exports, palette: palette)
        }
    }

    /// `render` written to the file at `path` whole or not at all (`AtomicFile`), through the
    /// format's stream, so the document is never one string in memory (the reader's `e` on a
    /// briefing of a whole feed).
    public static func write(_ exports: [ArticleExport], as format: ExportFormat, palette: HTMLPalette = .builtIn,
                             to path: String, overwrite: Bool) throws(ExportWriteError) {
        let file = try AtomicFile(path: path, overwrite: overwrite)
        var stream = stream(as: format, palette: palette)
        let write = { (text: String) throws(ExportWriteError) in try file.append(Array(text.utf8)[...]) }
        for export in exports { try stream.add(export, write: write) }
        try stream.finish(write: write)
        try file.commit()
    }

    /// `render` made as the articles come, for `dossier export` of a feed: what the stream writes,
    /// end to end, is `render` of all its articles, but an article is let go once rendered (a
    /// briefing document keeps only what its head reads of each: see `ExportStream`).
    public static func stream(as format: ExportFormat, palette: HTMLPalette = .builtIn) -> any ExportStream {
        switch format {
        case .markdown: return MarkdownExporter.Stream()
        case .json: return JSONExporter.Stream()
        case .webannotation: return WebAnnotationExporter.Stream()
        case .html: return HTMLExporter.Stream(palette: palette)
        }
    }
}

/// An export written article by article. JSON Lines is written as each article comes; the
/// briefing documents (Markdown, HTML, Web Annotation) open with what only the last article
/// completes (the count, the list of articles, the actors across them), so their articles are
/// rendered as they come into a temporary file (`ExportSpool`) and written after that head.
/// With no article, nothing is written.
public protocol ExportStream {
    /// How many articles were added.
    var count: Int { get }
    mutating func add(_ export: ArticleExport, write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError)
    mutating func finish(write: (String) throws(ExportWriteError) -> Void) throws(ExportWriteError)
}
