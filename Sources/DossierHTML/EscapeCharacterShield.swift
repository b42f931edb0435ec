/// Carries ESC and BEL through libxml2 so that ingest can drop escape sequences whole.
///
/// libxml2 silently drops characters XML does not allow, raw or as references (`&#27;`, `&#x1b;`,
/// `&#7;`): an OSC sequence `ESC ] 0 ; TITLE BEL` in a page came out as the text "]0;TITLE",
/// and ingest (`TerminalSafeFilter`) could no longer see that it was a sequence. Before parsing,
/// `protect` rewrites ESC and BEL, raw or referenced, as references to two private-use characters
/// that libxml2 keeps; `restore` turns those back into ESC and BEL in the extracted text just
/// before it goes through `TextDecoder.decode`, which drops each sequence with its payload.
/// (A page that really uses U+F71B or U+F707, private-use characters with no meaning on the web,
/// loses them.)
public enum EscapeCharacterShield {
    static let escapeStandIn: Unicode.Scalar = "\u{F71B}"
    static let bellStandIn: Unicode.Scalar = "\u{F707}"
    private static let escapeReference = Array("&#xF71B;".utf8)
    private static let bellReference = Array("&#xF707;".utf8)

    /// The page with every ESC and BEL (raw bytes or numeric references) replaced by its stand-in's reference.
    /// Only for ASCII-compatible encodings (UTF-8, Latin-1 …): a UTF-16 page is returned as it is.
    public static func protect(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 == 0x1B || $0 == 0x07 || $0 == UInt8(ascii: "&") }) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x1B { out += escapeReference; i += 1; continue }
            if byte == 0x07 { out += bellReference; i += 1; continue }
            if byte == UInt8(ascii: "&"), let (value, length) = numericReference(in: bytes, at: i), value == 0x1B || value == 0x07 {
                out += value == 0x1B ? escapeReference : bellReference
                i += length
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }

    /// Extracted text with the stand-ins turned back into ESC and BEL.
    public static func restore(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == escapeStandIn || $0 == bellStandIn }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case escapeStandIn: scalars.append("\u{1B}")
            case bellStandIn: scalars.append("\u{07}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `restore` on UTF-8 bytes (well-formed): each stand-in is the three bytes EF 9C 9B (U+F71B) or
    /// EF 9C 87 (U+F707).
    static func restore(utf8 bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == 0xEF, i + 2 < bytes.endIndex, bytes[i + 1] == 0x9C, bytes[i + 2] == 0x9B || bytes[i + 2] == 0x87 {
                out.append(bytes[i + 2] == 0x9B ? 0x1B : 0x07)
                i += 3
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }

    /// `&#DDD;` or `&#xHH;` at `start` (the semicolon optional, as browsers read it): its value and length in bytes.
    static func numericReference(in bytes: [UInt8], at start: Int) -> (UInt32, Int)? {
        var i = start + 1
        guard i < bytes.count, bytes[i] == UInt8(ascii: "#") else { return nil }
        i += 1
        var hex = false
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "x") { hex = true; i += 1 }
        var value: UInt32 = 0
        var digits = 0
        while i < bytes.count, digits < 10 {
            let b = bytes[i]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: digit = 99
            }
            if digit == 99 { break }
            value = value &* (hex ? 16 : 10) &+ digit
            digits += 1
            i += 1
        }
        guard digits > 0, digits < 10 else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ";") { i += 1 }
        return (value, i - start)
    }
}
