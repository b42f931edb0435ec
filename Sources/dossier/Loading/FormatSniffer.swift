import DossierCore

/// Recognises HTML pages and JSON Lines feeds by their content, for input that arrives on standard
/// input or with an extension that says nothing (`page.txt` saved from a browser, `feed.log`).
///
/// `SourceFormatDetector` (the core's) decides first from the extension; this only upgrades a
/// text or Markdown verdict when the content is unmistakably HTML or JSON Lines.
enum FormatSniffer {
    static func format(ofText text: String, pathHint: String?) -> SourceFormat {
        let hinted = SourceFormatDetector.format(ofText: text, pathHint: pathHint)
        guard hinted == .text || hinted == .markdown else { return hinted }
        let head = Array(text.unicodeScalars.prefix(4096))
        if looksLikeHTML(head) { return .html }
        if hinted == .text && looksLikeJSONLines(head) { return .jsonLines }
        return hinted
    }

    /// Starts with a tag and names the page structure early on: `<!DOCTYPE html>`, `<html>`, `<head>` or `<body>`.
    static func looksLikeHTML(_ head: [Unicode.Scalar]) -> Bool {
        guard let first = head.firstIndex(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }), head[first] == "<" else {
            return false
        }
        var lower = String.UnicodeScalarView()
        for scalar in head[first...] { lower.append(contentsOf: String(scalar).lowercased().unicodeScalars) }
        let text = String(lower)
        return ["<!doctype html", "<html", "<head", "<body"].contains { text.contains($0) }
    }

    /// The first non-blank line is a JSON object with a "text" field.
    static func looksLikeJSONLines(_ head: [Unicode.Scalar]) -> Bool {
        guard let first = head.firstIndex(where: { !$0.properties.isWhitespace }), head[first] == "{" else { return false }
        let line = String(String.UnicodeScalarView(head[first...].prefix { $0 != "\n" }))
        return line.contains("\"text\"")
    }
}
