/// The entity index of a whole briefing: every article's entities merged into one entry per
/// real-world referent, with where each appears, its mentions and the claims it makes.
///
/// Articles are linked by the rules the core uses within one article, applied across articles:
/// the same name (case, full stops, "the", possessives ignored); for people, a surname alone
/// joins the one full name in the briefing that ends with it; for organisations and places, an
/// acronym joins the one multi-word name with those initials or that alias. Kinds must agree,
/// and an ambiguous short form (two "Vasko"s with different first names) stays on its own.
public struct BriefingIndex: Sendable {
    public let articles: [AnnotatedArticle]
    /// In order of first appearance.
    public let entities: [BriefingEntity]
    private let positionByLocal: [LocalEntity: Int]
    private let positionByID: [String: Int]

    /// An article's own entity, addressed across the briefing.
    private struct LocalEntity: Hashable, Sendable {
        var article: Int
        var id: String
    }

    public init(articles: [AnnotatedArticle]) {
        self.articles = articles
        var members: [(article: Int, entity: Entity)] = []
        for (index, article) in articles.enumerated() {
            for entity in article.entities { members.append((index, entity)) }
        }
        var sets = DisjointSets(count: members.count)
        BriefingIndex.mergeSameNames(members, into: &sets)
        BriefingIndex.mergeSurnames(members, into: &sets)
        BriefingIndex.mergeAcronyms(members, into: &sets)

        // Groups in order of first appearance: members are already in article order, and
        // within an article the core numbers entities in order of first mention.
        var groupOfRoot: [Int: Int] = [:]
        var groups: [[Int]] = []
        for index in members.indices {
            let root = sets.root(of: index)
            if let group = groupOfRoot[root] {
                groups[group].append(index)
            } else {
                groupOfRoot[root] = groups.count
                groups.append([index])
            }
        }
        var entities: [BriefingEntity] = []
        var positionByLocal: [LocalEntity: Int] = [:]
        var positionByID: [String: Int] = [:]
        for group in groups {
            let entity = BriefingIndex.entity(id: "b\(entities.count + 1)", group.map { members[$0] })
            for index in group { positionByLocal[LocalEntity(article: members[index].article, id: members[index].entity.id)] = entities.count }
            positionByID[entity.id] = entities.count
            entities.append(entity)
        }
        self.entities = entities
        self.positionByLocal = positionByLocal
        self.positionByID = positionByID
    }

    // MARK: - Looking things up

    public func entity(id: String) -> BriefingEntity? { positionByID[id].map { entities[$0] } }

    /// The briefing-wide entity that an article's own entity ("e3" of article 2) belongs to.
    public func entity(article: Int, localID: String) -> BriefingEntity? {
        positionByLocal[LocalEntity(article: article, id: localID)].map { entities[$0] }
    }

