import DossierCore

/// Extracts the article body of a saved web page with libxml2's HTML parser and the DOM.
///
/// The page is parsed into a `PageTree`; `ArticleBodyFinder` picks the container(s) that hold the
/// article by paragraph text, commas and link density; `BlockTextWriter` renders them as
/// paragraphs and headings; `PageMetadata` reads the headline, URL, date and site name.
public struct HTMLArticleExtractor: Sendable {
    public init() {}

    public func extract(html bytes: [UInt8]) -> SourceDocument {
        extractNotingLoss(html: bytes).document
    }

    /// The document, and whether libxml2 stopped before the end of the page (`PageTree.parserStoppedEarly`):
    /// then text is missing, and the loader refuses the page instead of passing part of it as the whole.
    public func extractNotingLoss(html bytes: [UInt8]) -> (document: SourceDocument, parserStoppedEarly: Bool) {
        let tree = HTMLPageParser.parse(bytes)
        return (document(of: tree), tree.parserStoppedEarly)
    }

    func document(of tree: PageTree) -> SourceDocument {
        let metadata = PageMetadata(of: tree)
        var blocks = ArticleBodyFinder(tree: tree).blocks()
        let title = metadata.title.map(clean)
        if let title { blocks = withoutRepeatedTitle(blocks, title: title) }
        blocks = withoutEmptySections(blocks)

        var headings: Set<String> = []
        var paragraphs: [String] = []
        if let title, !title.isEmpty { paragraphs.append(title) }
        for block in blocks {
            let text = clean(block.text)
            guard !text.isEmpty, !HTMLArticleExtractor.isMostlyAddresses(text) else { continue }
            if block.heading != nil { headings.insert(text) }
            paragraphs.append(text)
        }
        return SourceDocument(text: paragraphs.joined(separator: "\n\n"), format: .html,
                              titleHint: title?.isEmpty == false ? title : nil, headingHints: headings,
                              removeBoilerplate: false, metadata: metadata.dictionary.mapValues(clean))
    }

    /// The page's headline usually opens the body as an `<h1>` too; the document already starts with it.
    private func withoutRepeatedTitle(_ blocks: [TextBlock], title: String) -> [TextBlock] {
        let key = title.lowercased()
        var result: [TextBlock] = []
        for (position, block) in blocks.enumerated() {
            let same = block.text.lowercased() == key
            if same && (block.heading == "h1" || position < 3) { continue }
            result.append(block)
        }
        return result
    }

    /// A heading whose section lost all its text ("Related stories" over a dropped link list) heads nothing.
    private func withoutEmptySections(_ blocks: [TextBlock]) -> [TextBlock] {
        var result: [TextBlock] = []
        for block in blocks.reversed() {
            if let level = block.heading {
                let next = result.last
                let headsNothing = next == nil || (next?.heading.map { $0 <= level } ?? false)
                if headsNothing { continue }
            }
            result.append(block)
        }
        return result.reversed()
    }

    /// A block made of web addresses (a stray image URL, a share link) is markup leaking into text.
    static func isMostlyAddresses(_ text: String) -> Bool {
        var addressLength = 0, total = 0
        for word in text.split(separator: " ") {
            total += word.utf8.count
            if word.hasPrefix("http://") || word.hasPrefix("https://") || word.hasPrefix("www.") { addressLength += word.utf8.count }
        }
        return total > 0 && addressLength * 2 > total
    }

    /// Page text through the same door as every other input: control characters and the like removed,
    /// escape sequences whole (their ESC and BEL were carried through libxml2 by `EscapeCharacterShield`).
    private func clean(_ text: String) -> String {
        (try? TextDecoder.decode(Array(EscapeCharacterShield.restore(text).utf8))) ?? text
    }
}
