/// A file name, path or web address as it may be shown on a terminal or in a one-line message.
///
/// Names come from the file system and the command line, not through ingest, so they may hold
/// anything but NUL and `/`: an OSC sequence that retitles the window or writes the clipboard,
/// a newline that forges a second message line, a bidi override that makes `txt.exe` read as
/// `exe.txt`. Every place that prints a name passes it through `of(_:)`, which keeps it readable
/// and makes those characters visible and inert:
///
/// - C0 controls and DEL in caret notation, as `cat -v` and shells show them: ESC → `^[`,
///   BEL → `^G`, newline → `^J`, DEL → `^?`;
/// - C1 controls, bidi controls, other invisible format characters (zero-width space, word
///   joiner, BOM, soft hyphen, tag characters) and the line and paragraph separators as
///   `<U+202E>`.
///
/// The zero-width joiner and non-joiner stay: they only shape the characters beside them
/// (emoji sequences, Persian and Indic words) and cannot move, hide or colour other text.
public enum PrintableName {
    public static func of(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: needsEscaping) else { return name }
        var out = ""
        out.reserveCapacity(name.utf8.count + 8)
        for scalar in name.unicodeScalars {
            guard needsEscaping(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            let v = scalar.value
            if v < 0x20 {
                out += "^" + String(UnicodeScalar(UInt8(v + 0x40)))
            } else if v == 0x7F {
                out += "^?"
            } else {
                let hex = String(v, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            }
        }
        return out
    }

    /// A message of one or more lines (a CLI error, a warning) with every line made printable:
    /// the line breaks stay, whatever else a quoted name or operand holds is shown by `of(_:)`.
    public static func lines(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { of(String($0)) }.joined(separator: "\n")
    }

    /// A scalar a terminal would act on, or that is invisible in a way that changes how a line reads.
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v <= 0x9F { return true }                                   // C1, including CSI U+009B and OSC U+009D
        if v == 0x200C || v == 0x200D { return false }                // joiners shape emoji and scripts
        if v == 0x2028 || v == 0x2029 { return true }                 // line and paragraph separators
        if scalar.properties.isBidiControl { return true }            // U+061C, U+200E/F, U+202A–E, U+2066–9
        return scalar.properties.generalCategory == .format           // U+200B, U+2060, U+FEFF, U+00AD, tags …
    }
}
