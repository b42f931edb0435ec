/// Per-element sums over its subtree (text length, link text, commas, paragraphs …), computed in
/// one backward pass: in preorder every child comes after its parent, so children are done first.
struct SubtreeStatistics: Sendable {
    /// Collapsed text length of the whole subtree.
    var text: [Int]
    var linkText: [Int]
    var commas: [Int]
    /// Text reachable without entering a nested block element: the element's own paragraph.
    var inlineText: [Int]
    var inlineCommas: [Int]
    var hasBlockChild: [Bool]
    var paragraphs: [Int]
    /// `<p>` elements of at least 80 characters: real paragraphs, not captions or bylines.
    var longParagraphs: [Int]
    var images: [Int]
    var listItems: [Int]
    var headingText: [Int]
    var listText: [Int]
    var containsArticleBody: [Bool]
    /// One past the last index of the subtree: a subtree is the index range `i..<subtreeEnd[i]`.
    var subtreeEnd: [Int]

    init(tree: PageTree, removed: [Bool]) {
        let n = tree.count
        text = Array(repeating: 0, count: n)
        linkText = text; commas = text; inlineText = text; inlineCommas = text
        paragraphs = text; longParagraphs = text; images = text; listItems = text; headingText = text; listText = text
        hasBlockChild = Array(repeating: false, count: n)
        containsArticleBody = hasBlockChild
        subtreeEnd = Array(0..<n).map { $0 + 1 }
        for i in stride(from: n - 1, through: 0, by: -1) {
            let node = tree[i]
            let parent = node.parent
            if parent >= 0 { subtreeEnd[parent] = max(subtreeEnd[parent], subtreeEnd[i]) }
            if removed[i] { continue }
            if node.isText {
                let (length, commaCount) = CollapsingText.measure(node.text)
                text[i] = length; commas[i] = commaCount
                inlineText[i] = length; inlineCommas[i] = commaCount
            } else {
                switch node.tag {
                case "a": linkText[i] = text[i]
                case "p":
                    paragraphs[i] += 1
                    if text[i] >= 80 { longParagraphs[i] += 1 }
                case "img", "picture": images[i] += 1
                case "li": listItems[i] += 1; listText[i] = text[i]
                case "h1", "h2", "h3", "h4", "h5", "h6": headingText[i] = text[i]
                default: break
                }
                if ElementClassifier.isArticleBody(node) { containsArticleBody[i] = true }
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
            if !node.isText && ElementClassifier.blockTags.contains(node.tag) {
                hasBlockChild[parent] = true
            } else {
                inlineText[parent] += inlineText[i]
                inlineCommas[parent] += inlineCommas[i]
            }
        }
    }

    func linkDensity(_ i: Int) -> Double {
        text[i] > 0 ? Double(linkText[i]) / Double(text[i]) : 0
    }
}
