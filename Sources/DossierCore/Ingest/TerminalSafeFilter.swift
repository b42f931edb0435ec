/// A streaming filter over decoded scalars that leaves only text safe to show and to annotate.
///
/// It turns CR LF and lone CR into LF; removes C0/C1 controls except LF and tab, whole ANSI /
/// ECMA-48 escape sequences (CSI `ESC [ … final`, 8-bit CSI U+009B, OSC/DCS/SOS/PM/APC strings up
/// to BEL or ST, two- and three-character `ESC` sequences), bidi embeddings, overrides, isolates
/// and marks, and zero-width characters; and maps other spaces (no-break, en/em, ideographic …)
/// to a plain space and the Unicode line/paragraph separators to LF.
///
/// Nothing visible is lost: a control string's payload is dropped only when its terminator
/// comes; an unterminated one (a stray `ESC ]` or a mis-decoded U+009F) ends at the line
/// break and its payload stays as plain text. A zero-width joiner survives only between two
/// emoji, where it builds one picture (a family, a flag) instead of hiding text.
struct TerminalSafeFilter {
    enum State { case text, escape, escapeIntermediate, csi, controlString, controlStringEscape }

    private var state = State.text
    private var afterCR = false
    private var out: [UInt8]
    /// Where the payload of the open control string starts in `out`, to cut it when it ends properly.
    private var controlStringStart = 0
    private var lastEmittedWasEmoji = false
    private var joinerPending = false
    /// Keep U+200C ZERO WIDTH NON-JOINER (Persian and Indic spelling): on for what the reader types.
    var keepsNonJoiner = false

    init(capacity: Int) {
        out = []
        out.reserveCapacity(capacity)
    }

    mutating func feed(_ v: UInt32) {
        switch state {
        case .text:
            break
        case .escape:
            switch v {
            case 0x5B: state = .csi; return                                       // ESC [
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F: openControlString(); return        // ESC ] P X ^ _
            case 0x20...0x2F: state = .escapeIntermediate; return                  // ESC ( B, ESC # 8 …
            case 0x30...0x7E: state = .text; return                                // ESC 7, ESC c, ESC \ …
            default: state = .text                                                 // a lone ESC: drop it only
            }
        case .escapeIntermediate:
            switch v {
            case 0x20...0x2F: return
            case 0x30...0x7E: state = .text; return
            default: state = .text
            }
        case .csi:
            switch v {
            case 0x20...0x3F: return                                               // parameters, intermediates
            case 0x40...0x7E: state = .text; return                                // the final byte
            default: state = .text                                                 // malformed: keep what follows
            }
        case .controlString:
            switch v {
            case 0x07, 0x9C: closeControlString(); return                          // BEL or 8-bit ST
            case 0x1B: state = .controlStringEscape; return
            case 0x0A, 0x0D: state = .text                                         // unterminated: the payload stays text
            default: emitVisible(v); return
            }
        case .controlStringEscape:
            if v == 0x5C { closeControlString(); return }                          // ESC \ is ST
            state = .escape                                                        // another sequence: payload stays
            feed(v)
            return
        }
        if v == 0x0D {
            emitASCII(0x0A)
            afterCR = true
            return
        }
        if v == 0x0A && afterCR {
            afterCR = false
            return
        }
        afterCR = false
        switch v {
        case 0x1B: state = .escape
        case 0x9B: state = .csi
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: openControlString()
        default: emitVisible(v)
        }
    }

    /// No sequence is open, no CR waits for its LF and no joiner for its emoji: plain text can be copied as is.
    var acceptsPlainRun: Bool { state == .text && !afterCR && !joinerPending }

