/// Pairs quotation marks inside one paragraph: curly, straight, single and guillemets, nested,
/// with apostrophes (don’t, ’90s, students’) told apart from single quotes.
///
/// One pass over the paragraph with a small bounded stack, so any number of unmatched marks
/// costs linear time and can never make a quotation run past its paragraph.
struct QuoteMarkMatcher: Sendable {
    enum Family: Sendable, Equatable { case double, single, angle, angleSingle }

    enum Role: Sendable, Equatable {
        case open, close
        /// A straight quote with no telling context: closes an open one, else opens.
        case either
        /// A right-flanking single mark: closes an open single quote, else it is an apostrophe.
        case closeIfOpen
    }

    /// A matched pair of marks, or an opening mark whose quotation runs to the end of its paragraph.
    struct Pair: Sendable, Equatable {
        var open: Int
        /// Offset of the closing mark; nil when the quotation is left open at the paragraph's end.
        var close: Int?
        var family: Family
    }

    /// How far down the stack a closing mark looks for its opener: deeper nesting is not written.
    static let searchDepth = 4
    /// Openers kept at most; older ones are forgotten (they could only be unmatched).
    static let stackLimit = 8

    static func isQuoteMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0xAB, 0xBB, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A: return true
        default: return false
        }
    }

    static func isSpace(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return true }
        return c == " " || c == "\t" || c == "\n" || c == "\u{A0}" || c == "\u{202F}" || c == "\u{2009}"
    }

    /// What may stand right before an opening mark.
    static func isOpeningContext(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return true }
        if isSpace(c) || isQuoteMark(c) { return true }
        switch c {
        case "(", "[", "{", "\u{2014}", "\u{2013}", "/", "-", ":": return true
        default: return false
        }
    }

    /// What may stand right after a closing mark.
    static func isClosingContext(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return true }
        if isSpace(c) || isQuoteMark(c) { return true }
        switch c {
        case ".", ",", ";", ":", "!", "?", ")", "]", "}", "\u{2014}", "\u{2013}", "\u{2026}", "-", "/": return true
        default: return false
        }
    }

    static func isLetter(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return ParagraphTokenizer.isWordScalar(c)
    }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.value >= 0x30 && c.value <= 0x39
    }

    /// Words that start with an apostrophe in English elisions ('em, 'tis, 'n').
    static func isElision(_ scalars: ArticleScalars, from start: Int, end: Int) -> Bool {
        var word = ""
        var k = start
        while k < end, k - start < 6, isLetter(scalars[k]) {
            word.unicodeScalars.append(scalars[k])
            k += 1
        }
        if k < end, isLetter(scalars[k]) { return false }
        switch word.lowercased() {
        case "em", "tis", "twas", "n", "cause", "til", "round": return true
        default: return false
        }
    }

    /// The family and role of the mark at `i`, or nil when it is an apostrophe (or stray).
    static func classify(_ scalars: ArticleScalars, at i: Int, in paragraph: Span) -> (Family, Role)? {
        let c = scalars[i]
        let prev: Unicode.Scalar? = i > paragraph.start ? scalars[i - 1] : nil
        let next: Unicode.Scalar? = i + 1 < paragraph.end ? scalars[i + 1] : nil
        let left = !isSpace(next) && isOpeningContext(prev)
        let right = !isSpace(prev) && isClosingContext(next)
        switch c.value {
        case 0x201C: // “ opens; written by mistake as a closer after the words it closes
            return (.double, right && !left ? .close : .open)
        case 0x201D: // ” closes; Swedish and typos open with it
            return (.double, left && !right ? .open : .close)
        case 0x201E: // „ opens (German, Polish)
            return (.double, .open)
        case 0x22: // "
            if left && !right { return (.double, .open) }
            if right && !left { return (.double, .close) }
            if isSpace(prev) && isSpace(next) { return nil }
            return (.double, .either)
        case 0xAB, 0xBB: // « » open or close depending on the side the words are on
            if left && !right { return (.angle, .open) }
            if right && !left { return (.angle, .close) }
            return (.angle, .either)
        case 0x2039, 0x203A:
            if left && !right { return (.angleSingle, .open) }
            if right && !left { return (.angleSingle, .close) }
            return nil
        case 0x201A: // ‚ opens (German single)
            return (.single, .open)
        case 0x2018, 0x2019, 0x27: // ‘ ’ '
            if isLetter(prev) && isLetter(next) { return nil } // don’t, O'Brien
            if left && !right {
                if isDigit(next) { return nil } // ’90s
                if isElision(scalars, from: i + 1, end: paragraph.end) { return nil }
                return c.value == 0x2019 ? nil : (.single, .open)
            }
            if right && !left { return (.single, .closeIfOpen) } // students’ when nothing is open
            return nil
        default:
            return nil
        }
    }

    /// Pairs in `paragraph`, in order of their opening marks, plus at most one opener left open.
    func pairs(in scalars: ArticleScalars, paragraph: Span) -> [Pair] {
        var stack: [Pair] = []
        var pairs: [Pair] = []
        var forgotOpeners = false
        var i = paragraph.start
        while i < paragraph.end {
            let c = scalars[i]
            guard Self.isQuoteMark(c), let (family, role) = Self.classify(scalars, at: i, in: paragraph) else {
                i += 1
                continue
            }
            var closedAt: Int? = nil
            if role != .open {
                let lowest = max(0, stack.count - Self.searchDepth)
                var k = stack.count - 1
                while k >= lowest {
                    if stack[k].family == family { closedAt = k; break }
                    k -= 1
                }
            }
            if let k = closedAt {
                var pair = stack[k]
                pair.close = i
                pairs.append(pair)
                stack.removeSubrange(k...)
            } else if role == .open || role == .either {
                if stack.count == Self.stackLimit {
                    stack.removeFirst()
                    forgotOpeners = true
                }
                stack.append(Pair(open: i, close: nil, family: family))
            }
            i += 1
        }
        // The one opener left open may run to the end of the paragraph (the caller decides); several
        // left open are noise, not a quotation.
        let open = stack.filter { $0.family == .double || $0.family == .angle }
        if open.count == 1, !forgotOpeners {
            pairs.append(open[0])
        }
        pairs.sort { $0.open < $1.open }
        return pairs
    }
}
