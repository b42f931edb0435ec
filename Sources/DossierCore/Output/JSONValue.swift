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
        var out: [UInt8] = []
        write(to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    // Output is built as UTF-8 bytes: appending runs of bytes is an order of magnitude faster
    // than appending scalars to a String, and article text is most of what is written.
    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): JSONValue.writeInteger(i, to: &out)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .string(let s): JSONValue.writeEscaped(s, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(indent + 1, to: &out) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(indent, to: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (n, (key, value)) in members.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(indent + 1, to: &out) }
                JSONValue.writeEscaped(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(indent, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Decimal digits straight into the output: `String(i)` allocated a string per offset, and
    /// offsets are most of the numbers written.
    private static func writeInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        writeDigits(value.magnitude, to: &out)   // `magnitude` is a UInt: Int.min fits
    }

    private static func writeDigits(_ value: UInt, to out: inout [UInt8]) {
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
    /// with 0xC2, U+2028/U+2029 with 0xE2). Every other byte is copied as part of a clean run.
    private static let byteClass: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 { table[byte] = 1 }
        table[0x22] = 1; table[0x5C] = 1; table[0x7F] = 1
        table[0xC2] = 2; table[0xE2] = 2
        return table
    }()

    /// Escapes quotes, backslashes and every control character (C0, DEL, C1, U+2028/U+2029),
    /// so no output can carry a raw escape. Works on UTF-8 bytes, copying clean runs whole.
    static func writeEscaped(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            byteClass.withUnsafeBufferPointer { byteClass in
                out.reserveCapacity(out.count + bytes.count + 2)
                var runStart = 0
                var i = 0
                let count = bytes.count
                while i < count {
                    let byte = bytes[i]
                    let kind = byteClass[Int(byte)]
                    if kind == 0 { i += 1; continue }
                    var scalar = UInt32(byte)
                    var width = 1
                    if kind == 2 {
                        if byte == 0xC2, i + 1 < count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
                            scalar = UInt32(bytes[i + 1]); width = 2
                        } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                            scalar = 0x2000 + UInt32(bytes[i + 2]) - 0x80; width = 3
                        } else {
                            i += 1
                            continue
                        }
                    }
                    if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                    switch scalar {
                    case 0x22: out.append(contentsOf: "\\\"".utf8)
                    case 0x5C: out.append(contentsOf: "\\\\".utf8)
                    case 0x0A: out.append(contentsOf: "\\n".utf8)
                    case 0x09: out.append(contentsOf: "\\t".utf8)
                    case 0x0D: out.append(contentsOf: "\\r".utf8)
                    default:
                        let hex = String(scalar, radix: 16)
                        out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    }
                    i += width
                    runStart = i
                }
                if count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
            }
        }
        out.append(UInt8(ascii: "\""))
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
