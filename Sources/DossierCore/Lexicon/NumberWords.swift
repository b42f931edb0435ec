/// A word packed into an integer so that the number annotator can look words up without building
/// a `String`: up to 12 ASCII letters, lowercased, 5 bits each (a = 1 … z = 26). 0 means "not packable".
enum PackedWord {
    static let maxLetters = 12

    static func pack(_ word: String) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        for scalar in word.unicodeScalars {
            let value = scalar.value | 0x20
            guard value >= 0x61, value <= 0x7A, count < maxLetters else { return 0 }
            key |= UInt64(value - 0x60) << UInt64(5 * count)
            count += 1
        }
        return key
    }
}

/// The role a small function word plays around numbers ("between 5 and 7", "the start of 2024").
enum NumberCue: UInt8, Sendable {
    case none
    case article          // a, an
    case the
    case of
    case and
    case to
    case between
    case per
    case cent
    case percent          // percent, pct
    case percentage       // percentage (points)
    case points
    case old              // "10 years old"
    case ago
    case relative         // last, this, next, past, coming, previous, following
    case edge             // start, end, beginning, middle, turn, close
    case approximate      // early, late, mid
    case vague            // few, several, couple
    case half
    case pronounDeterminer  // no, the, this, that … before a pronoun "one"
    case modal            // "One can …": generic pronoun
    case relativePronoun  // who, whom, whose
    case another
    case square           // square, sq, cubic
    case morningOrEvening // am, pm (the letters of "a.m." are handled separately)
    case century
    case yearPreposition  // in, since, by, until … before a year
}

/// Everything the number annotator knows about one word; most words have one role, some several
/// ("second" is an ordinal and a unit of time, "May" a month, "pounds" money or weight).
struct NumberLexeme: Sendable {
    var cue: NumberCue = .none
    /// zero … nineteen, and the tens twenty … ninety; -1 when not a cardinal.
    var cardinal = -1
    /// hundred, thousand, million, billion, trillion, dozen, lakh, crore.
    var scale = 0
    var ordinal = 0
    /// Ordinal suffix of a written number: st, nd, rd, th.
    var isOrdinalSuffix = false
    var month = 0
    var isAbbreviatedMonth = false
    var weekday = false
    /// A unit of measure, canonical symbol ("km", "kg", "year"): index into `NumberLexicon.strings`.
    var unitIndex: UInt16 = 0
    /// A period of time usable in relative dates ("last week", "the past few days").
    var periodIndex: UInt16 = 0
    var isSeason = false
    /// A currency named after the amount ("500 rupees"): its code.
    var currencyAfterIndex: UInt16 = 0
    /// A currency written before the amount ("USD 5", "Rs 500"): its code; must be capitalised.
    var currencyBeforeIndex: UInt16 = 0
    /// Letters that may sit before "$" ("US$", "A$", "HK$").
    var dollarPrefixIndex: UInt16 = 0
    /// Abbreviated multipliers ("2.5bn", "£6m", "5k").
    var abbreviatedScale = 0
    /// The abbreviated multiplier is only one after a currency ("£6m" but "100m" is metres).
    var abbreviatedScaleNeedsCurrency = false

    // The strings live in one table so that a lexeme is plain data: copying one costs no reference counting.
    var unit: String? { NumberLexicon.string(unitIndex) }
    var period: String? { NumberLexicon.string(periodIndex) }
    var currencyAfter: String? { NumberLexicon.string(currencyAfterIndex) }
    var currencyBefore: String? { NumberLexicon.string(currencyBeforeIndex) }
    var dollarPrefix: String? { NumberLexicon.string(dollarPrefixIndex) }
}

/// The general word lists of numbers, dates, units and currencies, parsed once into one table.
struct NumberLexicon: Sendable {
    let entries: [NumberLexeme]
    /// Open-addressing hash table of packed words → entry index + 1 (0 = empty slot); a multiplicative
    /// hash on the packed word is much cheaper than `Dictionary`'s seeded hashing in the tokenizer's loop.
    private let slots: [UInt64]
    private let slotEntries: [Int32]
    private let slotShift: UInt64
    let strings: [String]

    static let shared = NumberLexicon()

    static func string(_ index: UInt16) -> String? { index == 0 ? nil : shared.strings[Int(index)] }

