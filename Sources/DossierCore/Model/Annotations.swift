/// The kinds of named entity the core recognises; the raw values are the JSON contract's.
public enum EntityKind: String, Codable, Sendable, CaseIterable {
    case person, organization, place, group, event, other
}

/// One occurrence of a name in the text, before linking.
public struct EntityMention: Sendable, Equatable {
    public var span: Span
    public var kind: EntityKind
    /// The surface form with possessives and a leading "the" stripped, e.g. "Pakistan" for "Pakistan’s".
    public var name: String

    public init(span: Span, kind: EntityKind, name: String) {
        self.span = span
        self.kind = kind
        self.name = name
    }
}

/// One real-world referent with all its mentions (aliases, surnames, acronyms merged).
public struct Entity: Sendable, Equatable, Identifiable {
    /// Stable within one annotated article: "e1", "e2", … in order of first mention.
    public var id: String
    /// The fullest name, e.g. "Odile Castellane" for "General Odile Castellane" / "Castellane".
    public var name: String
    public var kind: EntityKind
    public var mentions: [Span]
    /// Distinct surface forms seen, fullest first.
    public var aliases: [String]
    /// Ids of related but distinct entities (a demonym and its country).
    public var related: [String]

    public init(id: String, name: String, kind: EntityKind, mentions: [Span], aliases: [String], related: [String] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.mentions = mentions
        self.aliases = aliases
        self.related = related
    }
}

/// A direct quotation and, when it can be attributed, who said it.
public struct Quote: Sendable, Equatable {
    /// From the opening to the closing quotation mark, both included.
    public var span: Span
    /// The quoted words without the marks.
    public var content: Span
    /// Entity id of the speaker; for a source that is no entity, its name or phrase as written
    /// ("a police spokesman" gives "police spokesman"); nil when no speaker can be attributed.
    public var speaker: String?
    /// The speech verb or cue ("said", "according to"), as written.
    public var cue: String?
    public var cueSpan: Span?

    public init(span: Span, content: Span, speaker: String? = nil, cue: String? = nil, cueSpan: Span? = nil) {
        self.span = span
        self.content = content
        self.speaker = speaker
        self.cue = cue
        self.cueSpan = cueSpan
    }
}

/// An annotation at one place of the text: mentions, quotations and numbers, which the stages
/// after their annotator need in text order.
protocol TextSpanned { var span: Span { get } }
extension EntityMention: TextSpanned {}
extension Quote: TextSpanned {}
extension NumberMention: TextSpanned {}

extension Array where Element: TextSpanned {
    /// Whether the elements are in text order, as their annotator gives them. The stages after it
    /// sort only when they are not: on a line that is all names or all quotations there is one
    /// every few bytes (40 and 88 bytes each), and a sorted copy was most of the peak memory.
    var isInTextOrder: Bool {
        indices.dropFirst().allSatisfy { !(self[$0].span < self[$0 - 1].span) }
    }

    /// The elements in text order: these very ones (no copy) when they already are.
    func inTextOrder() -> [Element] {
        isInTextOrder ? self : sorted { $0.span < $1.span }
    }
}

/// What a number expresses.
public enum NumberKind: String, Codable, Sendable {
    case count, decimal, percent, money, date, year, ordinal, range, quantity, time
}

/// A number, date or amount stated in the text.
public struct NumberMention: Sendable, Equatable {
    public var span: Span
    public var kind: NumberKind
    /// A normalised value: "1000", "0.5", "2021-08", "USD 6000000", "2..10"; nil when unclear.
    public var value: String?

    public init(span: Span, kind: NumberKind, value: String?) {
        self.span = span
        self.kind = kind
        self.value = value
    }
}

/// What kind of claim an article makes.
public enum ClaimKind: String, Codable, Sendable {
    /// A direct quotation.
    case quote
    /// Reported speech: "Castellane emphasized that …".
    case statement
    /// A numeric fact the article states.
    case figure
}

/// An attributed statement or a stated figure.
public struct Claim: Sendable, Equatable {
    /// Entity id of who asserts it, or the phrase of a source that is no entity (as `Quote.speaker`);
    /// nil for figures the article states itself.
    public var actor: String?
    public var cue: String?
    public var kind: ClaimKind
    /// The evidence: the sentence (or quote) that carries the claim.
    public var span: Span

    public init(actor: String?, cue: String?, kind: ClaimKind, span: Span) {
        self.actor = actor
        self.cue = cue
        self.kind = kind
        self.span = span
    }
}

/// An entity that speaks or acts, with its salience rank.
public struct Actor: Sendable, Equatable {
    public var entity: String
    public var name: String
    public var kind: EntityKind
    public var mentionCount: Int
    public var claimCount: Int
    public var salience: Double

    public init(entity: String, name: String, kind: EntityKind, mentionCount: Int, claimCount: Int, salience: Double) {
        self.entity = entity
        self.name = name
        self.kind = kind
        self.mentionCount = mentionCount
        self.claimCount = claimCount
        self.salience = salience
    }
}

/// Everything the core knows about one article: the value the reader, the exports and the CLI share.
public struct AnnotatedArticle: Sendable {
    public var article: StructuredArticle
    public var entities: [Entity]
    public var quotes: [Quote]
    public var numbers: [NumberMention]
    public var actors: [Actor]
    public var claims: [Claim]
    /// Where the article came from (a path, "-" for stdin), for display only.
    public var source: String?
    /// The layers of the pipeline's `layerAnnotators`, in the order they ran; empty by default.
    public var layers: [AnnotationLayer]

    public init(article: StructuredArticle, entities: [Entity], quotes: [Quote], numbers: [NumberMention],
                actors: [Actor], claims: [Claim], source: String? = nil, layers: [AnnotationLayer] = []) {
        self.article = article
        self.entities = entities
        self.quotes = quotes
        self.numbers = numbers
        self.actors = actors
        self.claims = claims
        self.source = source
        self.layers = layers
    }

    public var text: ArticleText { article.text }

    public func layer(named name: String) -> AnnotationLayer? { layers.first { $0.name == name } }

    public func entity(id: String) -> Entity? { entities.first { $0.id == id } }
}
