import Testing
@testable import DossierCore

@Suite struct StructureTests {
    func sentences(_ text: String) -> [String] {
        let scalars = ArticleScalars(text)
        return SentenceSplitter.sentences(in: Span(0, scalars.count), of: scalars).map { span in
            String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        }
    }

    @Test func abbreviationsInitialsAndDecimalsDoNotEndSentences() {
        #expect(sentences("Gen. Ravelle met Dr. Smith and Mr. Pennick in St. Louis. They spoke for 3.5 hours.")
            == ["Gen. Ravelle met Dr. Smith and Mr. Pennick in St. Louis.", "They spoke for 3.5 hours."])
        #expect(sentences("J. R. R. Tolkien wrote it. It sold well.") == ["J. R. R. Tolkien wrote it.", "It sold well."])
        #expect(sentences("It killed 13 U.S. service members. The U.S. Coast Guard said so.")
            == ["It killed 13 U.S. service members.", "The U.S. Coast Guard said so."])
        #expect(sentences("Troops stayed in the U.S. The war went on.") == ["Troops stayed in the U.S.", "The war went on."])
    }

    @Test func quotesAndEllipsesCloseSentencesCorrectly() {
        #expect(sentences("He called it “a phenomenal partner.” The deal held.")
            == ["He called it “a phenomenal partner.”", "The deal held."])
        #expect(sentences("“Why now?” he asked. Nobody knew.") == ["“Why now?” he asked.", "Nobody knew."])
        #expect(sentences("We waited… Nothing came, and so… we left.") == ["We waited… Nothing came, and so… we left."])
        #expect(sentences("It was late... The convoy left.") == ["It was late...", "The convoy left."])
    }

    @Test func aNewsPageHasTitleStandfirstAndFiveHeadedSections() throws {
        let path = "/" + BoilerplateTests.seedPath + "/Tests/Fixtures/sample-article.txt"
        let page = try #require(readFile(path))
        let kept = BoilerplateFilter().filter(page)
        let article = StructureParser().parse(ArticleText(kept.text), removed: kept.removed)
        #expect(article.titleString == "Portugal & NHA: A Harbour Partnership Against Smuggling")
        #expect(article.standfirst.map { article.text.slice($0) }?.hasPrefix("Portugal’s Harbour Patrols") == true)
        let headings = article.sections.compactMap(\.heading)
        #expect(headings == ["The Wendelbrook Arrest and What Followed", "Sharing the Work: Portugal, Spain and the Authority",
                        "The Return of the Syndicate", "Beyond the Coast: Trade and Insurance",
                        "Radar, Data and the Next Five Years"])
        checkInvariants(article)
    }

    @Test func wikinewsArticlesStartWithTitleAndDateline() throws {
        let text = """
        Australian children suffering from iodine deficiency

        Thursday, February 23, 2006

        A new study has found that Australian children are suffering from iodine deficiency. Dr. Creswell Eastman said the U.S. had fewer cases.
        """
        let article = StructureParser().parse(ArticleText(text))
        #expect(article.titleString == "Australian children suffering from iodine deficiency")
        #expect(article.paragraphs.map(\.role) == [.title, .dateline, .body])
        #expect(article.standfirst == nil)
        #expect(article.paragraphs[2].sentences.count == 2)
        checkInvariants(article)
    }

    @Test func aBreadcrumbIsNotTheTitleAndARepeatedHeadlineIsOneTitle() {
        let text = "Home » world » Strong Partnership\n\nStrong Partnership\n\nStrong Partnership\n\nThe recent arrest is a significant success for both countries, officials said on Monday."
        let article = StructureParser().parse(ArticleText(text))
        #expect(article.titleString == "Strong Partnership")
        #expect(article.title?.start == 35)
        #expect(article.paragraphs.filter { $0.role == .title }.count == 2)
    }

    @Test func headingHintsFromMarkdownBecomeSections() {
        let document = SourceFormatDetector.document(fromText: "# Title Here\n\nIntro text that runs on for a while, as intros do.\n\n## details follow\n\nBody text that runs on for a while, as bodies do.\n", pathHint: "a.md")
        let article = StructureParser().parse(ArticleText(document.text), titleHint: document.titleHint, headingHints: document.headingHints)
        #expect(article.titleString == "Title Here")
        #expect(article.sections.compactMap(\.heading) == ["details follow"])
        checkInvariants(article)
    }

    @Test func isLinearOnHugeInputs() {
        let sentence = "The recent arrest of Benedikt Wendelbrook is a success for the U.S. and Portugal. "
        let one = String(repeating: sentence, count: 3_000)   // one long paragraph; the 10 MB run is a benchmark, not a test
        let big = StructureParser().parse(ArticleText(one))
        // 249,000 scalars: cut at a sentence end into two pieces (issue 13), every sentence kept whole.
        #expect(big.paragraphs.count == 2 && big.sentences.count == 3_000)
        #expect(big.paragraphs.allSatisfy { $0.span.length <= StructureParser.defaultLongestParagraph })
        let many = String(repeating: "Short line here.\n", count: 20_000)
        let lines = StructureParser().parse(ArticleText(many))
        #expect(lines.paragraphs.count == 20_000)
    }

    func checkInvariants(_ article: StructuredArticle) {
        let count = article.text.count
        for p in article.paragraphs {
            #expect(p.span.start >= 0 && p.span.end <= count)
            for s in p.sentences { #expect(p.span.contains(s) && !s.isEmpty) }
        }
        for s in article.sections { #expect(s.span.end <= count && s.span.start <= s.span.end) }
    }
}
