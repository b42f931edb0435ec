/// Per-element sums over its subtree (text length, link text, commas, paragraphs …), computed in
/// one backward pass: in preorder every child comes after its parent, so children are done first.
///
/// `Int32` per node, not `Int`: eleven arrays over 1.6 million nodes were 140 MB as `Int`. Every sum
/// is bounded by the page's text bytes plus its node count, which `PageTree` keeps below `Int32.max`.
struct SubtreeStatistics: Sendable {
    /// Collapsed text length of the whole subtree.
    var text: [Int32]
    var linkText: [Int32]
    var commas: [Int32]
    /// Text reachable without entering a nested block element: the element's own paragraph.
    var inlineText: [Int32]
    var inlineCommas: [Int32]
    var hasBlockChild: [Bool]
    var paragraphs: [Int32]
    /// `<p>` elements of at least 80 characters: real paragraphs, not captions or bylines.
    var longParagraphs: [Int32]
    var images: [Int32]
    var listItems: [Int32]
    var headingText: [Int32]
    var listText: [Int32]
    var containsArticleBody: [Bool]

    /// `removed`: nodes left out of every sum; nil for none.
    init(tree: PageTree, removed: [Bool]?) {
        let n = tree.count
        text = Array(repeating: 0, count: n)
        linkText = text; commas = text; inlineText = text; inlineCommas = text
        paragraphs = text; longParagraphs = text; images = text; listItems = text; headingText = text; listText = text
        hasBlockChild = Array(repeating: false, count: n)
        containsArticleBody = hasBlockChild
        for i in stride(from: n - 1, through: 0, by: -1) {
            let parent = tree.parent(i)
            if let removed, removed[i] { continue }
            let isText = tree.isText(i)
            if isText {
                let (length, commaCount) = tree.withText(of: i) { CollapsingText.measure($0) }
                text[i] = Int32(length); commas[i] = Int32(commaCount)
                inlineText[i] = Int32(length); inlineCommas[i] = Int32(commaCount)
            } else {
                switch tree.tag(i) {
                case "a": linkText[i] = text[i]
                case "p":
                    paragraphs[i] += 1
                    if text[i] >= 80 { longParagraphs[i] += 1 }
                case "img", "picture": images[i] += 1
                case "li": listItems[i] += 1; listText[i] = text[i]
                case "h1", "h2", "h3", "h4", "h5", "h6": headingText[i] = text[i]
                default: break
                }
                if ElementClassifier.isArticleBody(tree, i) { containsArticleBody[i] = true }
            }
            guard parent >= 0 else { continue }
            // A space between pieces, roughly as a reader would see them.
            if text[parent] > 0 && text[i] > 0 { text[parent] += 1 }
            text[parent] += text[i]
            linkText[parent] += linkText[i]
            commas[parent] += commas[i]
            paragraphs[parent] += paragraphs[i]
            longParagraphs[parent] += longParagraphs[i]
            images[parent] += images[i]
            listItems[parent] += listItems[i]
            headingText[parent] += headingText[i]
            listText[parent] += listText[i]
            if containsArticleBody[i] { containsArticleBody[parent] = true }
            if tree.traits(i).contains(.block) {
                hasBlockChild[parent] = true
            } else {
                inlineText[parent] += inlineText[i]
                inlineCommas[parent] += inlineCommas[i]
            }
        }
    }

    /// What pruning reads of the statistics of the whole page (nothing removed).
    struct PageFacts: Sendable {
        var longParagraphs: [Int32]
        var containsArticleBody: [Bool]

        init(_ statistics: SubtreeStatistics) {
            longParagraphs = statistics.longParagraphs
            containsArticleBody = statistics.containsArticleBody
        }
    }

    func linkDensity(_ i: Int) -> Double {
        text[i] > 0 ? Double(linkText[i]) / Double(text[i]) : 0
    }
}
