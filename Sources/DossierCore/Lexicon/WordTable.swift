/// A table of words, each with a value, looked up by the word's UTF-8 bytes with a cheap
/// multiplicative hash.
///
/// `Set<String>` and `[String: V]` hash with SipHash and compare with Unicode canonical
/// equivalence: about 450 instructions a lookup, and the annotators look up several words per
/// token. Here an ASCII word (nearly every word of an English article) costs a few dozen.
/// Answers are exactly those of a `[String: V]`: every word is keyed by the UTF-8 bytes of its
/// NFC, and two strings are canonically equivalent exactly when their NFCs are the same bytes
/// (so the Kelvin sign finds "K"). A word whose scalars are all below U+0300 or NFC-inert
/// (`ScalarFlags.nfcInert`: most letters of most scripts, and the curly quotes) is its own NFC and
/// is keyed by its bytes as they are, with no normalisation: nearly every word.
struct WordTable<Value: Sendable>: Sendable {
    /// The keys' UTF-8 bytes, one after another.
    private var bytes: [UInt8] = []
    /// Each entry's key (its first eight bytes inline, where it starts in `bytes`, its length);
    /// `values` holds its value.
    private var keys: [Key] = []
    private var values: [Value] = []
    /// Open addressing, never more than half full: 0 for an empty slot, else the entry index + 1
    /// in the low 24 bits (`entryMask`) and 8 bits of the key's hash above them (`tag(_:)`).
    ///
    /// Why the tag and the inline first bytes: a large table (72,000 Brown clusters) is far out of
    /// the L1 and L2 caches, and a probe used to wait on three misses one after the other: the
    /// slot, the entry's length, then its bytes (perf annotate: 35 %, 32 % and 22 % of the
    /// cluster lookup's samples). Now a probe for an absent word mostly stops at the slot (a slot
    /// of another word has another tag 255 times in 256), and one for a word of up to 8 bytes
    /// (most words) waits on the slot and then one `Key`.
    private var slots: [UInt32]
    private var mask: Int
    /// For each first byte, a bit for each length of the keys that start with it (bit 63:
    /// 63 bytes or more; the empty word is first byte 0, bit 0). Most words looked up in a small
    /// list are not in it ("the" in the speech verbs), and this answers them without hashing or
    /// probing; for a large list it costs one load from 2 KB that stay in the L1 cache.
    private var lengthsByFirstByte = [UInt64](repeating: 0, count: 256)

    /// An entry's key bytes as stored: `head` holds bytes 0..<8 (fewer for a shorter key, the
    /// rest zero), so a key of at most 8 bytes is compared without reading `bytes`.
    private struct Key: Sendable, Equatable {
        var head: UInt64
        var start: Int32
        var length: Int32
    }

    /// A slot's low bits: entry index + 1. At most 2^24 - 1 entries (the largest list has a few
    /// hundred thousand).
    private static var entryMask: UInt32 { 0xFF_FFFF }

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    var count: Int { values.count }

    /// The value of `word`, or nil.
    func value(_ word: String) -> Value? {
        Self.withKey(word) { key in
            // A word no key's first byte and length fits is absent, with no hash made.
            guard mayHold(key) else { return nil }
            return slot(of: key, hash: Self.hash(key)).entry.map { values[$0] }
        }
    }

    func contains(_ word: String) -> Bool { value(word) != nil }

