import Testing
@testable import DossierCore

/// `BriefingIndex` compares names as numbers from `BriefingNames`, each distinct surface form read
/// once. These tests hold it to the plain reading it replaced (`ReferenceBriefing`, below): every
/// name normalised where it is compared, keys as strings. Random briefings are drawn from forms
/// that meet every rule: case, full stops, "the", possessives, titles, one-word surnames shared or
/// not, acronyms with one owner or two, the alias table, accents precomposed and decomposed.
@Suite("BriefingIndex equivalence")
struct BriefingIndexEquivalenceTests {
    private static let forms: [(kind: EntityKind, names: [String])] = [
        (.person, ["Dorian Vasko", "Vasko", "General Dorian Vasko", "Dorian E. Vasko", "Mr. Vasko's", "Mira Vasko",
                   "Lorenzo Ravelle", "Ravelle", "Ravelle Jr.", "the Ravelle", "Renée Ferrel", "Rene\u{301}e Ferrel",
                   "Renee Ferrel", "Ferrel", "FERREL", "Dr.", "Odile", "Odile Castellane", "Castellane,", ","]),
        (.organization, ["Harrowgate Policy Institute", "HPI", "H.P.I.", "Hollin Pike Inc", "the HPI's",
                         "Velorian State News Service", "VSNS", "Orvane", "ORVANE", "Équipe Nationale", "EN", "UK"]),
        (.place, ["United Kingdom", "UK", "U.K.", "Britain", "Portugal", "Portugal’s", "the Netherlands", "Holland",
                  "Kyiv", "Kiev", "New South Point", "NSP", "São Tomé", "Sa\u{303}o Tome\u{301}", "Sao Tome"]),
        (.group, ["Portuguese", "Kholmsen", "VRAK-K"]),
    ]

    @Test("random briefings: the same entities, names, aliases and occurrences as the plain reading", arguments: 1...40)
    func sameAsPlainReading(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let articles = (0..<Int.random(in: 1...30, using: &random)).map { number in
            randomArticle(number, using: &random)
        }
        let index = BriefingIndex(articles: articles)
        let reference = ReferenceBriefing.index(of: articles)
        #expect(index.entities == reference.entities)
        // `String`'s == takes "é" and "e" + combining acute for one: compare names as written too.
        #expect(index.entities.map(BriefingIndexEquivalenceTests.writtenNames) == reference.entities.map(BriefingIndexEquivalenceTests.writtenNames))
        for entity in index.entities { #expect(index.entity(id: entity.id) == entity) }
        // Ranked as the plain sort ranks them, its counts asked at every comparison.
        let plainRanked = index.entities.enumerated().sorted { a, b in
            if a.element.articleCount != b.element.articleCount { return a.element.articleCount > b.element.articleCount }
            if a.element.mentionCount != b.element.mentionCount { return a.element.mentionCount > b.element.mentionCount }
            return a.offset < b.offset
        }.map(\.element)
        #expect(index.ranked == plainRanked)
        // The claims of every entity in one pass are each entity's own, in the same order.
        let claimsOfEntity = index.claimsOfEveryEntity()
        #expect(claimsOfEntity.count == index.entities.count)
        for (position, entity) in index.entities.enumerated() {
            #expect(index.position(of: entity) == position)
            #expect(claimsOfEntity[position] == index.claims(of: entity), "\(entity.id)")
        }
        // Every local id, and ids no article has, find what the one (article, id) dictionary found.
        for number in -1...articles.count {
            let ids = number >= 0 && number < articles.count ? articles[number].entities.map(\.id) : []
            for id in ids + ["e1", "e2", "e3", "e9", "e01", "x", ""] {
                let expected = reference.positionByLocal["\(number)|\(id)"].map { "b\($0 + 1)" }
                #expect(index.entity(article: number, localID: id)?.id == expected, "article \(number), \(id)")
            }
        }
    }

    @Test("ids are read from the id: unknown and malformed ones find nothing")
    func idsOutOfRange() {
        var random = SplitMix64(seed: 7)
        let index = BriefingIndex(articles: (0..<5).map { randomArticle($0, using: &random) })
        #expect(index.entities.count >= 2)
        #expect(index.entity(id: "b1") == index.entities.first)
        for id in ["b0", "b01", "b+1", "b", "", "e1", "b\(index.entities.count + 1)", "b-1"] {
            #expect(index.entity(id: id) == nil, "\(id)")
        }
    }

    private static func writtenNames(_ entity: BriefingEntity) -> [[Unicode.Scalar]] {
        ([entity.name] + entity.aliases).map { Array($0.unicodeScalars) }
    }

    private func randomArticle(_ number: Int, using random: inout SplitMix64) -> AnnotatedArticle {
        let text = ArticleText("Article \(number)\n\nSome text of the article, long enough for every span below.")
        var entities = (0..<Int.random(in: 0...8, using: &random)).map { position -> Entity in
            let group = BriefingIndexEquivalenceTests.forms.randomElement(using: &random)!
            let kind = Int.random(in: 0..<10, using: &random) == 0 ? EntityKind.other : group.kind
            var names = (0..<Int.random(in: 1...3, using: &random)).map { _ in group.names.randomElement(using: &random)! }
            if Bool.random(using: &random) { names.append(names[0]) }
            // Mentions usually in text order, as the core gives them; sometimes not.
            var mentions = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                let start = Int.random(in: 0..<50, using: &random)
                return Span(start, start + Int.random(in: 1...5, using: &random))
            }
            if Bool.random(using: &random) { mentions.sort() }
            return Entity(id: "e\(position + 1)", name: names[0], kind: kind, mentions: mentions, aliases: names)
        }
        // Ids as the core numbers them, mostly; sometimes not (made by hand, or repeated).
        if Int.random(in: 0..<4, using: &random) == 0 {
            for position in entities.indices { entities[position].id = ["e1", "e2", "e3", "x", "e01"].randomElement(using: &random)! }
        }
        // Claims by the article's entities, by ids no entity has, by a phrase and by no one.
        let actorsToClaim = entities.map(\.id) + ["e9", "police spokesman"]
        let claims = (0..<Int.random(in: 0...6, using: &random)).map { k in
            Claim(actor: Int.random(in: 0..<6, using: &random) == 0 ? nil : actorsToClaim.randomElement(using: &random),
                  cue: "said", kind: .statement, span: Span(k, k + 3))
        }
        return AnnotatedArticle(article: StructureParser().parse(text), entities: entities, quotes: [], numbers: [],
                                actors: [], claims: claims, source: "\(number).txt")
    }
}

