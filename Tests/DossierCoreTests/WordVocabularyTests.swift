import Testing
@testable import DossierCore

/// The vocabulary keeps what the word lists say about each word from one article to the next:
/// its answers must stay those of the lists, and each article must still number its own words.
@Suite struct WordVocabularyTests {
    static let second = """
        Ministers Meet in Lisbon

        The minister said on Tuesday that Ana Reyes, the new head of the Harbour Office, would \
        visit New York. "We are ready," Reyes told reporters. The Office said the visit was planned.
        """

    private static func tokenize(_ text: String, _ vocabulary: WordVocabulary) -> (StructuredArticle, NameTokens) {
        let article = StructureParser().parse(ArticleText(text))
        return (article, NameTokenizer.tokenize(article, vocabulary: vocabulary))
    }

    @Test func factsAreTheWordListsAnswersInEveryArticle() {
        let vocabulary = WordVocabulary()
        for text in [ClaimExtractorTests.briefingText, Self.second, ClaimExtractorTests.briefingText] {
            let (_, tokenized) = Self.tokenize(text, vocabulary)
            #expect(tokenized.tokens.count > 20)
            for token in tokenized.tokens {
                for fact in WordVocabulary.TextFact.allCases {
                    // Asked twice: the second answer comes from the kept bits.
                    #expect(vocabulary.fact(fact, ofWord: token.word, text: token.text) == fact.answer(for: token.text))
                    #expect(vocabulary.fact(fact, ofWord: token.word, text: token.text) == fact.answer(for: token.text))
                }
            }
        }
        // The lists do say yes to some of these words, so the bits are not all "no".
        let (_, tokenized) = Self.tokenize(Self.second, vocabulary)
        let the = tokenized.tokens.first { $0.text == "the" }!
        let said = tokenized.tokens.first { $0.text == "said" }!
        #expect(vocabulary.fact(.commonAsWritten, ofWord: the.word, text: the.text))
        #expect(vocabulary.fact(.reportingVerb, ofWord: said.word, text: said.text))
    }

    @Test func eachArticleNumbersItsOwnWordsAndSharesTheLexemes() {
        let vocabulary = WordVocabulary()
        let (firstArticle, first) = Self.tokenize(ClaimExtractorTests.briefingText, vocabulary)
        let lexemeOfThe = vocabulary.lexeme(ofWord: first.tokens.first { $0.text == "the" }!.word)
        let wordsAfterFirst = vocabulary.count
        #expect(wordsAfterFirst == first.distinctWords)

        let (article, second) = Self.tokenize(Self.second, vocabulary)
        // Ids start again from 0 and stay below the article's own count of distinct words.
        #expect(second.tokens.first?.word == 0)
        var textOfId: [Int32: String] = [:]
        for token in second.tokens where token.word >= 0 {
            #expect(Int(token.word) < second.distinctWords)
            #expect(token.text == article.text.slice(Span(token.start, token.end)))
            if let known = textOfId[token.word] { #expect(known == token.text) }
            textOfId[token.word] = token.text
        }
        #expect(Set(textOfId.values).count == textOfId.count)
        // A word of both articles is one lexeme; the vocabulary grew by the new words only.
        #expect(vocabulary.lexeme(ofWord: second.tokens.first { $0.text == "the" }!.word) == lexemeOfThe)
        let firstTexts = Set(first.tokens.map(\.text)), secondTexts = Set(textOfId.values)
        #expect(vocabulary.count == wordsAfterFirst + secondTexts.subtracting(firstTexts).count)
        #expect(!firstArticle.paragraphs.isEmpty)
    }

    @Test func keptClustersSensesAndFlagsMatchAFreshLookUp() {
        let shared = WordVocabulary()
        _ = Self.tokenize(ClaimExtractorTests.briefingText, shared)
        for text in [ClaimExtractorTests.briefingText, Self.second] {
            let (_, kept) = Self.tokenize(text, shared)
            let (_, fresh) = Self.tokenize(text, WordVocabulary())
            let evidence = CapitalisationEvidence(tokens: fresh.tokens, headlines: fresh.tokens.map { _ in false },
                                                  distinctWords: fresh.distinctWords)
            let keptFlags = WordFlagCache(kept), freshFlags = WordFlagCache(fresh)
            // Twice over the kept vocabulary: the first pass may fill it, the second reads it.
            for _ in 0..<2 {
                for (a, b) in zip(kept.tokens, fresh.tokens) {
                    #expect(keptFlags.cluster(of: a)?.bits == WordClusters.path(of: b.text)?.bits)
                    #expect(keptFlags.senses(of: a) == freshFlags.senses(of: b))
                    #expect(keptFlags.flags(of: a, evidence: evidence) == freshFlags.flags(of: b, evidence: evidence))
                    #expect(keptFlags.isTitle(a) == NameClassifier.isTitle(b.text))
                }
            }
        }
    }

    /// What the name classifier asks by word id is what it asked of the lists by text: the
    /// kind a word alone has, demonyms, given names and cue words, on a second article too.
    @Test func classifierLookUpsAreTheListsAnswers() {
        let vocabulary = WordVocabulary()
        let names = "Pakistani officials met Kerem Aydın at the Tamsk Port Trust and Dock Facility-2 near the River Olve."
        var answeredYes = (listed: 0, group: 0, given: 0, cue: 0)
        for text in [ClaimExtractorTests.briefingText, Self.second, names, names] {
            let (_, tokenized) = Self.tokenize(text, vocabulary)
            let flags = WordFlagCache(tokenized)
            for token in tokenized.tokens {
                let listed = EntityLexicon.kind(of: token.text)
                #expect(flags.listedKind(token) == listed, "\(token.text)")
                #expect(flags.isGroupWord(token) == Demonyms.isGroupWord(token.text), "\(token.text)")
                #expect(flags.isGivenName(token) == GivenNames.all.contains(token.text), "\(token.text)")
                let textFlags = flags.textFlags(of: token)
                #expect(textFlags.contains(.organizationCue) == NameCues.organization.contains(token.text))
                #expect(textFlags.contains(.facilityCue) == NameCues.facility.contains(token.text))
                #expect(textFlags.contains(.geographicCue) == NameCues.geographic.contains(token.text))
                if listed != nil { answeredYes.listed += 1 }
                if Demonyms.isGroupWord(token.text) { answeredYes.group += 1 }
                if GivenNames.all.contains(token.text) { answeredYes.given += 1 }
                if NameClassifier.cueKind(ofWord: token.text) != nil { answeredYes.cue += 1 }
            }
        }
        // Each list says yes to some word here, so no answer is "no" by default.
        #expect(answeredYes.listed > 0 && answeredYes.group > 0 && answeredYes.given > 0 && answeredYes.cue > 0)
        #expect(NameClassifier.cueKind(ofWord: "Facility-2") == NameClassifier.cueKind(ofWord: "Facility"))
    }

    @Test func aVocabularyOverItsLimitIsNotKept() {
        var large: WordVocabulary?
        WordVocabulary.withPooled(keepingAtMost: 3) { vocabulary in
            _ = Self.tokenize(Self.second, vocabulary)
            #expect(vocabulary.count > 3)
            large = vocabulary
        }
        // However many vocabularies other tests hand out meanwhile, that one never comes back.
        for _ in 0..<4 {
            WordVocabulary.withPooled { #expect($0 !== large) }
        }
    }
}
