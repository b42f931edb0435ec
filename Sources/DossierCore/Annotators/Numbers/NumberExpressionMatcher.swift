/// Reads number expressions off a run of tokens: amounts, ranges, money, percentages, quantities,
/// times, dates, years and ordinals. Each match covers whole tokens and carries a kind and a value.
struct NumberExpressionMatcher {
    struct Match {
        var first: Int
        /// One past the last token.
        var end: Int
        var kind: NumberKind
        var value: String?
    }

    /// An amount read at a token: "1,000", "2.5bn", "two million", "a dozen", "half a million".
    private struct Amount {
        var first: Int
        var end: Int
        var value: ExactDecimal?
        var spelled: Bool
        /// Written in digits without separators or multiplier (candidate day, year, hour).
        var plainDigits: Bool
        var digitCount: Int
    }

    let scalars: ArticleScalars
    let tokens: [NumberToken]
    let lexicon: NumberLexicon

    // MARK: - Entry point

    /// The longest expression starting at token `index`, if any.
    func match(at index: Int) -> Match? {
        let token = tokens[index]
        switch token.kind {
        case .digits:
            if let date = dateStartingWithDigits(index) { return date }
            if let time = time(at: index) { return time }
            return numeric(at: index, currency: nil, first: index)
        case .symbol:
            // Only "$", currency signs and the apostrophe of "'90s" start an expression.
            guard token.key == 0x24 || token.key == 0x27 || token.key > 0x7F else { return nil }
            if let money = moneyWithPrefix(at: index) { return money }
            return decadeWithApostrophe(at: index)
        case .word:
            guard token.lexeme >= 0 else { return nil }
            let entry = lexicon.entries[Int(token.lexeme)]
            if entry.weekday, token.capitalized, let date = dateAfterWeekday(index) { return date }
            if entry.month > 0, token.capitalized, let date = monthFirstDate(index) { return date }
            if entry.currencyBefore != nil || entry.dollarPrefix != nil, let money = moneyWithPrefix(at: index) {
                return money
            }
            switch entry.cue {
            case .relative, .the, .edge, .approximate, .article:
                if let date = relativeDate(at: index) { return date }
            case .between:
                if let range = betweenRange(at: index) { return range }
            default:
                break
            }
            if entry.isSeason, let date = seasonDate(at: index) { return date }
            if entry.ordinal > 0, let ordinal = spelledOrdinal(at: index) { return ordinal }
            if entry.cardinal >= 0 || entry.scale > 0 || entry.cue == .article || entry.cue == .half {
                return numeric(at: index, currency: nil, first: index)
            }
            return nil
        }
    }

    // MARK: - Token tests

    private func entry(_ index: Int) -> NumberLexeme? {
        guard index >= 0, index < tokens.count, tokens[index].lexeme >= 0 else { return nil }
        return lexicon.entries[Int(tokens[index].lexeme)]
    }

    private func cue(_ index: Int) -> NumberCue { entry(index)?.cue ?? .none }