/// The index as first written: members copied out, every name normalised where it is compared,
/// string keys of the kind and the name. Slow over a large feed, plainly right.
private enum ReferenceBriefing {
    typealias Member = (article: Int, entity: Entity)

    /// The entities, and the briefing entity of each article's own entity by "article|id".
    static func index(of articles: [AnnotatedArticle]) -> (entities: [BriefingEntity], positionByLocal: [String: Int]) {
        var members: [Member] = []
        for (index, article) in articles.enumerated() {
            for entity in article.entities { members.append((index, entity)) }
        }
        var sets = DisjointSets(count: members.count)
        mergeSameNames(members, into: &sets)
        mergeSurnames(members, into: &sets)
        mergeAcronyms(members, into: &sets)
        var groupOfRoot: [Int: Int] = [:]
        var groups: [[Int]] = []
        for index in members.indices {
            let root = sets.root(of: index)
            if let group = groupOfRoot[root] { groups[group].append(index) } else {
                groupOfRoot[root] = groups.count
                groups.append([index])
            }
        }
        var positionByLocal: [String: Int] = [:]
        for (number, group) in groups.enumerated() {
            for index in group { positionByLocal["\(members[index].article)|\(members[index].entity.id)"] = number }
        }
        return (groups.enumerated().map { number, group in entity(id: "b\(number + 1)", group.map { members[$0] }) }, positionByLocal)
    }

    static func mergeSameNames(_ members: [Member], into sets: inout DisjointSets) {
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

    static func mergeSurnames(_ members: [Member], into sets: inout DisjointSets) {
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

    static func mergeAcronyms(_ members: [Member], into sets: inout DisjointSets) {
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

    static func entity(id: String, _ members: [Member]) -> BriefingEntity {
        let best = members.enumerated().max { a, b in
            let wordsA = EntityNameKey.tokens(a.element.entity.name).count, wordsB = EntityNameKey.tokens(b.element.entity.name).count
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
