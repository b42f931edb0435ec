/// One block of extracted text: a paragraph, or a heading inside the article.
struct TextBlock: Sendable, Equatable {
    var text: String
    /// The heading tag ("h2" …) when the block is a heading; nil for a paragraph.
    var heading: String?
}

/// Renders the chosen subtrees as blocks of text: each block element starts a new block, inline
/// elements flow into the current one, whitespace collapses as a browser would show it.
struct BlockTextWriter {
    let tree: PageTree

    func blocks(of selection: ArticleBodyFinder.Selection) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var current = CollapsingText()
        var headingDepth = 0
        var headingTag: String?

        func flush() {
            let text = current.finish()
            if !text.isEmpty { blocks.append(TextBlock(text: text, heading: headingDepth > 0 ? headingTag : nil)) }
        }

        for root in selection.roots {
            // (node, entering): the exit event closes the block a block element opened.
            var stack: [(Int, Bool)] = [(root, true)]
            while let (index, entering) = stack.popLast() {
                if tree.isText(index) { tree.withText(of: index) { current.append($0) }; continue }
                let tag = tree.tag(index)
                let isBlock = ElementClassifier.blockTags.contains(tag)
                let isHeading = ElementClassifier.headingTags.contains(tag)
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
                    headingTag = tag
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
