import DossierCore
import Foundation
import Testing

/// Invariants of the whole pipeline on the repository's real articles (`seeds/`, `Tests/Fixtures/briefing`),
/// on its hostile fixtures, and on seeded pseudo-random text built from the articles' sentences, quote
/// marks, numbers, capitalised words and junk scalars (emoji, combining marks, zero-width, right-to-left,
/// replacement characters).
@Suite struct PropertyInvariantTests {
    static let realTexts = RepositoryTexts.articles

    static let sentences: [String] = realTexts.flatMap { $0.text.split(whereSeparator: \.isNewline).map(String.init) }
        .filter { $0.count > 20 }

    static let generatedSeeds: [UInt64] = Array(1...40)

    /// Five seed articles and three more of the test briefing (its other texts repeat the seeds).
    @Test func corpusIsThere() {
        #expect(Self.realTexts.count >= 8, "seeds/ and Tests/Fixtures/briefing not found under \(RepositoryTexts.repositoryRoot.path)")
        #expect(RepositoryTexts.hostileInputs.count >= 20, "Tests/Fixtures/hostile not found")
    }

    @Test(arguments: realTexts.map(\.name))
    func realArticle(name: String) throws {
        let text = try #require(Self.realTexts.first { $0.name == name }).text
        try checkInvariants(of: text, label: name)
    }

    @Test(arguments: RepositoryTexts.hostileInputs.map(\.name))
    func hostileFixture(name: String) throws {
        let bytes = try #require(RepositoryTexts.hostileInputs.first { $0.name == name }).bytes
        try checkInvariants(of: bytes, label: name)
    }

    @Test(arguments: generatedSeeds)
    func generatedText(seed: UInt64) throws {
        var generator = HostileTextGenerator(seed: seed, sentences: Self.sentences)
        try checkInvariants(of: generator.articleBytes(), label: "seed \(seed)")
    }

    /// Chrome lines around and between an article's paragraphs never cost a paragraph that holds an
    /// attributed quote: its words are still in the clean text after boilerplate removal. (Markdown is
    /// read as written, without the boilerplate filter, so only the plain-text articles count here.)
    @Test(arguments: realTexts.map(\.name).filter { !$0.hasSuffix(".md") })
    func boilerplateKeepsAttributedQuotes(name: String) throws {
        let text = try #require(Self.realTexts.first { $0.name == name }).text
        let plain = try AnnotationPipeline().annotate(bytes: Array(text.utf8), source: name)
        let quoted = plain.article.paragraphs.filter { paragraph in
            plain.quotes.contains { $0.speaker != nil && paragraph.span.contains($0.span.start) }
        }.map { plain.text.slice($0.span) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // An advertisement marker after every fourth line, like a page's inline ad slots.
        for index in stride(from: lines.count - 1, to: 0, by: -4) where lines[index].isEmpty {
            lines.insert(contentsOf: ["Advertisement", ""], at: index)
        }
        let header = ["Home", "", "Share this article", "", "Sign up for our newsletter", ""]
        let footer = ["", "Follow us on Twitter", "", "© 2026 All rights reserved."]
        let chromed = (header + lines + footer).joined(separator: "\n")
        let filtered = try AnnotationPipeline().annotate(bytes: Array(chromed.utf8), source: name)
        #expect(!filtered.article.removed.isEmpty, "\(name): the chrome lines were not recognised, the check is vacuous")
        for paragraph in quoted {
            #expect(filtered.text.string.contains(paragraph), "\(name): lost the quoted paragraph \(paragraph.prefix(80))")
        }
    }

    func checkInvariants(of text: String, label: String) throws {
        try checkInvariants(of: Array(text.utf8), label: label)
    }

    func checkInvariants(of bytes: [UInt8], label: String) throws {
        let annotated: AnnotatedArticle
        // Refusing the input (a NUL byte: not text) is a valid outcome; there is nothing to check then.
        do { annotated = try AnnotationPipeline().annotate(bytes: bytes, source: label) } catch { return }
        let clean = annotated.text
        let scalars = clean.scalars
        #expect(Array(scalars) == Array(clean.string.unicodeScalars), "\(label): scalars and string disagree")
        // Grapheme boundaries in code points: a span must not cut a character (an emoji, a base + accent) in two.
        var boundaries: Set<Int> = [0]
        var offset = 0
        for character in clean.string { offset += character.unicodeScalars.count; boundaries.insert(offset) }

        func check(_ span: Span, _ what: String) {
            #expect(span.start >= 0 && span.start <= span.end && span.end <= scalars.count, "\(label): \(what) \(span) outside 0..<\(scalars.count)")
            guard span.start >= 0, span.start <= span.end, span.end <= scalars.count else { return }
            #expect(clean.slice(span) == String(String.UnicodeScalarView(scalars[span.start..<span.end])), "\(label): \(what) \(span)")
            #expect(boundaries.contains(span.start) && boundaries.contains(span.end), "\(label): \(what) \(span) cuts a character: \(clean.slice(span).debugDescription)")
        }
        func expectDisjoint(_ spans: [Span], _ what: String) {
            let sorted = spans.sorted()
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(!a.overlaps(b), "\(label): \(what) \(a) and \(b) overlap: \(clean.slice(a).debugDescription) / \(clean.slice(b).debugDescription)")
            }
        }

        let mentions = annotated.entities.flatMap(\.mentions)
        mentions.forEach { check($0, "entity mention") }
        annotated.numbers.forEach { check($0.span, "number") }
        for quote in annotated.quotes {
            check(quote.span, "quote")
            check(quote.content, "quote content")
            #expect(quote.span.contains(quote.content), "\(label): quote content \(quote.content) outside its quote \(quote.span)")
            if let cue = quote.cueSpan { check(cue, "quote cue") }
        }
        annotated.claims.forEach { check($0.span, "claim") }
        expectDisjoint(mentions, "entity mentions")
        expectDisjoint(annotated.numbers.map(\.span), "numbers")
        expectDisjoint(annotated.quotes.map(\.span), "quotes")

        var previousEnd = 0
        for paragraph in annotated.article.paragraphs {
            check(paragraph.span, "paragraph")
            #expect(paragraph.span.start >= previousEnd, "\(label): paragraph \(paragraph.span) overlaps the one before")
            previousEnd = paragraph.span.end
            for sentence in paragraph.sentences {
                check(sentence, "sentence")
                #expect(paragraph.span.contains(sentence), "\(label): sentence \(sentence) outside its paragraph \(paragraph.span)")
            }
        }
        // The contract JSON re-parses, and its offsets slice the text it carries to the text it reports.
        let json = ContractJSON.value(of: annotated).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(label): JSON does not parse")
        let jsonScalars = Array(try #require(object["text"] as? String).unicodeScalars)
        #expect(jsonScalars == Array(scalars), "\(label): the JSON text is not the clean text")
        for key in ["numbers", "claims"] {
            for item in try #require(object[key] as? [[String: Any]]) {
                let start = try #require(item["start"] as? Int), end = try #require(item["end"] as? Int)
                guard start >= 0, start <= end, end <= jsonScalars.count else { Issue.record("\(label): \(key) \(start)..<\(end) outside"); continue }
                #expect(String(String.UnicodeScalarView(jsonScalars[start..<end])) == item["text"] as? String, "\(label): \(key) \(start)..<\(end)")
            }
        }
    }
}

