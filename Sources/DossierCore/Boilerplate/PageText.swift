/// A pasted page as the UTF-8 bytes of its String, with the scalar-level reads the boilerplate
/// filter needs.
///
/// The filter works on these bytes rather than on an array of scalars: an array would take 4 bytes
/// a scalar (400 MB for a 100 MB paste), and the kept text is then copied out in byte runs.
/// Offsets are byte offsets; `bytes` is valid UTF-8 (it comes from a String), and every offset
/// the filter holds is at a scalar boundary.
struct PageText {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    subscript(offset: Int) -> UInt8 { bytes[offset] }

    /// The scalar that starts at `offset`, and the offset after it.
    func scalar(at offset: Int) -> (Unicode.Scalar, next: Int) {
        let b0 = bytes[offset]
        if b0 < 0x80 { return (Unicode.Scalar(b0), offset + 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[offset + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", offset + length)
    }

    /// Where the scalar that ends at `end` starts.
    func scalarStart(before end: Int) -> Int {
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The last scalar of `range` (which must not be empty).
    func lastScalar(in range: Range<Int>) -> Unicode.Scalar {
        scalar(at: max(range.lowerBound, scalarStart(before: range.upperBound))).0
    }

    /// Where the scalar `scalars` places before `end` starts, not going below `floor`.
    func offset(scalars: Int, before end: Int, floor: Int) -> Int {
        var i = end
        var left = scalars
        while left > 0 && i > floor {
            i = scalarStart(before: i)
            left -= 1
        }
        return max(i, floor)
    }

    /// Where the scalar `scalars` places after `start` starts, or `limit` when the text ends first.
    func offset(afterScalars scalars: Int, from start: Int, limit: Int) -> Int {
        var i = start
        var left = scalars
        while left > 0 && i < limit {
            // Eight ASCII bytes are eight scalars.
            if left >= 8 && i + 8 <= limit && EightBytes.load(bytes, at: i) & EightBytes.highBits == 0 {
                i += 8
                left -= 8
                continue
            }
            i += 1
            while i < limit && bytes[i] & 0xC0 == 0x80 { i += 1 }
            left -= 1
        }
        return i
    }

    /// The text of a byte range.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The scalars of a byte range, with the byte offset where each starts (and one more: the end).
    func scalars(_ range: Range<Int>) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, next) = scalar(at: i)
            scalars.append(scalar)
            offsets.append(i)
            i = next
        }
        offsets.append(range.upperBound)
        return (scalars, offsets)
    }
}
