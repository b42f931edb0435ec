/// One token as the number annotator sees it: a run of letters, a written number, or one other scalar.
struct NumberToken: Sendable {
    enum Kind: UInt8, Sendable { case word, digits, symbol }

    // Wide fields first, so that a token is 40 bytes.
    var start: Int
    var end: Int
    /// Words: the packed lowercase letters (0 when not packable); symbols: the scalar's value.
    var key: UInt64
    /// Words: index of the lexicon entry, or -1.
    var lexeme: Int32
    var kind: Kind
    /// Whitespace separates this token from the previous one.
    var spaceBefore: Bool
    /// A line break separates this token from the previous one.
    var lineBreakBefore: Bool
    /// Words: the first letter is upper case.
    var capitalized: Bool
    /// Words: every letter is upper case.
    var allCaps: Bool
    /// Digits: the number has a separator (",", ".", ":" or a grouping space).
    var hasSeparator: Bool
    /// Digits: the number has a ":" ("3:30").
    var hasColon: Bool

    init(kind: Kind, start: Int, end: Int, spaceBefore: Bool, lineBreakBefore: Bool, capitalized: Bool, allCaps: Bool,
         key: UInt64, lexeme: Int32, hasSeparator: Bool, hasColon: Bool) {
        self.start = start
        self.end = end
        self.key = key
        self.lexeme = lexeme
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.lineBreakBefore = lineBreakBefore
        self.capitalized = capitalized
        self.allCaps = allCaps
        self.hasSeparator = hasSeparator
        self.hasColon = hasColon
    }

    var length: Int { end - start }
}

/// Splits text into `NumberToken`s, scanning scalars once.
struct NumberTokenizer {
    let lexicon: NumberLexicon

    func tokenize(_ scalars: ArticleScalars, _ range: Range<Int>, into tokens: inout [NumberToken]) {
        // Compiled once per width of the text, so each scalar is a plain load.
        scalars.withFixedWidth({ tokenize($0, range, into: &tokens) }, { tokenize($0, range, into: &tokens) },
                               { tokenize($0, range, into: &tokens) })
    }

    private func tokenize<Scalars: FixedWidthScalars>(_ buffer: Scalars, _ range: Range<Int>, into tokens: inout [NumberToken]) {
        // The hot loop of the number annotator: plain index arithmetic, ASCII first.
        var index = range.lowerBound
        let end = range.upperBound
        var space = true
        var lineBreak = true
        while index < end {
            let scalar = buffer[index]
            let value = scalar.value
            let lower = value | 0x20
            let start = index
            if value < 0x80 && lower &- 0x61 < 26 {
                // An ASCII word (it may continue with non-ASCII letters: "Zürich").
                var key: UInt64 = 0
                var shift: UInt64 = 0
                var nonASCII = false
                var lowerBits: UInt32 = 0   // 0x20 once a lower-case letter is seen
                let capitalized = value < 0x61
                while index < end {
                    let letter = buffer[index].value
                    if letter < 0x80 {
                        let folded = letter | 0x20
                        guard folded &- 0x61 < 26 else { break }
                        lowerBits |= letter
                        // Past 12 letters the key is garbage, and dropped below.
                        key |= UInt64(folded - 0x60) &<< shift
                        shift += 5
                    } else {
                        guard Self.isLetter(buffer[index]) else { break }
                        nonASCII = true
                        if !Self.isUpper(buffer[index]) { lowerBits |= 0x20 }
                    }
                    index += 1
                }
                let allCaps = lowerBits & 0x20 == 0
                let packed = nonASCII || shift > 60 ? 0 : key
                tokens.append(NumberToken(kind: .word, start: start, end: index, spaceBefore: space,
                                          lineBreakBefore: lineBreak, capitalized: capitalized, allCaps: allCaps,
                                          key: packed, lexeme: packed == 0 ? -1 : lexicon.lexeme(packed),
                                          hasSeparator: false, hasColon: false))
            } else if value == 0x20 || Self.isSpace(value) {
                space = true
                if value == 0x0A || value == 0x2028 || value == 0x2029 { lineBreak = true }
                index += 1
                continue
            } else if value &- 0x30 < 10 {
                let (stop, separator, colon) = scanNumber(buffer, from: index, to: end)
                index = stop
                tokens.append(NumberToken(kind: .digits, start: start, end: stop, spaceBefore: space,
                                          lineBreakBefore: lineBreak, capitalized: false, allCaps: false, key: 0,
                                          lexeme: -1, hasSeparator: separator, hasColon: colon))
            } else if value >= 0x80 && Self.isLetter(scalar) {
                // A word that starts with a non-ASCII letter: never in the lexicon.
                let capitalized = Self.isUpper(scalar)
                var allCaps = true
                while index < end, Self.isLetter(buffer[index]) {
                    if !Self.isUpper(buffer[index]) { allCaps = false }
                    index += 1
                }
                tokens.append(NumberToken(kind: .word, start: start, end: index, spaceBefore: space,
                                          lineBreakBefore: lineBreak, capitalized: capitalized, allCaps: allCaps,
                                          key: 0, lexeme: -1, hasSeparator: false, hasColon: false))
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
    private func scanNumber<Scalars: FixedWidthScalars>(_ scalars: Scalars, from start: Int, to end: Int) -> (Int, Bool, Bool) {
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
    private static func exactlyThreeDigits<Scalars: FixedWidthScalars>(_ scalars: Scalars, from start: Int, to end: Int) -> Bool {
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
        // General punctuation (curly quotes, dashes: common in news text) holds no letter.
        if value >= 0x2000 && value <= 0x206F { return false }
        return scalar.hasAlphabeticProperty
    }

    @inline(__always) static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return scalar.hasUppercaseProperty
    }
}
