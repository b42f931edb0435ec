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
    private let localPositions: LocalEntityPositions

    public init(articles: [AnnotatedArticle]) {
        self.articles = articles
        let members = BriefingMembers(articles: articles)
        var sets = DisjointSets(count: members.count)
        BriefingIndex.mergeSameNames(members, into: &sets)
        BriefingIndex.mergeSurnames(members, into: &sets)
        BriefingIndex.mergeAcronyms(members, into: &sets)

        // Groups in order of first appearance: members are already in article order, and within
        // an article the core numbers entities in order of first mention. A set's root is its
        // first member, so a group is numbered when its root comes.
        var groupOfMember = [Int](repeating: 0, count: members.count)
        var groupCount = 0
        for member in members.indices {
            let root = sets.root(of: member)
            if root == member {
                groupOfMember[member] = groupCount
                groupCount += 1
            } else {
                groupOfMember[member] = groupOfMember[root]
            }
        }
        // Each group's members in order, laid end to end (a counting sort), not an array each.
        var groupStart = [Int](repeating: 0, count: groupCount + 1)
        for group in groupOfMember { groupStart[group + 1] += 1 }
        for group in 0..<groupCount { groupStart[group + 1] += groupStart[group] }
        var next = groupStart
        var membersByGroup = [Int](repeating: 0, count: members.count)
        for member in members.indices {
            membersByGroup[next[groupOfMember[member]]] = member
            next[groupOfMember[member]] += 1
        }

        // One briefing entity per group, in group order: a member's group is its entity's position.
        self.entities = (0..<groupCount).map { group in
            BriefingIndex.entity(id: "b\(group + 1)", membersByGroup[groupStart[group]..<groupStart[group + 1]], of: members)
        }
        self.localPositions = LocalEntityPositions(members, articleCount: articles.count, positionOfMember: groupOfMember)
    }

    // MARK: - Looking things up

    /// Ids are "b" and a position from 1, so the position is read from the id, not looked up.
    public func entity(id: String) -> BriefingEntity? {
        guard id.hasPrefix("b"), let number = Int(id.dropFirst()), entities.indices.contains(number - 1),
              entities[number - 1].id == id else { return nil }
        return entities[number - 1]
    }

    /// The briefing-wide entity that an article's own entity ("e3" of article 2) belongs to.
    public func entity(article: Int, localID: String) -> BriefingEntity? {
        localPositions.position(article: article, localID: localID, in: articles).map { entities[$0] }
    }

    /// Most widely mentioned first: by number of articles, then mentions, then first appearance.
    public var ranked: [BriefingEntity] {
        // The counts once per entity: `mentionCount` sums over the entity's articles, and a sort
        // asked it again at each of its n log n comparisons.
        let keys = entities.map { (articles: $0.articleCount, mentions: $0.mentionCount) }
        return entities.indices.sorted { a, b in
            if keys[a].articles != keys[b].articles { return keys[a].articles > keys[b].articles }
            if keys[a].mentions != keys[b].mentions { return keys[a].mentions > keys[b].mentions }
            return a < b
        }.map { entities[$0] }
    }

    /// The claims an entity makes, across all articles, in article and text order.
    public func claims(of entity: BriefingEntity) -> [BriefingClaim] {
        entity.occurrences.flatMap { occurrence in
            articles[occurrence.article].claims
                .filter { claim in claim.actor.map { occurrence.entityIDs.contains($0) } ?? false }
                .map { BriefingClaim(article: occurrence.article, claim: $0) }
        }
    }

    /// `claims(of:)` of every entity, by position in `entities`, in one pass over the claims.
    /// Asking each entity in turn scans its articles' claims once per entity: quadratic within an
    /// article of thousands of entities and claims, as `dossier index` asks of every entity.
    public func claimsOfEveryEntity() -> [[BriefingClaim]] {
        // Which entities each article's local ids belong to (an id is repeated only in articles
        // not made by the core; then a claim goes to each, as `claims(of:)` gives it).
        var positionsOfLocalID = [[String: [Int]]](repeating: [:], count: articles.count)
        for (position, entity) in entities.enumerated() {
            for occurrence in entity.occurrences {
                for id in occurrence.entityIDs where positionsOfLocalID[occurrence.article][id]?.last != position {
                    positionsOfLocalID[occurrence.article][id, default: []].append(position)
                }
            }
        }
        var claims = [[BriefingClaim]](repeating: [], count: entities.count)
        for (number, article) in articles.enumerated() where !positionsOfLocalID[number].isEmpty {
            for claim in article.claims {
                guard let actor = claim.actor, let positions = positionsOfLocalID[number][actor] else { continue }
                for position in positions { claims[position].append(BriefingClaim(article: number, claim: claim)) }
            }
        }
        return claims
    }

    /// An entity's place in `entities`, read from its id ("b3" is the third).
    public func position(of entity: BriefingEntity) -> Int? {
        guard let number = Int(entity.id.dropFirst()), entities.indices.contains(number - 1),
              entities[number - 1].id == entity.id else { return nil }
        return number - 1
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