    /// The entry index of a packed word, or -1.
    @inline(__always)
    func lexeme(_ key: UInt64) -> Int32 {
        guard key != 0 else { return -1 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> slotShift)
        while true {
            let stored = slots[slot]
            if stored == key { return slotEntries[slot] }
            if stored == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    private init() {
        var table: [String: NumberLexeme] = [:]
        var strings = [""]
        var interned: [String: UInt16] = [:]
        func intern(_ text: String?) -> UInt16 {
            guard let text else { return 0 }
            if let known = interned[text] { return known }
            strings.append(text)
            interned[text] = UInt16(strings.count - 1)
            return UInt16(strings.count - 1)
        }
        func edit(_ word: String, _ change: (inout NumberLexeme) -> Void) {
            var entry = table[word] ?? NumberLexeme()
            change(&entry)
            table[word] = entry
        }

        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                     "eighteen", "nineteen"]
        for (value, word) in units.enumerated() { edit(word) { $0.cardinal = value } }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (offset, word) in tens.enumerated() { edit(word) { $0.cardinal = 20 + 10 * offset } }
        for (word, value) in [("hundred", 100), ("thousand", 1_000), ("million", 1_000_000),
                              ("billion", 1_000_000_000), ("trillion", 1_000_000_000_000), ("dozen", 12),
                              ("lakh", 100_000), ("crore", 10_000_000)] {
            edit(word) { $0.scale = value }
        }
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                        "seventeenth", "eighteenth", "nineteenth"]
        for (offset, word) in ordinals.enumerated() { edit(word) { $0.ordinal = offset + 1 } }
        for (offset, word) in ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                               "eightieth", "ninetieth"].enumerated() {
            edit(word) { $0.ordinal = 20 + 10 * offset }
        }
        edit("hundredth") { $0.ordinal = 100 }
        edit("thousandth") { $0.ordinal = 1_000 }
        edit("millionth") { $0.ordinal = 1_000_000 }
        for suffix in ["st", "nd", "rd", "th"] { edit(suffix) { $0.isOrdinalSuffix = true } }

        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]
        for (offset, word) in months.enumerated() { edit(word) { $0.month = offset + 1 } }
        for (word, month) in [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
                              ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)] {
            edit(word) { $0.month = month; $0.isAbbreviatedMonth = true }
        }
        for word in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] {
            edit(word) { $0.weekday = true }
        }

        // Periods of time: units of duration and the periods of relative dates.
        for (words, symbol) in [(["second", "seconds", "sec", "secs"], "s"), (["minute", "minutes", "min", "mins"], "min"),
                                (["hour", "hours", "hr", "hrs"], "h"), (["day", "days"], "day"),
                                (["week", "weeks"], "week"), (["fortnight", "fortnights"], "fortnight"),
                                (["month", "months"], "month"), (["year", "years", "yr", "yrs"], "year"),
                                (["decade", "decades"], "decade"), (["century", "centuries"], "century"),
                                (["quarter", "quarters"], "quarter")] {
            for word in words { edit(word) { $0.unitIndex = intern(symbol); $0.periodIndex = intern(symbol) } }
        }
        for word in ["weekend", "weekends", "morning", "afternoon", "evening", "night", "term", "semester"] {
            edit(word) { $0.periodIndex = intern(word.hasSuffix("s") ? String(word.dropLast()) : word) }
        }
        for word in ["spring", "summer", "autumn", "fall", "winter"] {
            edit(word) { $0.periodIndex = intern(word); $0.isSeason = true }
        }
        edit("century") { $0.cue = .century }
        edit("centuries") { $0.cue = .century }

        // Units of measure, by canonical symbol.
        let measures: [(String, [String])] = [
            ("km", ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"]),
            ("m", ["m", "metre", "metres", "meter", "meters"]),
            ("cm", ["cm", "centimetre", "centimetres", "centimeter", "centimeters"]),
            ("mm", ["mm", "millimetre", "millimetres", "millimeter", "millimeters"]),
            ("mi", ["mile", "miles", "mi"]), ("ft", ["ft", "foot", "feet"]), ("in", ["inch", "inches"]),
            ("yd", ["yard", "yards", "yd", "yds"]),
            ("kg", ["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"]),
            ("g", ["g", "gram", "grams", "gramme", "grammes"]), ("mg", ["mg", "milligram", "milligrams"]),
            ("t", ["tonne", "tonnes", "ton", "tons"]), ("lb", ["lb", "lbs"]), ("oz", ["oz", "ounce", "ounces"]),
            ("l", ["litre", "litres", "liter", "liters"]), ("ml", ["ml", "millilitre", "millilitres", "milliliter", "milliliters"]),
            ("gal", ["gallon", "gallons"]), ("bbl", ["barrel", "barrels", "bbl"]),
            ("ha", ["ha", "hectare", "hectares"]), ("acre", ["acre", "acres"]),
            ("mph", ["mph"]), ("km/h", ["kph", "kmh"]), ("kn", ["knot", "knots"]),
            ("deg", ["degree", "degrees"]),
            ("W", ["watt", "watts"]), ("kW", ["kw", "kilowatt", "kilowatts"]), ("MW", ["mw", "megawatt", "megawatts"]),
            ("GW", ["gw", "gigawatt", "gigawatts"]), ("kWh", ["kwh"]), ("MWh", ["mwh"]), ("GWh", ["gwh"]),
            ("V", ["volt", "volts"]), ("Hz", ["hz", "hertz"]), ("GHz", ["ghz"]), ("MHz", ["mhz"]),
            ("KB", ["kb"]), ("MB", ["mb", "megabyte", "megabytes"]), ("GB", ["gb", "gigabyte", "gigabytes"]),
            ("TB", ["tb", "terabyte", "terabytes"]),
        ]
        for (symbol, words) in measures { for word in words { edit(word) { $0.unitIndex = intern(symbol) } } }
        edit("pound") { $0.unitIndex = intern("lb") }

        // Currencies: named after the amount, coded before it, and letters before "$".
        let currencyNames: [(String, [String])] = [
            ("USD", ["dollar", "dollars"]), ("EUR", ["euro", "euros"]), ("GBP", ["pounds", "sterling"]),
            ("INR", ["rupee", "rupees"]), ("JPY", ["yen"]), ("CNY", ["yuan", "renminbi"]),
            ("RUB", ["rouble", "roubles", "ruble", "rubles"]), ("CHF", ["franc", "francs"]),
            ("MXN", ["peso", "pesos"]), ("SAR", ["riyal", "riyals"]), ("AED", ["dirham", "dirhams"]),
            ("TRY", ["lira", "liras"]), ("NGN", ["naira"]), ("ZAR", ["rand"]), ("BDT", ["taka"]),
            ("KES", ["shilling", "shillings"]), ("ILS", ["shekel", "shekels"]), ("IDR", ["rupiah"]),
            ("BRL", ["real", "reais"]), ("PLN", ["zloty", "zlotys"]), ("BTC", ["bitcoin", "bitcoins"]),
        ]
        for (code, words) in currencyNames { for word in words { edit(word) { $0.currencyAfterIndex = intern(code) } } }
        edit("real") { $0.currencyAfterIndex = 0 }  // "real" is far more often the adjective
        for code in ["usd", "eur", "gbp", "inr", "pkr", "jpy", "cny", "rmb", "aud", "cad", "chf", "hkd", "sgd", "nzd",
                     "zar", "brl", "rub", "try", "aed", "sar", "krw", "mxn", "ngn", "egp", "bdt", "lkr", "npr", "idr",
                     "myr", "thb", "php", "vnd", "ils", "irr", "afn", "kes", "sek", "nok", "dkk", "pln"] {
            edit(code) { $0.currencyBeforeIndex = intern(code.uppercased()) }
        }
        edit("try") { $0.currencyBeforeIndex = 0 }
        edit("rs") { $0.currencyBeforeIndex = intern("Rs") }
        edit("rp") { $0.currencyBeforeIndex = intern("IDR") }
        for (letters, code) in [("us", "USD"), ("a", "AUD"), ("au", "AUD"), ("c", "CAD"), ("ca", "CAD"), ("can", "CAD"),
                                ("nz", "NZD"), ("hk", "HKD"), ("s", "SGD"), ("sg", "SGD"), ("r", "BRL"), ("mex", "MXN"),
                                ("nt", "TWD")] {
            edit(letters) { $0.dollarPrefixIndex = intern(code) }
        }
        for (word, value, needsCurrency) in [("bn", 1_000_000_000, false), ("b", 1_000_000_000, true),
                                             ("mn", 1_000_000, false), ("mln", 1_000_000, false), ("m", 1_000_000, true),
                                             ("k", 1_000, false), ("tn", 1_000_000_000_000, false),
                                             ("trn", 1_000_000_000_000, false), ("cr", 10_000_000, true)] {
            edit(word) { $0.abbreviatedScale = value; $0.abbreviatedScaleNeedsCurrency = needsCurrency }
        }

        // Function words, then cues that override them where a word has one job only.
        for (words, cue) in [(["a", "an"], NumberCue.article), (["the"], .the), (["of"], .of), (["and"], .and),
                             (["to"], .to), (["between"], .between), (["per"], .per), (["cent"], .cent),
                             (["percent", "pct"], .percent), (["percentage"], .percentage), (["points"], .points),
                             (["old"], .old), (["ago"], .ago),
                             (["last", "this", "next", "past", "coming", "previous", "following"], .relative),
                             (["start", "end", "beginning", "middle", "turn", "close"], .edge),
                             (["early", "late", "mid"], .approximate), (["few", "several", "couple"], .vague),
                             (["half"], .half), (["no", "that", "which", "each", "every", "any", "such", "whichever"],
                                                  .pronounDeterminer),
                             (["can", "could", "must", "should", "would", "might", "will", "shall"], .modal),
                             (["who", "whom", "whose"], .relativePronoun), (["another"], .another),
                             (["square", "sq", "cubic"], .square),
                             (["in", "since", "by", "from", "until", "till", "during", "before", "after", "around",
                               "circa"], .yearPreposition), (["am", "pm"], .morningOrEvening)] {
            for word in words { edit(word) { $0.cue = cue } }
        }

        var entries: [NumberLexeme] = []
        entries.reserveCapacity(table.count)
        var capacity = 64
        while capacity < table.count * 4 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var slotEntries = [Int32](repeating: -1, count: capacity)
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (word, entry) in table.sorted(by: { $0.key < $1.key }) {
            let key = PackedWord.pack(word)
            precondition(key != 0, "lexicon word \(word) must be 1–12 ASCII letters")
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = key
            slotEntries[slot] = Int32(entries.count)
            entries.append(entry)
        }
        self.entries = entries
        self.slots = slots
        self.slotEntries = slotEntries
        self.slotShift = shift
        self.strings = strings
    }
}
