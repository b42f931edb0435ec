import Testing
@testable import DossierCore

@Suite struct WordTableTests {
    @Test func answersLikeASetOfStringsForEveryListWord() {
        // Every given name, and its lowercase form (mostly absent), against the plain Set.
        let plain = Set(GivenNames.all)
        for name in GivenNames.all {
            #expect(GivenNames.all.contains(name))
            #expect(GivenNames.all.contains(name.lowercased()) == plain.contains(name.lowercased()))
        }
        #expect(!GivenNames.all.contains(""))
    }

    @Test func nonASCIIWordsKeepCanonicalEquivalence() {
        let places: WordSet = ["São Paulo", "Zürich", "Kabul"]
        #expect(places.contains("São Paulo"))
        #expect(places.contains("Sa\u{0303}o Paulo"))   // "ã" written as "a" and a combining tilde
        #expect(places.contains("Zu\u{0308}rich"))
        #expect(!places.contains("Sao Paulo"))
        #expect(!places.contains("kabul"))
        // Entries written decomposed are found written composed, and a singleton finds its ASCII twin.
        let decomposed: WordSet = ["Sa\u{0303}o", "K", "\u{3B1}\u{301}\u{3BB}\u{3C6}\u{3B1}"]
        #expect(decomposed.contains("São"))
        #expect(decomposed.contains("\u{212A}"))                      // KELVIN SIGN is canonically "K"
        #expect(decomposed.contains("\u{3AC}\u{3BB}\u{3C6}\u{3B1}"))    // "άλφα" precomposed
        #expect(!decomposed.contains("\u{3B1}\u{3BB}\u{3C6}\u{3B1}"))   // "αλφα", no accent
        #expect(decomposed.count == 3)
    }

    /// Every pair of a few hundred words, among them canonically equivalent spellings, against
    /// `[String: Int]`, whose `==` is canonical equivalence: the same answers and the same count.
    @Test func answersLikeADictionaryOnMixedScripts() {
        let pieces = ["a", "e", "\u{301}", "\u{308}", "\u{E9}", "\u{EB}", "\u{3B1}", "\u{3AC}", "\u{212A}",
                      "K", "\u{2019}", "\u{1100}", "\u{1161}", "\u{AC00}", "\u{4E2D}", "\u{2126}", "\u{3A9}"]
        var words: [String] = []
        for first in pieces { for second in pieces { words.append(first + second) } }
        var table = WordTable<Int>()
        var dictionary: [String: Int] = [:]
        for (index, word) in words.enumerated() where index % 2 == 0 {
            table.set(word, index)
            dictionary[word] = index
        }
        #expect(table.count == dictionary.count)
        for word in words {
            #expect(table.value(word) == dictionary[word], "\(word.debugDescription)")
        }
        #expect(dictionary.count < words.count / 2)     // some spellings were the same word
    }

    /// `set(utf8:)` and `modify(utf8:)` key a word's bytes as `set` and `modify` key its string,
    /// NFC and all, and a table with reserved room answers alike.
    @Test func bytesKeyWordsLikeTheirStrings() {
        let pieces = ["a", "e", "\u{301}", "\u{E9}", "\u{3B1}", "\u{3AC}", "\u{212A}", "K", "\u{2019}", "\u{AC00}", "\u{1100}", "\u{1161}"]
        var words: [String] = []
        for first in pieces { for second in pieces { words.append(first + second) } }
        var fromStrings = WordTable<Int>(), fromBytes = WordTable<Int>(), modified = WordTable<Int>()
        fromBytes.reserveEntries(words.count, keyBytes: 8 * words.count)
        for (index, word) in words.enumerated() {
            fromStrings.set(word, index)
            var contiguous = word
            contiguous.withUTF8 { bytes in
                fromBytes.set(utf8: bytes, index)
                modified.modify(utf8: bytes, default: 0) { $0 += 1 }
            }
        }
        #expect(fromBytes.count == fromStrings.count)
        #expect(modified.count == fromStrings.count)
        var dictionary: [String: Int] = [:]
        for word in words { dictionary[word, default: 0] += 1 }
        for word in words + ["", "ae", "\u{E9}\u{E9}"] {
            #expect(fromBytes.value(word) == fromStrings.value(word), "\(word.debugDescription)")
            #expect(modified.value(word) == dictionary[word], "\(word.debugDescription)")
        }
    }

    /// A large table (the Brown cluster list, 72,000 words; slots tagged with hash bits, keys'
    /// first 8 bytes kept inline) answers like a dictionary of the same lines, for every word, the
    /// word capitalised or uppercased (mostly absent), and the word with one byte added or changed
    /// past its eighth byte.
    @Test func aLargeListAnswersLikeADictionary() {
        var plain: [String: UInt32] = [:]
        _ = WordList.forEachLine(GeneratedLexicon.wordClusters) { line in
            let space = line.lastIndex(of: 0x20)!
            plain[String(decoding: line[..<space], as: UTF8.self)] =
                UInt32(WordList.number(line, (space + 1)..<line.count, limit: Int(UInt32.max))!)
        }
        let table = WordClusters.makeTable()
        #expect(table.count == plain.count && plain.count > 10_000)
        for (word, bits) in plain {
            #expect(table.value(word)?.bits == bits)
            for probe in [word.prefix(1).uppercased() + word.dropFirst(), word.uppercased(), word + "x", String(word.dropLast()) + "\u{7F}"] {
                #expect(table.value(probe)?.bits == plain[probe], "\(probe)")
            }
        }
    }

