import Foundation

/// `trimmingCharacters(in:)` without its cost on long text: Foundation's trim goes through
/// `NSString` and copies the string as UTF-16 (it was a sixth of the time of annotating a JSON
/// Lines feed). Here the ASCII members of the set are stripped from the UTF-8 bytes by hand; only
/// when a non-ASCII scalar is left at an end (it may be a Unicode space such as U+00A0) does
/// Foundation decide, so the result is always the same as Foundation's.
enum FastTrim {
    /// Which ASCII bytes a character set holds, read from the set itself so that it cannot disagree.
    struct ASCIIMembers: Sendable {
        let set: CharacterSet
        let members: [Bool]

        init(_ set: CharacterSet) {
            self.set = set
            members = (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
        }

        /// Whether the first scalar of `bytes` (valid UTF-8, not empty) is surely no member, so a trim
        /// stops before it. Only a scalar of the Basic Multilingual Plane is decided here (one
        /// UTF-16 unit, as Foundation's trim reads the text); false means "ask Foundation".
        func lacks(firstScalarOf bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            lacks(String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(4)), as: UTF8.self).unicodeScalars.first)
        }

        /// The same for the last scalar.
        func lacks(lastScalarOf bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            lacks(String(decoding: UnsafeBufferPointer(rebasing: bytes.suffix(4)), as: UTF8.self).unicodeScalars.last)
        }

        private func lacks(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar, scalar.value != 0xFFFD, scalar.value < 0x1_0000 else { return false }
            return !set.contains(scalar)
        }
    }

    static let whitespaces = ASCIIMembers(.whitespaces)
    static let whitespacesAndNewlines = ASCIIMembers(.whitespacesAndNewlines)

    /// `bytes` (valid UTF-8) without the set's ASCII members at either end, or nil when a scalar left
    /// at an end may be a member (the caller asks Foundation then).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, in set: ASCIIMembers) -> UnsafeBufferPointer<UInt8>? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] < 0x80, set.members[Int(bytes[start])] { start += 1 }
        while end > start, bytes[end - 1] < 0x80, set.members[Int(bytes[end - 1])] { end -= 1 }
        guard start < end else { return UnsafeBufferPointer(rebasing: bytes[start..<end]) }
        // A non-ASCII scalar at an end stops the trim there when the set lacks it: an article that
        // opens or closes with a curly quote (many do) then needs no trip through Foundation.
        if bytes[start] >= 0x80, !set.lacks(firstScalarOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) { return nil }
        if bytes[end - 1] >= 0x80, !set.lacks(lastScalarOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) { return nil }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// `text.trimmingCharacters(in: members.set)`, the same result.
    static func trimming(_ text: String, in members: ASCIIMembers) -> String {
        var text = text
        text.makeContiguousUTF8()
        let fast: String?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let kept = trimmed(bytes, in: members) else { return nil }
            if kept.count == bytes.count { return text }
            return String(decoding: kept, as: UTF8.self)
        }
        if let fast = fast ?? nil { return fast }
        return text.trimmingCharacters(in: members.set)
    }
}
