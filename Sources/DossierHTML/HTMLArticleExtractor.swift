import CLibXML2
import DossierCore

/// Extracts the article body of a saved web page with libxml2's HTML parser and the DOM.
///
/// UNFINISHED (skeleton): keeps the text of every element; title from `<title>`.
public struct HTMLArticleExtractor: Sendable {
    public init() {}

    public func extract(html bytes: [UInt8]) -> SourceDocument {
        SourceDocument(text: String(decoding: bytes, as: UTF8.self), format: .html)
    }
}
