/// Packed word keys (`LineProfile.key`) with a few flag bits each, looked up with one multiply and a
/// probe or two: the filter looks up every short word of the page, and `Set<UInt64>`'s seeded hashing
/// cost more than the rest of the word scan. One table for every list, so a word costs one lookup.
struct WordKeyTable: Sendable {
    /// Open addressing; key 0 marks an empty slot (a packed key always has its leading 1 bit).
    private var keys: [UInt64]
    private var flags: [UInt8]
    private let shift: UInt64

    /// `lists[i]` gets flag bit `1 << i`.
    init(_ lists: [[UInt64]]) {
        var merged: [UInt64: UInt8] = [:]
        for (i, list) in lists.enumerated() {
            for key in list where key != 0 { merged[key, default: 0] |= 1 << UInt8(i) }
        }
        var bits: UInt64 = 4
        while (1 << bits) < merged.count * 4 { bits += 1 }
        shift = 64 - bits
        keys = [UInt64](repeating: 0, count: 1 << Int(bits))
        flags = [UInt8](repeating: 0, count: keys.count)
        for (key, flag) in merged {
            var i = Self.slot(key, shift)
            while keys[i] != 0 { i = (i + 1) & (keys.count - 1) }
            keys[i] = key
            flags[i] = flag
        }
    }

    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The flags of `key`: 0 when it is in no list.
    @inline(__always) func flags(of key: UInt64) -> UInt8 {
        var i = Self.slot(key, shift)
        while true {
            let found = keys[i]
            if found == key { return flags[i] }
            if found == 0 { return 0 }
            i = (i + 1) & (keys.count - 1)
        }
    }
}
