import Foundation
import Testing
@testable import DossierCore

/// Issue 13, bounded cost on any input: a huge paragraph is annotated in pieces (`LongParagraphCutter`)
/// and a huge article's entity candidates in windows of paragraphs (`Pipeline+Windows.swift`). These
/// tests use tiny bounds so that invented text of a few kilobytes is cut many times; the cost itself
/// is measured in Benchmarks/, not here.
@Suite struct BoundedCostTests {
    /// One long paragraph of invented news sentences; each quotation names its speaker in its own
    /// sentence, so nothing depends on a sentence in another piece.
    static let longParagraph: String = {
        func sentences(_ month: String) -> [String] { [
            "Mara Velden, the harbour master of Eastvale, said the northern docks would reopen in \(month).",
            "“We have cleared the channel twice this winter,” Mara Velden said.",
            "The Port Authority of Eastvale reported 1,200 ships last year, up 4 percent.",
            "Tomas Reyk, who chairs the Eastvale Fishers Union, said the fees were too high.",
            "“Nobody asked the crews before the fees went up,” Tomas Reyk said.",
            "Officials in Lisbon and Rotterdam are watching the dispute closely.",
        ] }
        return "Harbour dispute\n\n" + (0..<12).map { round in
            sentences(round % 2 == 0 ? "June" : "July").joined(separator: " ")
        }.joined(separator: " ") + "\n"
    }()

    static func pipeline(longestParagraph: Int, entityWindow: Int) -> AnnotationPipeline {
        var pipeline = AnnotationPipeline()
        pipeline.structure.longestParagraph = longestParagraph
        pipeline.entityWindow = entityWindow
        return pipeline
    }

    static func annotate(_ text: String, _ pipeline: AnnotationPipeline) throws -> AnnotatedArticle {
        try pipeline.annotate(bytes: Array(text.utf8))
    }

