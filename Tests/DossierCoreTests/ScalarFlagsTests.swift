import Testing
@testable import DossierCore

/// `ScalarFlags`' generated table against the standard library's Unicode properties.
@Suite struct ScalarFlagsTests {
    /// Fails after a toolchain update changes Unicode's data: run Scripts/unicode/scalar-flags.swift.
    @Test func everyBMPScalarHasTheStandardLibrarysProperties() {
        var mismatches: [String] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else {
                #expect(ScalarFlags.table[Int(value)] == 0)
                continue
            }
            let properties = scalar.properties
            let expected = (properties.isAlphabetic, properties.numericType != nil, properties.isUppercase, properties.isLowercase)
            let answered = (scalar.hasAlphabeticProperty, scalar.hasNumericProperty, scalar.hasUppercaseProperty, scalar.hasLowercaseProperty)
            if expected != answered || scalar.hasAlphabeticOrNumericProperty != (expected.0 || expected.1)
                || scalar.changesWhenLowercased != properties.changesWhenLowercased {
                mismatches.append("U+" + String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(ScalarFlags.table.count == 0x10000)
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
