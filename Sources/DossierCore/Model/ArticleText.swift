/// An article's clean text, held both as a `String` and as an array of scalars so that
/// annotators can index by code point in O(1) without `Character` iteration.
public struct ArticleText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.string = string
        var contiguous = string
        contiguous.makeContiguousUTF8()
        self.scalars = contiguous.utf8.withContiguousStorageIfAvailable(Self.scalars(ofUTF8:)) ?? Array(string.unicodeScalars)
    }

    /// The scalars of valid UTF-8 (a String's own bytes), counted first so that the array is made once at its
    /// exact size: several times faster than collecting `unicodeScalars`, with no spare capacity kept.
    static func scalars(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            var i = 0, n = 0
            while i < bytes.count && n < count {
                let b0 = bytes[i]
                var value = UInt32(b0)
                var length = 1
                if b0 >= 0xF0 { length = 4; value &= 0x07 } else if b0 >= 0xE0 { length = 3; value &= 0x0F } else if b0 >= 0xC0 { length = 2; value &= 0x1F }
                var k = 1
                while k < length && i + k < bytes.count {
                    value = value << 6 | UInt32(bytes[i + k] & 0x3F)
                    k += 1
                }
                buffer[n] = Unicode.Scalar(value) ?? "\u{FFFD}"
                n += 1
                i += length
            }
            initialized = n
        }
    }

    public var count: Int { scalars.count }
    public var fullSpan: Span { Span(0, scalars.count) }

    public subscript(offset: Int) -> Unicode.Scalar { scalars[offset] }

    /// The text of a span; offsets outside the text are clamped rather than trapping.
    public func slice(_ span: Span) -> String {
        let start = max(0, min(span.start, scalars.count))
        let end = max(start, min(span.end, scalars.count))
        // Encoded straight to UTF-8 (`utf8String`): appending to a `UnicodeScalarView` one scalar
        // at a time cost 5 % of a huge article's time (two slices per claim: its actor and cue).
        return Self.utf8String(scalars, start, end)
    }
}
