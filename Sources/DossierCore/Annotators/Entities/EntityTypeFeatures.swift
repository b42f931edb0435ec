/// Where the features of a candidate name go: joined into strings for the trainer, or hashed
/// straight into class scores at inference. A feature is built piece by piece (`begin`, then
/// `append`s, then `end`), so inference never makes a `String` for it.
protocol EntityFeatureSink {
    mutating func begin(_ prefix: StaticString)
    mutating func append(_ text: String, lowercasing: Bool)
    mutating func append(_ text: StaticString)
    mutating func append(_ scalar: Unicode.Scalar)
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

    /// The last `length` scalars of `word`, A–Z lowercased.
    mutating func appendSuffix(_ word: String, _ length: Int) {
        for scalar in word.unicodeScalars.suffix(length) {
            let v = scalar.value
            append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : scalar)
        }
    }

    /// The first `length` scalars of `word`, A–Z lowercased.
    mutating func appendPrefix(_ word: String, _ length: Int) {
        for scalar in word.unicodeScalars.prefix(length) {
            let v = scalar.value
            append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : scalar)
        }
    }

    /// "Xx", "X", "XX", "X.", "Xx-Xx", "x", "d": the capitals, lowercase and digits of a word,
    /// runs collapsed, at most six.
    mutating func appendShape(_ word: String) {
        var previous: Unicode.Scalar = " "
        var written = 0
        for scalar in word.unicodeScalars {
            let v = scalar.value
            let kind: Unicode.Scalar
            if v >= 0x30 && v <= 0x39 { kind = "d" }
            else if NameTokenizer.isUpper(scalar) { kind = "X" }
            else if NameTokenizer.isLower(scalar) { kind = "x" }
            else { kind = scalar }
            if kind != previous {
                append(kind)
                written += 1
                if written == 6 { break }
            }
            previous = kind
        }
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

    mutating func append(_ text: StaticString) { current += text.description }

    mutating func append(_ scalar: Unicode.Scalar) { current.unicodeScalars.append(scalar) }

    mutating func end() { features.append(current) }
}

/// Adds the weights of a mention's features to class scores: `end` only hashes a feature, and
/// `finish` looks them all up, then adds their weights in the order they were made (so the
/// scores are bit for bit those of adding each feature as it ends).
///
/// Why in two passes: the model's table (about 16,000 rows) is larger than the L2 cache, and
/// each lookup used to wait for its miss between two features' hashing (6 % of a feed's time,
/// nearly all of it those waits). Looked up in one loop, the misses of a mention's forty-odd
/// features overlap.
struct ScoringFeatureSink: EntityFeatureSink {
    let model: LinearModel
    private(set) var scores: [Float]
    private var hash = FeatureHash()
    /// The features ended since `reset`, in order.
    private var pending: [FeatureHash] = []
    /// Their rows in the model (-1: a feature the model never saw), made in `finish`.
    private var rows: [Int] = []

    init(model: LinearModel) {
        self.model = model
        scores = [Float](repeating: 0, count: model.classes.count)
        pending.reserveCapacity(128)
        rows.reserveCapacity(128)
    }

    mutating func reset() {
        for c in scores.indices { scores[c] = 0 }
        pending.removeAll(keepingCapacity: true)
    }

    mutating func begin(_ prefix: StaticString) {
        hash = FeatureHash()
        prefix.withUTF8Buffer { for byte in $0 { hash.add(byte: byte) } }
    }