/// Seeded pseudo-random article text (SplitMix64, so a failing seed reproduces): real sentences cut
/// and mixed with quote marks, numbers, capitalised words, junk scalars and odd line breaks.
struct HostileTextGenerator {
    var state: UInt64
    let sentences: [String]

    init(seed: UInt64, sentences: [String]) {
        state = seed &* 0x9E37_79B9_7F4A_7C15
        self.sentences = sentences.isEmpty ? ["The minister said the plan would cost 3 million dollars."] : sentences
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let quoteMarks = ["\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」"]
    static let numbers = ["3", "1,200", "3.5%", "$12 million", "£4.2bn", "2026", "1.5 billion", "−7", "20°C", "½", "٣", "12:30", "4th"]
    static let words = ["President", "Harrowgate Policy Institute", "Geneva", "Said", "Minister", "The", "Ms", "Dr.", "South Sudan", "European Union", "Monday", "March", "Ankara", "Ö", "Ünal", "Ñandú", "İstanbul"]
    static let junk: [String] = ["😀", "👩‍👩‍👧", "🇫🇷", "e\u{301}", "\u{301}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{202E}", "\u{2067}",
                                 "مرحبا", "שלום", "中文", "\u{FFFD}", "\u{A0}", "\t", "\u{2028}", "\u{85}", "\u{1B}[2J", "\u{7}", "\r"]

    mutating func fragment() -> String {
        switch below(10) {
        case 0...3:
            let sentence = pick(sentences)
            let words = sentence.split(separator: " ")
            if below(3) == 0, words.count > 2 { return words[below(words.count)...].joined(separator: " ") }
            return sentence
        case 4: return pick(Self.quoteMarks)
        case 5: return pick(Self.numbers)
        case 6: return pick(Self.words)
        case 7: return pick(Self.junk)
        case 8: return pick(Self.quoteMarks) + pick(sentences) + pick(Self.quoteMarks) + " " + pick(Self.words) + " said."
        default: return pick(["\n", "\n\n", " ", "  ", "\n\n\n", "\r\n"])
        }
    }

    /// Byte sequences no String can hold: a lone surrogate, an overlong slash, stray continuation and lead bytes.
    static let invalidUTF8: [[UInt8]] = [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x80], [0xFF], [0xE2, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    /// The article as bytes, with a few invalid UTF-8 sequences spliced in at line starts.
    mutating func articleBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        for line in article().split(separator: "\n", omittingEmptySubsequences: false) {
            if below(8) == 0 { bytes += pick(Self.invalidUTF8) }
            bytes += Array(line.utf8) + [0x0A]
        }
        if below(4) == 0 { bytes += [0xE2, 0x80] }  // truncated at the end of the file
        return bytes
    }

    mutating func article() -> String {
        var text = ""
        for _ in 0..<(20 + below(120)) {
            text += fragment()
            if below(2) == 0 { text += " " }
        }
        return text
    }
}