    @Test func growsAndOverwritesValues() {
        var table = WordTable<Int>()
        let words = (0..<5_000).map { "word\($0)" }
        for (index, word) in words.enumerated() { table.set(word, index) }
        table.set("word7", -7)
        #expect(table.count == 5_000)
        #expect(table.value("word7") == -7)
        #expect(table.value("word4999") == 4_999)
        #expect(table.value("word5000") == nil)
        #expect(table.value("word") == nil)
    }

    @Test func wordsThatShareTheirFirstBytesAreToldApart() {
        // Words of one length that agree in their first bytes ("headquartered", "headquarterez")
        // are told apart by the bytes compared after the hash and length agree, and every answer
        // equals that of a plain dictionary.
        let words = ["internationally", "internationalist", "internat", "internati", "intern", "", "a",
                     "counterintelligence", "counterinsurgency", "counterins", "headquartered", "headquarters"]
        var table = WordTable<Int>()
        var plain: [String: Int] = [:]
        for (index, word) in words.enumerated() where index % 2 == 0 {
            table.set(word, index)
            plain[word] = index
        }
        for word in words + ["internationall", "internationallx", "headquarterez", "counterinsurgencz", "b"] {
            #expect(table.value(word) == plain[word], "\(word)")
            #expect(table.contains(word) == (plain[word] != nil), "\(word)")
            let scalars = ArticleScalars(word.uppercased())
            #expect(table.value(lowercasing: scalars, 0, scalars.count) == (word.isEmpty ? nil : plain[word]), "\(word)")
        }
    }

    @Test func theFirstByteAndLengthFilterNeverHidesAWord() {
        // Lookups that share a first byte but not a length, a length but not a first byte, the
        // empty word, and words past 63 bytes (one length bucket): every answer, as written and
        // lowercased, from a string and from scalars, equals a plain dictionary's.
        let long = String(repeating: "x", count: 70), longer = String(repeating: "x", count: 90)
        let words = ["said", "s", "told", "", long, "Kabul", "ask", "tell"]
        var table = WordTable<Int>()
        var plain: [String: Int] = [:]
        for (index, word) in words.enumerated() {
            table.set(word, index)
            plain[word] = index
        }
        let probes = words + ["sai", "saidx", "t", "tol", "", longer, String(repeating: "x", count: 63), "kabul",
                              "KABUL", "SAID", "Ask", "ASKS", "é", "zzzz"]
        for word in probes {
            #expect(table.value(word) == plain[word], "\(word)")
            #expect(table.value(lowercasing: word) == plain[word.lowercased()], "\(word)")
            let scalars = ArticleScalars(word)
            if !word.isEmpty, word.count <= 64 {
                #expect(table.value(lowercasing: scalars, 0, scalars.count) == plain[word.lowercased()], "\(word)")
            }
        }
        // With a non-ASCII entry the filter steps aside: the other entries still answer.
        table.set("café", 99)
        #expect(table.value("café") == 99 && table.value("cafe\u{301}") == 99 && table.value("said") == 0)
        #expect(table.value("caf") == nil)
    }

    @Test func setKeepsFirstInsertionOrderWithoutDuplicates() {
        var set = WordSet()
        for word in ["said", "told", "said", "Said"] { set.insert(word) }
        #expect(Array(set) == ["said", "told", "Said"])
        #expect(set.count == 3)
        // Words outside ASCII go through the table's dictionary: added once as well.
        for word in ["Zürich", "Zu\u{0308}rich", "Zürich", "told"] { set.insert(word) }
        #expect(Array(set) == ["said", "told", "Said", "Zürich"])
        #expect(set.contains("Zu\u{0308}rich"))
    }

    @Test func wordFactsKeepEachFactOfEachWordApart() {
        let tokenized = NameTokenizer.tokenize(StructureParser().parse(ArticleText("Ana met Ana Reyes.")))
        #expect(tokenized.distinctWords == 3)
        var facts = WordFacts(tokenized)
        #expect(facts[.ordinary, 0] == nil)
        facts[.ordinary, 0] = true
        facts[.definedAcronym, 0] = false
        facts[.ordinary, 1] = false
        #expect(facts[.ordinary, 0] == true)
        #expect(facts[.definedAcronym, 0] == false)
        #expect(facts[.definedAcronym, 1] == nil)
        #expect(facts[.ordinary, 1] == false)
        #expect(facts[.ordinary, 2] == nil)
        // A word without an id ("&") or past the article's words is never kept.
        facts[.ordinary, -1] = true
        facts[.ordinary, 3] = true
        #expect(facts[.ordinary, -1] == nil)
        #expect(facts[.ordinary, 3] == nil)
    }
}

@Suite struct ScalarLookupTests {
    @Test func looksUpWordsStraightFromScalarsLowercased() {
        let text = ArticleScalars("Kurt SAID it, “Stated” the résumé.")
        #expect(SpeechVerbs.containsWord(text, 5, 9) == true)          // "SAID"
        #expect(SpeechVerbs.containsWord(text, 0, 4) == false)         // "Kurt"
        #expect(SpeechVerbs.containsWord(text, 15, 21) == true)        // "Stated"
        #expect(SpeechVerbs.containsWord(text, 27, 33) == nil)         // "résumé": not ASCII, ask as a String
    }

    @Test func speechVerbCheckFindsVerbsInsideJoinedWordsAndIgnoresParagraphsWithout() {
        // A seed sentence with a speech verb, and one without any.
        let said = ArticleScalars("The Pakistani government, he said, has long-denied it.")
        let none = ArticleScalars("The shuttle will be displayed at the museum in Virginia.")
        #expect(ClaimExtractor.mayHoldSpeechVerb(said, Span(0, said.count)))
        #expect(!ClaimExtractor.mayHoldSpeechVerb(none, Span(0, none.count)))
        #expect(ClaimExtractor.mayHoldSpeechVerb(none, Span(0, 3)) == false)
    }
}
