/// A set of lowercase phrases searched in UTF-8 bytes, indexed by first byte, so checking a line
/// against a hundred phrases costs one pass over the line rather than a hundred searches.
struct PhraseSet: Sendable {
    private var byFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)

    init(_ phrases: [String]) {
        for phrase in phrases where !phrase.isEmpty {
            let bytes = Array(phrase.utf8)
            byFirstByte[Int(bytes[0])].append(bytes)
        }
    }

    /// Whether any phrase occurs anywhere in `text`.
    func occurs(in text: [UInt8]) -> Bool {
        let n = text.count
        for p in 0..<n {
            for phrase in byFirstByte[Int(text[p])] where p + phrase.count <= n && matches(phrase, text, at: p) {
                return true
            }
        }
        return false
    }

    /// Whether `text` starts with one of the phrases.
    func starts(_ text: [UInt8]) -> Bool {
        guard let first = text.first else { return false }
        return byFirstByte[Int(first)].contains { $0.count <= text.count && matches($0, text, at: 0) }
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
