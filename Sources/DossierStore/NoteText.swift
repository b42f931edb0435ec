/// Cleans what the reader types before it is stored: the same rule as ingest (no control
/// characters but newline and tab, no bidi overrides or zero-width characters), so nothing
/// stored can later reach a terminal or an export as an escape sequence.
public enum NoteText {
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0A:
                if !previousWasCarriageReturn { out.append(scalar) }
            case 0x0D: out.append("\n")
            case 0x09: out.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
