/// One token as the number annotator sees it: a run of letters, a written number, or one other scalar.
struct NumberToken: Sendable {
    enum Kind: UInt8, Sendable { case word, digits, symbol }

    var kind: Kind
    var start: Int
    var end: Int
    /// Whitespace separates this token from the previous one.
    var spaceBefore: Bool
    /// A line break separates this token from the previous one.
    var lineBreakBefore: Bool
    /// Words: the first letter is upper case.
    var capitalized: Bool
    /// Words: every letter is upper case.
    var allCaps: Bool
    /// Words: the packed lowercase letters (0 when not packable); symbols: the scalar's value.
    var key: UInt64
    /// Words: index of the lexicon entry, or -1.
    var lexeme: Int32
    /// Digits: the number has a separator (",", ".", ":" or a grouping space).
    var hasSeparator: Bool
    /// Digits: the number has a ":" ("3:30").
    var hasColon: Bool

    var length: Int { end - start }
}

/// Splits text into `NumberToken`s, scanning scalars once.
struct NumberTokenizer {
    let lexicon: NumberLexicon

    func tokenize(_ scalars: [Unicode.Scalar], _ range: Range<Int>, into tokens: inout [NumberToken]) {
        var index = range.lowerBound
        let end = range.upperBound
        var space = true
        var lineBreak = true
        while index < end {
            let scalar = scalars[index]
            let value = scalar.value
            if Self.isSpace(value) {
                space = true
                if value == 0x0A || value == 0x2028 || value == 0x2029 { lineBreak = true }
                index += 1
                continue
            }
            let start = index
            if value >= 0x30 && value <= 0x39 {
                let (stop, separator, colon) = scanNumber(scalars, from: index, to: end)
                index = stop
                tokens.append(NumberToken(kind: .digits, start: start, end: stop, spaceBefore: space,
                                          lineBreakBefore: lineBreak, capitalized: false, allCaps: false, key: 0,
                                          lexeme: -1, hasSeparator: separator, hasColon: colon))
            } else if Self.isLetter(scalar) {
                var key: UInt64 = 0
                var count = 0
                var packable = true
                var allCaps = true
                let capitalized = Self.isUpper(scalar)
                while index < end, Self.isLetter(scalars[index]) {
                    let letter = scalars[index].value
                    if letter < 0x80 {
                        if letter >= 0x61 { allCaps = false }
                        if count < PackedWord.maxLetters {
                            key |= UInt64((letter | 0x20) - 0x60) << UInt64(5 * count)
                        } else {
                            packable = false
                        }
                    } else {
                        packable = false
                        if !Self.isUpper(scalars[index]) { allCaps = false }
                    }
                    count += 1
                    index += 1
                }
                let packed = packable ? key : 0
                tokens.append(NumberToken(kind: .word, start: start, end: index, spaceBefore: space,
                                          lineBreakBefore: lineBreak, capitalized: capitalized, allCaps: allCaps,
                                          key: packed, lexeme: lexicon.lexeme(packed), hasSeparator: false,
                                          hasColon: false))
            } else {
                index += 1
                tokens.append(NumberToken(kind: .symbol, start: start, end: index, spaceBefore: space,
                                          lineBreakBefore: lineBreak, capitalized: false, allCaps: false,
                                          key: UInt64(value), lexeme: -1, hasSeparator: false, hasColon: false))
            }
            space = false
            lineBreak = false
        }
    }

    /// A run of digits with inner separators: "1,000", "2.5", "3:30", "1 000" (thin or no-break space,
    /// or a plain space between a group of 1–3 digits and a group of exactly 3).
    private func scanNumber(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> (Int, Bool, Bool) {
        var index = start
        var separator = false
        var colon = false
        var groupDigits = 0
        var onlySpaceGroups = true
        while index < end {
            let value = scalars[index].value
            if value >= 0x30 && value <= 0x39 {
                groupDigits += 1
                index += 1
                continue
            }
            let next = index + 1
            let nextIsDigit = next < end && Self.isDigit(scalars[next].value)
            if (value == 0x2C || value == 0x2E || value == 0x3A) && nextIsDigit {
                separator = true
                onlySpaceGroups = false
                if value == 0x3A { colon = true }
                groupDigits = 0
                index = next
                continue
            }
            let groupingSpace = value == 0x00A0 || value == 0x202F || value == 0x2009
                || (value == 0x20 && onlySpaceGroups && groupDigits <= 3)
            if groupingSpace && groupDigits <= 3 && Self.exactlyThreeDigits(scalars, from: next, to: end) {
                separator = true
                groupDigits = 0
                index = next
                continue
            }
            break
        }
        return (index, separator, colon)
    }

    /// Exactly three digits, then something that does not continue the number.
    private static func exactlyThreeDigits(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        guard start + 3 <= end else { return false }
        for index in start..<start + 3 where !isDigit(scalars[index].value) { return false }
        guard start + 3 < end else { return true }
        let after = scalars[start + 3]
        if isDigit(after.value) || isLetter(after) { return false }
        // "1 000.5" is fine, but "1 000,000" or "10 200:1" are not one grouped number.
        if (after == "," || after == ":") && start + 4 < end && isDigit(scalars[start + 4].value) { return false }
        return true
    }

    @inline(__always) static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    @inline(__always) static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    @inline(__always) static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return scalar.properties.isUppercase
    }
}
