/// What a block of pasted page text looks like: how many words, how sentence-like, and its
/// lowercased head for matching boilerplate phrases. The boilerplate filter decides from this.
struct LineProfile: Sendable {
    var span: Span
    var words = 0
    var lowercaseWords = 0
    var stopWords = 0
    /// Ends with . ! ? … (closing quotes and brackets skipped).
    var endsSentence = false
    /// Has a quotation mark and a speech verb: never dropped as chrome.
    var hasAttributedQuote = false
    /// The first `headLimit` scalars, lowercased, spaces collapsed.
    var head = ""
    /// The last `tailLimit` scalars, lowercased; for calls to comment at the end of a paragraph.
    var tail = ""
    var headBytes: [UInt8] = []
    var tailBytes: [UInt8] = []

    static let headLimit = 400
    static let tailLimit = 300

    init(span: Span, in scalars: [Unicode.Scalar]) {
        self.span = span
        var word = ""
        var wordStartsLower = false
        var quoteMarks = 0
        var speechVerb = false
        func finishWord() {
            guard !word.isEmpty else { return }
            words += 1
            if wordStartsLower { lowercaseWords += 1 }
            if LineProfile.stopWords.contains(word) { stopWords += 1 }
            if !speechVerb && LineProfile.speechVerbs.contains(word) { speechVerb = true }
            word = ""
        }
        var head = String.UnicodeScalarView()
        var lastWasSpace = false
        for i in span.start..<span.end {
            let c = scalars[i]
            let isWordScalar = c.properties.isAlphabetic || (c.value >= 0x30 && c.value <= 0x39)
            if isWordScalar {
                if word.isEmpty { wordStartsLower = c.properties.isLowercase }
                word.unicodeScalars.append(LineProfile.lower(c))
            } else if (c == "'" || c == "’") && !word.isEmpty {
                word.unicodeScalars.append("'")
            } else {
                finishWord()
            }
            if c == "\"" || c == "“" || c == "”" || c == "«" || c == "»" { quoteMarks += 1 }
            if i - span.start < LineProfile.headLimit {
                let space = c == " " || c == "\t" || c == "\n"
                if !(space && lastWasSpace) { head.append(space ? " " : LineProfile.lower(c)) }
                lastWasSpace = space
            }
        }
        finishWord()
        self.head = String(head)
        hasAttributedQuote = quoteMarks >= 2 && speechVerb
        var tail = String.UnicodeScalarView()
        for i in max(span.start, span.end - LineProfile.tailLimit)..<span.end { tail.append(LineProfile.lower(scalars[i])) }
        self.tail = String(tail)
        headBytes = Array(self.head.utf8)
        tailBytes = Array(self.tail.utf8)
        var e = span.end
        while e > span.start && "\"”’')]»".unicodeScalars.contains(scalars[e - 1]) { e -= 1 }
        if e > span.start { endsSentence = ".!?…".unicodeScalars.contains(scalars[e - 1]) }
    }

    var lowercaseRatio: Double { words == 0 ? 0 : Double(lowercaseWords) / Double(words) }
    var stopRatio: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }

    /// Sentence-like running text: enough words, function words, mostly lowercase, finished.
    var isProse: Bool {
        // Function words are English-only; lowercase running words and a full stop work in any Latin,
        // Cyrillic or Greek script.
        guard words >= 7 else { return false }
        if words >= 30 { return lowercaseRatio >= 0.3 || stopRatio >= 0.1 }
        return (lowercaseRatio >= 0.4 || stopRatio >= 0.2) && (endsSentence || words >= 18)
    }

    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value < 0x80 {
            return c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 32)! : c
        }
        if c.properties.isUppercase, let l = c.properties.lowercaseMapping.unicodeScalars.first { return l }
        return c
    }

    /// General English function words: running prose is full of them, menus and headlines are not.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "it's", "this",
        "that", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my",
        "your", "him", "them", "us", "who", "which", "what", "when", "where", "while", "not", "no", "also",
        "than", "then", "there", "so", "if", "into", "about", "after", "before", "over", "under", "more",
        "most", "will", "would", "can", "could", "should", "may", "might", "said", "says", "do", "does",
        "did", "all", "some", "any", "one", "such", "only", "just", "up", "out", "very", "because", "since",
        "during", "between", "against", "through", "however", "although", "though",
    ]

    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "asked", "stated", "wrote", "according", "explained",
        "noted", "argued", "warned", "insisted", "claimed", "announced", "declared", "replied", "tweeted",
    ]
}
