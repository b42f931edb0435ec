/// How many terminal cells text takes: wide East Asian characters and emoji take two,
/// combining marks and format characters none (wcwidth's rules, from Unicode scalar properties).
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (0x7f..<0xa0).contains(value) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11ff).contains(value) { return 0 }  // Hangul medial vowels and final consonants join the syllable
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The width of one grapheme cluster: its base character's, or two for an emoji made wide by U+FE0F.
    /// A composed emoji is measured as the canvas draws it: its first emoji alone (`composedEmojiBase`).
    public static func of(_ character: Character) -> Int {
        if let base = composedEmojiBase(character) { return max(1, of(base)) }
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        var width = of(first)
        while let next = scalars.next() {
            if next.value == 0xfe0f, first.properties.isEmoji { width = 2 }
            if width == 0 { width = of(next) }
        }
        return width
    }

    /// The first emoji of a ZWJ sequence (👩‍👩‍👧, 🏳️‍🌈) or of an emoji with a skin-tone modifier (👍🏽);
    /// nil for any other cluster. Terminals disagree on how wide these are: tmux 3.3a draws every
    /// part of them (three wide faces for a family, a wide face and a wide colour swatch for 👍🏽),
    /// so text after them shifted and characters spilled past the right edge. Drawn as the first
    /// emoji alone, they take the width every terminal gives that one character.
    public static func composedEmojiBase(_ character: Character) -> Unicode.Scalar? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, first.value > 0x7F, scalars.count > 1 else { return nil }
        let composed = scalars.dropFirst().contains { $0.value == 0x200D || (0x1F3FB...0x1F3FF).contains($0.value) }
        return composed && first.properties.isEmoji ? first : nil
    }

    public static func of(_ string: String) -> Int {
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// East Asian Width W and F ranges (Unicode 15), the CJK blocks that matter in news text.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115f, 0x231a...0x231b, 0x2329...0x232a, 0x2e80...0x303e, 0x3041...0x33ff,
             0x3400...0x4dbf, 0x4e00...0x9fff, 0xa000...0xa4cf, 0xa960...0xa97f, 0xac00...0xd7a3,
             0xf900...0xfaff, 0xfe10...0xfe19, 0xfe30...0xfe6f, 0xff00...0xff60, 0xffe0...0xffe6,
             0x16fe0...0x16fe4, 0x17000...0x18cff, 0x1b000...0x1b2ff, 0x1f200...0x1f2ff,
             0x20000...0x2fffd, 0x30000...0x3fffd:
            return true
        default:
            return false
        }
    }

    /// A character the terminal must never receive: C0/C1 controls and escape sequences' introducers,
    /// and the bidi controls, which would reorder the rest of the line (a name with U+202E in it).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0..<0x20, 0x7f..<0xa0, 0x2028, 0x2029: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
