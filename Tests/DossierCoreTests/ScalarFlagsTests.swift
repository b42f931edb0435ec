import Testing
@testable import DossierCore

/// `ScalarFlags`' generated table against the standard library's Unicode properties.
@Suite struct ScalarFlagsTests {
    /// Fails after a toolchain update changes Unicode's data: run Scripts/unicode/scalar-flags.swift.
    @Test func everyBMPScalarHasTheStandardLibrarysProperties() {
        var mismatches: [String] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }     // a surrogate code point
            let properties = scalar.properties
            let expected = (properties.isAlphabetic, properties.numericType != nil, properties.isUppercase, properties.isLowercase)
            let answered = (scalar.hasAlphabeticProperty, scalar.hasNumericProperty, scalar.hasUppercaseProperty, scalar.hasLowercaseProperty)
            if expected != answered || scalar.hasAlphabeticOrNumericProperty != (expected.0 || expected.1)
                || scalar.changesWhenLowercased != properties.changesWhenLowercased {
                mismatches.append("U+" + String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        // 256 lines of 256 scalars, a line feed between lines.
        #expect(ScalarFlags.table.utf8CodeUnitCount == 0x10000 + 255)
    }

    /// What `ParagraphTokenizer.lowercased` relies on: a scalar that does not change when
    /// lowercased is its own `lowercased()`, and one that does is its `lowercaseMapping`.
    @Test func lowercasingOneScalarIsItsMapping() {
        var mismatches: [String] = []
        for value in UInt32(0x80)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lowered = String(scalar).lowercased()
            let mapped = scalar.changesWhenLowercased ? scalar.properties.lowercaseMapping : String(scalar)
            if Array(lowered.unicodeScalars) != Array(mapped.unicodeScalars) { mismatches.append("U+" + String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(Unicode.Scalar(0x3A3)!.changesWhenLowercased)      // Σ
        #expect(!Unicode.Scalar(0x3C3)!.changesWhenLowercased)     // σ
        #expect(Unicode.Scalar(0x1C5)!.changesWhenLowercased)      // ǅ, titlecase
    }

    /// A string of NFC-inert scalars is its own NFC, next to any other: checked for every inert
    /// scalar after and before a base letter, a mark and a Hangul syllable, against the standard
    /// library's NFC. And a scalar NFC changes or joins is never inert.
    @Test func nfcInertScalarsAreTheirOwnNFCWhereverTheyStand() {
        func nfc(_ text: String) -> [UInt8] { text._nfcCodeUnits }
        var inert = 0
        var mismatches: [String] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), ScalarFlags.flags(of: scalar)! & ScalarFlags.nfcInert != 0 else { continue }
            inert += 1
            let text = String(scalar)
            if nfc(text) != Array(text.utf8) { mismatches.append("U+" + String(value, radix: 16)); continue }
            for neighbour in ["e", "\u{E9}", "\u{AC00}", "\u{3B1}"] {
                if nfc(neighbour + text) != nfc(neighbour) + Array(text.utf8) || nfc(text + neighbour) != Array(text.utf8) + nfc(neighbour) {
                    mismatches.append("U+" + String(value, radix: 16) + " by " + neighbour.debugDescription)
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(inert > 50_000)
        for joining: Unicode.Scalar in ["\u{301}", "\u{1161}", "\u{11A8}", "\u{212A}", "\u{2126}", "\u{BBE}", "\u{3099}"] {
            #expect(ScalarFlags.flags(of: joining)! & ScalarFlags.nfcInert == 0, "\(joining.value)")
        }
        for plain: Unicode.Scalar in ["\u{439}", "\u{3B1}", "\u{4E2D}", "\u{AC00}", "\u{201C}", "\u{5D0}"] {
            #expect(ScalarFlags.flags(of: plain)! & ScalarFlags.nfcInert != 0, "\(plain.value)")
        }
    }

    @Test func scalarsPastTheBMPAskTheStandardLibrary() {
        #expect(ScalarFlags.flags(of: "\u{1D400}") == nil)        // MATHEMATICAL BOLD CAPITAL A
        #expect(Unicode.Scalar(0x1D400)!.hasUppercaseProperty)
        #expect(Unicode.Scalar(0x1D7CE)!.hasNumericProperty)      // MATHEMATICAL BOLD DIGIT ZERO
        #expect(!Unicode.Scalar(0x1F600)!.hasAlphabeticOrNumericProperty)
    }

    @Test func lettersOfOtherScriptsAreRead() {
        #expect(Unicode.Scalar(0x3A3)!.hasUppercaseProperty)      // Σ
        #expect(Unicode.Scalar(0x3C3)!.hasLowercaseProperty)      // σ
        #expect(Unicode.Scalar(0x4E2D)!.hasAlphabeticProperty)    // 中
        #expect(!Unicode.Scalar(0x4E2D)!.hasUppercaseProperty)
        #expect(Unicode.Scalar(0x0663)!.hasNumericProperty)       // Arabic-Indic three
        #expect(!Unicode.Scalar(0x201C)!.hasAlphabeticOrNumericProperty)
    }
}
