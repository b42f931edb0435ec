/// An article's scalars held in the narrowest width that fits the whole text: one byte each when
/// every scalar is below U+0100 (Latin-1, ASCII included), two for the Basic Multilingual Plane,
/// four otherwise. Read as a random-access collection of `Unicode.Scalar` indexed from 0, like the
/// `[Unicode.Scalar]` it replaces.
///
/// Why (issue 13, bounded cost): four bytes a scalar made a 50 MB ASCII line 200 MB of scalars,
/// the largest single allocation of the whole run. A news text is nearly always Latin-1 or BMP.
///
/// Exactly one of the three arrays holds the text; the other two are empty (and share Swift's one
/// empty buffer). Reading a scalar is a switch on `width`, which stays the same for the whole
/// text, so the branch is predicted; loops that want no switch at all take a typed buffer through
/// `withUnitBuffer`.
public struct ArticleScalars: RandomAccessCollection, Sendable, Equatable {
    public typealias Index = Int
    public typealias Indices = Range<Int>
    public typealias SubSequence = Slice<ArticleScalars>

    /// Bytes per scalar: 1, 2 or 4.
    @usableFromInline let width: UInt8
    @usableFromInline let latin1: [UInt8]
    @usableFromInline let bmp: [UInt16]
    @usableFromInline let wide: [Unicode.Scalar]
    /// Every scalar is below U+0080, so `latin1` is also the text's UTF-8.
    public let isASCII: Bool