    @Test func aLongParagraphIsCutAtSentenceEndsIntoBoundedPieces() {
        let text = ArticleText(Self.longParagraph)
        let article = StructureParser().parse(text)
        var small = StructureParser()
        small.longestParagraph = 500
        let cut = small.parse(text)
        #expect(article.paragraphs.count == 2)        // the title and the one long paragraph
        #expect(cut.paragraphs.count > 10)
        let body = article.paragraphs[1]
        let pieces = cut.paragraphs.dropFirst()
        #expect(pieces.allSatisfy { $0.span.length <= 500 && $0.role == body.role })
        // The pieces hold the paragraph's sentences, in order, each whole: every cut is a sentence end.
        #expect(pieces.flatMap(\.sentences) == body.sentences)
        #expect(pieces.first?.span.start == body.span.start && pieces.last?.span.end == body.span.end)
        for piece in pieces { #expect(piece.sentences.allSatisfy { piece.span.contains($0) }) }
        // Sections still cover every paragraph.
        #expect(cut.sections.flatMap { Array($0.paragraphIndices) } == Array(cut.paragraphs.indices))
    }

    @Test func aSentenceLongerThanTheBoundIsCutAtWhitespace() {
        let words = (0..<400).map { "word\($0)" }.joined(separator: " ")
        let text = ArticleText(words + ".")
        let scalars = text.scalars
        let paragraph = Paragraph(span: text.fullSpan, role: .body, sentences: [text.fullSpan])
        let pieces = LongParagraphCutter.pieces(of: paragraph, in: scalars, longest: 300)
        #expect(pieces.count > 5)
        for piece in pieces {
            #expect(piece.span.length <= 300)
            #expect(piece.sentences == [piece.span])
            // Whole words only: no piece starts or ends inside one.
            #expect(piece.span.start == 0 || scalars[piece.span.start - 1] == " ")
            #expect(piece.span.end == scalars.count || scalars[piece.span.end] == " ")
        }
        // Nothing but the spaces at the cuts is left out.
        let kept = pieces.map { text.slice($0.span) }.joined(separator: " ")
        #expect(kept == text.string)
    }

    /// Emoji sequences, flags and combining marks with no whitespace at all: every cut falls
    /// between two grapheme clusters, and the pieces together are the whole text.
    @Test func aCutNeverSplitsAGrapheme() {
        let unit = "👩‍👩‍👧e\u{301}\u{323}🇫🇷न\u{93F}👍🏽"
        let string = String(repeating: unit, count: 300)
        let text = ArticleText(string)
        var boundaries: Set<Int> = []
        var offset = 0
        for character in string {
            boundaries.insert(offset)
            offset += character.unicodeScalars.count
        }
        boundaries.insert(offset)
        for longest in [7, 50, 333] {
            let spans = LongParagraphCutter.spans(cutting: text.fullSpan, in: text.scalars, longest: longest)
            #expect(spans.count > 1)
            #expect(spans.allSatisfy { $0.length <= longest && boundaries.contains($0.start) && boundaries.contains($0.end) })
            #expect(spans.map { text.slice($0) }.joined() == string)
            let paragraph = Paragraph(span: text.fullSpan, role: .body, sentences: [text.fullSpan])
            let pieces = LongParagraphCutter.pieces(of: paragraph, in: text.scalars, longest: longest)
            #expect(pieces.map(\.span) == spans)
        }
    }

    /// The windowed run finds what the whole run finds: the same mentions at the same offsets, every
    /// entity with its type, the same quotes and speakers, the same claims.
    @Test func windowsGiveTheSameAnnotationsAsTheWholeParagraph() throws {
        let whole = try Self.annotate(Self.longParagraph, AnnotationPipeline())
        let windowed = try Self.annotate(Self.longParagraph, Self.pipeline(longestParagraph: 400, entityWindow: 1_200))
        #expect(whole.article.paragraphs.count == 2)
        #expect(windowed.article.paragraphs.count > 10)
        #expect(AnnotationPipeline.paragraphWindows(windowed.article.paragraphs, longest: 1_200).count > 3)
        #expect(!whole.entities.isEmpty && !whole.quotes.isEmpty)
        // Every name is found at the same offsets, and every entity of the whole run is there with
        // its type. How the mentions group may differ, the documented price of windows
        // (`Pipeline+Windows.swift`): a window types a name from its own evidence and mix of types, so
        // the town "Eastvale" alone can be a place in one window and join "Eastvale Fishers Union"
        // in the whole run.
        #expect(Set(windowed.entities.flatMap(\.mentions)) == Set(whole.entities.flatMap(\.mentions)))
        for entity in whole.entities {
            #expect(windowed.entities.contains { $0.name == entity.name && $0.kind == entity.kind }, "\(entity.name)")
        }
        #expect(windowed.entities.count <= whole.entities.count + 1)
        #expect(windowed.quotes.map(\.span) == whole.quotes.map(\.span))
        #expect(windowed.quotes.map(\.speaker) == whole.quotes.map(\.speaker))
        #expect(windowed.numbers.map(\.span) == whole.numbers.map(\.span))
        #expect(windowed.claims.map(\.span) == whole.claims.map(\.span))
        // Offsets are the text's: each mention reads back as its entity's words.
        let velden = try #require(windowed.entities.first { $0.name == "Mara Velden" })
        for mention in velden.mentions { #expect(windowed.text.slice(mention).hasSuffix("Velden")) }
    }

    /// A word token is most of a huge window's memory: a field added to it, or an offset widened
    /// back to 64 bits, shows here before it shows in the benchmark.
    /// A line of acronyms and nothing else ("KVR TLMA ZOB …", a list of tickers) is one chunk of
    /// names that the classifier splits one acronym at a time. It overflowed the stack at a few
    /// thousand (stop 33); each acronym is a name of its own, in order.
    @Test func aLineOfThousandsOfAcronymsIsSplitIntoThemWithoutRecursion() {
        let acronyms = ["KVR", "TLMA", "ZOB"]
        let text = ArticleText((0..<15_000).map { acronyms[$0 % 3] }.joined(separator: " "))
        let mentions = EntityAnnotator().annotate(StructureParser().parse(text))
        #expect(mentions.count == 15_000)
        #expect(mentions.map { text.slice($0.span) } == (0..<15_000).map { acronyms[$0 % 3] })
    }

    @Test func aWordTokenStaysFortyBytes() {
        #expect(MemoryLayout<NameToken>.stride <= 40)
        let tokens = NameTokenizer.tokenize(StructureParser().parse(ArticleText("Ana Reyes met Tomas Reyk in Eastvale.")))
        #expect(tokens.tokens.map(\.text) == ["Ana", "Reyes", "met", "Tomas", "Reyk", "in", "Eastvale"])
        #expect(tokens.tokens.map(\.start) == [0, 4, 10, 14, 20, 25, 28])
        #expect(tokens.tokens.map(\.end) == [3, 9, 13, 19, 24, 27, 36])
        #expect(tokens.tokens.allSatisfy { $0.paragraph == 0 })
    }

    /// Windows annotated two at a time give what one at a time gives, mention for mention.
    @Test func windowsOnTwoThreadsGiveWhatOneThreadGives() throws {
        var oneThread = Self.pipeline(longestParagraph: 400, entityWindow: 1_200)
        oneThread.entityWindowWorkers = 1
        var twoThreads = oneThread
        twoThreads.entityWindowWorkers = 2
        let one = try Self.annotate(Self.longParagraph, oneThread)
        let two = try Self.annotate(Self.longParagraph, twoThreads)
        #expect(AnnotationPipeline.paragraphWindows(one.article.paragraphs, longest: 1_200).count > 3)
        #expect(two.entities.map(\.mentions) == one.entities.map(\.mentions))
        #expect(two.entities.map(\.kind) == one.entities.map(\.kind))
        #expect(two.quotes.map(\.speaker) == one.quotes.map(\.speaker))
        // With two workers the numbers are found on a thread of their own (`runsStagesAlongside`).
        #expect(twoThreads.runsStagesAlongside(two.article) && !oneThread.runsStagesAlongside(one.article))
        #expect(!one.numbers.isEmpty && two.numbers == one.numbers)
        #expect(two.claims == one.claims)
    }

    /// A value made alongside is made on another thread and handed over once made; one not made
    /// alongside is made before the initialiser returns.
    @Test func aPendingValueIsMadeAlongsideOrAtOnce() {
        let caller = pthread_self()
        let alongside = PendingValue(alongside: true, label: "test.alongside") { () -> Bool in
            usleep(20_000)
            return pthread_equal(pthread_self(), caller) == 0
        }
        #expect(alongside.value(), "made on another thread")
        let atOnce = PendingValue(alongside: false, label: "test.atOnce") { pthread_equal(pthread_self(), caller) != 0 }
        #expect(atOnce.value(), "made on the caller's thread")
    }

    /// Results are added in index order whichever thread finishes first, each once.
    @Test func workOnSeveralThreadsIsAddedInOrder() {
        for workers in [1, 2, 3, 8] {
            let added = AnnotationPipeline.inOrder(40, workers: workers, into: [Int](), work: { index in
                // Uneven work, so later indices often finish before earlier ones.
                var sum = 0
                for k in 0..<((index % 3 == 0) ? 200_000 : 10) { sum &+= k }
                return sum >= 0 ? index : -1
            }, add: { total, index in total.append(index) })
            #expect(added == Array(0..<40), "\(workers) workers")
        }
        #expect(AnnotationPipeline.inOrder(0, workers: 2, into: [Int](), work: { $0 }, add: { $0.append($1) }).isEmpty)
    }

    @Test func windowsAreRunsOfWholeParagraphsWithinTheBound() {
        let spans = [Span(0, 10), Span(12, 40), Span(42, 90), Span(92, 300), Span(302, 310)]
        let paragraphs = spans.map { Paragraph(span: $0, role: .body, sentences: [$0]) }
        #expect(AnnotationPipeline.paragraphWindows(paragraphs, longest: 1_000) == [0..<5])
        #expect(AnnotationPipeline.paragraphWindows(paragraphs, longest: 100) == [0..<3, 3..<4, 4..<5])
        #expect(AnnotationPipeline.paragraphWindows([], longest: 100) == [0..<0])
    }
}
