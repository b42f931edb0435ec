/// The formats Dossier reads; detected from content, with the file extension as a hint.
public enum SourceFormat: String, Sendable, CaseIterable {
    case text, markdown, html, jsonLines = "jsonl"
    /// RSS 2.0, RSS 1.0, Atom 1.0, or an OPML list of feeds: each item an article (read by DossierLoading).
    case feed
}

/// Article text ready for the core, plus what the source format already told us about it.
///
/// Plain text arrives with no hints and goes through boilerplate removal; Markdown and HTML
/// arrive with their title and headings known, so the structure parser need not guess.
public struct SourceDocument: Sendable {
    public var text: String
    public var format: SourceFormat
    public var titleHint: String?
    /// Lines that the source marked as headings (Markdown `#`, HTML `<h2>`/`<h3>`).
    public var headingHints: Set<String>
    /// False when the source already isolated the article body (HTML extraction, JSON Lines).
    public var removeBoilerplate: Bool
    public var metadata: [String: String]

    public init(text: String, format: SourceFormat = .text, titleHint: String? = nil, headingHints: Set<String> = [],
                removeBoilerplate: Bool = true, metadata: [String: String] = [:]) {
        self.text = text
        self.format = format
        self.titleHint = titleHint
        self.headingHints = headingHints
        self.removeBoilerplate = removeBoilerplate
        self.metadata = metadata
    }
}
