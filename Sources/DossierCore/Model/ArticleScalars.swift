#if _endian(big)
#error("ArticleScalars reads a scalar as the low bytes of a little-endian UInt32")
#endif

/// An article's scalars held in the narrowest width that fits the whole text: one byte each when
/// every scalar is below U+0100 (Latin-1, ASCII included), two for the Basic Multilingual Plane,
/// four otherwise. Read as a random-access collection of `Unicode.Scalar` indexed from 0, like the
/// `[Unicode.Scalar]` it replaces.
///
/// Why (issue 13, bounded cost): four bytes a scalar made a 50 MB ASCII line 200 MB of scalars,
/// the largest single allocation of the whole run. A news text is nearly always Latin-1 or BMP.
///
/// Scalars past the BMP (emoji, mostly) are rare, and one of them would make a whole text four bytes
/// a scalar. So a two-byte text keeps them apart: the unit stored for one is a surrogate code point,
/// U+D800 + k, which no scalar can be, and k indexes a table of the text's distinct wide scalars
/// (`wideEscapeLimit` of them at most; a text with more is stored four bytes a scalar).
///
/// Reading a scalar has no branch on the width, so the tokenizers' loops cost what they did on an
/// array: the scalar at `i` is the four bytes at `i << shift` (unaligned), masked to the width. The
/// one branch, for an escaped wide scalar, is almost never taken. The buffer has three spare zero
/// bytes at its end so that the last scalar's load stays inside it.
// Sendable: the buffer is written only while the value is made, then read only.
public struct ArticleScalars: RandomAccessCollection, @unchecked Sendable, Equatable {
    public typealias Index = Int
    public typealias Indices = Range<Int>
    public typealias SubSequence = Slice<ArticleScalars>

    /// Owns the buffer; `base`, `shift` and `mask` are copied out of it so a read needs no indirection.
    @usableFromInline let storage: ScalarStorage
    @usableFromInline let base: UnsafeRawPointer
    /// log2 of the bytes per scalar: 0, 1 or 2.
    @usableFromInline let shift: Int
    @usableFromInline let mask: UInt32
    /// The wide scalars that two-byte units U+D800 + k stand for (see the type's comment).
    @usableFromInline let wide: UnsafePointer<UInt32>
    public let count: Int
    /// Every scalar is below U+0080, so the buffer is also the text's UTF-8.
    public let isASCII: Bool

    /// Bytes per scalar: 1, 2 or 4.
    public var width: UInt8 { UInt8(1 << shift) }

    /// Distinct scalars past the BMP that a two-byte text can keep apart; more make it four bytes.
    /// 2,048 is every surrogate code point, and far more emoji than any article holds.
    static let wideEscapeLimit = 0x800

    /// Whether `value`, as stored, is an escape for a wide scalar. No scalar is a surrogate.
    @inlinable static func isWideEscape(_ value: UInt32) -> Bool { value & 0xF800 == 0xD800 }

