/// A set of lowercase phrases searched in UTF-8 bytes, indexed by their first two bytes, so checking a
/// line against a hundred phrases costs one pass over the line rather than a hundred searches.
struct PhraseSet: Sendable {
    private var byFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)
    /// A bit per pair of bytes that starts some phrase (65,536 bits): in a line, few positions start such a
    /// pair, so `occurs` compares phrases only there.
    private var startsSomePhrase = [UInt64](repeating: 0, count: 1024)
    /// A one-byte phrase cannot be found by its pair: `occurs` then tests every position by its first byte.
    private var hasOneBytePhrase = false

    init(_ phrases: [String]) {
        for phrase in phrases where !phrase.isEmpty {
            let bytes = Array(phrase.utf8)
            byFirstByte[Int(bytes[0])].append(bytes)
            if bytes.count == 1 { hasOneBytePhrase = true; continue }
            let pair = Int(bytes[0]) << 8 | Int(bytes[1])
            startsSomePhrase[pair >> 6] |= 1 << UInt64(pair & 63)
        }
    }

    /// Whether any phrase occurs anywhere in `text`.
    func occurs(in text: [UInt8]) -> Bool {
        let n = text.count
        guard n >= 2 || hasOneBytePhrase else { return false }
        return startsSomePhrase.withUnsafeBufferPointer { pairs in
            text.withUnsafeBufferPointer { bytes in
                for p in 0..<n {
                    if !hasOneBytePhrase {
                        guard p + 1 < n else { break }
                        let pair = Int(bytes[p]) << 8 | Int(bytes[p + 1])
                        if pairs[pair >> 6] >> UInt64(pair & 63) & 1 == 0 { continue }
                    }
                    for phrase in byFirstByte[Int(bytes[p])] where p + phrase.count <= n && matches(phrase, text, at: p) {
                        return true
                    }
                }
                return false
            }
        }
    }

    /// Whether `text[range]` starts with one of the phrases.
    func starts(_ text: [UInt8], in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        return byFirstByte[Int(text[range.lowerBound])].contains { $0.count <= range.count && matches($0, text, at: range.lowerBound) }
    }

    /// Whether `text[range]` is one of the phrases.
    func isPhrase(_ text: [UInt8], in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        return byFirstByte[Int(text[range.lowerBound])].contains { $0.count == range.count && matches($0, text, at: range.lowerBound) }
    }

    private func matches(_ phrase: [UInt8], _ text: [UInt8], at p: Int) -> Bool {
        var k = 1
        while k < phrase.count {
            if text[p + k] != phrase[k] { return false }
            k += 1
        }
        return true
    }
}

extension Array where Element == UInt8 {
    /// Whether `self[range]` starts with `prefix`.
    func hasBytePrefix(_ prefix: [UInt8], in range: Range<Int>) -> Bool {
        guard prefix.count <= range.count else { return false }
        var k = 0
        while k < prefix.count {
            if self[range.lowerBound + k] != prefix[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether the bytes end with `suffix`.
    func hasByteSuffix(_ suffix: [UInt8]) -> Bool {
        guard suffix.count <= count else { return false }
        let base = count - suffix.count
        var k = 0
        while k < suffix.count {
            if self[base + k] != suffix[k] { return false }
            k += 1
        }
        return true
    }

    /// Naive substring search; both sides are bounded (a line's first few hundred bytes).
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        let first = needle[0]
        var p = 0
        while p + needle.count <= count {
            if self[p] == first {
                var k = 1
                while k < needle.count && self[p + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            p += 1
        }
        return false
    }
}
