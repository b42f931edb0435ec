/// Common nouns that can head the subject of a speech verb when the text does not name the source:
/// "a police spokesman said", "the letter reads", "one commenter posted", "according to the ministry".
///
/// General English only. A phrase headed by one of these is a speaker in its own right (the phrase
/// is the speaker's name) unless a definite description points back at a named entity
/// ("the spokeswoman" after "Jane Roe, a spokeswoman for …"): see `DescriptionResolver`.
enum SourcePhrases {
    /// People described by role, trade or circumstance.
    static let personHeads: WordSet = [
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "official", "officials",
        "officer", "officers", "source", "sources", "witness", "witnesses", "resident", "residents", "analyst",
        "analysts", "expert", "experts", "doctor", "doctors", "physician", "physicians", "nurse", "commenter",
        "commenters", "user", "users", "researcher", "researchers", "scientist", "scientists", "prosecutor",
        "prosecutors", "lawmaker", "lawmakers", "legislator", "legislators", "judge", "minister", "president",
        "chairman", "chairwoman", "chair", "director", "manager", "executive", "executives", "teacher", "teachers",
        "student", "students", "protester", "protesters", "protestors", "activist", "activists", "patient",
        "patients", "man", "woman", "men", "women", "boy", "girl", "mother", "father", "parent", "parents",
        "neighbour", "neighbor", "neighbours", "neighbors", "friend", "victim", "victims", "survivor", "survivors",
        "owner", "worker", "workers", "employee", "employees", "member", "members", "leader", "leaders",
        "representative", "representatives", "reporter", "correspondent", "editor", "author", "authors", "critic",
        "critics", "supporter", "supporters", "opponent", "opponents", "voter", "voters", "customer", "customers",
        "fan", "fans", "player", "coach", "lawyer", "lawyers", "attorney", "attorneys", "investigator",
        "investigators", "diplomat", "diplomats", "aide", "aides", "adviser", "advisers", "advisor", "advisors",
        "economist", "economists", "strategist", "deportee", "refugee", "migrant", "passenger",
        "pilot", "soldier", "soldiers", "troops", "police", "paramedic", "firefighter", "firefighters", "guard",
        "cop", "cops", "caller", "host", "viewer", "reader", "readers", "people", "insider", "insiders",
        "ambassador", "envoy", "governor", "mayor", "senator", "congressman", "congresswoman", "commander",
        "general", "colonel", "secretary", "professor", "founder", "ceo", "boss", "partner", "colleague",
        "colleagues", "someone", "somebody", "person", "individual", "observer", "observers",
        "organizer", "organizers", "organiser", "organisers", "participant", "participants", "demonstrators",
        "crowd", "crowds", "audience", "attendees", "youngster", "teenager", "child",
        "children", "daughter", "son", "wife", "husband", "brother", "sister", "relative", "relatives", "family",
    ]

    /// Bodies that speak in statements.
    static let bodyHeads: WordSet = [
        "ministry", "department", "agency", "company", "firm", "group", "union", "court", "government",
        "administration", "council", "committee", "board", "commission", "campaign", "organisation", "organization",
        "team", "office", "authority", "authorities", "military", "army", "navy", "party", "club", "bank",
        "university", "school", "hospital", "coalition", "alliance", "association", "federation", "institute",
        "foundation", "charity", "network", "newspaper", "outlet", "channel", "broadcaster", "regulator", "police",
        "prosecution", "defence", "defense", "embassy", "state", "city", "county", "district", "press", "media",
    ]

    /// Documents and posts that speak for their authors ("the letter reads").
    static let documentHeads: WordSet = [
        "statement", "statements", "letter", "report", "website", "site", "description", "study", "survey",
        "poll", "paper", "document", "documents", "memo", "filing", "complaint", "lawsuit", "indictment", "ruling",
        "post", "tweet", "release", "caption", "sign", "signs", "notice", "message", "email", "proposal", "bill",
        "law", "order", "decision", "verdict", "analysis", "review", "assessment", "guidance", "guidelines",
        "policy", "manual", "announcement", "resolution", "declaration", "communique",
    ]

