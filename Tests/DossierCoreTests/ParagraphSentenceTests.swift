import Testing
@testable import DossierCore

/// The attribution and claim tokens are numbered by Structure's sentences, read at the level of
/// tokens (`ParagraphTokenizer.numberSentences`): one splitter for the core.
@Suite struct ParagraphSentenceTests {
    /// The sentence index of each word or quotation, keyed by its text ("" for a quotation: "<q>").
    private func sentences(_ text: String, quotes: [String] = []) -> [(String, Int)] {
        let scalars = ArticleScalars(text)
        let whole = Span(0, scalars.count)
        let quoteSpans = quotes.map { quote -> Span in
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex,
                                                     to: text.range(of: quote)!.lowerBound)
            return Span(start, start + quote.unicodeScalars.count)
        }
        let tokens = ParagraphTokenizer.tokenize(scalars, span: whole, quotes: quoteSpans,
                                                 sentences: SentenceSplitter.sentences(in: whole, of: scalars))
        return tokens.filter { $0.kind != .punctuation }.map { ($0.kind == .quote ? "<q>" : $0.text, $0.sentence) }
    }

    private func sentence(of word: String, in numbered: [(String, Int)]) -> Int? {
        numbered.first { $0.0 == word }?.1
    }

    /// A paragraph that is one whole sentence keeps no array of sentences; it must still give that
    /// sentence, keep it when its span is moved, and compare as a paragraph given the array does.
    @Test func aParagraphOfOneWholeSentenceGivesItsSentenceBack() {
        var whole = Paragraph(span: Span(10, 40), role: .body, sentences: [Span(10, 40)])
        #expect(whole.sentences == [Span(10, 40)])
        let two = Paragraph(span: Span(10, 40), role: .body, sentences: [Span(10, 25), Span(26, 40)])
        #expect(two.sentences == [Span(10, 25), Span(26, 40)])
        let trimmed = Paragraph(span: Span(10, 40), role: .body, sentences: [Span(11, 40)])
        #expect(trimmed.sentences == [Span(11, 40)])
        #expect(Paragraph(span: Span(0, 5), role: .body, sentences: []).sentences.isEmpty)
        var set = Paragraph(span: Span(10, 40), role: .body, sentences: [])
        set.sentences = [Span(10, 40)]
        #expect(set == whole)
        whole.span = Span(0, 40)
        #expect(whole.sentences == [Span(10, 40)], "moving the span does not move the sentence")
        let article = StructureParser().parse(ArticleText("Title\n\nOne short line.\n\nTwo lines. In one paragraph."))
        #expect(article.paragraphs.map(\.sentences.count) == [1, 1, 2])
        #expect(article.sentences.map { article.text.slice($0) } == ["Title", "One short line.", "Two lines.", "In one paragraph."])
    }

    @Test func tokensTakeTheSplittersSentences() {
        let numbered = sentences("The ferry left at dawn. Gen. Ilse Varrow waved. It was 9 a.m. when it docked.")
        #expect(sentence(of: "ferry", in: numbered) == 0)
        // "Gen." is an abbreviation: the general's name is in the second sentence, not a third.
        #expect(sentence(of: "varrow", in: numbered) == 1)
        #expect(sentence(of: "docked", in: numbered) == 2)
    }

    @Test func aBoundaryInsideAQuotationIsNone() {
        let text = "“We sailed. We landed,” the captain said. Then she left."
        let numbered = sentences(text, quotes: ["“We sailed. We landed,”"])
        // The splitter cuts inside the quotation; the quotation is one token, framed by one sentence.
        #expect(SentenceSplitter.sentences(in: Span(0, text.unicodeScalars.count), of: ArticleScalars(text)).count == 3)
        #expect(sentence(of: "<q>", in: numbered) == 0)
        #expect(sentence(of: "captain", in: numbered) == 0)
        #expect(sentence(of: "then", in: numbered) == 1)
    }

    @Test func aQuotationEndsNoSentence() {
        // The splitter sees "!" and a capital; the cue after the quotation stays in its sentence.
        let text = "“Ostrel has done a fine job!” Velmar wrote before the vote. Turnout rose."
        let numbered = sentences(text, quotes: ["“Ostrel has done a fine job!”"])
        #expect(sentence(of: "<q>", in: numbered) == 0)
        #expect(sentence(of: "wrote", in: numbered) == 0)
        #expect(sentence(of: "turnout", in: numbered) == 1)
    }

    @Test func aLineThatOpensLikeASentenceStartsOne() {
        let numbered = sentences("Ferries ran late\nTrains ran on time\nand buses too")
        #expect(sentence(of: "ferries", in: numbered) == 0)
        #expect(sentence(of: "trains", in: numbered) == 1)
        // A line that goes on in lowercase goes on with its sentence.
        #expect(sentence(of: "buses", in: numbered) == 1)
    }
}
