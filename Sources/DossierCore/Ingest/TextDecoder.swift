/// Bytes → sanitised text: the door through which every article enters the core.
///
/// UNFINISHED (skeleton): repairs invalid UTF-8 and normalises line endings, strips C0/C1
/// controls; escape sequences, bidi overrides, zero-width characters, BOMs and UTF-16 are to come.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) throws(IngestError) -> String {
        if bytes.contains(0) { throw .notText }
        let raw = String(decoding: bytes, as: UTF8.self)
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x0D:
                out.append("\n")
                previousWasCR = true
                continue
            case 0x0A:
                if !previousWasCR { out.append(scalar) }
            case 0x09:
                out.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F:
                break
            default:
                out.append(scalar)
            }
            previousWasCR = false
        }
        return String(out)
    }
}
