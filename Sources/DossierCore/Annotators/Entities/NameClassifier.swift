/// Types a chunk of name tokens and splits it where it holds more than one name:
/// "U.S. NAVCOM Commander General Martin Halvorsen" → U.S. (place), NAVCOM (organisation),
/// Martin Halvorsen (person); titles are dropped from the person's span.
struct NameClassifier {
    let tokens: [NameToken]
    let text: ArticleText
    let evidence: CapitalisationEvidence
    /// What the lists say of each word, kept by word id for the whole run: the classifier asks
    /// of the same few words (titles, given names, demonyms, single-word names) again and again.
    let wordFlags: WordFlagCache

    private static let articles: WordSet = ["The", "A", "An"]

    func mentions(in chunk: Range<Int>) -> [EntityMention] {
        var range = chunk
        // A leading "The" is not part of the name, unless the list knows it ("The Hague").
        while range.count > 1, Self.articles.contains(tokens[range.lowerBound].text), lexiconKind(range) == nil {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        // "[16] While Poisson's …", "In Byron's memoirs": a function word capitalised at a sentence
        // start the splitter missed opens no name (but "Will Hartley" has a given name).
        while range.count > 1, opensWithFunctionWord(range), lexiconKind(range) == nil {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        // "Omar Haddad Image: …": a trailing caption label is not part of the name.
        while range.count > 0, CommonWords.neverNames.contains(tokens[range.upperBound - 1].text)
                || (range.count > 1 && CommonWords.captionLabels.contains(tokens[range.upperBound - 1].text)) {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        guard !range.isEmpty else { return [] }
        if let known = lexiconKind(range) { return [mention(range, known)] }
        if let title = range.first(where: { wordFlags.isTitle(tokens[$0]) }) {
            // "Council of Ministers": a title closing an organisation's name is part of it.
            let closesName = title == range.upperBound - 1 && title >= range.lowerBound + 2
                && !tokens[title - 1].isCapitalized && hasCue(range.lowerBound..<title)
            if !closesName { return titled(range, titleAt: title) }
        }
        return untitled(range)
    }

    // MARK: - Titles

    /// "Environment Minister John Whitcombe", "Assistant Secretary of State …, Paul Renner",
    /// "NASA Administrator Charles Marlowe": what precedes the title is split into the names the
    /// lists know; what follows is the person.
    private func titled(_ range: Range<Int>, titleAt title: Int) -> [EntityMention] {
        var afterTitles = title
        while afterTitles < range.upperBound, wordFlags.isTitle(tokens[afterTitles]) { afterTitles += 1 }
        var nameStart: Int? = afterTitles < range.upperBound ? afterTitles : nil
        var result = prefixMentions(range.lowerBound..<title)
        if let start = nameStart, !tokens[start].isCapitalized {
            // The title has a complement ("Minister of Education Lucia Ferrante", "Chairman of
            // the Carrowmere Centre for …"): the person starts at a given name, or is the last two
            // words when they look like a name; a complement that is an organisation is one.
            var complement = start
            while complement < range.upperBound, !tokens[complement].isCapitalized { complement += 1 }
            // "Secretary of State for …": "of State" belongs to the title.
            if complement < range.upperBound, tokens[complement].text == "State" {
                complement += 1
                while complement < range.upperBound, !tokens[complement].isCapitalized { complement += 1 }
            }
            if let given = (start..<range.upperBound).first(where: { wordFlags.isGivenName(tokens[$0]) }) {
                nameStart = given
                if given > complement, hasCue(complement..<given) { result += untitled(complement..<given) }
            } else if complement < range.upperBound, hasCue(complement..<range.upperBound)
                        || lexiconKind(complement..<range.upperBound) != nil {
                return result + untitled(complement..<range.upperBound)
            } else if range.upperBound - complement < 2 {
                // "Co-founder of Wexley": a one-word complement is a name of its own, not the person.
                return result + (complement < range.upperBound ? untitled(complement..<range.upperBound) : [])
            } else {
                let last2 = max(start + 1, range.upperBound - 2)
                let plausible = (last2..<range.upperBound).allSatisfy { looksLikePersonWord(tokens[$0]) }
                nameStart = plausible && last2 < range.upperBound ? last2 : nil
                // "Director for the Middle East and North Africa": no person, but known places.
                if nameStart == nil { return result + prefixMentions(complement..<range.upperBound) }
            }
        }
        guard let start = nameStart, tokens[start].isCapitalized else { return result }
        // "Professor Mark Whitfield of Oxford": the name stops at "of"; what follows is a name of its own.
        var personEnd = start
        while personEnd < range.upperBound,
              tokens[personEnd].isCapitalized || tokens[personEnd].isAcronym
                || CommonWords.nameParticles.contains(tokens[personEnd].text) { personEnd += 1 }
        let personRange = start..<personEnd
        // "General Motors", "General Assembly": what follows the title is an organisation.
        if hasCue(personRange) || lexiconKind(personRange) != nil || personRange.allSatisfy({ tokens[$0].isAcronym }) {
            return result + untitled(title..<range.upperBound)
        }
        result.append(mention(personRange, .person))
        var rest = personEnd
        while rest < range.upperBound, !tokens[rest].isCapitalized { rest += 1 }
        if rest < range.upperBound { result += untitled(rest..<range.upperBound) }
        return result
    }

    /// The known names in front of a title: "U.S. NAVCOM" → U.S. + NAVCOM, "NASA", "Ottawa".
    private func prefixMentions(_ range: Range<Int>) -> [EntityMention] {
        var result: [EntityMention] = []
        var index = range.lowerBound
        while index < range.upperBound {
            var matched = false
            var end = range.upperBound
            while end > index {
                if let kind = lexiconKind(index..<end) {
                    result.append(mention(index..<end, kind))
                    index = end
                    matched = true
                    break
                }
                end -= 1
            }
            if matched { continue }
            if tokens[index].isAcronym { result.append(mention(index..<(index + 1), .organization)) }
            index += 1
        }
        return result
    }

    private func looksLikePersonWord(_ token: NameToken) -> Bool {
        token.isCapitalized && !token.isAcronym && EntityLexicon.kind(of: token.text) == nil
            && !NameCues.organization.contains(token.text) && !NameCues.geographic.contains(token.text)
            && !NameCues.facility.contains(token.text) && !PersonTitles.all.contains(token.text)
            && !evidence.isOrdinaryWord(token.text)
    }

    // MARK: - Names without a title

    /// The names in a chunk with no title.
    ///
    /// Read from a list of the parts still to read, not by recursion: a chunk splits one name at a
    /// time ("U.S. NAVCOM", a demonym in front of a name), and a line of thousands of acronyms with
    /// no punctuation ("KVR TLMA ZOB …", a list of tickers) overflowed the stack (stop 33).
    private func untitled(_ range: Range<Int>) -> [EntityMention] {
        let parts: [UntitledPart]
        switch reading(range) {
        case .one(let mention): return [mention]   // nearly every chunk: no list of parts is made
        case .parts(let split): parts = split
        }
        var mentions: [EntityMention] = []
        var pending = Array(parts.reversed())   // the next part last
        while let part = pending.popLast() {
            switch part {
            case .found(let mention): mentions.append(mention)
            case .toRead(let range):
                switch reading(range) {
                case .one(let mention): mentions.append(mention)
                case .parts(let split): pending.append(contentsOf: split.reversed())
                }
            }
        }
        return mentions
    }

    /// What one step of `untitled` makes of a range: one name, or the parts it splits into.
    private enum Reading {
        case one(EntityMention)
        case parts([UntitledPart])
    }

    /// A part of a chunk with no title: a name found, or a range of it still to read.
    private enum UntitledPart {
        case found(EntityMention)
        case toRead(Range<Int>)
    }

    /// One step of `untitled`: the name `range` is, or the parts it splits into, in order.
    private func reading(_ range: Range<Int>) -> Reading {
        if let known = lexiconKind(range) { return .one(mention(range, known)) }
        let count = range.count
        let first = tokens[range.lowerBound]
        let last = tokens[range.upperBound - 1]

        if count >= 2 {
            // "U.S. NAVCOM": neighbouring acronyms are separate names.
            if first.isAcronym, tokens[range.lowerBound + 1].isAcronym {
                return .parts([.toRead(range.lowerBound..<(range.lowerBound + 1)), .toRead((range.lowerBound + 1)..<range.upperBound)])
            }
            // "NASA Bill Tarrant", "US Elena Marsh": a known name or acronym before a person.
            if (first.isAcronym || wordFlags.listedKind(first) != nil),
               wordFlags.isGivenName(tokens[range.lowerBound + 1]) {
                return .parts([.toRead(range.lowerBound..<(range.lowerBound + 1)), .toRead((range.lowerBound + 1)..<range.upperBound)])
            }
            // "a chemistry student at Tarwick State University Nadia Orlev": an organisation's name
            // closing with its cue word, then the person it introduces (no comma between).
            if let person = personAfterOrganisation(range) {
                return .parts([.toRead(range.lowerBound..<person), .found(mention(person..<range.upperBound, .person))])
            }
            // "U.S. Department of Fisheries", "US National Maps Bureau": the country is a
            // name of its own in front of an organisation.
            if count >= 3, let country = leadingCountry(range), range.upperBound - country >= 2,
               hasCue(country..<range.upperBound) {
                return .parts([.found(mention(range.lowerBound..<country, .place)), .toRead(country..<range.upperBound)])
            }
        }
        if NameCues.eventFirst.contains(first.text) && count >= 2 { return .one(mention(range, .event)) }
        if count >= 2, NameCues.eventLast.contains(last.text) { return .one(mention(range, .event)) }
        if let place = compassPlace(range) { return .one(mention(range, place)) }
        // "Mountain View, California": a name followed by its state or country is a town.
        let cue = cueKind(range)   // asked twice below: looked up once
        if count <= 3, !wordFlags.isGivenName(first), cue == nil,
           isFollowedByPlace(range.upperBound - 1) {
            return .one(mention(range, .place))
        }
        if let cued = cue {
            // "Ada Lisbon", "Rose Kent": a given name outweighs a place word.
            if cued == .place, count <= 3, wordFlags.isGivenName(first) { return .one(mention(range, .person)) }
            return .one(mention(range, cued))
        }
        if count == 1 { return .one(mention(range, singleWordKind(range.lowerBound))) }
        // "Dunmore Star", "Chicago Bulls", "Manchester United": a place and a newspaper word, a
        // plural or "United" name an organisation ("Porto Alegre" does not).
        if count == 2, wordFlags.listedKind(first) == .place,
           NameCues.newspaperWords.contains(last.text) || last.text == "United"
            || (last.text.hasSuffix("s") && !last.text.hasSuffix("ss") && !evidence.isOrdinaryWord(last.text)) {
            return .one(mention(range, .organization))
        }
        // "the state of Rio Grande do Sul", "flew to Porto Alegre", "in Porto Alegre".
        if isAfterPlaceNoun(range.lowerBound) || isAfterTravelVerb(range.lowerBound) { return .one(mention(range, .place)) }
        if let previous = previousWord(range.lowerBound), previous == "in" || PersonContext.placePrepositions.contains(previous),
           !wordFlags.isGivenName(first),
           !range.contains(where: { tokens[$0].isCapitalized && evidence.isOrdinaryWord(tokens[$0].text) }) {
            return .one(mention(range, .place))
        }
        // "Maria dos Santos, 58,", "João Pereira said": what follows shows a person.
        if isFollowedByAge(range.upperBound - 1) || followedByPersonVerb(range.upperBound - 1) {
            return .one(mention(range, .person))
        }
        // "the journal Tidal Review"; "the Europa Clipper mission": people take no article.
        if let previous = previousWord(range.lowerBound) {
            if NameCues.organizationNouns.contains(previous) { return .one(mention(range, .organization)) }
            if previous == "the", !wordFlags.isGivenName(first) { return .one(mention(range, .other)) }
        }
        if range.allSatisfy({ wordFlags.isGroupWord(tokens[$0]) }) { return .one(mention(range, .group)) }
        // "Pakistani Zamanullah": a demonym in front of another name is a group of its own.
        if wordFlags.isGroupWord(first) {
            return .parts([.found(mention(range.lowerBound..<(range.lowerBound + 1), .group)),
                           .toRead((range.lowerBound + 1)..<range.upperBound)])
        }
        if range.contains(where: { hasDigit(tokens[$0]) }) { return .one(mention(range, .organization)) }
        // "Statistics Canada", "Transport Canada": words in front of a country name an agency.
        if EntityLexicon.isCountry(last.text), !wordFlags.isGivenName(first) {
            return .one(mention(range, .organization))
        }
        if range.contains(where: { tokens[$0].isAcronym && !tokens[$0].isInitial }) {
            return .one(mention(range, .organization))
        }
        // Several capitalised words no list knows: a person's name when none of them is an
        // ordinary word of the article ("Space Shuttle", "Soil Chemistry" are not people).
        let ordinary = range.contains { index in
            return tokens[index].isCapitalized && !wordFlags.isGivenName(tokens[index]) && !tokens[index].isInitial
                && evidence.isOrdinaryWord(tokens[index].text)
        }
        // "Central Asian Affairs": demonyms and compass words belong to other names than people's.
        let regional = range.dropFirst().contains { index in
            wordFlags.isGroupWord(tokens[index]) || PlaceNames.compassWords.contains(tokens[index].text)
        } || (PlaceNames.compassWords.contains(first.text) || wordFlags.isGroupWord(first))
        if ordinary || regional { return .one(mention(range, .other)) }
        return .one(mention(range, count <= 4 ? .person : .organization))
    }

    /// Where a person's name starts after an organisation's cue word ("… University Nadia Orlev"):
    /// two or three words after the last cue word, none of them a cue, a title, a known name or an
    /// ordinary word of the article ("Tarwick State University Press" stays one name).
    private func personAfterOrganisation(_ range: Range<Int>) -> Int? {
        guard range.count >= 4,
              let cue = range.last(where: { NameCues.organization.contains(tokens[$0].text) }) else { return nil }
        func isPerson(_ person: Range<Int>) -> Bool {
            person.allSatisfy { looksLikePersonWord(tokens[$0]) && !tokens[$0].isPossessive } && lexiconKind(person) == nil
        }
        if cue >= range.lowerBound + 1, (2...3).contains(range.upperBound - cue - 1),
           isPerson((cue + 1)..<range.upperBound) {
            return cue + 1
        }
        // "University of Tarwick Lowfield Nadia Orlev": the cue takes a complement of at least two
        // capitalised words, the last of them right before the last two words, which are the person
        // ("Bank of Nova Scotia", "Institute of Song and Dance of Nova Vela" keep their names).
        let person = range.upperBound - 2
        guard person - cue >= 4, !tokens[cue + 1].isCapitalized, tokens[person - 1].isCapitalized,
              (cue + 2..<person).filter({ tokens[$0].isCapitalized }).count >= 2,
              isPerson(person..<range.upperBound) else { return nil }
        return person
    }

    /// "South and Central Asia", "East Los Angeles": compass words in front of a known place.
    private func compassPlace(_ range: Range<Int>) -> EntityKind? {
        var index = range.lowerBound
        var sawCompass = false
        while index < range.upperBound - 1,
              PlaceNames.compassWords.contains(tokens[index].text) || (sawCompass && tokens[index].text == "and") {
            sawCompass = true
            index += 1
        }
        guard sawCompass, index < range.upperBound else { return nil }
        if lexiconKind(index..<range.upperBound) == .place { return .place }
        // "South and Central Asia": the compass word after "and" belongs to the place.
        if index > range.lowerBound, lexiconKind((index - 1)..<range.upperBound) == .place { return .place }
        return nil
    }

    /// The end of a country name at the start of the range, if any: "U.S.", "United States".
    private func leadingCountry(_ range: Range<Int>) -> Int? {
        var end = min(range.upperBound - 1, range.lowerBound + EntityLexicon.longestPhrase)
        while end > range.lowerBound {
            if EntityLexicon.isCountry(slice(range.lowerBound..<end)) { return end }
            end -= 1
        }
        return nil
    }

    /// The kind the cue words give: the last word first ("Lakeside Research Center Visitor
    /// Complex"), then the others ("Council on Maritime Affairs", "Cape Canaveral").
    private func cueKind(_ range: Range<Int>) -> EntityKind? {
        let last = range.upperBound - 1
        if let kind = cueKind(of: last) {
            // "Millbrook Unified School District": an organisation word before an area word.
            if kind == .place, wordFlags.textFlags(of: tokens[last]).contains(.geographicCue),
               range.dropLast().contains(where: { wordFlags.textFlags(of: tokens[$0]).contains(.organizationCue) }) {
                return .organization
            }
            return kind
        }
        guard range.count >= 2 else { return nil }
        for index in range.reversed() {
            let flags = wordFlags.textFlags(of: tokens[index])
            if flags.contains(.organizationCue) { return .organization }
            let word = tokens[index].text
            // Place words inside a name count when they open it ("Cape Canaveral") or take a
            // complement ("Plains of Abraham"); "Tide Club" is not a tide.
            let opens = index == range.lowerBound && NameCues.placeFirst.contains(word)
            let takesComplement = index + 1 < range.upperBound && !tokens[index + 1].isCapitalized
            // "Center for Strategic and International Studies" is an organisation.
            if takesComplement, flags.contains(.facilityCue), word.hasPrefix("Cent") { return .organization }
            if opens || (takesComplement && cueKind(of: index) != nil) { return .place }
        }
        return nil
    }

    /// The kind a name's cue word gives it: its list flags (by word id), or for a word with a
    /// hyphen, `cueKind(ofWord:)` on its text.
    private func cueKind(of index: Int) -> EntityKind? {
        let token = tokens[index]
        if token.text.hasUTF8Byte(0x2D) { return Self.cueKind(ofWord: token.text) }
        // "the Tarvician party": a lowercase head noun (`EntityAnnotator.chunks`).
        if token.text == "party" { return .organization }
        let flags = wordFlags.textFlags(of: token)
        if flags.contains(.organizationCue) { return .organization }
        if !flags.isDisjoint(with: [.facilityCue, .geographicCue]) { return .place }
        return nil
    }

    /// The kind a cue word gives: an organisation's ("Trust", "party"), a place's ("Airport",
    /// "River"), from `NameCues`.
    static func cueKind(ofWord written: String) -> EntityKind? {
        // "Engine Testing Facility-2": the cue before a number suffix.
        var word = written
        // Most words have no hyphen: checking the bytes first skips a `Character` walk.
        if word.hasUTF8Byte(0x2D), let hyphen = word.lastIndex(of: "-"),
           word[word.index(after: hyphen)...].unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) {
            word = String(word[..<hyphen])
        }
        if word == "party" { return .organization }
        if NameCues.organization.contains(word) { return .organization }
        if NameCues.facility.contains(word) || NameCues.geographic.contains(word) { return .place }
        return nil
    }

    private func hasCue(_ range: Range<Int>) -> Bool { !range.isEmpty && cueKind(range) != nil }

    /// One capitalised word no list knows: what its neighbours say.
    ///
    /// UNFINISHED: with no telling neighbour the word stays `.other` ("Odin", "Druidry", "Verona");
    /// the linker makes a word repeated three times an organisation, nothing types the rest.
    private func singleWordKind(_ index: Int) -> EntityKind {
        let token = tokens[index]
        if wordFlags.isGroupWord(token) { return .group }
        if token.isAcronym {
            // "WASHINGTON (Reuters) —": a dateline in capitals is a known place.
            if let known = EntityLexicon.kind(of: Self.titleCased(token.text)) { return known }
            return .organization
        }
        if let previous = previousWord(index), Self.isTitle(previous) { return .person }
        if isFollowedByPlace(index) { return .place }
        if let previous = previousWord(index) {
            if PersonContext.placePrepositions.contains(previous) { return .place }
            if isAfterPlaceNoun(index) || isAfterTravelVerb(index) { return .place }
            if NameCues.organizationNouns.contains(previous) { return .organization }
            if previous == "the" {
                // "the Brotherhood’s rise", "the Brotherhood." name an organisation; in "the Kellerby
                // attack" the name only qualifies a noun and could be anything.
                guard let next = nextWord(index), !token.isPossessive, tokens[index + 1].isLowercase else {
                    return .organization
                }
                return PersonContext.personCollectives.contains(next) ? .person : .other
            }
        }
        if followedByPersonVerb(index) { return .person }
        if !token.isPossessive, let next = nextWord(index), PersonContext.organizationRoles.contains(next) {
            return .organization
        }
        if isFollowedByAge(index) { return .person }
        return .other
    }

    // MARK: - Helpers

    /// `PersonTitles.isTitle`, without its `Character` walk for the hyphenated forms when the
    /// word has no hyphen (most words): same answer, a fraction of the work.
    static func isTitle(_ word: String) -> Bool {
        PersonTitles.all.contains(word) || (word.hasUTF8Byte(0x2D) && PersonTitles.isTitle(word))
    }

    /// "WASHINGTON" → "Washington", "NEW" → "New".
    static func titleCased(_ word: String) -> String {
        guard let first = word.unicodeScalars.first else { return word }
        return String(first) + String(word.unicodeScalars.dropFirst()).lowercased()
    }

    private func lexiconKind(_ range: Range<Int>) -> EntityKind? {
        guard range.count <= EntityLexicon.longestPhrase else { return nil }
        if range.count == 1 { return wordFlags.listedKind(tokens[range.lowerBound]) }
        // Words one ASCII space apart in ASCII text: the joined name is the text itself, looked up
        // from the scalars without building it.
        let start = tokens[range.lowerBound].start, end = tokens[range.upperBound - 1].end
        let scalars = text.scalars
        var plain = true
        for index in (range.lowerBound + 1)..<range.upperBound
        where tokens[index].start != tokens[index - 1].end + 1 || scalars[tokens[index - 1].end] != " " {
            plain = false
            break
        }
        if plain {
            for k in start..<end where scalars[k].value >= 0x80 { plain = false; break }
        }
        if plain { return EntityLexicon.kind(ofASCII: scalars, start, end) }
        return EntityLexicon.kind(of: slice(range))
    }

    private func previousWord(_ index: Int) -> String? {
        guard index > 0, tokens[index].followsSpace else { return nil }
        return tokens[index - 1].text
    }

    private func nextWord(_ index: Int) -> String? {
        guard index + 1 < tokens.count, tokens[index + 1].followsSpace else { return nil }
        return tokens[index + 1].text
    }

    /// "the town of Brackwater", "the state of Rio Grande do Sul".
    private func isAfterPlaceNoun(_ index: Int) -> Bool {
        guard index >= 2, tokens[index].followsSpace, tokens[index - 1].text == "of", tokens[index - 1].followsSpace
        else { return false }
        return NameCues.placeNouns.contains(tokens[index - 2].text)
    }

    /// "flew to Porto Alegre", "a trip to Encantado".
    private func isAfterTravelVerb(_ index: Int) -> Bool {
        guard index >= 2, tokens[index].followsSpace, tokens[index - 1].text == "to", tokens[index - 1].followsSpace
        else { return false }
        return PersonContext.travelVerbs.contains(tokens[index - 2].text)
    }

    /// "Renner told reporters": verbs that follow people, not organisations.
    private func followedByPersonVerb(_ index: Int) -> Bool {
        guard let next = nextWord(index), !tokens[index].isPossessive else { return false }
        return PersonContext.reportingVerbs.contains(next) && !PersonContext.weakVerbs.contains(next)
    }

    /// "Denton, Texas", "Ashbury, Ontario": a town followed by its state or country.
    private func isFollowedByPlace(_ index: Int) -> Bool {
        let next = index + 1
        guard next < tokens.count, tokens[index].end + 2 == tokens[next].start,
              text.scalars[tokens[index].end] == "," else { return false }
        var end = next + 1
        while end < tokens.count, tokens[end].followsSpace, tokens[end].isCapitalized, end - next < 3 { end += 1 }
        while end > next {
            let kind = lexiconKind(next..<end)
            if kind == .place {
                let name = slice(next..<end)
                return PlaceNames.countryWords.contains(name) || PlaceNames.subdivisionWords.contains(name)
            }
            end -= 1
        }
        return false
    }

    /// "Quintero, 32, said": a name followed by an age in commas.
    private func isFollowedByAge(_ index: Int) -> Bool {
        let scalars = text.scalars
        var k = tokens[index].end
        guard k + 2 < scalars.count, scalars[k] == ",", scalars[k + 1] == " " else { return false }
        k += 2
        var digits = 0
        while k < scalars.count, scalars[k].value >= 0x30, scalars[k].value <= 0x39 { digits += 1; k += 1 }
        return (1...3).contains(digits) && k < scalars.count && scalars[k] == ","
    }

    private func hasDigit(_ token: NameToken) -> Bool {
        token.text.unicodeScalars.contains { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    /// The words of a range joined by single spaces, as the lists write names.
    private func slice(_ range: Range<Int>) -> String {
        var name = tokens[range.lowerBound].text
        for index in (range.lowerBound + 1)..<range.upperBound { name += " " + tokens[index].text }
        return name
    }

    private func opensWithFunctionWord(_ range: Range<Int>) -> Bool {
        let first = tokens[range.lowerBound]
        guard first.isCapitalized, !first.isAcronym, !first.isPossessive, tokens[range.lowerBound + 1].isCapitalized,
              !wordFlags.isGivenName(first) else { return false }
        return CommonWords.functionWords.contains(lowercasing: first.text)
    }

    private func mention(_ range: Range<Int>, _ kind: EntityKind) -> EntityMention {
        let span = Span(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
        return EntityMention(span: span, kind: kind, name: NameTokenizer.string(text.scalars, span.start, span.end))
    }
}
