/// A decimal number held exactly as `mantissa / 10^scale`, so that "2.5bn" normalises to
/// "2500000000" without the rounding a `Double` would bring. Arithmetic returns nil on overflow.
struct ExactDecimal: Sendable, Equatable {
    var mantissa: Int
    var scale: Int

    init(mantissa: Int, scale: Int = 0) {
        self.mantissa = mantissa
        self.scale = scale
    }

    static let half = ExactDecimal(mantissa: 5, scale: 1)

    var isInteger: Bool { normalized.scale == 0 }

    /// The integer value, when the number is whole.
    var integer: Int? {
        let value = normalized
        return value.scale == 0 ? value.mantissa : nil
    }

    /// Trailing fractional zeros dropped: 2.50 → 2.5, 3.0 → 3.
    var normalized: ExactDecimal {
        var value = self
        while value.scale > 0, value.mantissa % 10 == 0 {
            value.mantissa /= 10
            value.scale -= 1
        }
        return value
    }

    func multiplied(by other: ExactDecimal) -> ExactDecimal? {
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: other.mantissa)
        return overflow ? nil : ExactDecimal(mantissa: product, scale: scale + other.scale).normalized
    }

    func multiplied(by factor: Int) -> ExactDecimal? { multiplied(by: ExactDecimal(mantissa: factor)) }

    func adding(_ other: ExactDecimal) -> ExactDecimal? {
        guard let left = rescaled(to: max(scale, other.scale)),
              let right = other.rescaled(to: max(scale, other.scale)) else { return nil }
        let (sum, overflow) = left.mantissa.addingReportingOverflow(right.mantissa)
        return overflow ? nil : ExactDecimal(mantissa: sum, scale: left.scale).normalized
    }

    private func rescaled(to target: Int) -> ExactDecimal? {
        var value = self
        while value.scale < target {
            let (product, overflow) = value.mantissa.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value.mantissa = product
            value.scale += 1
        }
        return value
    }

    /// "1000", "0.5", "2500000000".
    var text: String {
        let value = normalized
        guard value.scale > 0 else { return String(value.mantissa) }
        let negative = value.mantissa < 0
        var digits = String(negative ? -value.mantissa : value.mantissa)
        if digits.count <= value.scale {
            digits = String(repeating: "0", count: value.scale - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -value.scale)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }

    /// Parses a written number such as "1,000", "2.5", "1 000" or "1.000.000" (scalars, no separators
    /// at the ends). Commas and spaces group thousands; a single dot is the decimal point unless the dots
    /// repeat in groups of three. Returns nil for forms that are not one number (versions, addresses).
    static func parse(_ scalars: ArticleScalars, _ range: Range<Int>) -> ExactDecimal? {
        var dots = 0
        var commas = 0
        for index in range {
            switch scalars[index] {
            case ".": dots += 1
            case ",": commas += 1
            case ":": return nil
            default: break
            }
        }
        // "1,5" with no grouping: a decimal comma. "1.000.000": dots that group.
        let commaIsDecimal = commas == 1 && dots == 0 && !groupsOfThree(after: ",", scalars, range)
        let dotsGroup = dots > 1 && commas == 0 && groupsOfThree(after: ".", scalars, range)
        if dots > 1 && !dotsGroup { return nil }
        if commas > 0 && dots > 0 && !groupsOfThree(after: ",", scalars, range) { return nil }
        var mantissa = 0
        var scale = 0
        var inFraction = false
        var digitCount = 0
        for index in range {
            let scalar = scalars[index]
            if let digit = asciiDigit(scalar) {
                digitCount += 1
                if digitCount > 18 { return nil }
                mantissa = mantissa * 10 + digit
                if inFraction { scale += 1 }
            } else if scalar == "." && !dotsGroup {
                inFraction = true
            } else if scalar == "," && commaIsDecimal {
                inFraction = true
            }
        }
        return ExactDecimal(mantissa: mantissa, scale: scale)
    }

    /// Whether every separator `mark` in the range is followed by exactly three digits.
    private static func groupsOfThree(after mark: Unicode.Scalar, _ scalars: ArticleScalars, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if scalars[index] == mark {
                var digits = 0
                var next = index + 1
                while next < range.upperBound, asciiDigit(scalars[next]) != nil { digits += 1; next += 1 }
                if digits != 3 { return false }
                index = next
            } else {
                index += 1
            }
        }
        return true
    }

    @inline(__always)
    static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        return value >= 0x30 && value <= 0x39 ? Int(value - 0x30) : nil
    }
}
