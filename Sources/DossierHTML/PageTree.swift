/// A parsed web page as a flat array of nodes in document order (preorder), so every pass over
/// it is a loop rather than a recursion: a parent's index is always smaller than its children's.
struct PageTree: Sendable {
    /// One element or text node of the page.
    struct Node: Sendable {
        /// Lower-case tag name; empty for a text node.
        var tag: String
        /// The text of a text node, as written (whitespace not yet collapsed).
        var text: String
        var parent: Int
        var children: [Int]
        /// Only the attributes the extractor reads (class, id, role, itemprop, meta and link fields …).
        var attributes: [String: String]

        var isText: Bool { tag.isEmpty }
        func attribute(_ name: String) -> String? { attributes[name] }
    }

    var nodes: [Node] = []
    /// libxml2 stopped on a fatal error (its nesting limit, where the option to lift it is not honoured):
    /// the rest of the page is missing, so the page must not pass as read.
    var parserStoppedEarly = false

    var count: Int { nodes.count }
    subscript(index: Int) -> Node { nodes[index] }

    /// Appends a node under `parent` (-1 for a root) and returns its index.
    @discardableResult
    mutating func append(tag: String, text: String = "", attributes: [String: String] = [:], parent: Int) -> Int {
        let index = nodes.count
        nodes.append(Node(tag: tag, text: text, parent: parent, children: [], attributes: attributes))
        if parent >= 0 { nodes[parent].children.append(index) }
        return index
    }

    /// The first element with this tag, in document order.
    func first(tag: String) -> Int? { nodes.indices.first { nodes[$0].tag == tag } }

    /// Whether `ancestor` is `node` or one of its ancestors.
    func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        var current = node
        while current >= 0 {
            if current == ancestor { return true }
            current = nodes[current].parent
        }
        return false
    }

    /// The text of a subtree with whitespace collapsed to single spaces and trimmed.
    func collapsedText(of root: Int) -> String {
        var writer = CollapsingText()
        var stack = [root]
        while let index = stack.popLast() {
            let node = nodes[index]
            if node.isText { writer.append(node.text) } else { stack.append(contentsOf: node.children.reversed()) }
        }
        return writer.finish()
    }
}

/// Builds a string from pieces of page text, collapsing every whitespace run to one space.
struct CollapsingText {
    private var scalars = String.UnicodeScalarView()
    private var pendingSpace = false

    var isEmpty: Bool { scalars.isEmpty }

    mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            if CollapsingText.isSpace(scalar) {
                pendingSpace = true
            } else {
                if pendingSpace && !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            }
        }
    }

    /// Marks a word boundary (between table cells, say) without adding text.
    mutating func separate() { pendingSpace = true }

    mutating func finish() -> String {
        let result = String(scalars)
        scalars = String.UnicodeScalarView()
        pendingSpace = false
        return result
    }

    /// ASCII whitespace plus the no-break and other Unicode spaces pages use for layout.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Length and comma count of a text as it would read with whitespace collapsed.
    static func measure(_ text: String) -> (length: Int, commas: Int) {
        var length = 0, commas = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = true
            } else {
                if pendingSpace && length > 0 { length += 1 }
                pendingSpace = false
                length += 1
                // ASCII, full-width and ideographic commas: commas mark real sentences in any script.
                if scalar == "," || scalar.value == 0xFF0C || scalar.value == 0x3001 || scalar.value == 0x060C { commas += 1 }
            }
        }
        return (length, commas)
    }
}
