/// Splits a paragraph into sentences in one pass over its scalars.
///
/// A sentence ends at . ! ? or an ellipsis, after any closing quotes and brackets, when
/// whitespace and a capital, digit or opening quote follow. Titles and other abbreviations
/// ("Gen.", "Dr.", "St."), initials ("J. R."), and dotted acronyms ("U.S.") do not end a
/// sentence unless the next word is one that typically starts one ("The", "He", …).
public enum SentenceSplitter {
    public static func sentences(in span: Span, of scalars: ArticleScalars) -> [Span] {
        var result: [Span] = []
        var start = skipSpace(from: span.start, to: span.end, scalars)
        var i = start
        while i < span.end {
            let c = scalars[i]
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
            var end = i + 1
            // "..." and "?!" runs end together.
            while end < span.end, ".!?…".unicodeScalars.contains(scalars[end]) { end += 1 }
            let ellipsis = c == "…" || end - i >= 3
            while end < span.end, closers.contains(scalars[end]) { end += 1 }
            guard end < span.end, isSpace(scalars[end]) else { i = end; continue }
            let next = skipSpace(from: end, to: span.end, scalars)
            guard next < span.end else { break }
            let n = scalars[next]
            // In ASCII only A–Z are uppercase and only 0–9 numeric (`ScalarPropertiesTests` checks it).
            let capitalOrDigit = n.value < 0x80 ? (n.value >= 0x41 && n.value <= 0x5A) || (n.value >= 0x30 && n.value <= 0x39)
                : n.hasUppercaseProperty || n.hasNumericProperty
            let startsSentence = capitalOrDigit || openers.contains(n)
            var boundary = startsSentence
            if boundary && c == "." && !ellipsis {
                switch tokenKind(before: i, lowerBound: start, scalars) {
                case .abbreviation, .initial: boundary = false
                case .acronym: boundary = nextWordStartsSentence(at: next, end: span.end, scalars)
                case .word: break
                }
            } else if boundary && ellipsis {
                boundary = nextWordStartsSentence(at: next, end: span.end, scalars)
            }
            if boundary {
                result.append(Span(start, end))
                start = next
                i = next
            } else {
                i = end
            }
        }
        var e = span.end
        while e > start && isSpace(scalars[e - 1]) { e -= 1 }
        if e > start { result.append(Span(start, e)) }
        return result
    }

    enum TokenKind { case word, abbreviation, initial, acronym }

    /// What the word right before a full stop is: "Gen", "J", "U.S", or an ordinary word.
    static func tokenKind(before period: Int, lowerBound: Int, _ scalars: ArticleScalars) -> TokenKind {
        var s = period
        // Look back at most 12 scalars: abbreviations are short, and this keeps the pass linear.
        while s > lowerBound && period - s < 12 {
            let p = scalars[s - 1]
            // ASCII letters answered without the Unicode property tables (one look per scalar before each full stop).
            let alphabetic = p.value < 0x80 ? (p.value | 0x20) >= 0x61 && (p.value | 0x20) <= 0x7A : p.hasAlphabeticProperty
            if alphabetic || p == "." { s -= 1 } else { break }
        }
        guard s < period else { return .word }
        var letters = 0
        var dots = 0
        for j in s..<period {
            if scalars[j] == "." { dots += 1 } else { letters += 1 }
        }
        if dots > 0 && letters <= dots + 1 { return .acronym }       // U.S, U.N, e.g, a.m
        if letters == 1 && scalars[s].hasUppercaseProperty { return .initial }
        // Only now the word as a string: most full stops follow an ordinary word no list holds.
        if abbreviations.contains(ArticleText.utf8String(scalars, s, period)) { return .abbreviation }
        return .word
    }

    static func nextWordStartsSentence(at index: Int, end: Int, _ scalars: ArticleScalars) -> Bool {
        var j = index
        while j < end, openers.contains(scalars[j]) { j += 1 }
        var word = ""
        while j < end, scalars[j].hasAlphabeticProperty, word.unicodeScalars.count < 12 {
            word.unicodeScalars.append(scalars[j])
            j += 1
        }
        return sentenceStarters.contains(word)
    }

    static func skipSpace(from: Int, to end: Int, _ scalars: ArticleScalars) -> Int {
        var i = from
        while i < end && isSpace(scalars[i]) { i += 1 }
        return i
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\u{A0}" }

    static let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "]", "»", "›"]
    static let openers: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "(", "[", "«", "‹", "—", "–"]

    /// Titles, ranks and common abbreviations that are followed by a capitalised name.
    static let abbreviations = Abbreviations.words

    /// Words that start a new sentence after an acronym ("… in the U.S. The …") or an ellipsis.
    static let sentenceStarters: WordSet = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
        "But", "And", "Yet", "So", "However", "In", "On", "At", "For", "After", "Before", "When", "While", "If",
        "His", "Her", "Their", "Our", "Its", "Some", "Many", "Most", "Other", "Officials", "Meanwhile", "Still",
        "Now", "Then", "Last", "Next", "As", "Also", "According",
    ]
}
