/// The fields of a JSON Lines record of the common shape, `{"title": "…", "text": "…", …}` with
/// string values only, read straight from its bytes.
///
/// Why: Foundation's `JSONSerialization` built an `NSDictionary` of bridged strings for every
/// record, about 2 % of `annotate`'s time on a feed (issue 13). Anything beyond that one shape —
/// a value that is not a string (number, array, object, `null`, `true`), a key given twice, an
/// escape `\u` of a lone surrogate, a control character inside a string, anything malformed —
/// gives nil, and the caller asks Foundation, so every line reads as it did. For the lines it
/// accepts, the strings are the ones `JSONSerialization` makes (JSON's escapes are defined
/// exactly; the bytes come from a Swift `String`, so they are valid UTF-8).
enum FlatJSONObject {
    static func fields(_ bytes: [UInt8]) -> [String: String]? {
        bytes.withUnsafeBufferPointer { fields(in: $0) }
    }

    static func fields(in bytes: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        guard reader.take(0x7B) else { return nil }   // {
        var result: [String: String] = [:]
        reader.skipSpace()
        if reader.take(0x7D) {                          // {} : an empty object
            reader.skipSpace()
            return reader.atEnd ? result : nil
        }
        while true {
            reader.skipSpace()
            guard let key = reader.string() else { return nil }
            reader.skipSpace()
            guard reader.take(0x3A) else { return nil }   // :
            reader.skipSpace()
            guard let value = reader.string(), result.updateValue(value, forKey: key) == nil else { return nil }
            reader.skipSpace()
            if reader.take(0x2C) { continue }               // ,
            guard reader.take(0x7D) else { return nil }     // }
            reader.skipSpace()
            return reader.atEnd ? result : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// JSON's whitespace: space, tab, line feed, carriage return.
        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
                    || bytes[index] == 0x0D { index += 1 }
        }

        /// A string starting at `index` (its opening quotation mark), or nil.
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            let start = index
            // Most strings have no escape: their bytes are the string's.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == 0x5C { break }
                if byte < 0x20 { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(bytes.count - start)
            unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                // The run up to the next quotation mark, backslash or control byte, copied at once.
                let run = index
                while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20 { index += 1 }
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                guard index < bytes.count else { return nil }
                let byte = bytes[index]
                if byte == 0x22 {
                    index += 1
                    return String(decoding: unescaped, as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                index += 1
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: unescaped.append(escape)    // \" \\ \/
                case 0x62: unescaped.append(0x08)                  // \b
                case 0x66: unescaped.append(0x0C)                  // \f
                case 0x6E: unescaped.append(0x0A)                  // \n
                case 0x72: unescaped.append(0x0D)                  // \r
                case 0x74: unescaped.append(0x09)                  // \t
                case 0x75:                                         // \uXXXX, a surrogate pair as two
                    guard var value = hex4() else { return nil }
                    if value >= 0xDC00 && value <= 0xDFFF { return nil }
                    if value >= 0xD800 && value <= 0xDBFF {
                        guard take(0x5C), take(0x75), let low = hex4(), low >= 0xDC00 && low <= 0xDFFF else { return nil }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    unescaped.append(contentsOf: UTF8.encode(scalar)!)
                default:
                    return nil
                }
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }
}