    mutating func append(_ text: String, lowercasing: Bool) {
        if lowercasing { hash.addLowercasingASCII(text) } else { hash.add(text) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { for byte in $0 { hash.add(byte: byte) } }
    }

    mutating func append(_ scalar: Unicode.Scalar) { hash.add(scalar) }

    mutating func end() { pending.append(hash) }

    /// Adds the weights of the features ended since `reset` to `scores`; call before reading them.
    mutating func finish() {
        model.rows(of: pending, into: &rows)
        let width = scores.count
        precondition(width == model.classes.count, "one score per class")
        model.weights.withUnsafeBufferPointer { weights in
            scores.withUnsafeMutableBufferPointer { scores in
                guard width <= 8 else {
                    for row in rows where row >= 0 {
                        let base = row * width
                        // The same sum as `LinearModel.accumulate` with a value of 1: weight × 1 is the weight.
                        for c in 0..<width { scores[c] += weights[base + c] }
                    }
                    return
                }
                // The same additions, lane c of `sums` being `scores[c]`: one vector add a row.
                // Summed in memory, each class's running score went through a store and a load
                // per feature (the buffers may alias), a chain of 8 or 9 cycles per row. `finish`
                // with its lookups, 10 MB feed: 3.6 % of the samples summing in memory, 2.6 % so.
                var sums = SIMD8<Float>()
                for c in 0..<width { sums[c] = scores[c] }
                let raw = UnsafeRawBufferPointer(weights)
                for row in rows where row >= 0 {
                    let base = row * width
                    if base + 8 <= weights.count {
                        // Lanes past `width` read the next row; they are never read back.
                        sums += raw.loadUnaligned(fromByteOffset: base * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                    } else {
                        var row = SIMD8<Float>()
                        for c in 0..<width { row[c] = weights[base + c] }
                        sums += row
                    }
                }
                for c in 0..<width { scores[c] = sums[c] }
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
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
    let wordFlags: WordFlagCache

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
        func add(_ prefix: StaticString, _ level: StaticString) {
            sink.begin(prefix)
            sink.append(level)
            sink.end()
            sink.begin(prefix)
            sink.append(level)
            sink.append("|rule=")
            sink.append(ruleKind.rawValue, lowercasing: false)
            sink.end()
        }
        add("doc-person=", document.personLevel)
        add("doc-place=", document.placeLevel)
        add("doc-org=", document.organizationLevel)
    }

    /// "prev-ns=15", "prev-vs=32": the WordNet supersenses of the word at `index` (`Supersenses`),
    /// numbered as WordNet's lexicographer files.
    private func addSenses<Sink: EntityFeatureSink>(noun nounPrefix: StaticString, verb verbPrefix: StaticString,
                                                    of index: Int, into sink: inout Sink) {
        guard let senses = wordFlags.senses(of: tokens[index]) else { return }
        if senses.noun != 0 { add(nounPrefix, number: senses.noun, into: &sink) }
        if senses.verb != 0 { add(verbPrefix, number: senses.verb, into: &sink) }
    }

    private func add<Sink: EntityFeatureSink>(_ prefix: StaticString, number: UInt8, into sink: inout Sink) {
        sink.begin(prefix)
        if number >= 10 { sink.append(Unicode.Scalar(0x30 + number / 10)) }
        sink.append(Unicode.Scalar(0x30 + number % 10))
        sink.end()
    }

    /// "bc4=21", "bc=1350": the Brown cluster of the word at `index` (`WordClusters`), as prefixes of
    /// its path, coarse to fine, one feature each (written as numbers).
    private func addCluster<Sink: EntityFeatureSink>(_ prefixes: [(StaticString, Int)], of index: Int, into sink: inout Sink) {
        guard let path = wordFlags.cluster(of: tokens[index]) else { return }
        for (prefix, length) in prefixes {
            sink.begin(prefix)
            var code = path.prefix(length), divisor: UInt32 = 1
            while code / divisor >= 10 { divisor *= 10 }
            while divisor > 0 {
                sink.append(Unicode.Scalar(0x30 + UInt8(code / divisor)))
                code %= divisor
                divisor /= 10
            }
            sink.end()
        }
    }

    // Which cluster prefixes each position gets (length 32: the whole path): the name's own words
    // 4, 6 and 10 branches and whole, as Ratinov and Roth; the words just before and after it fewer.
    // More positions (two words out, a longer name's head word) scored the same over 8 seeds and
    // 2 fold schemes (docs/QUALITY.md, top section).
    private static let nameWordClusters: [(StaticString, Int)] = [("bc4=", 4), ("bc6=", 6), ("bc10=", 10), ("bc=", 32)]
    private static let previousClusters: [(StaticString, Int)] = [("prev-bc6=", 6), ("prev-bc=", 32)]
    private static let nextClusters: [(StaticString, Int)] = [("next-bc6=", 6), ("next-bc=", 32)]

    /// "wn=person", "wn=place": one feature for each kind WordNet knows the name as.
    private func addKnownKinds<Sink: EntityFeatureSink>(_ prefix: StaticString, _ kinds: KnownNames.Kinds, into sink: inout Sink) {
        guard !kinds.isEmpty else { return }
        for (kind, label) in KnownNames.Kinds.labelled where kinds.contains(kind) {
            sink.begin(prefix)
            sink.append(label)
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
            // `tokens[index]` read in place, not copied: a token copy retains its text.
            sink.add("w=", tokens[index].text, lowercasing: true)
            sink.begin("shape=")
            sink.appendShape(tokens[index].text)
            sink.end()
            let flags = wordFlags.flags(of: tokens[index], evidence: evidence)
            if let kind = flags.lexiconKind { sink.add("word-lexicon=", kind.rawValue) }
            if flags.contains(.organizationCue) { sink.add("word-org-cue") }
            if flags.contains(.facilityCue) { sink.add("word-facility-cue") }
            if flags.contains(.geographicCue) { sink.add("word-geo-cue") }
            if flags.contains(.demonym) { sink.add("word-demonym") }
            if flags.contains(.title) { sink.add("word-title") }
            if flags.contains(.ordinary) { sink.add("word-ordinary") }
            if flags.contains(.minorPlace) { sink.add("word-minor-place") }
            addCluster(Self.nameWordClusters, of: index, into: &sink)
        }
        sink.add("first=", first.text, lowercasing: true)
        sink.add("last=", last.text, lowercasing: true)
        sink.begin("last-suffix=")
        sink.appendSuffix(last.text, 3)
        sink.end()
        sink.begin("first-suffix=")
        sink.appendSuffix(first.text, 3)
        sink.end()
        sink.begin("last-suffix4=")
        sink.appendSuffix(last.text, 4)
        sink.end()
        // Endings and beginnings beyond three letters let an unseen island, town or firm share
        // weight with known ones ("-ia", "-ville", "-tech", "Port…").
        if count > 1 { sink.add("last-of-many=", last.text, lowercasing: true) }
        let firstFlags = wordFlags.flags(of: first, evidence: evidence)
        let lastFlags = wordFlags.flags(of: last, evidence: evidence)
        if firstFlags.contains(.givenName) { sink.add(count == 1 ? "given-alone" : "given-first") }
        if count > 1, lastFlags.contains(.givenName) { sink.add("given-last") }
        if lastFlags.contains(.organizationCue) { sink.add("last-org-cue") }
        if !lastFlags.isDisjoint(with: [.facilityCue, .geographicCue]) { sink.add("last-place-cue") }
        // The name lists about the whole name, in one lookup (a large table: mostly a cache miss).
        let listed = EntityLexicon.facts(of: name)
        if let kind = listed.kind { sink.add("lexicon=", kind.rawValue) }
        if EntityLexicon.isCountry(name) { sink.add("country") }
        if count > 1, listed.isMinorPlace { sink.add("minor-place") }
        // What WordNet knows the name as, and its first and last words alone: "Lincoln Memorial"
        // is no WordNet entry, but a person's name and a structure's word.
        addKnownKinds("wn=", listed.knownKinds, into: &sink)
        if count > 1 {
            addKnownKinds("wn-first=", firstFlags.knownKinds, into: &sink)
            addKnownKinds("wn-last=", lastFlags.knownKinds, into: &sink)
        }
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
        // What kind of word stands around the name and heads it: the mayor of X, X told,
        // X Cathedral (the words themselves are above; their supersenses carry to unseen words).
        if let before {
            addSenses(noun: "prev-ns=", verb: "prev-vs=", of: before, into: &sink)
            if let previous = previousWord(before) { addSenses(noun: "prev2-ns=", verb: "prev2-vs=", of: previous, into: &sink) }
        }
        if let after {
            addSenses(noun: "next-ns=", verb: "next-vs=", of: after, into: &sink)
            if let next = nextWord(after) { addSenses(noun: "next2-ns=", verb: "next2-vs=", of: next, into: &sink) }
        }
        addSenses(noun: "last-ns=", verb: "last-vs=", of: range.upperBound - 1, into: &sink)
        if let before { addCluster(Self.previousClusters, of: before, into: &sink) }
        if let after { addCluster(Self.nextClusters, of: after, into: &sink) }
        if count > 1 { addSenses(noun: "first-ns=", verb: "first-vs=", of: range.lowerBound, into: &sink) }
        // Across punctuation: "Brackwater, a town in …", "(a professor at …)".
        if before == nil, range.lowerBound > 0, tokens[range.lowerBound - 1].paragraph == first.paragraph {
            sink.add("prev-across=", tokens[range.lowerBound - 1].text, lowercasing: true)
        }
        if after == nil, range.upperBound + 1 < tokens.count, tokens[range.upperBound].paragraph == last.paragraph {
            sink.add("next-across=", tokens[range.upperBound].text, lowercasing: true)
            sink.add("next-across2=", tokens[range.upperBound + 1].text, lowercasing: true)
        }
        if let before, let relation = Self.placePreposition(tokens[before].text) {
            // "in/at/from/to X": mostly a place, or an organisation ("at the bank"); grouped, so a
            // rare preposition shares the weight of the common ones.
            sink.begin("after-preposition=")
            sink.append(relation)
            sink.append(count == 1 ? "1" : "2+", lowercasing: false)
            sink.end()
        }
        if let before, wordFlags.isTitle(tokens[before]) { sink.add("after-title") }
        if let after, !last.isPossessive, wordFlags.isReportingVerb(tokens[after]) {
            sink.add("before-reporting-verb")
        }
        sink.begin("char-before=")
        appendCharacter(before: first.start, into: &sink)
        sink.end()
        sink.begin("char-after=")
        appendCharacter(at: last.end, into: &sink)
        sink.end()
    }

    /// The kind of place preposition `word` is ("in", "near": location; "to", "from": motion),
    /// nil for any other word.
    static func placePreposition(_ word: String) -> StaticString? {
        switch word {
        case "in", "at", "near", "inside", "outside", "around", "across", "throughout", "within": return "loc|"
        case "to", "from", "into", "towards", "toward", "via", "through", "between", "past": return "motion|"
        default: return nil
        }
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

    /// The punctuation right before a name ("(", "“", ","), "space" (with the punctuation before
    /// the space, if any), or "<line>" at a line start.
    private func appendCharacter<Sink: EntityFeatureSink>(before offset: Int, into sink: inout Sink) {
        let scalars = text.scalars
        guard offset > 0, scalars[offset - 1] != "\n" else { sink.append("<line>"); return }
        let scalar = scalars[offset - 1]
        guard scalar == " " else { sink.append(scalar); return }
        sink.append("space")
        guard offset > 1 else { return }
        let earlier = scalars[offset - 2]
        let wordCharacter = Self.isASCIIWordCharacter(earlier)
            ?? (earlier.properties.isAlphabetic || (earlier.value >= 0x30 && earlier.value <= 0x39))
        if !wordCharacter { sink.append(earlier) }
    }

    /// For an ASCII scalar, whether it is a letter or a digit (ASCII's only alphabetic scalars are
    /// A–Z and a–z); nil otherwise. Spares the Unicode property lookup before nearly every name.
    @inline(__always)
    private static func isASCIIWordCharacter(_ scalar: Unicode.Scalar) -> Bool? {
        let v = scalar.value
        guard v < 0x80 else { return nil }
        return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
    }

    private func appendCharacter<Sink: EntityFeatureSink>(at offset: Int, into sink: inout Sink) {
        let scalars = text.scalars
        guard offset < scalars.count else { sink.append("<end>"); return }
        let scalar = scalars[offset]
        if scalar == "\n" { sink.append("<line>") }
        else if scalar == " " { sink.append("space") }
        else if scalar == "’" || scalar == "'" { sink.append("'" as StaticString) }
        else { sink.append(scalar) }
    }
}
