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
}
