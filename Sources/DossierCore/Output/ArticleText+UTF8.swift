extension ArticleText {
    /// The text of a span, like `slice(_:)`, but encoded straight into the new string's UTF-8
    /// storage: `slice` appends one scalar at a time, which costs tens of nanoseconds per scalar
    /// and dominated the JSON output of long quotations and claims. Offsets are clamped the same way.
    func utf8String(_ span: Span) -> String {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        return Self.utf8String(scalars, start, end)
    }

    /// The text of `scalars[start..<end]` (both in bounds), encoded straight to UTF-8.
    static func utf8String(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        guard end > start else { return "" }
        // Ask for exactly the bytes an ASCII run needs: a capacity over 15 bytes makes the string
        // allocate even when the text is short, and short ASCII words then live inline, unallocated.
        var byteCount = 0
        for k in start..<end {
            let value = scalars[k].value
            byteCount += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var count = 0
            for k in start..<end {
                let value = scalars[k].value
                if value < 0x80 {
                    buffer[count] = UInt8(truncatingIfNeeded: value)
                    count += 1
                } else if value < 0x800 {
                    buffer[count] = UInt8(truncatingIfNeeded: 0xC0 | (value >> 6))
                    buffer[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                    count += 2
                } else if value < 0x10000 {
                    buffer[count] = UInt8(truncatingIfNeeded: 0xE0 | (value >> 12))
                    buffer[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
                    buffer[count + 2] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                    count += 3
                } else {
                    buffer[count] = UInt8(truncatingIfNeeded: 0xF0 | (value >> 18))
                    buffer[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 12) & 0x3F))
                    buffer[count + 2] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
                    buffer[count + 3] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                    count += 4
                }
            }
            return count
        }
    }
}
