/// Tests on eight bytes at once (SWAR), for the scanning loops of ingest and boilerplate removal:
/// most of an article is plain ASCII, and eight bytes of it are passed over in a few instructions.
enum EightBytes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (which must leave eight bytes to read), in memory order.
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        precondition(offset >= 0 && offset + 8 <= bytes.count)
        return UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Whether some byte is below `limit` (at most 0x80), for words whose bytes are all ASCII. Borrows can
    /// flag a byte above a lower byte that is below `limit`, never a word with no such byte.
    static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// Whether some byte equals `byte`.
    static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highBits != 0
    }

    /// Every byte is printable ASCII, U+0020 to U+007E.
    static func allPrintableASCII(_ word: UInt64) -> Bool {
        word & highBits == 0 && !hasByte(below: 0x20, word) && !hasByte(0x7F, word)
    }

    /// Every byte is ASCII and none is a line feed.
    static func allASCIIWithoutLineFeed(_ word: UInt64) -> Bool {
        word & highBits == 0 && !hasByte(0x0A, word)
    }
}
