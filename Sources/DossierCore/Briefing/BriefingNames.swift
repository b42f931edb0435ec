/// The names of a briefing's entities, each distinct surface form read once.
///
/// A feed of 20,000 articles names "United States" thousands of times, and the index compares
/// names by their `EntityNameKey` forms in several passes. Normalising every name of every article
/// again in each pass (and hashing the strings it made) was most of the index's time. Here each
/// distinct form is read once and what the passes ask of it is kept as numbers: keys, words and
/// acronyms are numbered by `keyNumber`, one number per distinct string, so equal numbers mean
/// equal strings (as `String` compares them) and the passes compare integers.
struct BriefingNames {
    /// What the index asks of one surface form.
    struct Form {
        /// `EntityNameKey.normalized(form)`.
        var key: Int32
        /// The key of its canonical name ("UK" → "united kingdom"); `key` for most names.
        var canonicalKey: Int32
        /// `EntityNameKey.acronym(of:)`, or `BriefingNames.noKey`.
        var acronym: Int32
        /// `EntityNameKey.isAcronym(form)`.
        var isAcronym: Bool
        /// Words of the normalised form: the name with most words names a briefing entity.
        var keyWordCount: Int32
        /// Words and scalars as written: a briefing entity lists its aliases fullest first.
        var writtenWordCount: Int32
        var scalarCount: Int32
    }

    /// A person's name words without titles and suffixes (`EntityNameKey.personTokens`).
    struct PersonName {
        var words: [Int32]
        /// The words joined by spaces: what two names of one person share.
        var key: Int32
    }

    /// The number of the empty string: no name is keyed by it.
    static let emptyKey: Int32 = 0
    static let noKey: Int32 = -1

    private(set) var forms: [Form] = []
    /// By form number, as written: its bytes are the form's, so it stands for every use of it.
    private(set) var texts: [String] = []
    /// By form number; made only for the forms a person is named by.
    private(set) var personNames: [PersonName?] = []
    private var formNumbers: [ExactText: Int32] = [:]
    private var keyNumbers: [String: Int32] = ["": BriefingNames.emptyKey]

    /// The number of a surface form, reading it the first time it is seen.
    mutating func form(_ text: String, ofPerson isPerson: Bool) -> Int32 {
        let number: Int32
        if let known = formNumbers[ExactText(text)] {
            number = known
        } else {
            number = Int32(forms.count)
            formNumbers[ExactText(text)] = number
            forms.append(read(text))
            texts.append(text)
            personNames.append(nil)
        }
        if isPerson, personNames[Int(number)] == nil { personNames[Int(number)] = readPersonName(text) }
        return number
    }

    /// The person name of a form read with `ofPerson: true`.
    func personName(_ form: Int32) -> PersonName { personNames[Int(form)]! }

    private mutating func read(_ text: String) -> Form {
        let normalized = EntityNameKey.normalized(text)
        let key = keyNumber(normalized)
        // `EntityAliases.canonicalName`, without normalising the name a second time when it has none.
        let canonicalKey = EntityAliases.canonical[text].map { keyNumber(EntityNameKey.normalized($0)) } ?? key
        return Form(key: key, canonicalKey: canonicalKey,
                    acronym: EntityNameKey.acronym(of: text).map { keyNumber($0) } ?? BriefingNames.noKey,
                    isAcronym: EntityNameKey.isAcronym(text),
                    keyWordCount: Int32(normalized.split(separator: " ").count),
                    writtenWordCount: Int32(text.split(separator: " ").count),
                    scalarCount: Int32(text.unicodeScalars.count))
    }

    private mutating func readPersonName(_ text: String) -> PersonName {
        let words = EntityNameKey.personTokens(text)
        return PersonName(words: words.map { keyNumber(String($0)) }, key: keyNumber(words.joined(separator: " ")))
    }

    private mutating func keyNumber(_ key: String) -> Int32 {
        if let known = keyNumbers[key] { return known }
        let number = Int32(keyNumbers.count)
        keyNumbers[key] = number
        return number
    }
}

/// A string compared by its exact UTF-8 bytes. `String`'s own equality is canonical equivalence,
/// which takes "é" and "e" + combining acute for one string, but `EntityNameKey` folds only the
/// first to "e": surface forms must be told apart as written to be read as they were before.
struct ExactText: Hashable {
    var text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        var a = a.text, b = b.text
        return a.withUTF8 { bytesA in b.withUTF8 { bytesB in bytesA.elementsEqual(bytesB) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
