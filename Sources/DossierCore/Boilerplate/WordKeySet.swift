/// A set of packed word keys (`LineProfile.key`) looked up with one multiply and a probe or two:
/// the filter looks up every word of the page, and `Set<UInt64>`'s seeded hashing cost more than the
/// rest of the word scan.
struct WordKeySet: Sendable {
    /// Open addressing; 0 marks an empty slot (a packed key always has its leading 1 bit).
    private var slots: [UInt64]
    private let shift: UInt64

    init(_ keys: some Sequence<UInt64>) {
        let unique = Set(keys)
        var bits: UInt64 = 4
        while (1 << bits) < unique.count * 4 { bits += 1 }
        shift = 64 - bits
        slots = [UInt64](repeating: 0, count: 1 << Int(bits))
        for key in unique where key != 0 {
            var i = slot(key)
            while slots[i] != 0 { i = (i + 1) & (slots.count - 1) }
            slots[i] = key
        }
    }

    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    func contains(_ key: UInt64) -> Bool {
        var i = slot(key)
        while true {
            let found = slots[i]
            if found == key { return key != 0 }
            if found == 0 { return false }
            i = (i + 1) & (slots.count - 1)
        }
    }
}
