/// The blocks of extracted text, paragraphs and headings inside the article, in order.
///
/// One byte buffer with an end offset and a heading level per block, not an array of Strings: a page
/// of 800,000 paragraphs made 800,000 strings, 50 MB of heap objects and a 33 MB array, at the peak of
/// the extraction. `Int32` offsets: the blocks are the page's text, which `PageTree` keeps under
/// `Int32.max` bytes with a separator per node.
struct TextBlocks: Sendable, Equatable {
    /// The blocks' text, UTF-8, whitespace collapsed.
    private(set) var bytes: [UInt8] = []
    /// Per block: where its text ends in `bytes` (it starts where the previous block's ends).
    private(set) var ends: [Int32] = []
    /// Per block: 1…6 for a heading `<h1>`…`<h6>`, 0 for a paragraph.
    private(set) var headingLevels: [UInt8] = []

    var count: Int { ends.count }
    var isEmpty: Bool { ends.isEmpty }

    func range(of block: Int) -> Range<Int> { (block == 0 ? 0 : Int(ends[block - 1]))..<Int(ends[block]) }
    func text(of block: Int) -> String { String(decoding: bytes[range(of: block)], as: UTF8.self) }
    /// The heading level, nil for a paragraph.
    func headingLevel(of block: Int) -> Int? { headingLevels[block] == 0 ? nil : Int(headingLevels[block]) }
    /// Length in Unicode scalars: the bytes that do not continue a UTF-8 sequence.
    func scalarCount(of block: Int) -> Int { bytes[range(of: block)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }

    /// Appends the text gathered in `text`, when there is any, as one block, and empties `text`.
    mutating func append(_ text: inout CollapsingText, headingLevel: Int) {
        guard text.moveBytes(into: &bytes) else { return }
        ends.append(Int32(bytes.count))
        headingLevels.append(UInt8(headingLevel))
    }

    /// For tests: blocks from texts and heading levels.
    init(_ blocks: [(text: String, headingLevel: Int)] = []) {
        for block in blocks {
            var text = CollapsingText()
            text.append(block.text)
            append(&text, headingLevel: block.headingLevel)
        }
    }
}

/// Renders the chosen subtrees as blocks of text: each block element starts a new block, inline
/// elements flow into the current one, whitespace collapses as a browser would show it.
struct BlockTextWriter {
    let tree: PageTree

    func blocks(of selection: ArticleBodyFinder.Selection) -> TextBlocks {
        var blocks = TextBlocks()
        var current = CollapsingText()
        var headingDepth = 0
        /// The level of the heading last entered (`<h2>` → 2).
        var headingLevel = 0

        func flush() {
            blocks.append(&current, headingLevel: headingDepth > 0 ? headingLevel : 0)
        }

        for root in selection.roots {
            // (node, entering): the exit event closes the block a block element opened.
            var stack: [(Int, Bool)] = [(root, true)]
            while let (index, entering) = stack.popLast() {
                if tree.isText(index) { tree.withText(of: index) { current.append($0) }; continue }
                let tag = tree.tag(index)
                let traits = tree.traits(index)
                let isBlock = traits.contains(.block)
                let isHeading = traits.contains(.heading)
                if !entering {
                    if isBlock { flush() }
                    if isHeading { headingDepth -= 1 }
                    continue
                }
                if selection.removed[index] { continue }
                switch tag {
                case "br", "hr":
                    flush()
                    continue
                case "td", "th":
                    current.separate()
                default:
                    break
                }
                if isBlock { flush() }
                if isHeading {
                    headingDepth += 1
                    headingLevel = Int(tag.utf8.last! - UInt8(ascii: "0"))
                }
                stack.append((index, false))
                // Pushed last child first, so the first child is popped first.
                let firstChild = stack.count
                for child in tree.children(of: index) where !selection.removed[child] {
                    stack.append((child, true))
                }
                stack[firstChild...].reverse()
            }
            flush()
        }
        return blocks
    }
}
