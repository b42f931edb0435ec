/// Unicode properties of a non-ASCII scalar, asked out of line.
///
/// `Unicode.Scalar.Properties` and `Unicode.NumericType` are resilient types of the standard
/// library: a function that reads them inline fetches their metadata and sizes stack room for them
/// on entry, at every call, even when it only ever meets ASCII. In the name tokenizer's word scan
/// (one call a word) that prologue was a quarter of the function's samples. A scalar of the BMP is
/// answered inline by one byte of `ScalarFlags`' table; only a scalar past it asks the standard
/// library, in a function of its own, so the prologue is paid there alone.
extension Unicode.Scalar {
    /// `properties.isAlphabetic || properties.numericType != nil`: a letter or a digit of any script.
    @inline(__always) var hasAlphabeticOrNumericProperty: Bool {
        has(ScalarFlags.alphabetic | ScalarFlags.numeric) { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// `properties.isAlphabetic`.
    @inline(__always) var hasAlphabeticProperty: Bool { has(ScalarFlags.alphabetic) { $0.properties.isAlphabetic } }

    /// `properties.isUppercase`.
    @inline(__always) var hasUppercaseProperty: Bool { has(ScalarFlags.uppercase) { $0.properties.isUppercase } }

    /// `properties.isLowercase`.
    @inline(__always) var hasLowercaseProperty: Bool { has(ScalarFlags.lowercase) { $0.properties.isLowercase } }

    /// `properties.numericType != nil`.
    @inline(__always) var hasNumericProperty: Bool { has(ScalarFlags.numeric) { $0.properties.numericType != nil } }

    /// `properties.changesWhenLowercased`: false for every scalar that `lowercased()` leaves as it is.
    @inline(__always) var changesWhenLowercased: Bool {
        has(ScalarFlags.changesWhenLowercased) { $0.properties.changesWhenLowercased }
    }

    /// Whether a BMP scalar has one of `flags` in `ScalarFlags`; past the BMP, what `asked` says of
    /// it, called out of line (see above).
    @inline(__always) private func has(_ flags: UInt8, else asked: (Unicode.Scalar) -> Bool) -> Bool {
        guard let known = ScalarFlags.flags(of: self) else { return Self.ask(self, asked) }
        return known & flags != 0
    }

    @inline(never) private static func ask(_ scalar: Unicode.Scalar, _ asked: (Unicode.Scalar) -> Bool) -> Bool { asked(scalar) }
}

/// Six properties of every scalar of the Basic Multilingual Plane, one byte each, read from the
/// generated literal `table` (`Scripts/unicode/scalar-flags.swift`).
///
/// Why: each `Unicode.Scalar.Properties` answer searches the standard library's tables, about 50 ns;
/// a 50 MB line of Greek spent 40 % of its time there, in the three tokenizers. Why a literal: a
/// table made at run time is a global, and every read of a global checks that it was made
/// (`swift_once`, a call): that check was as costly as the read, for every non-ASCII scalar.
/// Scalars past the BMP (emoji, rarer scripts) still ask the standard library.
enum ScalarFlags {
    static let alphabetic: UInt8 = 1
    static let numeric: UInt8 = 2
    static let uppercase: UInt8 = 4
    static let lowercase: UInt8 = 8
    static let changesWhenLowercased: UInt8 = 16
    /// Combining class 0, its own NFC, and the second half of no composition (NFC_Quick_Check = Yes):
    /// a string of such scalars is its own NFC.
    static let nfcInert: UInt8 = 32

    /// The scalar's flags, or nil past the BMP. The table has a line of 256 scalars' flags, each
    /// plus 0x30, and a line feed after each line: scalar v is byte v + v / 256.
    @inline(__always)
    static func flags(of scalar: Unicode.Scalar) -> UInt8? {
        let value = Int(scalar.value)
        guard value < 0x10000 else { return nil }
        return table.utf8Start[value + value >> 8] &- 0x30
    }
}