    /// Most widely mentioned first: by number of articles, then mentions, then first appearance.
    public var ranked: [BriefingEntity] {
        entities.enumerated().sorted { a, b in
            if a.element.articleCount != b.element.articleCount { return a.element.articleCount > b.element.articleCount }
            if a.element.mentionCount != b.element.mentionCount { return a.element.mentionCount > b.element.mentionCount }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The claims an entity makes, across all articles, in article and text order.
    public func claims(of entity: BriefingEntity) -> [BriefingClaim] {
        entity.occurrences.flatMap { occurrence in
            articles[occurrence.article].claims
                .filter { claim in claim.actor.map { occurrence.entityIDs.contains($0) } ?? false }
                .map { BriefingClaim(article: occurrence.article, claim: $0) }
        }
    }

    /// The next (or previous) mention of an entity after a position, continuing into the next
    /// (previous) article that mentions it, and wrapping around the briefing; nil if it has none.
    public func mention(of entity: BriefingEntity, after position: BriefingPosition, forward: Bool = true) -> BriefingPosition? {
        let all = entity.occurrences.flatMap { occurrence in
            occurrence.mentions.map { BriefingPosition(article: occurrence.article, span: $0) }
        }
        guard !all.isEmpty else { return nil }
        if forward {
            return all.first { ($0.article, $0.span.start) > (position.article, position.span.start) } ?? all.first
        }
        return all.last { ($0.article, $0.span.start) < (position.article, position.span.start) } ?? all.last
    }

    // MARK: - Merging

    /// Same kind and same normalised name; for everything but people, a shared alias too.
    /// A person's one-word alias ("Vasko") is not a key: that is `mergeSurnames`'s job.
    private static func mergeSameNames(_ members: [(article: Int, entity: Entity)], into sets: inout DisjointSets) {
        var firstWithKey: [String: Int] = [:]
        for (index, member) in members.enumerated() {
            let entity = member.entity
            var keys: Set<String> = []
            if entity.kind == .person {
                keys.insert(EntityNameKey.personTokens(entity.name).joined(separator: " "))
                for alias in entity.aliases {
                    let words = EntityNameKey.personTokens(alias)
                    if words.count >= 2 { keys.insert(words.joined(separator: " ")) }
                }
            } else {
                // "UK" in one article, "United Kingdom" in another: the alias table's canonical name joins them.
                for name in [entity.name] + entity.aliases {
                    keys.insert(EntityNameKey.normalized(name))
                    keys.insert(EntityNameKey.normalized(EntityAliases.canonicalName(name)))
                }
            }
            for key in keys where !key.isEmpty {
                let kindKey = entity.kind.rawValue + "|" + key
                if let other = firstWithKey[kindKey] { sets.union(index, other) } else { firstWithKey[kindKey] = index }
            }
        }
    }

    /// A person named by one word joins the one full name of the briefing ending with that word;
    /// full names that agree on first and last word ("Dorian E. Vasko", "Dorian Vasko") join.
    private static func mergeSurnames(_ members: [(article: Int, entity: Entity)], into sets: inout DisjointSets) {
        // Each person's name words, made once for the three passes below.
        let people = members.indices.compactMap { index -> (index: Int, words: [Substring])? in
            members[index].entity.kind == .person ? (index, EntityNameKey.personTokens(members[index].entity.name)) : nil
        }
        var firstAndLast: [String: Int] = [:]
        for (index, words) in people where words.count >= 2 {
            let key = String(words[0]) + " " + String(words[words.count - 1])
            if let other = firstAndLast[key] { sets.union(index, other) } else { firstAndLast[key] = index }
        }
        var ownersOfSurname: [Substring: Set<Int>] = [:]
        for (index, words) in people where words.count >= 2 {
            ownersOfSurname[words[words.count - 1], default: []].insert(sets.root(of: index))
        }
        for (index, words) in people {
            guard words.count == 1, let owners = ownersOfSurname[words[0]], owners.count == 1, let owner = owners.first else { continue }
            sets.union(index, owner)
        }
    }

    /// "HPI" joins the one "Harrowgate Policy Institute" of the same kind in the briefing.
    private static func mergeAcronyms(_ members: [(article: Int, entity: Entity)], into sets: inout DisjointSets) {
        var owners: [String: Set<Int>] = [:]
        for (index, member) in members.enumerated() where member.entity.kind != .person {
            for name in [member.entity.name] + member.entity.aliases {
                if let acronym = EntityNameKey.acronym(of: name) {
                    owners[member.entity.kind.rawValue + "|" + acronym, default: []].insert(sets.root(of: index))
                }
            }
        }
        for (index, member) in members.enumerated() where member.entity.kind != .person {
            let entity = member.entity
            guard EntityNameKey.isAcronym(entity.name),
                  let found = owners[entity.kind.rawValue + "|" + EntityNameKey.normalized(entity.name)],
                  found.count == 1, let owner = found.first else { continue }
            sets.union(index, owner)
        }
    }

    private static func entity(id: String, _ members: [(article: Int, entity: Entity)]) -> BriefingEntity {
        // The fullest name: most words, then the most mentioned, then the first seen. Word counts
        // made once per member, not twice per comparison.
        let wordCounts = members.map { EntityNameKey.tokens($0.entity.name).count }
        let best = members.enumerated().max { a, b in
            let wordsA = wordCounts[a.offset], wordsB = wordCounts[b.offset]
            if wordsA != wordsB { return wordsA < wordsB }
            if a.element.entity.mentions.count != b.element.entity.mentions.count {
                return a.element.entity.mentions.count < b.element.entity.mentions.count
            }
            return a.offset > b.offset
        }!.element.entity

        var seen: Set<String> = []
        var aliases: [String] = []
        for member in members {
            for alias in [member.entity.name] + member.entity.aliases where seen.insert(EntityNameKey.normalized(alias)).inserted {
                aliases.append(alias)
            }
        }
        aliases = aliases.enumerated().sorted { a, b in
            let wordsA = a.element.split(separator: " ").count, wordsB = b.element.split(separator: " ").count
            if wordsA != wordsB { return wordsA > wordsB }
            if a.element.unicodeScalars.count != b.element.unicodeScalars.count {
                return a.element.unicodeScalars.count > b.element.unicodeScalars.count
            }
            return a.offset < b.offset
        }.map(\.element)

        var occurrences: [EntityOccurrence] = []
        for member in members {
            if let last = occurrences.indices.last, occurrences[last].article == member.article {
                occurrences[last].entityIDs.append(member.entity.id)
                occurrences[last].mentions = (occurrences[last].mentions + member.entity.mentions).sorted()
            } else {
                occurrences.append(EntityOccurrence(article: member.article, entityIDs: [member.entity.id],
                                                    mentions: member.entity.mentions.sorted()))
            }
        }
        return BriefingEntity(id: id, name: best.name, kind: best.kind, aliases: aliases, occurrences: occurrences)
    }
}

/// A place in a briefing: an article and a span of its text.
public struct BriefingPosition: Sendable, Equatable, Hashable {
    public var article: Int
    public var span: Span

    public init(article: Int, span: Span) {
        self.article = article
        self.span = span
    }
}

/// Union–find over member indices, with path halving: merging stays near-linear.
struct DisjointSets: Sendable {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(of index: Int) -> Int {
        var current = index
        while parent[current] != current {
            parent[current] = parent[parent[current]]
            current = parent[current]
        }
        return current
    }

    mutating func union(_ a: Int, _ b: Int) {
        let rootA = root(of: a), rootB = root(of: b)
        // The earlier member stays the root, so groups keep their first appearance.
        if rootA < rootB { parent[rootB] = rootA } else if rootB < rootA { parent[rootA] = rootB }
    }
}
