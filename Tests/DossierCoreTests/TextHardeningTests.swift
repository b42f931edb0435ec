import Testing
@testable import DossierCore

/// Issue 16, second round: file names made printable, typed text through the ingest filter,
/// and NFC at ingest.
@Suite struct PrintableNameTests {
    /// Scalars a terminal acts on or that reorder a line: none may survive `PrintableName`.
    static func live(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { v in
            v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029 || v == 0xFEFF
        }
    }

    @Test func controlCharactersBecomeCaretNotation() {
        let name = "a\u{1B}]0;TITLE\u{07}b\u{1B}]52;c;SGVsbG8=\u{07}.txt"
        #expect(PrintableName.of(name) == "a^[]0;TITLE^Gb^[]52;c;SGVsbG8=^G.txt")
        #expect(PrintableName.of("line\none\ttab\u{7F}") == "line^Jone^Itab^?")
    }

    @Test func c1AndBidiAndInvisibleFormatCharactersAreShownAsCodePoints() {
        #expect(PrintableName.of("report\u{202E}txt.exe") == "report<U+202E>txt.exe")
        #expect(PrintableName.of("\u{9B}2J\u{9D}0;x\u{9C}") == "<U+009B>2J<U+009D>0;x<U+009C>")
        #expect(PrintableName.of("a\u{2066}b\u{200B}c\u{FEFF}d\u{2028}e\u{061C}") == "a<U+2066>b<U+200B>c<U+FEFF>d<U+2028>e<U+061C>")
    }

    @Test func ordinaryNamesAreUnchanged() {
        for name in ["seeds/wikinews-korea.txt", "Zoë Quiñolez — notes.md", "日本語.html", "👩‍👩‍👧 family.txt", "می‌خواهم.txt", "-"] {
            #expect(PrintableName.of(name) == name)
        }
    }

    /// Every scalar from U+0000 to U+FFFF and the planes' format characters: nothing live comes out.
    @Test func noLiveCharacterSurvivesAnyScalar() {
        var all = String.UnicodeScalarView()
        for v in UInt32(0)...0xFFFF { if let s = Unicode.Scalar(v) { all.append(s) } }
        for v in UInt32(0xE0000)...0xE007F { if let s = Unicode.Scalar(v) { all.append(s) } }
        let printable = PrintableName.of(String(all))
        #expect(Self.live(printable).isEmpty)
        #expect(!printable.unicodeScalars.contains { $0.properties.generalCategory == .format && $0.value != 0x200C && $0.value != 0x200D })
    }
}

@Suite struct JSONBidiEscapeTests {
    @Test func bidiControlsAreEscapedInJSON() {
        let value = JSONValue.string("a\u{202E}b\u{2066}c\u{200F}d\u{061C}e\u{2028}f")
        #expect(value.serialized() == "\"a\\u202eb\\u2066c\\u200fd\\u061ce\\u2028f\"")
        // Neighbours of the escaped ranges are copied as they are.
        #expect(JSONValue.string("\u{2029}\u{2030}\u{2065}\u{2014}ب").serialized() == "\"\\u2029\u{2030}\u{2065}\u{2014}ب\"")
    }
}

@Suite struct TypedTextTests {
    @Test func escapeSequencesAreDroppedWithTheirPayloads() {
        let typed = "Before \u{1B}]0;TITLE\u{07}after, \u{1B}[2J\u{1B}[Hcleared, \u{1B}]52;c;SGVsbG8=\u{1B}\\clip, \u{1B}P1$qm\u{1B}\\dcs, \u{1B}_apc\u{1B}\\end."
        let clean = TypedText.clean(typed)
        #expect(clean == "Before after, cleared, clip, dcs, end.")
    }

    @Test func joinersBetweenEmojiAndTheNonJoinerStay() {
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(TypedText.clean("A note: \(family) and 👍🏽 and ❤️.") == "A note: \(family) and 👍🏽 and ❤️.")
        #expect(TypedText.clean("می\u{200C}خواهم") == "می\u{200C}خواهم")
    }

    @Test func bidiOverridesAndControlsAreStillDropped() {
        #expect(TypedText.clean("abc\u{202E}def\u{2066}g\u{200B}h\u{7}\u{0}i\r\nj") == "abcdefghi\nj")
    }
}

@Suite struct NormalizationAtIngestTests {
    /// Invented names, decomposed (NFD) as macOS and some feeds write them.
    static let decomposed = "Zoe\u{0308} Quin\u{0303}olez met Rene\u{0301} Ferra\u{0301}biz in Sa\u{0303}o Paulo."
    static let composed = "Zoë Quiñolez met René Ferrábiz in São Paulo."

    @Test func decodedTextIsNFC() throws {
        let text = try TextDecoder.decode(Array(Self.decomposed.utf8))
        #expect(Array(text.unicodeScalars) == Array(Self.composed.unicodeScalars))
        // Windows-1252 and UTF-16 go through the same door.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Self.decomposed.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(Array(try TextDecoder.decode(utf16).unicodeScalars) == Array(Self.composed.unicodeScalars))
    }

    @Test func accentedNamesInNFDAreWholeEntities() throws {
        let text = "The singer \(Self.decomposed) \"We will build it,\" Quin\u{0303}olez said on Monday."
        let annotated = try AnnotationPipeline().annotate(bytes: Array(text.utf8))
        let names = annotated.entities.map(\.name)
        #expect(names.contains("Zoë Quiñolez"), "\(names)")
        #expect(!names.contains("Quin") && !names.contains("Ferra") && !names.contains("Sa"), "\(names)")
        // Offsets are code points into the (NFC) text the JSON carries: every mention slices to a name.
        for entity in annotated.entities {
            for span in entity.mentions {
                let slice = annotated.text.slice(span)
                #expect(!slice.unicodeScalars.contains { $0.properties.canonicalCombiningClass != .notReordered }, "\(slice)")
            }
        }
    }
}
