/// Decides what kind of text a file holds: content first, the extension as a tie-breaker.
///
/// UNFINISHED (skeleton): only the extension is consulted, and Markdown headings are not yet
/// turned into hints. HTML is recognised here but extracted by the DossierHTML module.
public enum SourceFormatDetector {
    public static func format(ofText text: String, pathHint: String?) -> SourceFormat {
        let lower = pathHint?.lowercased() ?? ""
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
        if lower.hasSuffix(".jsonl") { return .jsonLines }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        return .text
    }

    /// A plain-text or Markdown document; HTML and JSON Lines need their own readers.
    public static func document(fromText text: String, pathHint: String?) -> SourceDocument {
        SourceDocument(text: text, format: format(ofText: text, pathHint: pathHint))
    }
}
