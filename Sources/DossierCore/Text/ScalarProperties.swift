/// Unicode properties of a non-ASCII scalar, asked out of line.
///
/// `Unicode.Scalar.Properties` and `Unicode.NumericType` are resilient types of the standard
/// library: a function that reads them inline fetches their metadata and sizes stack room for them
/// on entry, at every call, even when it only ever meets ASCII. In the name tokenizer's word scan
/// (one call a word) that prologue was a quarter of the function's samples. Behind these calls the
/// cost is paid only when a non-ASCII scalar is actually asked about.
extension Unicode.Scalar {
    /// `properties.isAlphabetic || properties.numericType != nil`: a letter or a digit of any script.
    @inline(never) var hasAlphabeticOrNumericProperty: Bool {
        let properties = self.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// `properties.isAlphabetic`.
    @inline(never) var hasAlphabeticProperty: Bool { properties.isAlphabetic }

    /// `properties.isUppercase`.
    @inline(never) var hasUppercaseProperty: Bool { properties.isUppercase }

    /// `properties.isLowercase`.
    @inline(never) var hasLowercaseProperty: Bool { properties.isLowercase }

    /// `properties.numericType != nil`.
    @inline(never) var hasNumericProperty: Bool { properties.numericType != nil }
}
