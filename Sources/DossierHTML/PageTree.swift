/// A parsed web page as flat arrays in document order (preorder), so every pass over it is a loop
/// rather than a recursion: a parent's index is always smaller than its children's, and a subtree is
/// the index range `i..<subtreeEnd(i)`.
///
/// Why a struct of arrays of `Int32`: a page of 800,000 paragraphs is 1.6 million nodes. As an array
/// of nodes holding two Strings, a child array and an attribute dictionary each, the tree cost about
/// 200 MB and three heap allocations per node. Here a node is five `Int32`s and its text a range of one
/// shared byte buffer, with no allocation of its own. `Int32` is enough: the parser takes pages of
/// fewer than `Int32.max` bytes (libxml2's own length type) and stops, flagging the page, before the
/// text or the node count could pass that bound.
struct PageTree: Sendable {
    /// Per node: the index of its tag name in `tagNames`; `PageTree.textTag` (0) for a text node.
    private(set) var tagCodes: [Int32] = []
    /// Per node: its parent's index, -1 for the root.
    private(set) var parents: [Int32] = []
    /// Per node: one past the last index of its subtree (filled in by `finish()`).
    private(set) var subtreeEnds: [Int32] = []
    /// Per node: where its text ends in `textBytes`. It starts where the previous node's ends, so an
    /// element (no text) costs nothing in the buffer.
    private(set) var textEnds: [Int32] = []
    /// The text of every text node, valid UTF-8, in document order.
    private(set) var textBytes: [UInt8] = []
    /// Per node: where its attributes end in `attributeNameCodes` / `attributeValueEnds` (same scheme).
    private(set) var attributeEnds: [Int32] = []
    /// Per attribute: its name as an index into `PageTree.keptAttributes`.
    private(set) var attributeNameCodes: [UInt8] = []
    /// Per attribute: where its value ends in `attributeValueBytes`.
    private(set) var attributeValueEnds: [Int32] = []
    private(set) var attributeValueBytes: [UInt8] = []
    /// Distinct tag names, lower-case; index 0 is the empty name of text nodes.
    private(set) var tagNames: [String] = [""]
    /// Per tag name (same index): the classifier's sets it belongs to, looked up once per name
    /// rather than hashed for every node in every pass.
    private(set) var tagTraits: [TagTraits] = [[]]
    private var tagCodesByName: [String: Int32] = ["": 0]

    /// libxml2 stopped on a fatal error (its nesting limit, where the option to lift it is not honoured),
    /// or the page would pass the tree's `Int32` bounds: the rest of the page is missing, so the page
    /// must not pass as read.
    var parserStoppedEarly = false

    static let textTag: Int32 = 0

    /// The only attributes the extractor reads (class, id, role, itemprop, meta and link fields …); the
    /// rest (data-*, event handlers, srcset …) are never stored. The position is the stored code.
    static let keptAttributes = [
        "class", "id", "role", "itemprop", "property", "name", "content", "href", "rel", "datetime",
        "hidden", "aria-hidden", "style", "charset", "http-equiv",
    ]
    static let keptAttributeCodes: [String: UInt8] = Dictionary(
        uniqueKeysWithValues: keptAttributes.enumerated().map { ($0.element, UInt8($0.offset)) })

    var count: Int { tagCodes.count }

    // MARK: - Reading

    func isText(_ node: Int) -> Bool { tagCodes[node] == PageTree.textTag }
    /// Lower-case tag name; empty for a text node.
    func tag(_ node: Int) -> String { tagNames[Int(tagCodes[node])] }
    /// What the classifier's tag sets say of the node's tag (nothing for a text node).
    func traits(_ node: Int) -> TagTraits { tagTraits[Int(tagCodes[node])] }
    /// The parent's index, -1 for the root.
    func parent(_ node: Int) -> Int { Int(parents[node]) }
    /// One past the last index of the subtree of `node`.
    func subtreeEnd(_ node: Int) -> Int { Int(subtreeEnds[node]) }

    /// The children of `node` in document order: the first is the next index, each next one starts where
    /// the previous one's subtree ends.
    func children(of node: Int) -> Children { Children(subtreeEnds: subtreeEnds, parent: node) }

    struct Children: Sequence, IteratorProtocol {
        /// Only the one array it reads: the iterator is made for every element in some passes.
        let subtreeEnds: [Int32]
        var upcoming: Int
        let end: Int

        init(subtreeEnds: [Int32], parent: Int) {
            self.subtreeEnds = subtreeEnds
            upcoming = parent + 1
            end = Int(subtreeEnds[parent])
        }

