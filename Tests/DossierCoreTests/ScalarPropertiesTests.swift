import Testing
@testable import DossierCore

/// The out-of-line property questions answer as `Unicode.Scalar.Properties` does, and the ASCII
/// shortcuts the tokenizers and the sentence splitter take before asking them hold.
@Suite struct ScalarPropertiesTests {
    /// ASCII, Latin, Greek, Cyrillic, Arabic, Devanagari, general punctuation, CJK and emoji blocks.
    private let scalars: [Unicode.Scalar] = [0x0...0x24F, 0x370...0x4FF, 0x600...0x6FF, 0x900...0x97F,
                                             0x2000...0x206F, 0x4E00...0x4E7F, 0x1F600...0x1F64F]
        .flatMap { $0 }.compactMap { Unicode.Scalar($0) }

    @Test func outOfLineAnswersAreThePropertiesAnswers() {
        for scalar in scalars {
            let properties = scalar.properties
            #expect(scalar.hasAlphabeticProperty == properties.isAlphabetic)
            #expect(scalar.hasUppercaseProperty == properties.isUppercase)
            #expect(scalar.hasLowercaseProperty == properties.isLowercase)
            #expect(scalar.hasNumericProperty == (properties.numericType != nil))
            #expect(scalar.hasAlphabeticOrNumericProperty == (properties.isAlphabetic || properties.numericType != nil))
        }
    }

    @Test func generalPunctuationHoldsNoLetterOrDigit() {
        // The tokenizers answer U+2000–U+206F (curly quotes, dashes) without asking.
        for value in UInt32(0x2000)...0x206F {
            let properties = Unicode.Scalar(value)!.properties
            #expect(!properties.isAlphabetic && properties.numericType == nil, "U+\(String(value, radix: 16))")
        }
    }

    @Test func inASCIIOnlyCapitalsAreUppercaseAndOnlyDigitsNumeric() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            #expect(scalar.properties.isUppercase == (value >= 0x41 && value <= 0x5A))
            #expect((scalar.properties.numericType != nil) == (value >= 0x30 && value <= 0x39))
        }
    }
}
