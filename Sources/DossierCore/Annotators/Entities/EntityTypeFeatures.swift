/// Where the features of a candidate name go: joined into strings for the trainer, or hashed
/// straight into class scores at inference. A feature is built piece by piece (`begin`, then
/// `append`s, then `end`), so inference never makes a `String` for it.
protocol EntityFeatureSink {
    mutating func begin(_ prefix: StaticString)
    mutating func append(_ text: String, lowercasing: Bool)
    mutating func end()
}

extension EntityFeatureSink {
    mutating func add(_ name: StaticString) {
        begin(name)
        end()
    }

    mutating func add(_ prefix: StaticString, _ value: String, lowercasing: Bool = false) {
        begin(prefix)
        append(value, lowercasing: lowercasing)
        end()
    }
}

/// Collects features as strings, for training. Lowercasing is ASCII only, as in `HashingSink`.
struct StringFeatureSink: EntityFeatureSink {
    var features: [String] = []
    private var current = ""

    mutating func begin(_ prefix: StaticString) { current = prefix.description }

    mutating func append(_ text: String, lowercasing: Bool) {
        guard lowercasing else { current += text; return }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            current.unicodeScalars.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : scalar)
        }
    }

    mutating func end() { features.append(current) }
}

/// Adds the weights of each feature to class scores as it is made.
struct ScoringFeatureSink: EntityFeatureSink {
    let model: LinearModel
    var scores: [Float]
    private var hash = FeatureHash()

    init(model: LinearModel) {
        self.model = model
        scores = [Float](repeating: 0, count: model.classes.count)
    }

    mutating func begin(_ prefix: StaticString) {
        hash = FeatureHash()
        prefix.withUTF8Buffer { for byte in $0 { hash.add(byte: byte) } }
    }