    /// `value(word.lowercased())`, with an ASCII word (nearly every word) folded on the stack, no
    /// string made: A–Z is all that `lowercased()` changes in ASCII.
    func value(lowercasing word: String) -> Value? {
        var contiguous = word
        let folded: Value?? = contiguous.withUTF8 { utf8 -> Value?? in
            guard utf8.count <= 64 else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer -> Value?? in
                for k in utf8.indices {
                    let byte = utf8[k]
                    guard byte < 0x80 else { return nil }
                    buffer[k] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                }
                let lowered = UnsafeBufferPointer(rebasing: buffer[0..<utf8.count])
                guard mayHold(lowered) else { return .some(nil) }
                return .some(slot(of: lowered, hash: Self.hash(lowered)).entry.map { values[$0] })
            }
        }
        return folded ?? value(word.lowercased())
    }

    /// The value of `scalars[start..<end]` with A–Z lowercased, read straight from the scalars
    /// (no `String` made); nil when absent or when a scalar is not ASCII.
    func value(lowercasing scalars: ArticleScalars, _ start: Int, _ end: Int) -> Value? {
        value(scalars, start, end, lowercasing: true)
    }

    /// The value of `scalars[start..<end]` as written (or with A–Z lowercased), read straight
    /// from the scalars; nil when absent or when a scalar is not ASCII.
    func value<Scalars: FixedWidthScalars>(_ scalars: Scalars, _ start: Int, _ end: Int, lowercasing: Bool) -> Value? {
        guard end > start, end - start <= 64 else { return nil }
        let fold: UInt32 = lowercasing ? 32 : 0
        // The word's bytes on the stack (at most 64), then the same lookup as for a string.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer -> Value? in
            var count = 0
            for k in start..<end {
                let v = scalars[k].value
                guard v < 0x80 else { return nil }
                buffer[count] = UInt8(truncatingIfNeeded: v >= 0x41 && v <= 0x5A ? v + fold : v)
                count += 1
            }
            let utf8 = UnsafeBufferPointer(rebasing: buffer[0..<count])
            guard mayHold(utf8), let entry = slot(of: utf8, hash: Self.hash(utf8)).entry else { return nil }
            return values[entry]
        }
    }

    /// Sets the value of `word`, adding it when new.
    mutating func set(_ word: String, _ value: Value) {
        _ = set(word, value, replacing: true)
    }

    /// Adds `word` with `value` unless it is there; whether it was added. One probe, where
    /// `contains` then `set` made two (a set of an article's words is filled word by word).
    mutating func add(_ word: String, _ value: Value) -> Bool {
        set(word, value, replacing: false)
    }

    /// Changes the value of `word` in place, adding it as `initial` first when new: one probe
    /// (a table gathered from several word lists is filled so).
    mutating func modify(_ word: String, default initial: Value, _ change: (inout Value) -> Void) {
        Self.withKey(word) { modify(key: $0, default: initial, change) }
    }

    /// `set(String(decoding: utf8, as: UTF8.self), value)` for the bytes of a word that are valid
    /// UTF-8 (a line of a generated list), without making the `String`: the same key, so the same
    /// table. The large lists are filled so at start-up, tens of thousands of words.
    mutating func set(utf8 word: UnsafeBufferPointer<UInt8>, _ value: Value) {
        _ = Self.withKey(utf8: word) { set(key: $0, value, replacing: true) }
    }

    /// `modify(String(decoding: utf8, as: UTF8.self), default:, change)` for valid UTF-8 bytes,
    /// without making the `String`.
    mutating func modify(utf8 word: UnsafeBufferPointer<UInt8>, default initial: Value, _ change: (inout Value) -> Void) {
        Self.withKey(utf8: word) { modify(key: $0, default: initial, change) }
    }

    /// Makes room for `entries` more entries whose keys take about `keyBytes` bytes in all, so that
    /// a table filled from a large list does not copy its key bytes and entries over and over as
    /// they grow (the slots are sized by `init(minimumCapacity:)`). Changes no answer.
    mutating func reserveEntries(_ entries: Int, keyBytes: Int) {
        bytes.reserveCapacity(bytes.count + keyBytes)
        keys.reserveCapacity(keys.count + entries)
        values.reserveCapacity(values.count + entries)
    }

    /// Sets or adds; whether the word was new.
    private mutating func set(_ word: String, _ value: Value, replacing: Bool) -> Bool {
        Self.withKey(word) { set(key: $0, value, replacing: replacing) }
    }

    /// Sets or adds the entry of these key bytes (a word's NFC); whether it was new.
    private mutating func set(key: UnsafeBufferPointer<UInt8>, _ value: Value, replacing: Bool) -> Bool {
        let hash = Self.hash(key)
        let found = slot(of: key, hash: hash)
        if let entry = found.entry {
            if replacing { values[entry] = value }
            return false
        }
        append(key, value, at: found.slot, hash: hash)
        return true
    }

    /// Changes the entry of these key bytes in place, adding it as `initial` first when new.
    private mutating func modify(key: UnsafeBufferPointer<UInt8>, default initial: Value, _ change: (inout Value) -> Void) {
        let hash = Self.hash(key)
        let found = slot(of: key, hash: hash)
        if let entry = found.entry {
            change(&values[entry])
            return
        }
        var value = initial
        change(&value)
        append(key, value, at: found.slot, hash: hash)
    }

    /// Adds a new entry with these key bytes (of this hash) in the empty slot `slot` found for it.
    private mutating func append(_ key: UnsafeBufferPointer<UInt8>, _ value: Value, at slot: Int, hash: UInt64) {
        let (firstByte, lengthBit) = Self.lengthKey(first: key.first, count: key.count)
        lengthsByFirstByte[firstByte] |= lengthBit
        precondition(values.count < Int(Self.entryMask), "a word table holds fewer than 2^24 words")
        keys.append(Key(head: Self.head(key), start: Int32(bytes.count), length: Int32(key.count)))
        bytes.append(contentsOf: key)
        values.append(value)
        slots[slot] = Self.tag(hash) | UInt32(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    // MARK: - Keys and hashing

    /// Calls `body` with the UTF-8 bytes of `word`'s NFC: its own bytes when it is NFC as it stands
    /// (see the type's comment), else the standard library's NFC of it.
    @inline(__always)
    private static func withKey<R>(_ word: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var contiguous = word
        return contiguous.withUTF8 { utf8 in
            if isNFCAsItStands(utf8) { return body(utf8) }
            return word._nfcCodeUnits.withUnsafeBufferPointer(body)
        }
    }

    /// `withKey(String(decoding: utf8, as: UTF8.self), body)` for valid UTF-8: the bytes as they are
    /// when they are their own NFC, else the standard library's NFC of the string they spell.
    @inline(__always)
    private static func withKey<R>(utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if isNFCAsItStands(utf8) { return body(utf8) }
        return String(decoding: utf8, as: UTF8.self)._nfcCodeUnits.withUnsafeBufferPointer(body)
    }

    /// Whether every scalar is below U+0300 (lead bytes below CC: no such scalar is changed by NFC
    /// or composes with a following one of them) or NFC-inert (`ScalarFlags.nfcInert`, in the BMP).
    @inline(__always)
    static func isNFCAsItStands(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < utf8.count {
            let byte = utf8[k]
            if byte < 0xCC {
                k += 1
            } else if byte < 0xF0, let scalar = bmpScalar(utf8, at: k),
                      let flags = ScalarFlags.flags(of: scalar), flags & ScalarFlags.nfcInert != 0 {
                k += byte < 0xE0 ? 2 : 3
            } else {
                return false
            }
        }
        return true
    }

    /// The two- or three-byte scalar whose lead byte is at `k` of valid UTF-8, or nil when cut short.
    @inline(__always)
    private static func bmpScalar(_ utf8: UnsafeBufferPointer<UInt8>, at k: Int) -> Unicode.Scalar? {
        let lead = UInt32(utf8[k])
        if lead < 0xE0 {
            guard k + 1 < utf8.count else { return nil }
            return Unicode.Scalar((lead & 0x1F) << 6 | UInt32(utf8[k + 1] & 0x3F))
        }
        guard k + 2 < utf8.count else { return nil }
        return Unicode.Scalar((lead & 0x0F) << 12 | UInt32(utf8[k + 1] & 0x3F) << 6 | UInt32(utf8[k + 2] & 0x3F))
    }

    /// Whether some key has the first byte and length of `utf8` (see `lengthsByFirstByte`).
    @inline(__always)
    private func mayHold(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let (firstByte, lengthBit) = Self.lengthKey(first: utf8.first, count: utf8.count)
        return lengthsByFirstByte.withUnsafeBufferPointer { $0[firstByte] & lengthBit != 0 }
    }

    @inline(__always)
    private static func lengthKey(first: UInt8?, count: Int) -> (firstByte: Int, lengthBit: UInt64) {
        (Int(first ?? 0), 1 << UInt64(min(count, 63)))
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// The first slot to probe for a hash: the high bits are the best mixed, folded down.
    @inline(__always)
    private static func home(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }

    /// The 8 bits of a slot above the entry index: the hash's top byte (the slot index comes from
    /// its low bits, so the tag still tells apart keys that share a home slot).
    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 56) << 24 }

    /// Bytes 0..<8 of a key as one little-endian word, zeros past its end (see `Key.head`).
    @inline(__always)
    private static func head(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for k in 0..<min(utf8.count, 8) { head |= UInt64(utf8[k]) << UInt64(8 * k) }
        return head
    }

    /// The entry holding these bytes, or the empty slot where they would go. Reads the tables
    /// through unsafe buffers: this runs for several words per token, and bounds checks and
    /// retains of the arrays cost more than the probe itself.
    private func slot(of utf8: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, entry: Int?) {
        let tag = Self.tag(hash), head = Self.head(utf8), length = utf8.count
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                var slot = Self.home(hash, mask: mask)
                while true {
                    let stored = slots[slot]
                    if stored == 0 { return (slot, nil) }
                    if stored & ~Self.entryMask == tag {
                        let entry = Int(stored & Self.entryMask) - 1
                        let key = keys[entry]
                        if key.head == head, Int(key.length) == length,
                           length <= 8 || sameTail(utf8, from: Int(key.start)) {
                            return (slot, entry)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Whether the bytes past the first 8 of `utf8` are those of the key stored from `start`.
    private func sameTail(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            for k in 8..<utf8.count where bytes[start + k] != utf8[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        for entry in values.indices {
            let start = Int(keys[entry].start), length = Int(keys[entry].length)
            let hash = bytes.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[start..<(start + length)]))
            }
            var slot = Self.home(hash, mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.tag(hash) | UInt32(entry + 1)
        }
    }
}

/// A set of words with the lookup speed of `WordTable`, in the order they were added.
struct WordSet: Sendable, Sequence, ExpressibleByArrayLiteral {
    private var table: WordTable<Bool>
    private var words: [String] = []

    init(minimumCapacity: Int = 16) { table = WordTable(minimumCapacity: minimumCapacity) }

    init<Words: Sequence>(_ words: Words) where Words.Element == String {
        table = WordTable(minimumCapacity: words.underestimatedCount)
        for word in words { insert(word) }
    }

    init(arrayLiteral words: String...) { self.init(words) }

    func contains(_ word: String) -> Bool { table.value(word) != nil }

    /// `contains(word.lowercased())`, without making the lowercased string for an ASCII word.
    func contains(lowercasing word: String) -> Bool { table.value(lowercasing: word) != nil }

    /// Whether `scalars[start..<end]`, A–Z lowercased, is in the set (ASCII words only; see `WordTable`).
    func contains(lowercasing scalars: ArticleScalars, _ start: Int, _ end: Int) -> Bool {
        table.value(lowercasing: scalars, start, end) != nil
    }

    /// Whether `scalars[start..<end]` (A–Z lowercased when `lowercasing`) is in the set, read
    /// straight from the scalars; nil when the word is not ASCII (or longer than 64 scalars), so
    /// that the caller falls back to a `String`. For an ASCII word the answer is exactly that of
    /// `contains(String)` (of `contains(word.lowercased())` when lowercasing).
    func containsASCII<Scalars: FixedWidthScalars>(_ scalars: Scalars, _ start: Int, _ end: Int, lowercasing: Bool) -> Bool? {
        guard end > start, end - start <= 64 else { return nil }
        for k in start..<end where scalars[k].value >= 0x80 { return nil }
        return table.value(scalars, start, end, lowercasing: lowercasing) != nil
    }

    mutating func insert(_ word: String) {
        if table.add(word, true) { words.append(word) }
    }

    var count: Int { words.count }
    var isEmpty: Bool { words.isEmpty }

    func makeIterator() -> IndexingIterator<[String]> { words.makeIterator() }
}

extension String {
    /// Whether the UTF-8 form holds `byte` (an ASCII byte such as a space or a hyphen), scanned
    /// as a buffer: `utf8.contains` walks the view one index at a time, a few hundred
    /// instructions for a short word, and this runs for name words.
    func hasUTF8Byte(_ byte: UInt8) -> Bool {
        var contiguous = self
        return contiguous.withUTF8 { $0.contains(byte) }
    }
}

/// Equal when made by the same insertions in the same order: the same entries in the same slots
/// (a test compares tables made on several threads at once with tables made in turn).
extension WordTable: Equatable where Value: Equatable {}

extension WordSet: Equatable {}
