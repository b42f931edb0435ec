/// The formats `dossier export` and the reader's `e` key can write.
public enum ExportFormat: String, Sendable, CaseIterable {
    case markdown, json, webannotation, html

    /// The usual file name extension, for default output names.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .json: return "json"
        case .webannotation: return "jsonld"
        case .html: return "html"
        }
    }
}
