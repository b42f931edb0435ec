import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Copies the page into a `PageTree` while libxml2 parses it, and frees libxml2's DOM behind it.
///
/// libxml2's own SAX handlers still build the DOM (the HTML parser reads it back: whether blank text
/// is kept depends on the current element's last child), so the tree is exactly the one the walk over
/// the finished DOM gave; each handler is wrapped to copy what it just added:
/// - an element, when it starts: its attributes are complete then (libxml2 adds none later);
/// - a text, when it appears, and each piece libxml2 later joins to it (entities, CDATA, chunks).
/// Nodes are numbered as they are created, which is document order: libxml2 only ever adds a node as
/// the last child of the innermost open element (or at the top level), and joins text only to the
/// last child. Each DOM node remembers its index in `_private` (or that it is not copied: inside a
/// dropped element, or outside the root).
///
/// When an element closes, libxml2 never looks into it again, nor at any earlier sibling (only at the
/// last child of the open element, to decide on blank text), so its children and its earlier siblings
/// are freed right away. What stays is the path of open elements and their last children.
final class StreamingTreeBuilder {
    private var tree = PageTree()
    private var rootSeen = false
    /// Length in bytes of the DOM content of the text node last copied (libxml2's `nodelen`).
    private var copiedTextLength = 0
    /// The last text node met a NUL byte (which `String(cString:)` of the whole stopped at): no more pieces.
    private var lastTextClosed = false
    private var originalStartElement: startElementSAXFunc?
    private var originalEndElement: endElementSAXFunc?
    private var originalCharacters: charactersSAXFunc?
    private var originalCDATABlock: cdataBlockSAXFunc?