        mutating func next() -> Int? {
            guard upcoming < end else { return nil }
            defer { upcoming = Int(subtreeEnds[upcoming]) }
            return upcoming
        }
    }

    /// The byte range of a node's text in `textBytes`.
    func textRange(of node: Int) -> Range<Int> {
        (node == 0 ? 0 : Int(textEnds[node - 1]))..<Int(textEnds[node])
    }

    /// The text of a text node as written (whitespace not collapsed), as UTF-8 bytes.
    func withText<Result>(of node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = textRange(of: node)
        return textBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The text of a text node as written; for tests and rare callers (it allocates).
    func text(of node: Int) -> String { String(decoding: textBytes[textRange(of: node)], as: UTF8.self) }

    /// The value of one of `keptAttributes` on an element, or nil when the element does not have it.
    func attribute(_ name: String, of node: Int) -> String? {
        let first = node == 0 ? 0 : Int(attributeEnds[node - 1]), end = Int(attributeEnds[node])
        // Most elements have none: no need to look the name up.
        guard first < end, let code = PageTree.keptAttributeCodes[name] else { return nil }
        // From the last: a name given twice keeps its last value, as the dictionary this replaced did.
        var position = end - 1
        while position >= first {
            if attributeNameCodes[position] == code {
                let start = position == 0 ? 0 : Int(attributeValueEnds[position - 1])
                return String(decoding: attributeValueBytes[start..<Int(attributeValueEnds[position])], as: UTF8.self)
            }
            position -= 1
        }
        return nil
    }

    /// The first element with this tag, in document order.
    func first(tag: String) -> Int? {
        guard let code = tagCodesByName[tag] else { return nil }
        return tagCodes.firstIndex(of: code)
    }

    /// Whether `ancestor` is `node` or one of its ancestors.
    func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        // In preorder the subtree of `ancestor` is an index range.
        ancestor <= node && node < subtreeEnd(ancestor)
    }

    /// The text of a subtree with whitespace collapsed to single spaces and trimmed.
    func collapsedText(of root: Int) -> String {
        var writer = CollapsingText()
        // In preorder the text nodes of a subtree are its text nodes in document order.
        for index in root..<subtreeEnd(root) where isText(index) {
            withText(of: index) { writer.append($0) }
        }
        return writer.finish()
    }

    // MARK: - Building (in document order)

    /// Whether `extraBytes` more text and one more node keep every offset, length and sum of lengths
    /// (text lengths plus one separator per node, `SubtreeStatistics`) within `Int32`.
    func hasRoom(forText extraBytes: Int) -> Bool {
        textBytes.count + attributeValueBytes.count + count + extraBytes + 1 < Int(Int32.max)
    }

    /// Appends an element under `parent` (-1 for the root) and returns its index.
    @discardableResult
    mutating func appendElement(tag: String, parent: Int) -> Int {
        let code: Int32
        if let known = tagCodesByName[tag] {
            code = known
        } else {
            code = Int32(tagNames.count)
            tagNames.append(tag)
            tagTraits.append(TagTraits(tag))
            tagCodesByName[tag] = code
        }
        return appendNode(code: code, parent: parent)
    }

    /// Appends a text node under `parent` and returns its index.
    @discardableResult
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, parent: Int) -> Int {
        let index = appendNode(code: PageTree.textTag, parent: parent)
        extendLastText(bytes)
        return index
    }

    /// Adds text at the end of the last node, a text node: libxml2 delivers a text in pieces.
    mutating func extendLastText(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(count > 0 && isText(count - 1), "extendLastText needs a text node last")
        PageTree.appendRepairingUTF8(bytes, to: &textBytes)
        textEnds[count - 1] = Int32(textBytes.count)
    }

    /// Adds a piece of the value of the attribute that `closeAttribute` then names (libxml2 keeps a
    /// value as a list of text pieces).
    mutating func appendAttributeValuePiece(_ bytes: UnsafeBufferPointer<UInt8>) {
        PageTree.appendRepairingUTF8(bytes, to: &attributeValueBytes)
    }

    /// Adds an attribute (one of `keptAttributes`, by code) to the last node, an element, with the value
    /// pieces appended since the previous attribute.
    mutating func closeAttribute(code: UInt8) {
        precondition(count > 0 && !isText(count - 1), "closeAttribute needs an element last")
        attributeNameCodes.append(code)
        attributeValueEnds.append(Int32(attributeValueBytes.count))
        attributeEnds[count - 1] = Int32(attributeNameCodes.count)
    }

    /// Fills in the subtree ends once every node is in.
    mutating func finish() {
        subtreeEnds = (0..<Int32(count)).map { $0 + 1 }
        for index in stride(from: count - 1, through: 0, by: -1) {
            let parent = Int(parents[index])
            if parent >= 0 { subtreeEnds[parent] = max(subtreeEnds[parent], subtreeEnds[index]) }
        }
    }

    private mutating func appendNode(code: Int32, parent: Int) -> Int {
        let index = count
        tagCodes.append(code)
        parents.append(Int32(parent))
        textEnds.append(Int32(textBytes.count))
        attributeEnds.append(Int32(attributeNameCodes.count))
        return index
    }

    /// The bytes as `String(cString:)` would read them: ill-formed UTF-8 repaired with U+FFFD (libxml2
    /// hands out UTF-8, so this is the rare path), so that every later reading may assume valid UTF-8.
    private static func appendRepairingUTF8(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        if bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil {
            buffer.append(contentsOf: bytes)
        } else {
            buffer.append(contentsOf: String(decoding: bytes, as: UTF8.self).utf8)
        }
    }
}