    mutating func append(_ text: String, lowercasing: Bool) {
        guard lowercasing else { hash.add(text); return }
        for byte in text.utf8 { hash.add(byte: byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
    }

    mutating func end() { model.accumulate(hash, into: &scores) }
}

/// The features that decide a candidate name's type: its words and their shapes and endings,
/// the words around it, what the word lists say about it and about each of its words, and the
/// type the rules in `NameClassifier` gave it (the rules split off titles and prefixes; the
/// model learns when to trust their type).
struct EntityTypeFeatures {
    let tokens: [NameToken]
    let text: ArticleText
    let evidence: CapitalisationEvidence
    let document: DocumentProfile

    /// What kind of text the names come from: a travel guide names mostly places, a biography
    /// mostly people. The shares of the rules' types over all candidates, in three levels, let
    /// the model lean the same way for names no list knows.
    struct DocumentProfile {
        var personLevel: StaticString = "0"
        var placeLevel: StaticString = "0"
        var organizationLevel: StaticString = "0"

        init(_ mentions: [EntityMention]) {
            guard !mentions.isEmpty else { return }
            var counts = [EntityKind: Int]()
            for mention in mentions { counts[mention.kind, default: 0] += 1 }
            func level(_ kind: EntityKind) -> StaticString {
                let share = Double(counts[kind] ?? 0) / Double(mentions.count)
                return share < 0.2 ? "0" : share < 0.4 ? "1" : "2"
            }
            personLevel = level(.person)
            placeLevel = level(.place)
            organizationLevel = level(.organization)
        }
    }

    private func addDocument<Sink: EntityFeatureSink>(_ ruleKind: EntityKind, into sink: inout Sink) {
        for (prefix, level) in [("doc-person=", document.personLevel), ("doc-place=", document.placeLevel),
                                ("doc-org=", document.organizationLevel)] as [(StaticString, StaticString)] {
            sink.begin(prefix)
            sink.append(level.description, lowercasing: false)
            sink.end()
            sink.begin(prefix)
            sink.append(level.description, lowercasing: false)
            sink.append("|rule=", lowercasing: false)
            sink.append(ruleKind.rawValue, lowercasing: false)
            sink.end()
        }
    }

    func extract<Sink: EntityFeatureSink>(_ range: Range<Int>, name: String, ruleKind: EntityKind, into sink: inout Sink) {
        let first = tokens[range.lowerBound], last = tokens[range.upperBound - 1]
        let count = range.count
        let lengthClass: StaticString = count == 1 ? "n1" : count == 2 ? "n2" : count == 3 ? "n3" : "n4+"
        sink.add("bias")
        sink.add("rule=", ruleKind.rawValue)
        sink.add(lengthClass)
        addDocument(ruleKind, into: &sink)
        sink.begin("rule+n=")
        sink.append(ruleKind.rawValue, lowercasing: false)
        sink.append(count == 1 ? "1" : count == 2 ? "2" : "3+", lowercasing: false)
        sink.end()

        // The name's own words.
        for index in range {
            let token = tokens[index]
            sink.add("w=", token.text, lowercasing: true)
            sink.add("shape=", Self.shape(token))
            if let kind = EntityLexicon.kind(of: token.text) { sink.add("word-lexicon=", kind.rawValue) }
            if NameCues.organization.contains(token.text) { sink.add("word-org-cue") }
            if NameCues.facility.contains(token.text) { sink.add("word-facility-cue") }
            if NameCues.geographic.contains(token.text) { sink.add("word-geo-cue") }
            if Demonyms.isGroupWord(token.text) { sink.add("word-demonym") }
            if NameClassifier.isTitle(token.text) { sink.add("word-title") }
            if token.isCapitalized, !token.isInitial, evidence.isOrdinaryWord(token.text) { sink.add("word-ordinary") }
        }
        sink.add("first=", first.text, lowercasing: true)
        sink.add("last=", last.text, lowercasing: true)
        sink.add("last-suffix=", Self.suffix(last.text, 3), lowercasing: true)
        sink.add("first-suffix=", Self.suffix(first.text, 3), lowercasing: true)
        if count > 1 { sink.add("last-of-many=", last.text, lowercasing: true) }
        if GivenNames.all.contains(first.text) { sink.add(count == 1 ? "given-alone" : "given-first") }
        if count > 1, GivenNames.all.contains(last.text) { sink.add("given-last") }
        if NameCues.organization.contains(last.text) { sink.add("last-org-cue") }
        if NameCues.facility.contains(last.text) || NameCues.geographic.contains(last.text) { sink.add("last-place-cue") }
        if let kind = EntityLexicon.kind(of: name) { sink.add("lexicon=", kind.rawValue) }
        if EntityLexicon.isCountry(name) { sink.add("country") }
        if range.allSatisfy({ tokens[$0].isAcronym }) { sink.add("acronym") }
        if last.isPossessive { sink.add("possessive") }
        if first.isSentenceStart { sink.add("sentence-start") }
        if hasDigit(range) { sink.add("digit") }

        // The words around it.
        let before = previousWord(range.lowerBound)
        let after = nextWord(range.upperBound - 1)
        sink.add("prev=", before.map { tokens[$0].text } ?? "<none>", lowercasing: true)
        sink.add("next=", after.map { tokens[$0].text } ?? "<none>", lowercasing: true)
        if let before, let previous = previousWord(before) {
            sink.add("prev2=", tokens[previous].text, lowercasing: true)
        }
        if let after, let next = nextWord(after) { sink.add("next2=", tokens[next].text, lowercasing: true) }
        // Across punctuation: "Brackwater, a town in …", "(a professor at …)".
        if before == nil, range.lowerBound > 0, tokens[range.lowerBound - 1].paragraph == first.paragraph {
            sink.add("prev-across=", tokens[range.lowerBound - 1].text, lowercasing: true)
        }
        if after == nil, range.upperBound + 1 < tokens.count, tokens[range.upperBound].paragraph == last.paragraph {
            sink.add("next-across=", tokens[range.upperBound].text, lowercasing: true)
            sink.add("next-across2=", tokens[range.upperBound + 1].text, lowercasing: true)
        }
        if let before, NameClassifier.isTitle(tokens[before].text) { sink.add("after-title") }
        if let after, !last.isPossessive, PersonContext.reportingVerbs.contains(tokens[after].text) {
            sink.add("before-reporting-verb")
        }
        sink.add("char-before=", character(before: first.start))
        sink.add("char-after=", character(at: last.end))
    }

    /// "Xx", "X", "XX", "X.", "Xx-Xx", "x", "d": the capitals, lowercase and digits of a word, runs collapsed.
    static func shape(_ token: NameToken) -> String {
        var out = ""
        var previous: Character = " "
        for scalar in token.text.unicodeScalars {
            let v = scalar.value
            let kind: Character
            if v >= 0x30 && v <= 0x39 { kind = "d" }
            else if NameTokenizer.isUpper(scalar) { kind = "X" }
            else if NameTokenizer.isLower(scalar) { kind = "x" }
            else { kind = Character(scalar) }
            if kind != previous { out.append(kind) }
            previous = kind
            if out.unicodeScalars.count >= 6 { break }
        }
        return out
    }

    static func suffix(_ word: String, _ length: Int) -> String {
        let scalars = word.unicodeScalars
        guard scalars.count > length else { return word }
        return String(String.UnicodeScalarView(scalars.suffix(length)))
    }

    private func hasDigit(_ range: Range<Int>) -> Bool {
        range.contains { tokens[$0].text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
    }

    private func previousWord(_ index: Int) -> Int? {
        guard index > 0, tokens[index].followsSpace, tokens[index - 1].paragraph == tokens[index].paragraph else { return nil }
        return index - 1
    }

    private func nextWord(_ index: Int) -> Int? {
        guard index + 1 < tokens.count, tokens[index + 1].followsSpace else { return nil }
        return index + 1
    }

    /// The punctuation right before a name ("(", "“", ","), or "space"; line starts are "<line>".
    private func character(before offset: Int) -> String {
        let scalars = text.scalars
        guard offset > 0 else { return "<line>" }
        let scalar = scalars[offset - 1]
        if scalar == "\n" { return "<line>" }
        if scalar == " " {
            guard offset > 1 else { return "space" }
            let earlier = scalars[offset - 2]
            let wordCharacter = earlier.properties.isAlphabetic || (earlier.value >= 0x30 && earlier.value <= 0x39)
            return wordCharacter ? "space" : "space" + String(earlier)
        }
        return String(scalar)
    }

    private func character(at offset: Int) -> String {
        let scalars = text.scalars
        guard offset < scalars.count else { return "<end>" }
        let scalar = scalars[offset]
        if scalar == "\n" { return "<line>" }
        if scalar == " " { return "space" }
        if scalar == "’" || scalar == "'" { return "'" }
        return String(scalar)
    }
}
