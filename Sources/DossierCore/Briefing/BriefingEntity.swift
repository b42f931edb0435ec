/// One real-world referent across a briefing: the per-article entities the index merged.
public struct BriefingEntity: Sendable, Equatable, Identifiable {
    /// "b1", "b2", … in order of first appearance (article order, then position in the article).
    public var id: String
    /// The fullest name any article gives it, e.g. "Dorian Vasko" when another says only "Vasko".
    public var name: String
    public var kind: EntityKind
    /// Distinct surface forms across all articles, fullest first.
    public var aliases: [String]
    /// Where it appears, one entry per article, in article order.
    public var occurrences: [EntityOccurrence]

    public init(id: String, name: String, kind: EntityKind, aliases: [String], occurrences: [EntityOccurrence]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.occurrences = occurrences
    }

    public var articleCount: Int { occurrences.count }
    public var mentionCount: Int { occurrences.reduce(0) { $0 + $1.mentionCount } }

    /// Its occurrence in one article, if it appears there.
    public func occurrence(inArticle article: Int) -> EntityOccurrence? {
        occurrences.first { $0.article == article }
    }
}

/// An entity's presence in one article of a briefing.
public struct EntityOccurrence: Sendable, Equatable {
    /// Index into `BriefingIndex.articles`.
    public var article: Int
    /// The article's own entity ids ("e3") merged here; usually one.
    public var entityIDs: [String]
    /// Every mention in the article, in text order.
    public var mentions: [Span]
    public var mentionCount: Int { mentions.count }
    /// The first mention in the article: where a reader jumps to.
    public var firstMention: Span? { mentions.first }

    public init(article: Int, entityIDs: [String], mentions: [Span]) {
        self.article = article
        self.entityIDs = entityIDs
        self.mentions = mentions
    }
}

/// A claim of one article, attributed to a briefing-wide entity.
public struct BriefingClaim: Sendable, Equatable {
    public var article: Int
    public var claim: Claim

    public init(article: Int, claim: Claim) {
        self.article = article
        self.claim = claim
    }
}