    /// Copies the longest run of plain text at `start` in valid UTF-8 — printable ASCII, LF, tab, and scalars
    /// that `emitVisible` would pass through unchanged — in one append, and returns where the run stops:
    /// at the end, or at the first byte that needs `feed` (a control, a special space, an invalid sequence).
    /// Call it only when `acceptsPlainRun`; the result is the same as feeding the run scalar by scalar.
    mutating func appendPlainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var i = start
        var lastWasEmoji = lastEmittedWasEmoji
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                guard (b0 >= 0x20 && b0 < 0x7F) || b0 == 0x0A || b0 == 0x09 else { break }
                lastWasEmoji = false
                i += 1
                // Then eight bytes at a time while they are all printable ASCII.
                while i + 8 <= n && EightBytes.allPrintableASCII(EightBytes.load(bytes, at: i)) { i += 8 }
                continue
            }
            // A valid sequence, with the same bounds as `TextDecoder.decodeUTF8`; anything else goes to `feed`.
            var v: UInt32
            var length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2; v = UInt32(b0 & 0x1F)
            case 0xE0: length = 3; lower = 0xA0; v = UInt32(b0 & 0x0F)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; v = UInt32(b0 & 0x0F)
            case 0xED: length = 3; upper = 0x9F; v = UInt32(b0 & 0x0F)
            case 0xF0: length = 4; lower = 0x90; v = UInt32(b0 & 0x07)
            case 0xF1...0xF3: length = 4; v = UInt32(b0 & 0x07)
            case 0xF4: length = 4; upper = 0x8F; v = UInt32(b0 & 0x07)
            default: length = 0; v = 0
            }
            guard length > 0, i + length <= n else { break }
            let b1 = bytes[i + 1]
            guard b1 >= lower && b1 <= upper else { break }
            v = v << 6 | UInt32(b1 & 0x3F)
            if length >= 3 {
                let b2 = bytes[i + 2]
                guard b2 & 0xC0 == 0x80 else { break }
                v = v << 6 | UInt32(b2 & 0x3F)
                if length == 4 {
                    let b3 = bytes[i + 3]
                    guard b3 & 0xC0 == 0x80 else { break }
                    v = v << 6 | UInt32(b3 & 0x3F)
                }
            }
            guard Self.passesUnchanged(v) else { break }
            // As in `emit`: the emoji state decides whether a later joiner is kept.
            let isEmoji = Self.isEmoji(v)
            lastWasEmoji = isEmoji || (lastWasEmoji && (v == 0xFE0F || (0x1F3FB...0x1F3FF).contains(v)))
            i += length
        }
        if i > start {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            lastEmittedWasEmoji = lastWasEmoji
        }
        return i
    }

    /// A scalar at U+0080 or above that `emitVisible` emits as it is (not a control, special space, joiner or mark).
    static func passesUnchanged(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0xA0, 0x061C, 0x1680, 0x180E, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x2064, 0x2066...0x2069,
             0x3000, 0xFEFF:
            return false
        default:
            return true
        }
    }

    /// Whether a scalar counts as an emoji for the joiner rule: only from U+2000 up (so "©" and
    /// digits do not). Nothing from U+2000 below U+203C is one, and that is where the dashes and
    /// curly quotes of news text lie: they skip the property lookup.
    static func isEmoji(_ v: UInt32) -> Bool {
        v >= 0x203C && Self.hasEmojiProperty(v)
    }

    /// Out of line: `Unicode.Scalar.Properties` is resilient, and a caller reading it inline pays
    /// for its metadata at every call (see `ScalarProperties.swift`).
    @inline(never) private static func hasEmojiProperty(_ v: UInt32) -> Bool {
        Unicode.Scalar(v)?.properties.isEmoji ?? false
    }

    private mutating func openControlString() {
        state = .controlString
        controlStringStart = out.count
    }

    private mutating func closeControlString() {
        state = .text
        out.removeSubrange(controlStringStart...)
    }

    /// Emits a scalar that starts no sequence: visible text, or nothing for invisible controls.
    private mutating func emitVisible(_ v: UInt32) {
        switch v {
        case 0x0A, 0x09: emitASCII(UInt8(v))
        case 0x200D: joinerPending = lastEmittedWasEmoji
        case 0x200C where keepsNonJoiner: emit(v)
        case 0x00...0x1F, 0x7F...0x9F: break
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0x061C, 0xFEFF, 0x180E: break
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: emitASCII(0x20)
        case 0x2028, 0x2029: emitASCII(0x0A)
        default: emit(v)
        }
    }

    private mutating func emitASCII(_ b: UInt8) {
        joinerPending = false
        lastEmittedWasEmoji = false
        out.append(b)
    }

    private mutating func emit(_ v: UInt32) {
        let isEmoji = Self.isEmoji(v)
        if joinerPending && isEmoji { emitEncoded(0x200D) }
        joinerPending = false
        // A variation selector or skin-tone modifier continues the emoji before it.
        lastEmittedWasEmoji = isEmoji || (lastEmittedWasEmoji && (v == 0xFE0F || (0x1F3FB...0x1F3FF).contains(v)))
        emitEncoded(v)
    }

    private mutating func emitEncoded(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// The clean text in Unicode Normalization Form C: "René" written as e + U+0301 (NFD, as macOS
    /// file names and some feeds spell it) becomes the same five scalars as the precomposed "René",
    /// so names with accents are one word to the annotators, and offsets count what a reader sees.
    func finish() -> String {
        // Every scalar that NFC can change is U+0300 or above, whose UTF-8 lead byte is 0xCC or above.
        guard out.contains(where: { $0 >= 0xCC }) else { return String(decoding: out, as: UTF8.self) }
        // Only the lines that need it go through the standard library's NFC (`LineNFC`).
        return LineNFC.normalized(out)
    }
}
