/// A JSON value whose objects keep their key order, so output reads in a sensible order
/// ("text" first, then structure, then annotations) and is byte-for-byte reproducible.
///
/// Not `indirect`: arrays already hold their elements out of line, and an indirect enum puts
/// every value, each offset of each mention, in a heap box of its own.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Compact JSON on one line (JSON Lines friendly), or indented with two spaces.
    public func serialized(pretty: Bool = false) -> String {
        var sink = ByteSink()
        write(to: &sink, pretty: pretty)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// Indented JSON as it would stand `level` levels deep in a larger indented document: the
    /// lines after the first are indented for that depth. For a writer that splices values into a
    /// document written around them (the streamed Web Annotation export).
    public func serialized(prettyAtLevel level: Int) -> String {
        var sink = ByteSink()
        write(to: &sink, pretty: true, indent: level)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// Appends this value to `sink`, draining it between values (and inside long strings) so a
    /// large article streams out in chunks.
    public func write(to sink: inout ByteSink, pretty: Bool = false) {
        write(to: &sink, pretty: pretty, indent: 0)
    }

    // Output is built as UTF-8 bytes: appending runs of bytes is an order of magnitude faster
    // than appending scalars to a String, and article text is most of what is written.
    func write(to out: inout ByteSink, pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): JSONValue.writeInteger(i, to: &out)
        case .double(let d): out.append(contentsOf: d.isFinite ? String(d) : "null")
        case .string(let s): JSONValue.writeEscaped(s, to: &out)
        case .array(let items):
            JSONValue.writeArray(count: items.count, to: &out, pretty: pretty, indent: indent) { index, out in
                items[index].write(to: &out, pretty: pretty, indent: indent + 1)
            }
        case .object(let members):
            JSONValue.writeObject(count: members.count, to: &out, pretty: pretty, indent: indent,
                                  key: { members[$0].0 }) { n, out in
                members[n].1.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        }
    }

    /// An object of `count` members: `key` gives each one's key, `value` writes each one's value
    /// (indented one level deeper than the object), so a writer can make each value only when it
    /// is written (`BriefingIndexOutput.writeJSON`).
    static func writeObject(count: Int, to out: inout ByteSink, pretty: Bool, indent: Int,
                            key: (Int) -> String, value: (Int, inout ByteSink) -> Void) {
        if count == 0 { out.append("{}"); return }
        out.append(UInt8(ascii: "{"))
        for n in 0..<count {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { JSONValue.newline(indent + 1, to: &out) }
            JSONValue.writeEscaped(key(n), to: &out)
            out.append(UInt8(ascii: ":"))
            if pretty { out.append(UInt8(ascii: " ")) }
            value(n, &out)
            out.drainIfFull()
        }
        if pretty { JSONValue.newline(indent, to: &out) }
        out.append(UInt8(ascii: "}"))
    }

    /// An array of `count` elements, each written by `element` (which gets the element's index).
    static func writeArray(count: Int, to out: inout ByteSink, pretty: Bool, indent: Int,
                           element: (Int, inout ByteSink) -> Void) {
        if count == 0 { out.append("[]"); return }
        out.append(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { JSONValue.newline(indent + 1, to: &out) }
            element(index, &out)
            out.drainIfFull()
        }
        if pretty { JSONValue.newline(indent, to: &out) }
        out.append(UInt8(ascii: "]"))
    }

    static func newline(_ indent: Int, to out: inout ByteSink) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<indent * 2 { out.append(UInt8(ascii: " ")) }
    }

    /// Decimal digits straight into the output: `String(i)` allocated a string per offset, and
    /// offsets are most of the numbers written.
    static func writeInteger(_ value: Int, to out: inout ByteSink) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        writeDigits(value.magnitude, to: &out)   // `magnitude` is a UInt: Int.min fits
    }

    private static func writeDigits(_ value: UInt, to out: inout ByteSink) {
        // The largest power of ten not above the value, then one digit per power, most significant first.
        var power: UInt = 1
        while value / power >= 10 { power *= 10 }
        while power > 0 {
            out.append(UInt8(truncatingIfNeeded: value / power % 10) + 0x30)
            power /= 10
        }
    }

    /// Which UTF-8 bytes need a closer look: 1 for the ASCII ones escaped outright (C0 controls,
    /// quote, backslash, DEL), 2 for lead bytes of the escaped non-ASCII scalars (C1 controls start
    /// with 0xC2, U+2028/U+2029 and the bidi controls with 0xE2, U+061C with 0xD8). Every other byte
    /// is copied as part of a clean run.
    private static let byteClass: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 { table[byte] = 1 }
        table[0x22] = 1; table[0x5C] = 1; table[0x7F] = 1
        table[0xC2] = 2; table[0xE2] = 2; table[0xD8] = 2
        return table
    }()

    /// Escapes quotes, backslashes and every control character (C0, DEL, C1, U+2028/U+2029) and
    /// the bidi controls (a file name in `"source"` may hold U+202E; JSON read on a terminal must not
    /// reorder), so no output can carry a raw escape or override. Works on UTF-8 bytes, copying clean runs whole; a run
    /// longer than the sink's chunk is copied a chunk at a time, so the sink can drain between.
    static func writeEscaped(_ s: String, to out: inout ByteSink) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { writeEscapedContent($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// An article's text as a JSON string, escaped as `writeEscaped(_: String, to:)` does, from its
    /// UTF-8 a piece at a time: no `String` of the whole text is made (an ASCII text is read in place).
    /// Pieces end between scalars, so no escaped sequence is split and the bytes are the same.
    static func writeEscaped(_ scalars: ArticleScalars, to out: inout ByteSink) {
        out.append(UInt8(ascii: "\""))
        scalars.forEachUTF8Piece { writeEscapedContent($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// The escaped content of a JSON string (no quotes) from whole scalars of UTF-8.
    private static func writeEscapedContent(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteSink) {
        byteClass.withUnsafeBufferPointer { byteClass in
            var runStart = 0
            var i = 0
            let count = bytes.count
            let piece = min(out.chunkSize, count)
            while i < count {
                // Scan at most one chunk; escapes may look two bytes past its end.
                let windowEnd = min(count, i + piece)
                while i < windowEnd {
                    let byte = bytes[i]
                    let kind = byteClass[Int(byte)]
                    if kind == 0 { i += 1; continue }
                    var scalar = UInt32(byte)
                    var width = 1
                    if kind == 2 {
                        if byte == 0xC2, i + 1 < count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
                            scalar = UInt32(bytes[i + 1]); width = 2
                        } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80,
                                  bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 || (0xAA...0xAE).contains(bytes[i + 2])
                                    || bytes[i + 2] == 0x8E || bytes[i + 2] == 0x8F {
                            scalar = 0x2000 + UInt32(bytes[i + 2]) - 0x80; width = 3       // U+2028/9, bidi U+202A–E, U+200E/F
                        } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x81, (0xA6...0xA9).contains(bytes[i + 2]) {
                            scalar = 0x2040 + UInt32(bytes[i + 2]) - 0x80; width = 3       // bidi isolates U+2066–9
                        } else if byte == 0xD8, i + 1 < count, bytes[i + 1] == 0x9C {
                            scalar = 0x061C; width = 2                                      // ARABIC LETTER MARK
                        } else {
                            i += 1
                            continue
                        }
                    }
                    if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                    writeEscape(scalar, to: &out)
                    i += width
                    runStart = i
                }
                // The window is scanned: copy its clean tail. A scalar's bytes may fall in two
                // pieces; the sink writes pieces in order, so the output bytes are the same.
                if i > runStart {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    runStart = i
                }
            }
        }
    }

    private static func writeEscape(_ scalar: UInt32, to out: inout ByteSink) {
        switch scalar {
        case 0x22: out.append("\\\"")
        case 0x5C: out.append("\\\\")
        case 0x0A: out.append("\\n")
        case 0x09: out.append("\\t")
        case 0x0D: out.append("\\r")
        default:
            let digits: StaticString = "0123456789abcdef"
            out.append("\\u")
            for shift in stride(from: 12, through: 0, by: -4) {
                out.append(digits.utf8Start[Int((scalar >> UInt32(shift)) & 0xF)])
            }
        }
    }
}

extension JSONValue {
    public init(_ span: Span) {
        self = .object([("start", .int(span.start)), ("end", .int(span.end))])
    }

    public init(_ optional: String?) {
        self = optional.map { .string($0) } ?? .null
    }
}
