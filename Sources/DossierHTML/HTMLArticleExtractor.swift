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
        // The tree is let go before the document's text is assembled: both at once were the peak.
        let (metadata, blocks, parserStoppedEarly) = {
            let tree = HTMLPageParser.parse(bytes)
            return (PageMetadata(of: tree), ArticleBodyFinder(tree: tree).blocks(), tree.parserStoppedEarly)
        }()
        return (document(metadata: metadata, blocks: blocks), parserStoppedEarly)
    }

    func document(of tree: PageTree) -> SourceDocument {
        document(metadata: PageMetadata(of: tree), blocks: ArticleBodyFinder(tree: tree).blocks())
    }

    func document(metadata: PageMetadata, blocks: TextBlocks) -> SourceDocument {
        let title = metadata.title.map(clean)
        var kept = Array(0..<blocks.count)
        if let title { kept = withoutRepeatedTitle(kept, of: blocks, title: title) }
        kept = withoutEmptySections(kept, of: blocks)

        var headings: Set<String> = []
        // The paragraphs joined by blank lines, written straight into the document's text rather
        // than gathered as strings first.
        var text = ""
        text.reserveCapacity(blocks.bytes.count + 2 * kept.count + (title?.utf8.count ?? 0))
        func appendParagraph(_ paragraph: String) {
            if !text.isEmpty { text += "\n\n" }
            text += paragraph
        }
        if let title, !title.isEmpty { appendParagraph(title) }
        for block in kept {
            let paragraph = cleanBlock(blocks, block)
            guard !paragraph.isEmpty, !HTMLArticleExtractor.isMostlyAddresses(paragraph) else { continue }
            if blocks.headingLevel(of: block) != nil { headings.insert(paragraph) }
            appendParagraph(paragraph)
        }
        return SourceDocument(text: text, format: .html,
                              titleHint: title?.isEmpty == false ? title : nil, headingHints: headings,
                              removeBoilerplate: false, metadata: metadata.dictionary.mapValues(clean))
    }

    /// The page's headline usually opens the body as an `<h1>` too; the document already starts with it.
    private func withoutRepeatedTitle(_ kept: [Int], of blocks: TextBlocks, title: String) -> [Int] {
        let key = title.lowercased()
        var result: [Int] = []
        for (position, block) in kept.enumerated() {
            let same = blocks.text(of: block).lowercased() == key
            if same && (blocks.headingLevel(of: block) == 1 || position < 3) { continue }
            result.append(block)
        }
        return result
    }

    /// A heading whose section lost all its text ("Related stories" over a dropped link list) heads nothing.
    private func withoutEmptySections(_ kept: [Int], of blocks: TextBlocks) -> [Int] {
        var result: [Int] = []
        for block in kept.reversed() {
            if let level = blocks.headingLevel(of: block) {
                let next = result.last
                let headsNothing = next == nil || (next.flatMap { blocks.headingLevel(of: $0) }.map { $0 <= level } ?? false)
                if headsNothing { continue }
            }
            result.append(block)
        }
        return result.reversed()
    }

    /// A block made of web addresses (a stray image URL, a share link) is markup leaking into text.
    static func isMostlyAddresses(_ text: String) -> Bool {
        if let answer = isMostlyAddressesFromBytes(text) { return answer }
        return isMostlyAddressesFromCharacters(text)
    }

    private static let addressPrefixes = [Array("http://".utf8), Array("https://".utf8), Array("www.".utf8)]

    /// `isMostlyAddressesFromCharacters` read from the bytes, which gives the same answer when every
    /// space and every address prefix has ASCII on both sides (then each is whole characters: no
    /// combining mark joins them to the next character); nil otherwise. Splitting into Characters
    /// was a quarter of the time of assembling the document.
    static func isMostlyAddressesFromBytes(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            let space = UInt8(ascii: " ")
            var addressLength = 0, total = 0
            var start = 0
            let n = bytes.count
            while start < n {
                if bytes[start] == space {
                    guard start + 1 >= n || bytes[start + 1] < 0x80 else { return nil }
                    start += 1
                    continue
                }
                var end = start
                while end < n && bytes[end] != space { end += 1 }
                guard end >= n || bytes[end - 1] < 0x80 else { return nil }
                total += end - start
                for prefix in addressPrefixes where end - start >= prefix.count {
                    guard UnsafeBufferPointer(rebasing: bytes[start..<(start + prefix.count)]).elementsEqual(prefix) else { continue }
                    guard start + prefix.count == end || bytes[start + prefix.count] < 0x80 else { return nil }
                    addressLength += end - start
                    break
                }
                start = end
            }
            return total > 0 && addressLength * 2 > total
        }
    }

    /// The reference reading, by Characters.
    static func isMostlyAddressesFromCharacters(_ text: String) -> Bool {
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

    /// `clean(blocks.text(of: block))`, from the block's bytes without making the string first.
    private func cleanBlock(_ blocks: TextBlocks, _ block: Int) -> String {
        let bytes = EscapeCharacterShield.restore(utf8: blocks.bytes[blocks.range(of: block)])
        return (try? TextDecoder.decode(bytes)) ?? blocks.text(of: block)
    }
}