    /// Words that open a phrase but are not part of the source's name ("the", "one", "another").
    static let openers: WordSet = [
        "the", "a", "an", "one", "another", "some", "several", "many", "two", "three", "four", "his", "her",
        "its", "their", "our", "this", "that", "these", "those", "each", "every",
    ]

    /// Words after which a phrase stops being the source's name: "the letter signed by …",
    /// "a spokesperson who did not wish to be named".
    static let phraseStops: WordSet = [
        "who", "which", "that", "whose", "signed", "sent", "written", "posted", "issued", "released", "published",
        "speaking", "familiar", "close", "told", "said", "with", "from", "by", "for", "to", "at", "in", "on",
    ]

    /// Plurals in -ors that are things, not agents ("factors", "corridors").
    static let thingsInOrs: WordSet = [
        "factors", "sectors", "errors", "colors", "colours", "floors", "mirrors", "rumors", "rumours", "honors",
        "honours", "favors", "favours", "horrors", "interiors", "exteriors", "indicators", "motors", "vectors",
        "tractors", "corridors", "outdoors", "indoors", "behaviors", "behaviours", "elevators", "escalators",
        "generators", "reactors", "sensors", "detectors", "monitors", "calculators", "radiators", "processors",
        "accelerators", "ventilators", "flavors", "flavours", "armors", "vapors", "tumors", "tumours", "terrors",
    ]

    /// People, including those described by age ("the 56-year-old").
    static func isPersonHead(_ word: String) -> Bool { personHeads.contains(word) || word.hasSuffix("-year-old") }

    /// Whether a lowercased word can head the phrase of a source.
    static func isSourceHead(_ word: String) -> Bool {
        if isPersonHead(word) || bodyHeads.contains(word) || documentHeads.contains(word) { return true }
        // Bodies in the plural: "the two ministries", "both agencies", "unions".
        if word.hasSuffix("ies"), bodyHeads.contains(String(word.dropLast(3)) + "y") { return true }
        if word.hasSuffix("s"), bodyHeads.contains(String(word.dropLast())) { return true }
        // Agent nouns of any trade: "a birdwatcher", "the stallholder", "an ex-councillor", "censors".
        return word.count > 5 && (word.hasSuffix("ist") || word.hasSuffix("ists") || word.hasSuffix("holder")
            || word.hasSuffix("goer") || word.hasSuffix("person") || word.hasSuffix("woman")
            || (word.hasSuffix("ors") && !thingsInOrs.contains(word)))
    }
}

extension AttributionPatterns {
    /// The source phrase made of the words `from...head` (token indices), without its opening
    /// determiner or quantifier, when its head word can name a source; nil otherwise.
    func sourcePhrase(from start: Int, head: Int) -> Span? {
        guard start <= head, head < tokens.count, tokens[head].kind == .word,
              SourcePhrases.isSourceHead(tokens[head].text) else { return nil }
        var first = start
        while first < head, tokens[first].kind == .word, SourcePhrases.openers.contains(tokens[first].text) { first += 1 }
        for k in first...head where tokens[k].kind != .word { return nil }
        return Span(tokens[first].span.start, tokens[head].span.end)
    }

    /// The source phrase opening at `start` and running forward ("the description on the website",
    /// "a police spokesman"): its head is the last word before a stop word, a verb or punctuation,
    /// extended by one "of/on the …" attachment whose head is a source noun too.
    func sourcePhrase(startingAt start: Int, upperBound: Int) -> Span? {
        var k = start
        while k < upperBound, tokens[k].kind == .word, SourcePhrases.openers.contains(tokens[k].text) { k += 1 }
        var head = -1
        while k < upperBound, k - start < 6, tokens[k].kind == .word, !SourcePhrases.phraseStops.contains(tokens[k].text),
              !SpeechVerbs.contains(tokens[k].text) || SourcePhrases.isSourceHead(tokens[k].text) {
            head = k
            k += 1
        }
        guard head >= start, var phrase = sourcePhrase(from: start, head: head) else { return nil }
        // "the description on the website": an attachment whose head is a source names it better.
        if k + 1 < upperBound, tokens[k].kind == .word, ["on", "of", "at"].contains(tokens[k].text),
           let attached = sourcePhrase(startingAt: k + 1, upperBound: upperBound) {
            phrase = Span(phrase.start, attached.end)
        }
        return phrase
    }
}
