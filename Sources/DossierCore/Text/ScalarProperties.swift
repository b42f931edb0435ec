/// Unicode properties of a non-ASCII scalar, asked out of line.
///
/// `Unicode.Scalar.Properties` and `Unicode.NumericType` are resilient types of the standard
/// library: a function that reads them inline fetches their metadata and sizes stack room for them
/// on entry, at every call, even when it only ever meets ASCII. In the name tokenizer's word scan
/// (one call a word) that prologue was a quarter of the function's samples. Behind these calls the
/// cost is paid only when a non-ASCII scalar is actually asked about, and for a scalar of the BMP
/// it is one byte of `ScalarFlags`' table rather than a search of the standard library's tables.
extension Unicode.Scalar {
    /// `properties.isAlphabetic || properties.numericType != nil`: a letter or a digit of any script.
    @inline(never) var hasAlphabeticOrNumericProperty: Bool {
        if let flags = ScalarFlags.flags(of: self) { return flags & (ScalarFlags.alphabetic | ScalarFlags.numeric) != 0 }
        let properties = self.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// `properties.isAlphabetic`.
    @inline(never) var hasAlphabeticProperty: Bool {
        if let flags = ScalarFlags.flags(of: self) { return flags & ScalarFlags.alphabetic != 0 }
        return properties.isAlphabetic
    }

    /// `properties.isUppercase`.
    @inline(never) var hasUppercaseProperty: Bool {
        if let flags = ScalarFlags.flags(of: self) { return flags & ScalarFlags.uppercase != 0 }
        return properties.isUppercase
    }

    /// `properties.isLowercase`.
    @inline(never) var hasLowercaseProperty: Bool {
        if let flags = ScalarFlags.flags(of: self) { return flags & ScalarFlags.lowercase != 0 }
        return properties.isLowercase
    }

    /// `properties.numericType != nil`.
    @inline(never) var hasNumericProperty: Bool {
        if let flags = ScalarFlags.flags(of: self) { return flags & ScalarFlags.numeric != 0 }
        return properties.numericType != nil
    }

    /// `properties.changesWhenLowercased`: false for every scalar that `lowercased()` leaves as it is.
    @inline(never) var changesWhenLowercased: Bool {
        if let flags = ScalarFlags.flags(of: self) { return flags & ScalarFlags.changesWhenLowercased != 0 }
        return properties.changesWhenLowercased
    }
}

/// Six properties of every scalar of the Basic Multilingual Plane, one byte each (64 KB), made on
/// first use from the generated `runs` (`Scripts/unicode/scalar-flags.swift`).
///
/// Why: each `Unicode.Scalar.Properties` answer searches the standard library's tables, about 50 ns;
/// a 50 MB line of Greek spent 40 % of its time there, in the three tokenizers. Scalars past the BMP
/// (emoji, rarer scripts) still ask the standard library.
enum ScalarFlags {
    static let alphabetic: UInt8 = 1
    static let numeric: UInt8 = 2
    static let uppercase: UInt8 = 4
    static let lowercase: UInt8 = 8
    static let changesWhenLowercased: UInt8 = 16
    /// Combining class 0, its own NFC, and the second half of no composition (NFC_Quick_Check = Yes):
    /// a string of such scalars is its own NFC.
    static let nfcInert: UInt8 = 32

    /// The scalar's flags, or nil past the BMP.
    @inline(__always)
    static func flags(of scalar: Unicode.Scalar) -> UInt8? {
        scalar.value < 0x10000 ? table[Int(scalar.value)] : nil
    }

    /// One byte of flags for each BMP scalar, expanded from `runs` (two flag digits and a hex length).
    static let table: [UInt8] = {
        var table: [UInt8] = []
        table.reserveCapacity(0x10000)
        var flags = 0
        var digits = 0
        var length = 0
        func hexValue(_ byte: UInt8) -> Int { Int(byte <= 0x39 ? byte - 0x30 : byte - 0x61 + 10) }
        func close() {
            if digits > 2 { table.append(contentsOf: repeatElement(UInt8(flags), count: length)) }
            flags = 0
            digits = 0
            length = 0
        }
        for byte in runs.utf8 {
            switch byte {
            case UInt8(ascii: ","): close()
            case UInt8(ascii: "\n"): continue
            default:
                if digits < 2 { flags = flags * 16 + hexValue(byte) } else { length = length * 16 + hexValue(byte) }
                digits += 1
            }
        }
        close()
        precondition(table.count == 0x10000, "ScalarFlags.runs must cover the BMP: run Scripts/unicode/scalar-flags.swift")
        return table
    }()
}
