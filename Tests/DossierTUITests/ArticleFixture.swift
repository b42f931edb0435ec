import DossierCore
@testable import DossierTUI

/// Hand-annotated articles laid out like the seed article, so the reader can be tested before
/// (and independently of) the core's annotators. Spans are found by searching the text.
enum ArticleFixture {
    enum Part {
        case title(String)
        case standfirst(String)
        case heading(String)
        case body(String)
    }

    /// An invented article laid out like the opening of the README's sample article:
    /// title, standfirst, two sections, with invented people and organisations (no eval names in tests).
    static let harbourParts: [Part] = [
        .title("Portugal & VELDCOM: Strong Counter-Terrorism Partnership"),
        .standfirst("Portugal’s Counterterrorism Efforts: A Pivotal Partnership for U.S. Security in a Shifting Landscape"),
        .body("Over 1,000 terrorist attacks in Portugal since the start of 2024, resulting in 700 security personnel and civilian deaths and 2,500 wounded, underscore a stark reality: Portugal is deeply embroiled in a renewed counterterrorism struggle. But, surprisingly, amidst escalating regional tensions and Spain’s accusations of harboring terror groups, U.S. VELDCOM Commander General Lorenzo Ravelle has publicly lauded Portugal as a “phenomenal partner” in combating terrorism, particularly against VRAK-Kholmsen (VRAK-K)."),
        .heading("The Wendelbrook Capture and its Implications"),
        .body("The recent arrest of Benedikt Wendelbrook, allegedly the mastermind behind the devastating August 2021 Kabul airport suicide bombing that killed 13 U.S. service members and 170 Afghan civilians, is central to this evolving dynamic."),
        .body("General Ravelle emphasized that even with “limited intelligence” from the U.S., Portugal’s military is actively dismantling VRAK-K networks, impacting the group’s operations not only in Afghanistan but also in Russia and Iran."),
        .heading("Balancing Act: U.S. Engagement with Spain and Portugal"),
        .body("Despite this, General Ravelle firmly advocated for maintaining strong relationships with both Spain and Portugal, rejecting the notion of a zero-sum game. “We have to have a relationship with Portugal and with Spain,” he stated, arguing that the merits of each partnership should be evaluated independently."),
    ]

    static let harbourEntities: [(String, EntityKind, [String])] = [
        ("Portugal", .place, ["Portugal"]),
        ("Lorenzo Ravelle", .person, ["Lorenzo Ravelle", "Ravelle"]),
        ("Spain", .place, ["Spain"]),
        ("Benedikt Wendelbrook", .person, ["Benedikt Wendelbrook"]),
        ("VELDCOM", .organization, ["VELDCOM"]),
    ]

    static func harbour() -> AnnotatedArticle {
        make(parts: harbourParts, entities: harbourEntities, numbers: ["1,000", "2024", "700", "2,500", "2021", "13", "170"],
             source: "fixtures/portugal-veldcom.txt")
    }

