/// Verbs that introduce speech ("said", "emphasised", "lauded"), with their inflections, and nouns that carry it.
///
/// General English only: the base forms below are expanded once into every inflection
/// (says/said/saying …) and held in sets, so a lookup is one hash of a short lowercase word.
public enum SpeechVerbs {
    /// Regular verbs: the inflections are derived (stress → stresses, stressed, stressing).
    static let regularBases: [String] = [
        "acknowledge", "add", "admit", "advise", "advocate", "affirm", "agree", "allege", "announce", "answer",
        "argue", "ask", "assert", "assure", "boast", "call", "caution", "claim",
        "comment", "complain", "concede", "conclude", "condemn", "confirm", "contend", "continue", "counter",
        "criticize", "criticise", "declare", "demand", "deny", "describe", "disclose", "dismiss", "echo",
        "elaborate", "emphasize", "emphasise", "estimate", "exclaim", "explain", "highlight", "indicate", "inform",
        "insist", "joke", "lament", "laud", "maintain", "mention", "mutter", "note", "observe", "plead",
        "pledge", "praise", "predict", "proclaim", "promise", "propose", "protest", "quip", "reason", "recall", "recount", "reiterate", "reject", "remark", "remind", "repeat",
        "reply", "respond", "retort", "reveal", "scoff", "scream", "shout", "sigh", "snap", "speculate",
        "state", "stress", "suggest", "testify", "thank", "threaten", "underline", "underscore", "urge",
        "vow", "warn", "whisper", "welcome", "wonder", "yell", "characterize", "characterise", "clarify", "confide",
        "recommend", "hail", "accuse", "blame", "cry", "chant", "beg", "blast", "assure", "order",
        // Verbs of naming, pleading, instructing and reacting that news uses to attribute words
        // (general English, from the usual lists of reporting verbs).
        "dub", "brand", "label", "implore", "instruct", "concur", "confess", "brag", "grumble", "groan",
        "muse", "marvel", "fume", "gush", "opine", "posit", "interject", "summarize", "summarise", "rebut",
        "lash", "bemoan", "decry", "deplore", "applaud", "exult", "rejoice", "reassure", "preach",
    ]

    /// Irregular verbs, every form written out.
    static let irregularForms: [String] = [
        "say", "says", "said", "saying",
        "tell", "tells", "told", "telling",
        "write", "writes", "wrote", "written", "writing",
        "speak", "speaks", "spoke", "spoken", "speaking",
        "tweeted", "tweeting", "reported", "reporting", "quoted", "quoting", "pointed",
        "forecast", "forecasts", "forecasting",
        "broadcast", "broadcasts",
        "posted", "reads",
    ]

    /// Forms that also work inverted after a quotation: `"…," said Marlowe`, `"…," added the minister`.
    /// "told" and "asked" are left out: after a quote they take an object ("told reporters").
    static let invertibleBases: [String] = [
        "say", "add", "continue", "explain", "note", "write", "reply", "answer", "respond", "recall", "insist",
        "state", "declare", "remark", "observe", "conclude", "warn", "argue", "stress", "emphasize", "emphasise",
        "announce", "admit", "concede", "exclaim", "shout", "whisper", "retort", "quip", "tweet", "comment",
        "suggest", "claim", "counter", "echo", "affirm", "assert", "confirm", "predict", "reason",
    ]

    /// Every form of every speech verb, lowercased.
    public static let forms: Set<String> = {
        var all = Set(irregularForms)
        for base in regularBases { all.formUnion(inflections(of: base)) }
        return all
    }()

    /// The forms that can come before their subject after a quote ("said X").
    public static let invertibleForms: Set<String> = {
        var all: Set<String> = []
        for base in invertibleBases {
            switch base {
            case "say": all.formUnion(["say", "says", "said"])
            case "write": all.formUnion(["writes", "wrote"])
            default: all.formUnion(inflections(of: base).filter { !$0.hasSuffix("ing") })
            }
        }
        return all
    }()

    /// Participles that introduce speech after a comma ("…, adding that", "…, stating his commitment").
    public static func isParticiple(_ word: String) -> Bool { word.hasSuffix("ing") && formWords.contains(word) }

    /// Whether a lowercased word is a form of a speech verb.
    public static func contains(_ word: String) -> Bool { formWords.contains(word) }

    /// Whether the ASCII word `scalars[start..<end]`, lowercased, is a form of a speech verb;
    /// nil when the word has a non-ASCII scalar (the caller must then look at it as a `String`).
    static func containsWord(_ scalars: ArticleScalars, _ start: Int, _ end: Int) -> Bool? {
        for k in start..<end where scalars[k].value >= 0x80 { return nil }
        return formWords.contains(lowercasing: scalars, start, end)
    }

    /// `forms` for lookups: this runs for every word of the article's paragraphs.
    private static let formWords = WordSet(forms.sorted())

    /// Nouns that carry speech the way a verb does ("in a statement", "Tessaro's statement added").
    public static let speechNouns: Set<String> = [
        "statement", "statements", "remarks", "comments", "interview", "tweet", "post", "letter", "release",
        "announcement", "testimony", "speech", "blog", "message", "analysis", "report", "study", "review", "findings",
    ]

    /// The base form's inflections: -s/-es, -ed/-d, -ing, with the usual spelling changes.
    static func inflections(of base: String) -> [String] {
        var forms = [base]
        let scalars = Array(base.unicodeScalars)
        guard let last = scalars.last else { return forms }
        let beforeLast = scalars.count > 1 ? scalars[scalars.count - 2] : " "
        let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]
        let stem = String(String.UnicodeScalarView(scalars.dropLast()))
        if last == "y" && !vowels.contains(beforeLast) {
            forms += [stem + "ies", stem + "ied", base + "ing"]
        } else if last == "e" {
            forms += [base + "s", base + "d", stem + "ing"]
        } else if last == "s" || last == "x" || last == "h" && (beforeLast == "s" || beforeLast == "c") || last == "o" {
            forms += [base + "es", base + "ed", base + "ing"]
        } else if ["snap", "quip", "admit", "vow", "beg", "dub"].contains(base) {
            // Short verbs with a doubled final consonant, begged, dubbed (but not "vow").
            let doubled = base == "vow" ? base : base + String(last)
            forms += [base + "s", doubled + "ed", doubled + "ing"]
        } else {
            forms += [base + "s", base + "ed", base + "ing"]
        }
        return forms
    }
}
