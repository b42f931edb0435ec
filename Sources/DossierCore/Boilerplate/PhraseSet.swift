/// A set of lowercase phrases searched in UTF-8 bytes, indexed by first byte, so checking a line
/// against a hundred phrases costs one pass over the line rather than a hundred searches.
struct PhraseSet: Sendable {
    private var byFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)
    /// A bit per byte value that starts some phrase: most bytes of a line start none and are passed over.
    private var startsSomePhrase: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ phrases: [String]) {
        for phrase in phrases where !phrase.isEmpty {
            let bytes = Array(phrase.utf8)
            byFirstByte[Int(bytes[0])].append(bytes)
            let bit = UInt64(1) << (bytes[0] & 63)
            switch bytes[0] >> 6 {
            case 0: startsSomePhrase.0 |= bit
            case 1: startsSomePhrase.1 |= bit
            case 2: startsSomePhrase.2 |= bit
            default: startsSomePhrase.3 |= bit
            }
        }
    }

    private func mayStartPhrase(_ b: UInt8) -> Bool {
        let word: UInt64
        switch b >> 6 {
        case 0: word = startsSomePhrase.0
        case 1: word = startsSomePhrase.1
        case 2: word = startsSomePhrase.2
        default: word = startsSomePhrase.3
        }
        return word >> (b & 63) & 1 != 0
    }

    /// Whether any phrase occurs anywhere in `text`.
    func occurs(in text: [UInt8]) -> Bool {
        let n = text.count
        return text.withUnsafeBufferPointer { bytes in
            for p in 0..<n where mayStartPhrase(bytes[p]) {
                for phrase in byFirstByte[Int(bytes[p])] where p + phrase.count <= n && matches(phrase, text, at: p) {
                    return true
                }
            }
            return false
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
