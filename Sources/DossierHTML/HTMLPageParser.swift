import CLibXML2

/// Parses HTML bytes with libxml2's forgiving HTML parser and copies the DOM into a `PageTree`.
///
/// Scripts, styles and other elements that never hold article text are dropped here, so no
/// later pass has to skip them.
enum HTMLPageParser {
    /// Elements whose content is never article text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "svg", "math", "button", "select", "option",
        "textarea", "input", "object", "embed", "canvas", "video", "audio", "map", "dialog",
    ]

    /// `liftingDepthLimit: false` is libxml2's default limit, for the test of `parserStoppedEarly`.
    static func parse(_ bytes: [UInt8], liftingDepthLimit: Bool = true) -> PageTree {
        var tree = PageTree()
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return tree }
        // XML_PARSE_HUGE lifts libxml2's nesting limit of 256: past it the parser stopped and the
        // whole body, the text after the nesting too, was lost. The walk below is iterative.
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | (liftingDepthLimit ? UInt32(XML_PARSE_HUGE.rawValue) : 0)
        // libxml2 2.9 falls back to Latin-1 when a page declares no charset, which garbles the many
        // UTF-8 pages that don't; bytes that are valid UTF-8 are UTF-8 whatever the page claims.
        let isUTF8 = !hasUTF16ByteOrderMark(bytes) && String(validating: bytes, as: UTF8.self) != nil
        let bytes = hasUTF16ByteOrderMark(bytes) ? bytes : EscapeCharacterShield.protect(bytes)
        // In recovery mode only a fatal error stops the parser (a libxml2 that still limits the depth
        // under XML_PARSE_HUGE; "Excessive depth in document"); after it nothing is parsed, so it stays
        // the last error of this thread.
        xmlResetLastError()
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, isUTF8 ? "UTF-8" : nil,
                               Int32(bitPattern: isUTF8 ? options | HTML_PARSE_IGNORE_ENC.rawValue : options))
            }
        }
        if let error = xmlGetLastError(), error.pointee.level == XML_ERR_FATAL { tree.parserStoppedEarly = true }
        guard let document else { return tree }
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
                if tag.isEmpty || droppedTags.contains(tag) { continue }
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
        tree.finish()
        return tree
    }

    private static func copyAttributes(of node: xmlNodePtr, into tree: inout PageTree) {
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