    /// Builds the article: paragraphs and sections from `parts`, every whole-word occurrence of each
    /// alias as a mention, curly-quoted stretches as quotes, and actors/claims for people with quotes.
    static func make(parts: [Part], entities entitySpecs: [(String, EntityKind, [String])] = [], numbers numberTexts: [String] = [],
                     source: String? = nil) -> AnnotatedArticle {
        var text = ""
        var paragraphs: [Paragraph] = []
        var sections: [Section] = []
        var sectionStart = 0
        var sectionHeading: (String, Span)? = nil
        var title: Span? = nil
        var standfirst: Span? = nil
        func closeSection() {
            guard sectionStart < paragraphs.count else { return }
            sections.append(Section(heading: sectionHeading?.0, headingSpan: sectionHeading?.1,
                                    span: Span(paragraphs[sectionStart].span.start, paragraphs[paragraphs.count - 1].span.end),
                                    paragraphIndices: sectionStart..<paragraphs.count))
        }
        for part in parts {
            if !text.isEmpty { text += "\n\n" }
            let start = text.unicodeScalars.count
            let (body, role): (String, BlockRole)
            switch part {
            case .title(let t): (body, role) = (t, .title)
            case .standfirst(let t): (body, role) = (t, .standfirst)
            case .heading(let t): (body, role) = (t, .heading)
            case .body(let t): (body, role) = (t, .body)
            }
            text += body
            let span = Span(start, text.unicodeScalars.count)
            if role == .heading {
                closeSection()
                sectionStart = paragraphs.count
                sectionHeading = (body, span)
            }
            if role == .title { title = span }
            if role == .standfirst { standfirst = span }
            paragraphs.append(Paragraph(span: span, role: role, sentences: [span]))
        }
        closeSection()
        let articleText = ArticleText(text)
        let structured = StructuredArticle(text: articleText, title: title, standfirst: standfirst, paragraphs: paragraphs,
                                           sections: sections, removed: [])
        let scalars = articleText.scalars
        var entities: [Entity] = []
        for (index, (name, kind, aliases)) in entitySpecs.enumerated() {
            var mentions: [Span] = []
            for alias in aliases {
                for span in occurrences(of: alias, in: scalars, wholeWord: true)
                where !mentions.contains(where: { $0.overlaps(span) }) { mentions.append(span) }
            }
            entities.append(Entity(id: "e\(index + 1)", name: name, kind: kind, mentions: mentions.sorted(), aliases: aliases))
        }
        var quotes: [Quote] = []
        var i = 0
        while i < scalars.count {
            if scalars[i] == "“", let close = scalars[(i + 1)...].firstIndex(of: "”") {
                quotes.append(Quote(span: Span(i, close + 1), content: Span(i + 1, close)))
                i = close + 1
            } else { i += 1 }
        }
        var numbers: [NumberMention] = []
        for numberText in numberTexts {
            for span in occurrences(of: numberText, in: scalars, wholeWord: true)
            where !numbers.contains(where: { $0.span.overlaps(span) }) {
                numbers.append(NumberMention(span: span, kind: .count, value: numberText))
            }
        }
        numbers.sort { $0.span < $1.span }
        // Claims: each quote is said by the nearest person mentioned before it in the same paragraph.
        var claims: [Claim] = []
        for quote in quotes {
            let paragraph = paragraphs.first { $0.span.contains(quote.span.start) }!
            let speaker = entities.filter { $0.kind == .person }
                .compactMap { entity in entity.mentions.last { $0.start >= paragraph.span.start && $0.start < quote.span.start }.map { (entity, $0) } }
                .max { $0.1.start < $1.1.start }?.0
            claims.append(Claim(actor: speaker?.id, cue: speaker == nil ? nil : "said", kind: .quote, span: quote.span))
        }
        let actors = entities.map { entity in
            Actor(entity: entity.id, name: entity.name, kind: entity.kind, mentionCount: entity.mentions.count,
                  claimCount: claims.filter { $0.actor == entity.id }.count, salience: Double(entity.mentions.count))
        }.sorted { $0.claimCount != $1.claimCount ? $0.claimCount > $1.claimCount : $0.mentionCount > $1.mentionCount }
        return AnnotatedArticle(article: structured, entities: entities, quotes: quotes, numbers: numbers,
                                actors: actors, claims: claims, source: source)
    }

    static func occurrences(of needle: String, in scalars: ArticleScalars, wholeWord: Bool) -> [Span] {
        let n = Array(needle.unicodeScalars)
        var found: [Span] = []
        guard !n.isEmpty, scalars.count >= n.count else { return [] }
        for start in 0...(scalars.count - n.count) where Array(scalars[start..<(start + n.count)]) == n {
            let before = start == 0 ? nil : scalars[start - 1]
            let after = start + n.count < scalars.count ? scalars[start + n.count] : nil
            // CJK text has no spaces between words, so only Latin-range letters and digits bound a word.
            func isWordScalar(_ s: Unicode.Scalar?) -> Bool {
                s.map { $0.value < 0x2E80 && ($0.properties.isAlphabetic || $0.properties.numericType != nil) } ?? false
            }
            if wholeWord, isWordScalar(before) || isWordScalar(after) { continue }
            found.append(Span(start, start + n.count))
        }
        return found
    }

    /// A reader state on the fixture with the mono theme, so styles in assertions are attributes.
    static func state(_ article: AnnotatedArticle = harbour(), width: Int = 80, height: Int = 24, sidePane: Bool = true) -> ReaderState {
        ReaderState(documents: [ArticleDocument(article)], width: width, height: height, theme: BuiltinThemes.mono, sidePane: sidePane)
    }
}

extension ReaderState {
    /// Applies actions in order, for tests that read like key presses.
    func after(_ actions: Action...) -> ReaderState {
        var state = self
        for action in actions { state.apply(action) }
        return state
    }

    func pressing(_ keys: String) -> ReaderState {
        var state = self
        for character in keys {
            let key: Key = character == "\n" ? .enter : character == "\u{1b}" ? .escape : .character(character)
            if let action = KeyDecoder.action(for: key, in: state) { state.apply(action) }
        }
        return state
    }
}
