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
    }

    static let whitespaces = ASCIIMembers(.whitespaces)
    static let whitespacesAndNewlines = ASCIIMembers(.whitespacesAndNewlines)

    /// `bytes` (UTF-8) without the set's ASCII members at either end, or nil when a non-ASCII byte
    /// is left at an end (the caller asks Foundation then).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, in set: ASCIIMembers) -> UnsafeBufferPointer<UInt8>? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] < 0x80, set.members[Int(bytes[start])] { start += 1 }
        while end > start, bytes[end - 1] < 0x80, set.members[Int(bytes[end - 1])] { end -= 1 }
        if start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 { return nil }
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
