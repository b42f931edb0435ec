import CLibXML2

/// libxml2's XML reader (the xmlTextReader pull API) over bytes in memory, as Swift values.
/// No network, no entity expansion (an untrusted feed cannot make the parser fetch or balloon),
/// errors recovered from where libxml2 can and never printed.
final class XMLStreamReader {
    enum Node: Equatable {
        case start(name: String, namespace: String?, depth: Int, isEmpty: Bool)
        case end(name: String, namespace: String?, depth: Int)
        case text(String)
        case other
    }

    private let reader: xmlTextReaderPtr?
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Set when libxml2 gave up before the end of the document.
    private(set) var failed = false
    /// `xmlTextReaderNext` left the reader on a node that `next()` has not reported yet.
    private var onUnreportedNode = false

    init(bytes: [UInt8]) {
        buffer = .allocate(capacity: max(1, bytes.count))
        _ = buffer.initialize(from: bytes)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue
                            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        reader = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
            xmlReaderForMemory(pointer, Int32(bytes.count), nil, nil, options)
        }
        if reader == nil { failed = true }
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
        buffer.deallocate()
    }

    /// The next node, or nil at the end of the document (or where libxml2 could not go on).
    func next() -> Node? {
        guard let reader else { return nil }
        let status = onUnreportedNode ? 1 : xmlTextReaderRead(reader)
        onUnreportedNode = false
        if status != 1 {
            if status < 0 { failed = true }
            return nil
        }
        let depth = Int(xmlTextReaderDepth(reader))
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            return .start(name: Self.string(xmlTextReaderConstLocalName(reader)) ?? "", namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)),
                          depth: depth, isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            return .end(name: Self.string(xmlTextReaderConstLocalName(reader)) ?? "", namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)),
                        depth: depth)
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
            return .text(Self.string(xmlTextReaderConstValue(reader)) ?? "")
        default:
            return .other
        }
    }

    /// An attribute of the element the reader is on.
    func attribute(_ name: String) -> String? {
        guard let reader, let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { dossier_xml_free(value) }
        return String(cString: value)
    }

    /// The markup inside the element the reader is on (Atom's `type="xhtml"` content), then past it.
    func innerMarkupAndSkip() -> String {
        guard let reader else { return "" }
        var markup = ""
        if let inner = xmlTextReaderReadInnerXml(reader) {
            markup = String(cString: inner)
            dossier_xml_free(inner)
        }
        onUnreportedNode = xmlTextReaderNext(reader) == 1
        return markup
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