    public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable public var indices: Range<Int> { 0..<count }
    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }
    @inlinable public func index(_ i: Int, offsetBy distance: Int) -> Int { i + distance }
    @inlinable public func distance(from start: Int, to end: Int) -> Int { end - start }

    @inlinable public subscript(position: Int) -> Unicode.Scalar {
        precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "scalar offset out of range")
        // Only scalars and escapes were stored, each in a width that holds it: the masked value is a
        // valid scalar, or an escape for one.
        let value = base.loadUnaligned(fromByteOffset: position &<< shift, as: UInt32.self) & mask
        if _slowPath(Self.isWideEscape(value)) { return unsafeBitCast(wide[Int(value & 0x7FF)], to: Unicode.Scalar.self) }
        return unsafeBitCast(value, to: Unicode.Scalar.self)
    }

    @inlinable public subscript(bounds: Range<Int>) -> Slice<ArticleScalars> {
        precondition(bounds.lowerBound >= 0 && bounds.upperBound <= count, "scalar range out of range")
        return Slice(base: self, bounds: bounds)
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
        var wideScalars: [UInt32] = []
        if largest >= 0x10000 {
            var seen = Set<UInt32>()
            for scalar in all where scalar.value >= 0x10000 && seen.insert(scalar.value).inserted {
                wideScalars.append(scalar.value)
            }
        }
        let escapes = wideScalars.count <= Self.wideEscapeLimit
        let shift = largest < 0x100 ? 0 : largest < 0x10000 || escapes ? 1 : 2
        let storage = ScalarStorage(count: all.count, shift: shift, wideScalars: shift == 1 ? wideScalars : [])
        for (i, scalar) in all.enumerated() { storage.store(scalar.value, at: i) }
        self.init(storage, count: all.count, isASCII: largest < 0x80)
    }

    init(_ storage: ScalarStorage, count: Int, isASCII: Bool) {
        self.storage = storage
        self.base = UnsafeRawPointer(storage.bytes)
        self.shift = storage.shift
        self.mask = storage.shift == 0 ? 0xFF : storage.shift == 1 ? 0xFFFF : 0xFFFF_FFFF
        self.wide = UnsafePointer(storage.wideScalars)
        self.count = count
        self.isASCII = isASCII
    }

    /// The scalars of valid UTF-8 (a String's own bytes). One pass counts the scalars and finds the
    /// widest lead byte, so the buffer is made once at its exact size: ASCII is a plain copy.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var count = 0
        var widestLead: UInt8 = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            count += 1
            widestLead = Swift.max(widestLead, byte)
        }
        // Lead bytes C2 and C3 start the two-byte scalars U+0080–U+00FF; F0 and up, four-byte ones.
        let wideScalars = widestLead >= 0xF0 ? Self.distinctWideScalars(bytes) : []
        let shift = widestLead <= 0xC3 ? 0 : widestLead < 0xF0 || wideScalars.count <= Self.wideEscapeLimit ? 1 : 2
        let storage = ScalarStorage(count: count, shift: shift, wideScalars: shift == 1 ? wideScalars : [])
        if widestLead < 0x80 {
            if let source = bytes.baseAddress { storage.bytes.copyMemory(from: source, byteCount: count) }
        } else {
            Self.decode(bytes, count: count, into: storage)
        }
        self.init(storage, count: count, isASCII: widestLead < 0x80)
    }

    /// The distinct scalars past the BMP in valid UTF-8, in order of first use; it stops counting
    /// one past `wideEscapeLimit`, when the text will be stored four bytes a scalar anyway.
    static func distinctWideScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var seen = Set<UInt32>()
        var wideScalars: [UInt32] = []
        var i = 0
        while i + 3 < bytes.count, wideScalars.count <= wideEscapeLimit {
            if bytes[i] >= 0xF0 {
                let value = UInt32(bytes[i] & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                if seen.insert(value).inserted { wideScalars.append(value) }
                i += 4
            } else {
                i += 1
            }
        }
        return wideScalars
    }

    /// `count` scalars decoded from valid UTF-8 into `storage`, whose width holds all of them.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, into storage: ScalarStorage) {
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
            storage.store(value, at: n)
            n += 1
            i += length
        }
    }

    public static func == (lhs: ArticleScalars, rhs: ArticleScalars) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    /// The text as UTF-8 in a new `String` (an O(n) copy, made each time).
    public var string: String {
        utf8String(0, count)
    }

    /// The text of `self[start..<end]` (both in bounds), encoded straight to UTF-8.
    public func utf8String(_ start: Int, _ end: Int) -> String {
        guard end > start else { return "" }
        if isASCII {
            return String(decoding: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + start, count: end - start),
                          as: UTF8.self)
        }
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

    /// Calls `body` with the text's UTF-8 a piece at a time (up to 64 KB each, whole scalars), so a
    /// digest of a huge text needs no second copy of it (`ArticleText.string` is a whole new one).
    public func forEachUTF8Piece(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let piece = 1 << 16
        if isASCII {
            var start = 0
            while start < count {
                let end = Swift.min(count, start + piece)
                try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + start, count: end - start))
                start = end
            }
            return
        }
        // A quarter of the piece in scalars: four bytes of UTF-8 at most each.
        var start = 0
        while start < count {
            let end = Swift.min(count, start + piece / 4)
            var utf8 = utf8String(start, end)
            try utf8.withUTF8 { try body($0) }
            start = end
        }
    }

    /// Calls the closure for the text's width with its scalars at that one width, for loops written
    /// generically over `FixedWidthScalars`: each is then compiled once per width, with a plain load
    /// (no shift by a width known only at run time, no mask). The entity tokenizer's scan is one.
    @inlinable public func withFixedWidth<Result>(_ latin1: (ScalarsOf<UInt8>) throws -> Result,
                                                  _ bmp: (ScalarsOf<UInt16>) throws -> Result,
                                                  _ wide: (ScalarsOf<UInt32>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) {
            switch shift {
            case 0: return try latin1(ScalarsOf(base.assumingMemoryBound(to: UInt8.self), count: count, wide: self.wide))
            case 1: return try bmp(ScalarsOf(base.assumingMemoryBound(to: UInt16.self), count: count, wide: self.wide))
            default: return try wide(ScalarsOf(base.assumingMemoryBound(to: UInt32.self), count: count, wide: self.wide))
            }
        }
    }

    /// Calls `body` with the scalars as an unchecked buffer (no bounds check on each read): for the
    /// hottest loops, which index by hand and stay within the text.
    @inlinable public func withScalarBuffer<Result>(_ body: (ScalarBuffer) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(ScalarBuffer(base, shift: shift, mask: mask, wide: wide, count: count)) }
    }
}