    private func isSymbol(_ index: Int, _ scalar: Unicode.Scalar) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .symbol && tokens[index].key == UInt64(scalar.value)
    }

    private func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return false }
        return tokens[index].key == Self.pack(word)
    }

    private static func pack(_ word: StaticString) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        word.withUTF8Buffer { buffer in
            for byte in buffer {
                key |= UInt64((byte | 0x20) - 0x60) << UInt64(5 * count)
                count += 1
            }
        }
        return key
    }

    /// Joined to the previous token with no space.
    private func attached(_ index: Int) -> Bool { index < tokens.count && !tokens[index].spaceBefore }

    private func isDash(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .symbol else { return false }
        let value = tokens[index].key
        return value == 0x2D || value == 0x2013 || value == 0x2010 || value == 0x2011 || value == 0x2212
    }

    private func isHyphen(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .symbol else { return false }
        let value = tokens[index].key
        return value == 0x2D || value == 0x2010 || value == 0x2011
    }

    private func digitsValue(_ index: Int) -> Int? {
        let token = tokens[index]
        guard token.kind == .digits, !token.hasSeparator, token.length <= 9 else { return nil }
        var value = 0
        for position in token.start..<token.end { value = value * 10 + Int(scalars[position].value - 0x30) }
        return value
    }

    private func year(_ index: Int) -> Int? {
        guard index < tokens.count, tokens[index].kind == .digits, tokens[index].length == 4,
              let value = digitsValue(index), (1000...2199).contains(value) else { return nil }
        return value
    }

    /// A day of the month, written "23" or "23rd"; returns the day and the token after it.
    private func day(_ index: Int) -> (Int, Int)? {
        guard index < tokens.count, tokens[index].kind == .digits, tokens[index].length <= 2,
              let value = digitsValue(index), (1...31).contains(value) else { return nil }
        if attached(index + 1), tokens[index + 1].kind == .word {
            guard let suffix = entry(index + 1), suffix.isOrdinalSuffix else { return nil }
            return (value, index + 2)
        }
        return (value, index + 1)
    }

    /// A word glued to the end of a number: "39A", "M5S" are codes, not numbers.
    private func attachedLettersBefore(_ index: Int) -> Bool {
        index > 0 && !tokens[index].spaceBefore && tokens[index - 1].kind == .word
    }

    private func isSentenceStart(_ index: Int) -> Bool {
        var position = index
        while true {
            if position == 0 || tokens[position].lineBreakBefore { return true }
            let previous = tokens[position - 1]
            guard previous.kind == .symbol else { return false }
            switch previous.key {
            case 0x2E, 0x21, 0x3F, 0x3A, 0x3B: return true  // . ! ? : ;
            case 0x22, 0x27, 0x201C, 0x2018, 0x28, 0x5B, 0xAB, 0x2014, 0x2013: position -= 1  // quotes, brackets, dashes
            default: return false
            }
        }
    }

    // MARK: - Amounts

    /// An amount at `index`. `currency` allows "m" and "b" as million and billion ("£6m").
    private func amount(at index: Int, currency: Bool) -> Amount? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .digits {
            guard !token.hasColon, let parsed = ExactDecimal.parse(scalars, token.start..<token.end) else {
                return token.hasColon ? nil : Amount(first: index, end: index + 1, value: nil, spelled: false,
                                                     plainDigits: false, digitCount: token.length)
            }
            var result = Amount(first: index, end: index + 1, value: parsed, spelled: false,
                                plainDigits: !token.hasSeparator, digitCount: token.length)
            if attached(index + 1), let suffix = entry(index + 1), suffix.abbreviatedScale > 0,
               currency || !suffix.abbreviatedScaleNeedsCurrency {
                result.value = parsed.multiplied(by: suffix.abbreviatedScale)
                result.end = index + 2
                result.plainDigits = false
                return result
            }
            applyScaleWords(&result)
            return result
        }
        guard token.kind == .word, let first = entry(index) else { return nil }
        if first.cue == .half {
            // "half a million", "half a dozen"
            guard cue(index + 1) == .article, let scale = entry(index + 2)?.scale, scale > 0 else { return nil }
            return Amount(first: index, end: index + 3, value: ExactDecimal.half.multiplied(by: scale),
                          spelled: true, plainDigits: false, digitCount: 0)
        }
        return spelledAmount(at: index)
    }

    /// "6 million", "2.5 billion", "300 thousand": scale words after a written number.
    private func applyScaleWords(_ amount: inout Amount) {
        var position = amount.end
        var previousScale = Int.max
        while position < tokens.count, tokens[position].kind == .word, let scale = entry(position)?.scale,
              scale > 0, scale < previousScale || (previousScale == 100 && scale > 100) {
            amount.value = amount.value?.multiplied(by: scale)
            amount.plainDigits = false
            previousScale = scale
            position += 1
            if scale == 12 { break }  // "two dozen" ends there
        }
        amount.end = position
    }

    /// Spelled-out cardinals: "thirteen", "twenty-five", "two million", "one hundred and five", "a dozen",
    /// "a thousand", "two and a half".
    private func spelledAmount(at index: Int) -> Amount? {
        enum Last { case start, article, unit, teen, tens, hundred, scale }
        var total = 0
        var current = 0
        var last = Last.start
        var position = index
        var end = index
        var smallestScale = Int.max
        var fraction = false
        loop: while position < tokens.count, tokens[position].kind == .word {
            guard let word = entry(position) else { break }
            // Words of one number are joined by a space or a hyphen ("twenty-five"), never across lines.
            if position > index && tokens[position].lineBreakBefore { break }
            if word.cue == .article && last == .start {
                guard let next = entry(position + 1), next.scale > 0 else { break }
                current = 1
                last = .article
                position += 1
                continue
            }
            if word.cardinal >= 0 {
                let value = word.cardinal
                switch (value, last) {
                case (1...9, .tens):
                    current += value; last = .unit
                case (0...19, .start), (0...19, .hundred), (0...19, .scale):
                    current += value; last = value >= 10 ? .teen : .unit
                case (20...90, .start), (20...90, .hundred), (20...90, .scale):
                    current += value; last = .tens
                default:
                    break loop
                }
                position += 1
                end = position
                if isHyphen(position), attached(position), position + 1 < tokens.count, attached(position + 1),
                   last == .tens, let next = entry(position + 1), (1...9).contains(next.cardinal) {
                    position += 1  // the hyphen of "twenty-five"
                }
                continue
            }
            if word.scale > 0 {
                let scale = word.scale
                if scale == 100 {
                    guard [.unit, .teen, .tens, .article].contains(last), current < 100 else { break }
                    current *= 100
                    last = .hundred
                } else {
                    guard [.unit, .teen, .tens, .hundred, .article].contains(last), scale < smallestScale else { break }
                    total += current * scale
                    current = 0
                    smallestScale = scale
                    last = .scale
                }
                position += 1
                end = position
                if scale == 12 { break }
                continue
            }
            if word.cue == .and {
                // "one hundred and five"; "two and a half"
                if last == .hundred || last == .scale, let next = entry(position + 1), next.cardinal >= 0 {
                    position += 1
                    continue
                }
                if [.unit, .teen, .tens].contains(last), cue(position + 1) == .article, cue(position + 2) == .half {
                    fraction = true
                    position += 3
                    end = position
                    // "two and a half million"
                    if let scale = entry(position)?.scale, scale > 100 {
                        var value = ExactDecimal(mantissa: total + current).adding(.half)
                        value = value?.multiplied(by: scale)
                        return Amount(first: index, end: position + 1, value: value, spelled: true,
                                      plainDigits: false, digitCount: 0)
                    }
                    break
                }
            }
            break
        }
        guard end > index, last != .article, last != .start else { return nil }
        var value: ExactDecimal? = ExactDecimal(mantissa: total + current)
        if fraction { value = value?.adding(.half) }
        return Amount(first: index, end: end, value: value, spelled: true, plainDigits: false, digitCount: 0)
    }

    // MARK: - Numbers with what follows them

    /// An amount, a range of amounts, and what follows: %, a unit, a currency, "years old", am/pm,
    /// an ordinal suffix, "s" of a decade. `currency` is a code already read before the amount.
    private func numeric(at index: Int, currency: String?, first: Int) -> Match? {
        let token = tokens[index]
        if token.kind == .digits && attachedLettersBefore(index) && currency == nil { return nil }
        guard var low = amount(at: index, currency: currency != nil) else { return nil }
        if low.spelled, !acceptSpelled(low) { return nil }

        // "twenty-first", "ninety-ninth"
        if low.spelled, let tens = entry(low.end - 1)?.cardinal, tens >= 20, isHyphen(low.end), attached(low.end),
           attached(low.end + 1), let unit = entry(low.end + 1)?.ordinal, (1...9).contains(unit),
           let value = low.value?.adding(ExactDecimal(mantissa: unit)) {
            if cue(low.end + 2) == .century, let century = value.integer {
                return Match(first: first, end: low.end + 3, kind: .date, value: "\(twoDigits(century - 1))XX")
            }
            return Match(first: first, end: low.end + 2, kind: .ordinal, value: value.text)
        }
        if token.kind == .digits, low.end == index + 1, attached(index + 1), tokens[index + 1].kind == .word {
            return digitsWithLetters(index, currency: currency, first: first)
        }

        // A range: "8–10", "5 to 7", "2000 - 2050".
        var high: Amount?
        let connector = low.end
        if connector < tokens.count, isDash(connector) || cue(connector) == .to,
           let second = amount(at: connector + 1, currency: currency != nil),
           second.spelled == low.spelled, rangeSpacingAgrees(connector) {
            high = second
        }
        // "$5–7 million": a scale word after the second number applies to both.
        if let highAmount = high, low.end == low.first + 1, highAmount.end > highAmount.first + 1,
           let scale = entry(highAmount.end - 1)?.scale, scale > 0 {
            low.value = low.value?.multiplied(by: scale)
        }
        let end = high?.end ?? low.end
        let valueText = rangeText(low, high)

        // What follows the number.
        if let money = currencyAfter(end) {
            let code = currency ?? money.code
            return Match(first: first, end: money.end, kind: .money, value: valueText.map { "\(code) \($0)" })
        }
        if let currency {
            return Match(first: first, end: end, kind: .money, value: valueText.map { "\(currency) \($0)" })
        }
        if let percentEnd = percentAfter(end) {
            return Match(first: first, end: percentEnd, kind: .percent, value: valueText)
        }
        if let (unitEnd, symbol, isAge) = unitAfter(end) {
            // "30 years ago" is a date; "10 years old" an age.
            if !isAge, cue(unitEnd) == .ago, let text = valueText {
                return Match(first: first, end: unitEnd + 1, kind: .date, value: "-\(text) \(symbol)")
            }
            return Match(first: first, end: unitEnd, kind: .quantity, value: valueText.map { "\($0) \(symbol)" })
        }
        if high == nil, low.plainDigits, let time = hourWithMeridiem(low.first) {
            return time
        }
        if high != nil {
            return Match(first: first, end: end, kind: .range, value: valueText)
        }
        if low.plainDigits, low.digitCount == 4, let yearValue = year(low.first), isYearInContext(low.first, yearValue) {
            return Match(first: first, end: end, kind: .year, value: String(yearValue))
        }
        let isDecimal = !(low.value?.isInteger ?? true)
        return Match(first: first, end: end, kind: isDecimal ? .decimal : .count, value: low.value?.text)
    }

    /// "5 - 7" and "5-7" are ranges; "5 -7" is not.
    private func rangeSpacingAgrees(_ connector: Int) -> Bool {
        guard isDash(connector) else { return true }
        return tokens[connector].spaceBefore == tokens[connector + 1].spaceBefore
    }

    private func rangeText(_ low: Amount, _ high: Amount?) -> String? {
        guard let lowValue = low.value else { return nil }
        guard let high else { return lowValue.text }
        guard let highValue = high.value else { return nil }
        return "\(lowValue.text)..\(highValue.text)"
    }

    /// A number glued to letters: "3rd", "1990s", "30km", "3pm"; anything else ("39A") is a code.
    private func digitsWithLetters(_ index: Int, currency: String?, first: Int) -> Match? {
        let suffixIndex = index + 1
        guard let suffix = entry(suffixIndex) else { return nil }
        if suffix.isOrdinalSuffix, let value = digitsValue(index) {
            // "19th century", "21st-century": a date.
            var next = suffixIndex + 1
            if isHyphen(next), attached(next) { next += 1 }
            if cue(next) == .century {
                return Match(first: first, end: next + 1, kind: .date, value: "\(twoDigits(value - 1))XX")
            }
            return Match(first: first, end: suffixIndex + 1, kind: .ordinal, value: String(value))
        }
        if isWord(suffixIndex, "s"), let value = digitsValue(index), value % 10 == 0,
           tokens[index].length == 4 || tokens[index].length == 2 {
            return Match(first: first, end: suffixIndex + 1, kind: .year, value: "\(value)s")
        }
        if suffix.cue == .morningOrEvening, let time = hourWithMeridiem(index) { return time }
        if let symbol = suffix.unit, let parsed = ExactDecimal.parse(scalars, tokens[index].start..<tokens[index].end) {
            return Match(first: first, end: suffixIndex + 1, kind: .quantity, value: "\(parsed.text) \(symbol)")
        }
        return nil
    }

    /// A currency named after the amount: "500 rupees", "5 million dollars", "20 US dollars".
    private func currencyAfter(_ index: Int) -> (code: String, end: Int)? {
        guard index < tokens.count, tokens[index].kind == .word else { return nil }
        if let code = entry(index)?.currencyAfter { return (code, index + 1) }
        if let prefix = entry(index)?.dollarPrefix, tokens[index].allCaps, let code = entry(index + 1)?.currencyAfter,
           code == "USD" {
            return (prefix, index + 2)
        }
        return nil
    }

    private func percentAfter(_ index: Int) -> Int? {
        guard index < tokens.count else { return nil }
        if isSymbol(index, "%") { return index + 1 }
        switch cue(index) {
        case .percent:
            return index + 1
        case .per where cue(index + 1) == .cent:
            return index + 2
        case .percentage where cue(index + 1) == .points:
            return index + 2
        default:
            return nil
        }
    }

    /// A unit after an amount: "30 km", "5 kg", "ten days", "14-year-old", "10 years old", "2 square miles".
    private func unitAfter(_ index: Int) -> (Int, String, Bool)? {
        var position = index
        var hyphenated = false
        if isHyphen(position), attached(position), attached(position + 1) {
            position += 1
            hyphenated = true
        }
        guard position < tokens.count, tokens[position].kind == .word else { return nil }
        var prefix = ""
        if cue(position) == .square, let unit = entry(position + 1)?.unit, unit != "year" {
            prefix = isWord(position, "cubic") ? "cu " : "sq "
            position += 1
        }
        guard let unitEntry = entry(position), let symbol = unitEntry.unit else { return nil }
        // Lower-case unit words only, except symbols written in capitals ("MW", "GB").
        if tokens[position].capitalized && !tokens[position].allCaps { return nil }
        if symbol == "m" || symbol == "g", tokens[position].length == 1, !attached(position) {
            // "5 m", "5 g": accept; "5 g" in prose is rare, but "a" after a number never is a unit.
        }
        var end = position + 1
        var isAge = false
        if symbol == "year" {
            // "14-year-old", "10 years old"
            if hyphenated, isHyphen(end), attached(end), cue(end + 1) == .old {
                end += 2
                isAge = true
            } else if !hyphenated, cue(end) == .old {
                end += 1
                isAge = true
            }
        }
        return (end, prefix + symbol, isAge)
    }

    /// "3 pm", "10 a.m.", "3pm"; the hour must be 1–12.
    private func hourWithMeridiem(_ index: Int) -> Match? {
        guard let hour = digitsValue(index), (1...12).contains(hour) else { return nil }
        guard let (isAfternoon, end) = meridiem(index + 1) else { return nil }
        let hour24 = hour % 12 + (isAfternoon ? 12 : 0)
        return Match(first: index, end: end, kind: .time, value: "\(twoDigits(hour24)):00")
    }

    /// "am", "pm", "a.m.", "p.m." at `index`: whether afternoon, and the token after.
    private func meridiem(_ index: Int) -> (Bool, Int)? {
        guard index < tokens.count, tokens[index].kind == .word else { return nil }
        if cue(index) == .morningOrEvening { return (isWord(index, "pm"), index + 1) }
        let isMorning = isWord(index, "a")
        guard isMorning || isWord(index, "p"), isSymbol(index + 1, "."), attached(index + 1),
              isWord(index + 2, "m"), attached(index + 2) else { return nil }
        let end = isSymbol(index + 3, ".") && attached(index + 3) ? index + 4 : index + 3
        return (!isMorning, end)
    }

    /// "3:30", "15:30", "3:30 pm".
    private func time(at index: Int) -> Match? {
        let token = tokens[index]
        guard token.hasColon, !attachedLettersBefore(index) else { return nil }
        var parts: [Int] = []
        var current = 0
        var digits = 0
        for position in token.start..<token.end {
            let value = scalars[position].value
            if value == 0x3A {
                parts.append(current); current = 0
                if position != token.start && digits == 0 { return nil }
                digits = 0
            } else if value >= 0x30 && value <= 0x39 {
                // No part of a clock time has more than two digits; stopping here also keeps a
                // long run of digits before a colon from overflowing `current`.
                digits += 1
                if digits > 2 { return nil }
                current = current * 10 + Int(value - 0x30)
            } else {
                return nil
            }
        }
        guard digits == 2 else { return nil }
        parts.append(current)
        guard parts.count <= 3, parts[0] <= 24, parts[1] < 60 else { return nil }
        var hour = parts[0]
        var end = index + 1
        if let (isAfternoon, after) = meridiem(index + 1), hour <= 12 {
            hour = hour % 12 + (isAfternoon ? 12 : 0)
            end = after
        }
        return Match(first: index, end: end, kind: .time, value: "\(twoDigits(hour)):\(twoDigits(parts[1]))")
    }

    /// A four-digit number is a year in 1900–2099, or earlier after "in", "since", "by" ….
    private func isYearInContext(_ index: Int, _ value: Int) -> Bool {
        if cue(index - 1) == .yearPreposition || (entry(index - 1)?.month ?? 0) > 0 { return true }
        guard (1900...2099).contains(value) else { return false }
        // "1999 people": a count of a plural noun.
        let next = index + 1
        if next < tokens.count, tokens[next].kind == .word, tokens[next].spaceBefore, !tokens[next].capitalized,
           tokens[next].length >= 4, scalars[tokens[next].end - 1] == "s",
           scalars[tokens[next].end - 2] != "s", scalars[tokens[next].end - 2] != "i",
           scalars[tokens[next].end - 2] != "u", entry(next) == nil {
            return false
        }
        return true
    }

    // MARK: - Spelled words that are not numbers

    /// Spelled-out numbers that are really pronouns ("no one", "the one who", "a serious one"),
    /// parts of names ("Formula One") or of compounds ("high-five") are not figures.
    private func acceptSpelled(_ amount: Amount) -> Bool {
        let index = amount.first
        let token = tokens[index]
        // "high-five": glued by a hyphen to a word that is not a number.
        if isHyphen(index - 1), !token.spaceBefore, index >= 2, tokens[index - 2].kind == .word,
           !tokens[index - 1].spaceBefore, (entry(index - 2)?.cardinal ?? -1) < 0 {
            return false
        }
        // A capitalised number word inside a name.
        if token.capitalized, !isSentenceStart(index) {
            let previousIsName = index > 0 && tokens[index - 1].kind == .word && tokens[index - 1].capitalized
            let nextIsName = amount.end < tokens.count && tokens[amount.end].kind == .word
                && tokens[amount.end].capitalized && !tokens[amount.end].lineBreakBefore
            if previousIsName || nextIsName { return false }
        }
        // "zero-sum", "one-sided", "one-off": compound adjectives, not counts ("two-day" has a unit and stays).
        if amount.end == index + 1, let value = amount.value?.integer, value <= 1, isHyphen(amount.end),
           attached(amount.end), attached(amount.end + 1), tokens.count > amount.end + 1,
           tokens[amount.end + 1].kind == .word, entry(amount.end + 1)?.unit == nil,
           (entry(amount.end + 1)?.scale ?? 0) == 0 {
            return false
        }
        guard amount.end == index + 1, isWord(index, "one") else { return true }
        return !isPronounOne(index)
    }

    private func isPronounOne(_ index: Int) -> Bool {
        let previous = cue(index - 1)
        if index > 0, tokens[index - 1].kind == .word,
           previous == .pronounDeterminer || previous == .the || previous == .relative || previous == .another {
            return true
        }
        let nextCue = cue(index + 1)
        if nextCue == .another || nextCue == .relativePronoun { return true }
        if nextCue == .modal, isSentenceStart(index) { return true }
        // "a very serious one." — one ends the phrase an article opened.
        let next = index + 1
        let endsPhrase = next >= tokens.count || tokens[next].lineBreakBefore
            || (tokens[next].kind == .symbol && Self.closingPunctuation.contains(tokens[next].key))
        if endsPhrase {
            var position = index - 1
            var steps = 0
            while position >= 0, steps < 3, tokens[position].kind == .word {
                let word = cue(position)
                if word == .article || word == .the || word == .relative || word == .pronounDeterminer { return true }
                position -= 1
                steps += 1
            }
        }
        return false
    }

    private static let closingPunctuation: Set<UInt64> = [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x22, 0x27,
                                                          0x201D, 0x2019]

    /// Spelled ordinals count when they are clearly numeric: "twenty-first", "thirtieth", "the 19th century".
    /// "first", "second", "third" … on their own are mostly discourse words ("the first time"), not figures.
    private func spelledOrdinal(at index: Int) -> Match? {
        guard let word = entry(index) else { return nil }
        if word.ordinal >= 11 {
            if cue(index + 1) == .century {
                return Match(first: index, end: index + 2, kind: .date, value: "\(twoDigits(word.ordinal - 1))XX")
            }
            return Match(first: index, end: index + 1, kind: .ordinal, value: String(word.ordinal))
        }
        return nil
    }

    // MARK: - Money

    /// "$6 million", "US$2.5bn", "€2bn", "£30", "Rs 500", "Rs. 500", "USD 5", "HK$ 10".
    private func moneyWithPrefix(at index: Int) -> Match? {
        var position = index
        var code: String
        let token = tokens[index]
        if token.kind == .word {
            guard let word = entry(index) else { return nil }
            if let prefix = word.dollarPrefix, token.allCaps, isSymbol(index + 1, "$"), attached(index + 1) {
                code = prefix
                position += 2
            } else if let before = word.currencyBefore, before == "Rs" ? token.capitalized : token.allCaps {
                code = before
                position += 1
                if isSymbol(position, "."), attached(position) { position += 1 }
            } else {
                return nil
            }
        } else {
            guard let symbolCode = Self.currencySymbols[token.key] else { return nil }
            code = symbolCode
            position += 1
        }
        guard position < tokens.count, !tokens[position].lineBreakBefore,
              tokens[position].kind == .digits || (entry(position)?.cardinal ?? -1) >= 0 else { return nil }
        return numeric(at: position, currency: code, first: index)
    }

    private static let currencySymbols: [UInt64: String] = [
        0x24: "USD", 0x20AC: "EUR", 0xA3: "GBP", 0xA5: "JPY", 0x20B9: "INR", 0x20A8: "Rs", 0x20A9: "KRW",
        0x20BD: "RUB", 0x20BA: "TRY", 0x20AA: "ILS", 0x20A6: "NGN", 0x20B1: "PHP", 0x0E3F: "THB", 0x20AB: "VND",
    ]

    // MARK: - Dates

    /// "February 23, 2006", "February 23", "August 2021", "May of 2019", "Feb. 23".
    private func monthFirstDate(_ index: Int) -> Match? {
        guard let word = entry(index), word.month > 0, tokens[index].capitalized else { return nil }
        var position = index + 1
        if word.isAbbreviatedMonth, isSymbol(position, "."), attached(position) { position += 1 }
        if let (dayValue, afterDay) = day(position) {
            // Not "March 2 people": a day is followed by punctuation, a year or a non-noun.
            var end = afterDay
            var yearValue: Int?
            var next = afterDay
            if isSymbol(next, ",") { next += 1 }
            if let found = year(next), !attached(next + 1) || tokens[next + 1].kind == .symbol {
                yearValue = found
                end = next + 1
            }
            return Match(first: index, end: end, kind: .date, value: isoDate(yearValue, word.month, dayValue))
        }
        var next = position
        if cue(next) == .of { next += 1 }
        if let yearValue = year(next) {
            return Match(first: index, end: next + 1, kind: .date, value: isoDate(yearValue, word.month, nil))
        }
        return nil
    }

    /// "23 February 2006", "23rd of February", "2006-02-23", "23/02/2006".
    private func dateStartingWithDigits(_ index: Int) -> Match? {
        if attachedLettersBefore(index) { return nil }
        if let iso = isoDate(at: index) { return iso }
        if let slashed = slashDate(at: index) { return slashed }
        guard let (dayValue, afterDay) = day(index) else { return nil }
        var position = afterDay
        if cue(position) == .of { position += 1 }
        guard let month = entry(position)?.month, month > 0, tokens[position].capitalized else { return nil }
        position += 1
        if entry(position - 1)?.isAbbreviatedMonth == true, isSymbol(position, "."), attached(position) { position += 1 }
        var next = position
        if isSymbol(next, ",") { next += 1 }
        if let yearValue = year(next) {
            return Match(first: index, end: next + 1, kind: .date, value: isoDate(yearValue, month, dayValue))
        }
        return Match(first: index, end: position, kind: .date, value: isoDate(nil, month, dayValue))
    }

    private func isoDate(at index: Int) -> Match? {
        guard let yearValue = year(index), isHyphen(index + 1), attached(index + 1), attached(index + 2),
              tokens.count > index + 4, tokens[index + 2].length == 2, let month = digitsValue(index + 2),
              (1...12).contains(month), isHyphen(index + 3), attached(index + 3), attached(index + 4),
              tokens[index + 4].length == 2, let dayValue = digitsValue(index + 4), (1...31).contains(dayValue)
        else { return nil }
        return Match(first: index, end: index + 5, kind: .date, value: isoDate(yearValue, month, dayValue))
    }

    /// "23/02/2006" (day first) or "2/23/2006" (month first) when the figures tell; otherwise no value.
    private func slashDate(at index: Int) -> Match? {
        guard tokens.count > index + 4, isSymbol(index + 1, "/"), attached(index + 1), attached(index + 2),
              isSymbol(index + 3, "/"), attached(index + 3), attached(index + 4),
              let first = digitsValue(index), let second = digitsValue(index + 2), let third = digitsValue(index + 4),
              tokens[index].length <= 2, tokens[index + 2].length <= 2,
              tokens[index + 4].length == 4 || tokens[index + 4].length == 2 else { return nil }
        let yearValue = tokens[index + 4].length == 4 ? third : nil
        var value: String?
        if first > 12, second <= 12, first <= 31 { value = isoDate(yearValue, second, first) }
        else if second > 12, first <= 12, second <= 31 { value = isoDate(yearValue, first, second) }
        else if first > 31 || second > 31 { return nil }
        return Match(first: index, end: index + 5, kind: .date, value: value)
    }

    /// "Thursday, February 23, 2006", "Monday 23 February".
    private func dateAfterWeekday(_ index: Int) -> Match? {
        var position = index + 1
        if isSymbol(position, ",") { position += 1 }
        guard position < tokens.count, !tokens[position].lineBreakBefore else { return nil }
        if let date = monthFirstDate(position) ?? dateStartingWithDigits(position), date.kind == .date {
            return Match(first: index, end: date.end, kind: .date, value: date.value)
        }
        return nil
    }

    /// Relative dates: "last week", "this weekend", "the past few days", "the last 30 years", "next Friday",
    /// "the start of 2024", "the end of the year", "early 2024", "mid-2024", "a year ago".
    private func relativeDate(at index: Int) -> Match? {
        var position = index
        let startsWithThe = cue(index) == .the
        if startsWithThe { position += 1 }
        switch cue(position) {
        case .relative:
            let direction = relativeDirection(position)
            let next = position + 1
            guard next < tokens.count, tokens[next].kind == .word || tokens[next].kind == .digits else { return nil }
            if let word = entry(next), word.weekday, tokens[next].capitalized {
                return Match(first: index, end: next + 1, kind: .date, value: "\(direction) \(lowercased(next))")
            }
            if let period = entry(next)?.period, isSingular(next) {
                // "this week", "last year"; "the last year" too (a "the" in front keeps the meaning).
                return Match(first: index, end: next + 1, kind: .date, value: "\(direction == "+0" ? "+0" : direction + "1") \(period)")
            }
            // "the past few days", "the last 30 years", "the next two weeks"
            var countEnd = next
            var countText: String?
            if cue(next) == .vague {
                countEnd = next + 1
                if cue(countEnd) == .of { countEnd += 1 }
                countText = "few"
            } else if let counted = amount(at: next, currency: false), counted.value != nil {
                countEnd = counted.end
                countText = counted.value?.text
            }
            if let countText, let period = entry(countEnd)?.period, !isSingular(countEnd) || countText == "1" {
                let sign = direction == "+0" ? "-" : direction
                return Match(first: index, end: countEnd + 1, kind: .date, value: "\(sign)\(countText) \(period)")
            }
            return nil
        case .edge where startsWithThe:
            // "the start of 2024", "the end of the year", "the beginning of March"
            guard cue(position + 1) == .of else { return nil }
            var next = position + 2
            if let yearValue = year(next) {
                return Match(first: index, end: next + 1, kind: .date, value: String(yearValue))
            }
            if let date = monthFirstDate(next) {
                return Match(first: index, end: date.end, kind: .date, value: date.value)
            }
            if let decade = decade(at: next) {
                return Match(first: index, end: decade.end, kind: .date, value: decade.value)
            }
            if cue(next) == .the || cue(next) == .relative { next += 1 }
            if entry(next)?.period != nil, isSingular(next), next > position + 2 {
                return Match(first: index, end: next + 1, kind: .date, value: nil)
            }
            return nil
        case .approximate where !startsWithThe:
            // "early 2024", "mid-2024", "late March", "the late 1990s"
            var next = position + 1
            if isHyphen(next), attached(next) { next += 1 }
            if let yearValue = year(next), !attached(next + 1) || tokens[next + 1].kind == .symbol {
                return Match(first: index, end: next + 1, kind: .date, value: String(yearValue))
            }
            if let decade = decade(at: next) {
                return Match(first: index, end: decade.end, kind: .date, value: decade.value)
            }
            if let month = entry(next)?.month, month > 0, tokens[next].capitalized {
                if let date = monthFirstDate(next) { return Match(first: index, end: date.end, kind: .date, value: date.value) }
                return Match(first: index, end: next + 1, kind: .date, value: nil)
            }
            return nil
        case .article where !startsWithThe:
            // "a year ago"
            if let period = entry(position + 1)?.period, cue(position + 2) == .ago {
                return Match(first: index, end: position + 3, kind: .date, value: "-1 \(period)")
            }
            return nil
        default:
            if startsWithThe, let decade = decade(at: position) {
                return Match(first: position, end: decade.end, kind: .year, value: decade.value)
            }
            return nil
        }
    }

    /// "1990s", "the '90s".
    private func decade(at index: Int) -> Match? {
        guard index + 1 < tokens.count, tokens[index].kind == .digits, attached(index + 1), isWord(index + 1, "s"),
              let value = digitsValue(index), value % 10 == 0, tokens[index].length == 4 else { return nil }
        return Match(first: index, end: index + 2, kind: .year, value: "\(value)s")
    }

    private func decadeWithApostrophe(at index: Int) -> Match? {
        guard tokens[index].key == 0x27 || tokens[index].key == 0x2019, index + 2 < tokens.count,
              attached(index + 1), tokens[index + 1].kind == .digits, tokens[index + 1].length == 2,
              attached(index + 2), isWord(index + 2, "s"), let value = digitsValue(index + 1), value % 10 == 0
        else { return nil }
        return Match(first: index, end: index + 3, kind: .year, value: "\(value)s")
    }

    /// "spring 2020", "summer of 2019".
    private func seasonDate(at index: Int) -> Match? {
        var next = index + 1
        if cue(next) == .of { next += 1 }
        guard let yearValue = year(next) else { return nil }
        return Match(first: index, end: next + 1, kind: .date, value: "\(yearValue) \(lowercased(index))")
    }

    /// "between 5 and 7", "between 2004 and 2009".
    private func betweenRange(at index: Int) -> Match? {
        guard let low = amount(at: index + 1, currency: false), !(low.spelled && !acceptSpelled(low)),
              cue(low.end) == .and, let high = amount(at: low.end + 1, currency: false), high.spelled == low.spelled,
              let lowValue = low.value, let highValue = high.value else { return nil }
        var end = high.end
        var kind = NumberKind.range
        if let percentEnd = percentAfter(end) { end = percentEnd; kind = .percent }
        else if let (unitEnd, _, _) = unitAfter(end) { end = unitEnd }
        return Match(first: index, end: end, kind: kind, value: "\(lowValue.text)..\(highValue.text)")
    }

    private func relativeDirection(_ index: Int) -> String {
        if isWord(index, "this") || isWord(index, "coming") { return isWord(index, "coming") ? "+" : "+0" }
        if isWord(index, "next") || isWord(index, "following") { return "+" }
        return "-"
    }

    /// Period words are all singular without a final "s" ("week", "century") and plural with one.
    private func isSingular(_ index: Int) -> Bool {
        guard index < tokens.count, tokens[index].kind == .word else { return false }
        let last = scalars[tokens[index].end - 1]
        return last != "s" && last != "S"
    }

    private func lowercased(_ index: Int) -> String {
        var view = String.UnicodeScalarView()
        for position in tokens[index].start..<tokens[index].end {
            let scalar = scalars[position]
            view.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value | 0x20)! : scalar)
        }
        return String(view)
    }

    private func isoDate(_ year: Int?, _ month: Int, _ day: Int?) -> String {
        let yearText = year.map { String($0) } ?? "-"
        if let day { return "\(yearText)-\(twoDigits(month))-\(twoDigits(day))" }
        return "\(yearText)-\(twoDigits(month))"
    }

    /// At least two digits: 7 → "07".
    private func twoDigits(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0\(value)" : String(value)
    }
}