/// Which of `ElementClassifier`'s tag sets a tag is in.
struct TagTraits: OptionSet, Sendable {
    let rawValue: UInt8
    static let block = TagTraits(rawValue: 1 << 0)
    static let heading = TagTraits(rawValue: 1 << 1)
    static let chrome = TagTraits(rawValue: 1 << 2)
    static let paragraph = TagTraits(rawValue: 1 << 3)
    static let divLike = TagTraits(rawValue: 1 << 4)
    static let conditional = TagTraits(rawValue: 1 << 5)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ tag: String) {
        self = []
        if ElementClassifier.blockTags.contains(tag) { insert(.block) }
        if ElementClassifier.headingTags.contains(tag) { insert(.heading) }
        if ElementClassifier.chromeTags.contains(tag) { insert(.chrome) }
        if ArticleBodyFinder.paragraphTags.contains(tag) { insert(.paragraph) }
        if ArticleBodyFinder.divLikeTags.contains(tag) { insert(.divLike) }
        if ArticleBodyFinder.conditionalTags.contains(tag) { insert(.conditional) }
    }
}

/// Builds a string from pieces of page text, collapsing every whitespace run to one space.
///
/// Works on UTF-8 bytes (the tree's text, a String's `utf8`), which must be well-formed.
struct CollapsingText {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = utf8.count
        while i < n {
            let (value, length) = CollapsingText.scalar(in: utf8, at: i)
            if CollapsingText.isSpace(value) {
                pendingSpace = true
            } else {
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                if length == 1 {
                    bytes.append(utf8[i])
                } else {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<(i + length)]))
                }
            }
            i += length
        }
    }

    /// Marks a word boundary (between table cells, say) without adding text.
    mutating func separate() { pendingSpace = true }

    mutating func finish() -> String {
        let result = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        return result
    }

    /// Appends the gathered bytes to `buffer` and empties the text, as `finish()` does; false when
    /// there were none.
    mutating func moveBytes(into buffer: inout [UInt8]) -> Bool {
        defer {
            bytes.removeAll(keepingCapacity: true)
            pendingSpace = false
        }
        guard !bytes.isEmpty else { return false }
        buffer.append(contentsOf: bytes)
        return true
    }

    /// The scalar value and byte length of the well-formed UTF-8 sequence at `i`.
    @inline(__always)
    static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(utf8[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                    | UInt32(utf8[i + 3] & 0x3F), 4)
    }

    /// ASCII whitespace plus the no-break and other Unicode spaces pages use for layout.
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { isSpace(scalar.value) }

    /// Length (in scalars) and comma count of a text as it would read with whitespace collapsed.
    static func measure(_ utf8: UnsafeBufferPointer<UInt8>) -> (length: Int, commas: Int) {
        var length = 0, commas = 0
        var pendingSpace = false
        var i = 0
        let n = utf8.count
        while i < n {
            let (value, size) = scalar(in: utf8, at: i)
            i += size
            if isSpace(value) {
                pendingSpace = true
            } else {
                if pendingSpace && length > 0 { length += 1 }
                pendingSpace = false
                length += 1
                // ASCII, full-width and ideographic commas: commas mark real sentences in any script.
                if value == 0x2C || value == 0xFF0C || value == 0x3001 || value == 0x060C { commas += 1 }
            }
        }
        return (length, commas)
    }

    static func measure(_ text: String) -> (length: Int, commas: Int) {
        var text = text
        return text.withUTF8 { measure($0) }
    }
}