/// The buffer of an `ArticleScalars`: `count` scalars of `1 << shift` bytes each, little-endian,
/// then three zero bytes; and the table of wide scalars that a two-byte buffer's escapes stand for.
/// Written only while the text is made, then never again (hence Sendable).
@usableFromInline final class ScalarStorage: @unchecked Sendable {
    let bytes: UnsafeMutableRawPointer
    let shift: Int
    /// Never empty, so that every text has a table to point at.
    let wideScalars: UnsafeMutablePointer<UInt32>
    let wideScalarCount: Int
    /// Each wide scalar's escape, while the buffer is written.
    private var escapes: [UInt32: UInt16] = [:]

    /// `wideScalars` must be distinct, at most `ArticleScalars.wideEscapeLimit` of them, and given
    /// only to a two-byte buffer.
    init(count: Int, shift: Int, wideScalars: [UInt32] = []) {
        precondition(wideScalars.isEmpty || (shift == 1 && wideScalars.count <= ArticleScalars.wideEscapeLimit))
        let byteCount = (count << shift) + 3
        bytes = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 4)
        bytes.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        // Bound to the unit type, for `ArticleScalars.withFixedWidth`'s typed reads.
        if shift == 1 { bytes.bindMemory(to: UInt16.self, capacity: count) }
        if shift == 2 { bytes.bindMemory(to: UInt32.self, capacity: count) }
        self.shift = shift
        self.wideScalars = .allocate(capacity: Swift.max(1, wideScalars.count))
        self.wideScalars.initialize(repeating: 0, count: Swift.max(1, wideScalars.count))
        wideScalarCount = wideScalars.count
        for (k, value) in wideScalars.enumerated() {
            self.wideScalars[k] = value
            escapes[value] = UInt16(0xD800 + k)
        }
    }

    func store(_ value: UInt32, at index: Int) {
        switch shift {
        case 0: bytes.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: index, as: UInt8.self)
        case 1:
            let unit = value < 0x10000 ? UInt16(truncatingIfNeeded: value) : escapes[value]!
            bytes.storeBytes(of: unit, toByteOffset: index << 1, as: UInt16.self)
        default: bytes.storeBytes(of: value, toByteOffset: index << 2, as: UInt32.self)
        }
    }

    deinit {
        bytes.deallocate()
        wideScalars.deallocate()
    }
}

/// The scalars of an `ArticleScalars` in place, valid only inside `withScalarBuffer`.
public struct ScalarBuffer {
    @usableFromInline let base: UnsafeRawPointer
    @usableFromInline let shift: Int
    @usableFromInline let mask: UInt32
    @usableFromInline let wide: UnsafePointer<UInt32>
    public let count: Int

    @inlinable init(_ base: UnsafeRawPointer, shift: Int, mask: UInt32, wide: UnsafePointer<UInt32>, count: Int) {
        self.base = base
        self.shift = shift
        self.mask = mask
        self.wide = wide
        self.count = count
    }

    /// The scalar at `offset`, which must be in 0..<count (checked in debug builds only).
    @inlinable public subscript(offset: Int) -> Unicode.Scalar {
        assert(offset >= 0 && offset < count, "scalar offset out of range")
        let value = base.loadUnaligned(fromByteOffset: offset &<< shift, as: UInt32.self) & mask
        if _slowPath(ArticleScalars.isWideEscape(value)) { return unsafeBitCast(wide[Int(value & 0x7FF)], to: Unicode.Scalar.self) }
        return unsafeBitCast(value, to: Unicode.Scalar.self)
    }
}

/// Scalars readable by offset: `ArticleScalars` (any width) and `ScalarsOf` (one width). Loops generic
/// over it are specialised per width when given `ArticleScalars.withFixedWidth`'s views.
public protocol FixedWidthScalars {
    var count: Int { get }
    subscript(offset: Int) -> Unicode.Scalar { get }
}

extension ArticleScalars: FixedWidthScalars {}

/// An `ArticleScalars`' buffer read at its one width; valid only inside `withFixedWidth`.
public struct ScalarsOf<Unit: FixedWidthInteger & UnsignedInteger>: FixedWidthScalars {
    @usableFromInline let base: UnsafePointer<Unit>
    @usableFromInline let wide: UnsafePointer<UInt32>
    public let count: Int

    @inlinable init(_ base: UnsafePointer<Unit>, count: Int, wide: UnsafePointer<UInt32>) {
        self.base = base
        self.count = count
        self.wide = wide
    }

    @inlinable public subscript(offset: Int) -> Unicode.Scalar {
        precondition(UInt(bitPattern: offset) < UInt(bitPattern: count), "scalar offset out of range")
        // Every unit was stored from a scalar that fits the width, or (two bytes only) is an escape
        // for a wide one: the value is a valid scalar. The width test folds away in each specialisation.
        let value = UInt32(truncatingIfNeeded: base[offset])
        if Unit.bitWidth == 16, _slowPath(ArticleScalars.isWideEscape(value)) {
            return unsafeBitCast(wide[Int(value & 0x7FF)], to: Unicode.Scalar.self)
        }
        return unsafeBitCast(value, to: Unicode.Scalar.self)
    }
}
