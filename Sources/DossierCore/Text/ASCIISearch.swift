/// Substring searches answered from UTF-8 bytes where the bytes decide. In this module
/// `contains` of a string is Foundation's search (`range(of:)`, which compares canonically and
/// costs a few thousand instructions a call); the linker and attribution ask it per name.

extension StringProtocol {
    /// Whether the text holds the ASCII character `byte` (a space, a backslash) as a `Character`
    /// of its own, as `contains` of that one-character string answers, where the bytes decide;
    /// nil where only Foundation's search can say. An occurrence followed by an ASCII byte, or
    /// ending the text, is one (nothing combines with it); no occurrence is none. Only an
    /// occurrence followed by a non-ASCII scalar, which may be a combining mark, is left to the
    /// caller's `contains`.
    func holdsASCIICharacter(_ byte: UInt8) -> Bool? {
        var text = Substring(self)
        return text.withUTF8 { bytes -> Bool? in
            var undecided = false
            for k in bytes.indices where bytes[k] == byte {
                if k + 1 == bytes.count || bytes[k + 1] < 0x80 { return true }
                undecided = true
            }
            return undecided ? nil : false
        }
    }
}

extension String {
    /// `count > needle.count && contains(needle)`, from the bytes when both are ASCII (there a
    /// byte is a `Character`, and Foundation's search finds the same bytes).
    func holds(longer needle: String) -> Bool {
        var phrase = self, needle = needle
        let fromBytes: Bool? = phrase.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard !haystack.contains(where: { $0 >= 0x80 }), !needle.contains(where: { $0 >= 0x80 }) else { return nil }
                guard haystack.count > needle.count else { return false }
                guard let first = needle.first else { return nil }
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var same = true
                    for k in 1..<needle.count where haystack[start + k] != needle[k] { same = false; break }
                    if same { return true }
                }
                return false
            }
        }
        return fromBytes ?? (count > needle.count && contains(needle))
    }
}
