/// The 64-bit key of a feature string: FNV-1a over its UTF-8 bytes.
///
/// FNV-1a runs byte by byte, so a feature can be hashed piece by piece ("w=" then the word) without
/// building the joined string: `FeatureHash("w=").adding(word)` equals `FeatureHash("w=" + word)`.
/// Models store feature names as text and hash them once when parsed; inference hashes the
/// features of a mention and never makes a `String` for them.
public struct FeatureHash: Hashable, Sendable {
    public private(set) var value: UInt64

    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    public init() { value = Self.offsetBasis }

    public init(_ text: String) {
        self.init()
        add(text)
    }

    public mutating func add(_ text: String) {
        // A native string lends its UTF-8 bytes as a buffer: a plain loop, not the view's iterator.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { add(byte: byte) }
        }
        if done == nil { for byte in text.utf8 { add(byte: byte) } }
    }

    /// Adds `text`'s UTF-8 bytes with A–Z lowercased.
    public mutating func addLowercasingASCII(_ text: String) {
        @inline(__always) func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { add(byte: lowered(byte)) }
        }
        if done == nil { for byte in text.utf8 { add(byte: lowered(byte)) } }
    }

    @inline(__always)
    public mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime
    }

    /// Adds one scalar as UTF-8, lowercasing A–Z when asked (other letters are added as written).
    public mutating func add(_ scalar: Unicode.Scalar, lowercasing: Bool = false) {
        let v = scalar.value
        if v < 0x80 {
            add(byte: UInt8(truncatingIfNeeded: lowercasing && v >= 0x41 && v <= 0x5A ? v + 32 : v))
        } else {
            for byte in UTF8.encode(scalar)! { add(byte: byte) }
        }
    }

    /// Adds `scalars[range]`, lowercasing A–Z when asked.
    public mutating func add(_ scalars: ArticleScalars, _ range: Range<Int>, lowercasing: Bool = false) {
        for k in range { add(scalars[k], lowercasing: lowercasing) }
    }

    public func adding(_ text: String) -> FeatureHash {
        var copy = self
        copy.add(text)
        return copy
    }
}