    /// `_private` of a DOM node that is not copied.
    private static var notCopied: UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: UInt.max)! }

    /// The page's tree, parsed exactly as `htmlReadMemory(chars, count, nil, encoding, options)` does
    /// (the same steps, in the same order, on a context of the same kind).
    static func parse(_ chars: UnsafeBufferPointer<CChar>, encoding: String?, options: Int32) -> PageTree {
        xmlInitParser()
        guard let context = xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return PageTree() }
        htmlDefaultSAXHandlerInit()
        guard let handler = context.pointee.sax else {
            xmlFreeParserCtxt(context)
            return PageTree()
        }
        // htmlReadMemory: the first part of the HTML default handler (xmlSAXHandlerV1) over the XML one.
        memcpy(handler, __htmlDefaultSAXHandler(), MemoryLayout<xmlSAXHandlerV1>.size)

        let builder = StreamingTreeBuilder()
        builder.originalStartElement = handler.pointee.startElement
        builder.originalEndElement = handler.pointee.endElement
        builder.originalCharacters = handler.pointee.characters
        builder.originalCDATABlock = handler.pointee.cdataBlock
        handler.pointee.startElement = { (context: UnsafeMutableRawPointer?, name: UnsafePointer<xmlChar>?,
                                          attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) in
            guard let context else { return }
            let builder = StreamingTreeBuilder.of(context)
            builder.originalStartElement?(context, name, attributes)
            builder.didStartElement(StreamingTreeBuilder.parserContext(context))
        }
        handler.pointee.endElement = { (context: UnsafeMutableRawPointer?, name: UnsafePointer<xmlChar>?) in
            guard let context else { return }
            let builder = StreamingTreeBuilder.of(context)
            let closing = StreamingTreeBuilder.parserContext(context).pointee.node
            builder.originalEndElement?(context, name)
            if let closing { StreamingTreeBuilder.freeFinishedNodes(closing) }
        }
        handler.pointee.characters = { (context: UnsafeMutableRawPointer?, characters: UnsafePointer<xmlChar>?, length: Int32) in
            guard let context else { return }
            let builder = StreamingTreeBuilder.of(context)
            builder.originalCharacters?(context, characters, length)
            builder.didAddText(StreamingTreeBuilder.parserContext(context))
        }
        handler.pointee.cdataBlock = { (context: UnsafeMutableRawPointer?, characters: UnsafePointer<xmlChar>?, length: Int32) in
            guard let context else { return }
            let builder = StreamingTreeBuilder.of(context)
            builder.originalCDATABlock?(context, characters, length)
            builder.didAddText(StreamingTreeBuilder.parserContext(context))
        }

        // htmlDoRead, as htmlReadMemory calls it.
        htmlCtxtUseOptions(context, options)
        context.pointee.html = 1
        if let encoding, let encodingHandler = xmlFindCharEncodingHandler(encoding) {
            _ = xmlSwitchToEncoding(context, encodingHandler)
            if let input = context.pointee.input {
                if let old = input.pointee.encoding { dossier_xml_free(UnsafeMutableRawPointer(mutating: old)) }
                input.pointee.encoding = UnsafePointer(encoding.withCString {
                    xmlStrdup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
                })
            }
        }
        withExtendedLifetime(builder) {
            context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
            htmlParseDocument(context)
            context.pointee._private = nil
        }
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        xmlFreeParserCtxt(context)
        if let document { xmlFreeDoc(document) }
        return builder.tree
    }

    private static func parserContext(_ context: UnsafeMutableRawPointer) -> xmlParserCtxtPtr {
        context.assumingMemoryBound(to: xmlParserCtxt.self)
    }

    private static func of(_ context: UnsafeMutableRawPointer) -> StreamingTreeBuilder {
        Unmanaged<StreamingTreeBuilder>.fromOpaque(parserContext(context).pointee._private!).takeUnretainedValue()
    }

    /// The tree index a DOM node was copied to; nil when it was not copied.
    private static func copiedIndex(_ node: xmlNodePtr) -> Int? {
        guard let mark = node.pointee._private, mark != notCopied else { return nil }
        return Int(bitPattern: mark) - 1
    }

    private static func mark(_ node: xmlNodePtr, index: Int) {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: index + 1)
    }

    private func stop(_ context: xmlParserCtxtPtr) {
        tree.parserStoppedEarly = true
        xmlStopParser(context)
    }

    /// libxml2 just made `context.node`, the element that started.
    private func didStartElement(_ context: xmlParserCtxtPtr) {
        guard let node = context.pointee.node, node.pointee._private == nil, node.pointee.type == XML_ELEMENT_NODE else { return }
        node.pointee._private = StreamingTreeBuilder.notCopied
        let parentIndex: Int
        if let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE {
            guard let index = StreamingTreeBuilder.copiedIndex(parent) else { return }
            parentIndex = index
        } else {
            // At the top level only the first element counts: the DOM's root element.
            guard !rootSeen else { return }
            rootSeen = true
            parentIndex = -1
        }
        let tag = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        guard HTMLPageParser.isKept(tag: tag) else { return }
        guard tree.hasRoom(forText: 0) else { return stop(context) }
        let index = tree.appendElement(tag: tag, parent: parentIndex)
        HTMLPageParser.copyAttributes(of: node, into: &tree)
        StreamingTreeBuilder.mark(node, index: index)
    }

    /// libxml2 just added text to the open element: a new text node, or more of its last one.
    private func didAddText(_ context: xmlParserCtxtPtr) {
        guard let element = context.pointee.node, let last = element.pointee.last,
              last.pointee.type == XML_TEXT_NODE || last.pointee.type == XML_CDATA_SECTION_NODE,
              let content = last.pointee.content else { return }
        if last.pointee._private == nil {
            last.pointee._private = StreamingTreeBuilder.notCopied
            guard element.pointee.type == XML_ELEMENT_NODE, let parent = StreamingTreeBuilder.copiedIndex(element) else { return }
            let length = Int(xmlStrlen(content))
            guard tree.hasRoom(forText: length) else { return stop(context) }
            let index = tree.appendText(UnsafeBufferPointer(start: content, count: length), parent: parent)
            StreamingTreeBuilder.mark(last, index: index)
            copiedTextLength = length
            // A NUL inside (libxml2 passes none) ends the text for good, as `String(cString:)` read it.
            lastTextClosed = length < Int(context.pointee.nodelen)
            return
        }
        // More of a text already met: only the last node copied can still grow.
        guard let index = StreamingTreeBuilder.copiedIndex(last), index == tree.count - 1, !lastTextClosed else { return }
        // libxml2 keeps the content's length in `nodelen` (it appends without measuring the text again).
        var length = Int(context.pointee.nodelen)
        if length < copiedTextLength { length = Int(xmlStrlen(content)) }
        guard length > copiedTextLength else { return }
        var piece = UnsafeBufferPointer(start: content + copiedTextLength, count: length - copiedTextLength)
        if let nul = piece.firstIndex(of: 0) {
            piece = UnsafeBufferPointer(rebasing: piece[..<nul])
            lastTextClosed = true
        }
        guard tree.hasRoom(forText: piece.count) else { return stop(context) }
        tree.extendLastText(piece)
        copiedTextLength = length
    }

    /// Frees what libxml2 will not look at again once `closed` has closed: its children, and its
    /// earlier siblings when it is inside an element (at the top level they include the DTD, which the
    /// document points to).
    private static func freeFinishedNodes(_ closed: xmlNodePtr) {
        if let children = closed.pointee.children {
            closed.pointee.children = nil
            closed.pointee.last = nil
            xmlFreeNodeList(children)
        }
        guard let parent = closed.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE,
              let previous = closed.pointee.prev, let first = parent.pointee.children else { return }
        previous.pointee.next = nil
        closed.pointee.prev = nil
        parent.pointee.children = closed
        xmlFreeNodeList(first)
    }
}