    public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int {
        switch width {
        case 1: return latin1.count
        case 2: return bmp.count
        default: return wide.count
        }
    }
    @inlinable public var count: Int { endIndex }
    @inlinable public var indices: Range<Int> { 0..<endIndex }
    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }
    @inlinable public func index(_ i: Int, offsetBy distance: Int) -> Int { i + distance }
    @inlinable public func distance(from start: Int, to end: Int) -> Int { end - start }

    @inlinable public subscript(position: Int) -> Unicode.Scalar {
        switch width {
        case 1: return Unicode.Scalar(latin1[position])
        // Only BMP scalars were stored, none of them a surrogate: the value is a valid scalar.
        case 2: return unsafeBitCast(UInt32(bmp[position]), to: Unicode.Scalar.self)
        default: return wide[position]
        }
    }

    @inlinable public subscript(bounds: Range<Int>) -> Slice<ArticleScalars> {
        Slice(base: self, bounds: bounds)
    }

    /// The scalars of `string`, in the narrowest width that holds them all.
    public init(_ string: String) {
        var contiguous = string
        contiguous.makeContiguousUTF8()
        self = contiguous.utf8.withContiguousStorageIfAvailable(Self.init(utf8:))
            ?? Self(Array(string.unicodeScalars))
    }

    /// Any scalars (tests, and callers with a word of their own), in the narrowest width.
    public init<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) {
        let all = Array(scalars)
        let largest = all.reduce(0) { Swift.max($0, $1.value) }
        if largest < 0x100 {
            self.init(width: 1, latin1: all.map { UInt8(truncatingIfNeeded: $0.value) }, isASCII: largest < 0x80)
        } else if largest < 0x10000 {
            self.init(width: 2, bmp: all.map { UInt16(truncatingIfNeeded: $0.value) })
        } else {
            self.init(width: 4, wide: all)
        }
    }

    @usableFromInline init(width: UInt8, latin1: [UInt8] = [], bmp: [UInt16] = [], wide: [Unicode.Scalar] = [],
                           isASCII: Bool = false) {
        self.width = width
        self.latin1 = latin1
        self.bmp = bmp
        self.wide = wide
        self.isASCII = isASCII
    }

    /// The scalars of valid UTF-8 (a String's own bytes). One pass counts the scalars and finds the
    /// widest lead byte, so the array is made once at its exact size: ASCII is a plain copy.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var count = 0
        var widestLead: UInt8 = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            count += 1
            widestLead = Swift.max(widestLead, byte)
        }
        if widestLead < 0x80 {
            self.init(width: 1, latin1: Array(bytes), isASCII: true)
        } else if widestLead <= 0xC3 {
            // Lead bytes C2 and C3 start the two-byte scalars U+0080–U+00FF.
            self.init(width: 1, latin1: Self.decode(bytes, count: count, as: UInt8.self))
        } else if widestLead < 0xF0 {
            self.init(width: 2, bmp: Self.decode(bytes, count: count, as: UInt16.self))
        } else {
            self.init(width: 4, wide: Self.decode(bytes, count: count, as: UInt32.self).map { unsafeBitCast($0, to: Unicode.Scalar.self) })
        }
    }

    /// `count` scalars decoded from valid UTF-8 into units of type `Unit`, wide enough for all of them.
    static func decode<Unit: FixedWidthInteger & UnsignedInteger>(_ bytes: UnsafeBufferPointer<UInt8>, count: Int,
                                                                  as _: Unit.Type) -> [Unit] {
        [Unit](unsafeUninitializedCapacity: count) { buffer, initialized in
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
                buffer[n] = Unit(truncatingIfNeeded: value)
                n += 1
                i += length
            }
            initialized = n
        }
    }

    public static func == (lhs: ArticleScalars, rhs: ArticleScalars) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    /// The text as UTF-8 in a new `String` (an O(n) copy, made each time).
    public var string: String {
        if isASCII { return String(decoding: latin1, as: UTF8.self) }
        return utf8String(0, count)
    }

    /// The text of `self[start..<end]` (both in bounds), encoded straight to UTF-8.
    public func utf8String(_ start: Int, _ end: Int) -> String {
        guard end > start else { return "" }
        if isASCII { return String(decoding: latin1[start..<end], as: UTF8.self) }
        // Ask for exactly the bytes the scalars need: a capacity over 15 bytes makes the string
        // allocate even when the text is short, and short ASCII words then live inline, unallocated.
        var byteCount = 0
        for k in start..<end {
            let value = self[k].value
            byteCount += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var count = 0
            for k in start..<end {
                let value = self[k].value
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

    /// Calls `body` with the scalars as an unchecked buffer (no bounds check, no array to load on
    /// each read): for the hottest loops, which index by hand and stay within the text.
    @inlinable public func withScalarBuffer<Result>(_ body: (ScalarBuffer) throws -> Result) rethrows -> Result {
        switch width {
        case 1: return try latin1.withUnsafeBufferPointer { try body(ScalarBuffer(UnsafeRawPointer($0.baseAddress), width: 1, count: $0.count)) }
        case 2: return try bmp.withUnsafeBufferPointer { try body(ScalarBuffer(UnsafeRawPointer($0.baseAddress), width: 2, count: $0.count)) }
        default: return try wide.withUnsafeBufferPointer { try body(ScalarBuffer(UnsafeRawPointer($0.baseAddress), width: 4, count: $0.count)) }
        }
    }
}

/// The scalars of an `ArticleScalars` in place, valid only inside `withScalarBuffer`.
public struct ScalarBuffer {
    @usableFromInline let base: UnsafeRawPointer?
    @usableFromInline let width: UInt8
    public let count: Int

    @inlinable init(_ base: UnsafeRawPointer?, width: UInt8, count: Int) {
        self.base = base
        self.width = width
        self.count = count
    }

    /// The scalar at `offset`, which must be in 0..<count (not checked in release builds).
    @inlinable public subscript(offset: Int) -> Unicode.Scalar {
        assert(offset >= 0 && offset < count, "scalar offset out of range")
        switch width {
        case 1: return Unicode.Scalar(base.unsafelyUnwrapped.load(fromByteOffset: offset, as: UInt8.self))
        case 2: return unsafeBitCast(UInt32(base.unsafelyUnwrapped.load(fromByteOffset: offset &* 2, as: UInt16.self)), to: Unicode.Scalar.self)
        default: return base.unsafelyUnwrapped.load(fromByteOffset: offset &* 4, as: Unicode.Scalar.self)
        }
    }
}
