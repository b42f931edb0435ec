/// Scalars read from and written to UTF-8 bytes by hand, where going through `String` (a
/// `String(decoding:)` to read one scalar, a `UnicodeScalarView` appended to scalar by scalar)
/// cost more than the work around it on text outside ASCII.
enum UTF8Scalars {
    /// The scalar whose encoding starts at `bytes[start]`, in bytes known to be valid UTF-8.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[start])
        let value: UInt32
        if lead < 0x80 {
            value = lead
        } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[start + 1] & 0x3F) << 12
                | UInt32(bytes[start + 2] & 0x3F) << 6 | UInt32(bytes[start + 3] & 0x3F)
        }
        // Valid UTF-8 encodes only scalar values, so this never fails.
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Writes `scalar` in UTF-8 at `out[n...]` (room for four bytes is the caller's); returns the new end.
    @inline(__always)
    static func write(_ scalar: Unicode.Scalar, to out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            out[n] = UInt8(v)
            return n + 1
        case 0x80..<0x800:
            out[n] = UInt8(0xC0 | v >> 6); out[n + 1] = UInt8(0x80 | v & 0x3F)
            return n + 2
        case 0x800..<0x10000:
            out[n] = UInt8(0xE0 | v >> 12); out[n + 1] = UInt8(0x80 | v >> 6 & 0x3F); out[n + 2] = UInt8(0x80 | v & 0x3F)
            return n + 3
        default:
            out[n] = UInt8(0xF0 | v >> 18); out[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
            out[n + 2] = UInt8(0x80 | v >> 6 & 0x3F); out[n + 3] = UInt8(0x80 | v & 0x3F)
            return n + 4
        }
    }
}
