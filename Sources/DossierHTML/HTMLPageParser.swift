import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Parses HTML bytes with libxml2's forgiving HTML parser into a `PageTree`.
///
/// Scripts, styles and other elements that never hold article text are dropped here, so no
/// later pass has to skip them.
///
/// The tree is copied while libxml2 parses (`StreamingTreeBuilder`), not from the finished DOM:
/// libxml2's DOM costs about 300 bytes per paragraph (244 MB for a page of 800,000 paragraphs, 13
/// times the page), more than the whole memory bound. libxml2 still builds its DOM with its own
/// handlers, so the tree is the one it always gave, but each element's children are freed as soon
/// as the element closes, and its earlier siblings with them: the DOM stays a path of open elements.
enum HTMLPageParser {
    /// Elements whose content is never article text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "svg", "math", "button", "select", "option",
        "textarea", "input", "object", "embed", "canvas", "video", "audio", "map", "dialog",
    ]

    /// How `parse` reads the page: copying while libxml2 parses (the default), or walking libxml2's
    /// finished DOM, the way it used to: the reference the tests compare the streaming copy with.
    enum Method { case streaming, documentWalk }

    /// `liftingDepthLimit: false` is libxml2's default limit, for the test of `parserStoppedEarly`.
    static func parse(_ bytes: [UInt8], liftingDepthLimit: Bool = true, method: Method = .streaming) -> PageTree {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return PageTree() }
        // XML_PARSE_HUGE lifts libxml2's nesting limit of 256: past it the parser stopped and the
        // whole body, the text after the nesting too, was lost. The copy below is iterative.
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | (liftingDepthLimit ? UInt32(XML_PARSE_HUGE.rawValue) : 0)
        // libxml2 2.9 falls back to Latin-1 when a page declares no charset, which garbles the many
        // UTF-8 pages that don't; bytes that are valid UTF-8 are UTF-8 whatever the page claims.
        let isUTF8 = !hasUTF16ByteOrderMark(bytes) && String(validating: bytes, as: UTF8.self) != nil
        let bytes = hasUTF16ByteOrderMark(bytes) ? bytes : EscapeCharacterShield.protect(bytes)
        let encoding: String? = isUTF8 ? "UTF-8" : nil
        let parseOptions = Int32(bitPattern: isUTF8 ? options | HTML_PARSE_IGNORE_ENC.rawValue : options)
        // In recovery mode only a fatal error stops the parser (a libxml2 that still limits the depth
        // under XML_PARSE_HUGE; "Excessive depth in document"); after it nothing is parsed, so it stays
        // the last error of this thread.
        xmlResetLastError()
        var tree = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                method == .streaming ? StreamingTreeBuilder.parse(chars, encoding: encoding, options: parseOptions)
                    : parseThroughDocument(chars, encoding: encoding, options: parseOptions)
            }
        }
        if let error = xmlGetLastError(), error.pointee.level == XML_ERR_FATAL { tree.parserStoppedEarly = true }
        tree.finish()
        return tree
    }

    /// `htmlReadMemory`, then a walk over the whole DOM.
    private static func parseThroughDocument(_ chars: UnsafeBufferPointer<CChar>, encoding: String?, options: Int32) -> PageTree {
        var tree = PageTree()
        guard let document = htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, encoding, options) else { return tree }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return tree }

        // Iterative preorder walk: broken pages can nest thousands of unclosed elements.
        var stack: [(node: xmlNodePtr, parent: Int)] = [(root, -1)]
        var siblings: [xmlNodePtr] = []
        walk: while let (node, parent) = stack.popLast() {
            let index: Int
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if !isKept(tag: tag) { continue }
                guard tree.hasRoom(forText: 0) else { tree.parserStoppedEarly = true; break walk }
                index = tree.appendElement(tag: tag, parent: parent)
                copyAttributes(of: node, into: &tree)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if parent >= 0, let content = node.pointee.content {
                    let text = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
                    guard tree.hasRoom(forText: text.count) else { tree.parserStoppedEarly = true; break walk }
                    tree.appendText(text, parent: parent)
                }
                continue
            default:
                continue
            }
            siblings.removeAll(keepingCapacity: true)
            var child = node.pointee.children
            while let current = child {
                siblings.append(current)
                child = current.pointee.next
            }
            for sibling in siblings.reversed() { stack.append((sibling, index)) }
        }
        return tree
    }

    /// Whether an element (and its subtree) goes into the tree.
    static func isKept(tag: String) -> Bool { !tag.isEmpty && !droppedTags.contains(tag) }

    static func copyAttributes(of node: xmlNodePtr, into tree: inout PageTree) {
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let rawName = current.pointee.name,
                  let code = PageTree.keptAttributeCodes[String(cString: rawName).lowercased()] else { continue }
            var piece = current.pointee.children
            while let text = piece {
                if let content = text.pointee.content {
                    tree.appendAttributeValuePiece(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
                piece = text.pointee.next
            }
            tree.closeAttribute(code: code)
        }
    }

    private static func hasUTF16ByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }
}
