/// How `BriefingIndex` joins the entities of different articles, and what it makes of each group.
/// Every name comparison here is between `BriefingNames` numbers: each distinct surface form was
/// read once when the members were listed.
extension BriefingIndex {
    /// A name key of one kind of entity: names of different kinds never join.
    struct KindKey: Hashable {
        var kind: EntityKind
        var key: Int32
    }

    /// The one set (its root) that a key was seen in, or that there were several.
    struct SoleOwner {
        private(set) var root: Int
        private(set) var isShared = false

        init(_ root: Int) { self.root = root }

        mutating func add(_ other: Int) { if other != root { isShared = true } }
    }

    /// Same kind and same normalised name; for everything but people, a shared alias too.
    /// A person's one-word alias ("Vasko") is not a key: that is `mergeSurnames`'s job.
    static func mergeSameNames(_ members: BriefingMembers, into sets: inout DisjointSets) {
        let names = members.names
        var firstWithKey: [KindKey: Int] = [:]
        firstWithKey.reserveCapacity(members.count)
        for member in members.indices {
            let kind = members.kind[member]
            func join(_ key: Int32) {
                guard key != BriefingNames.emptyKey else { return }
                let kindKey = KindKey(kind: kind, key: key)
                if let other = firstWithKey[kindKey] { sets.union(member, other) } else { firstWithKey[kindKey] = member }
            }
            if kind == .person {
                join(names.personName(members.nameForm(member)).key)
                for alias in members.aliasForms(member) {
                    let person = names.personName(alias)
                    if person.words.count >= 2 { join(person.key) }
                }
            } else {
                // "UK" in one article, "United Kingdom" in another: the alias table's canonical name joins them.
                for form in members.allForms(member) {
                    join(names.forms[Int(form)].key)
                    join(names.forms[Int(form)].canonicalKey)
                }
            }
        }
    }

    /// A person named by one word joins the one full name of the briefing ending with that word;
    /// full names that agree on first and last word ("Dorian E. Vasko", "Dorian Vasko") join.
    static func mergeSurnames(_ members: BriefingMembers, into sets: inout DisjointSets) {
        struct FirstAndLast: Hashable {
            var first: Int32
            var last: Int32
        }
        let names = members.names
        let people = members.indices.filter { members.kind[$0] == .person }
        func words(_ member: Int) -> [Int32] { names.personName(members.nameForm(member)).words }

        var firstAndLast: [FirstAndLast: Int] = [:]
        for member in people {
            let words = words(member)
            guard words.count >= 2 else { continue }
            let key = FirstAndLast(first: words[0], last: words[words.count - 1])
            if let other = firstAndLast[key] { sets.union(member, other) } else { firstAndLast[key] = member }
        }
        var ownersOfSurname: [Int32: SoleOwner] = [:]
        for member in people {
            let words = words(member)
            guard words.count >= 2 else { continue }
            let root = sets.root(of: member)
            if ownersOfSurname[words[words.count - 1]]?.add(root) == nil { ownersOfSurname[words[words.count - 1]] = SoleOwner(root) }
        }
        for member in people {
            let words = words(member)
            guard words.count == 1, let owner = ownersOfSurname[words[0]], !owner.isShared else { continue }
            sets.union(member, owner.root)
        }
    }

    /// "HPI" joins the one "Harrowgate Policy Institute" of the same kind in the briefing.
    static func mergeAcronyms(_ members: BriefingMembers, into sets: inout DisjointSets) {
        let names = members.names
        var owners: [KindKey: SoleOwner] = [:]
        for member in members.indices where members.kind[member] != .person {
            for form in members.allForms(member) {
                let acronym = names.forms[Int(form)].acronym
                guard acronym != BriefingNames.noKey else { continue }
                let key = KindKey(kind: members.kind[member], key: acronym)
                let root = sets.root(of: member)
                if owners[key]?.add(root) == nil { owners[key] = SoleOwner(root) }
            }
        }
        for member in members.indices where members.kind[member] != .person {
            let name = names.forms[Int(members.nameForm(member))]
            guard name.isAcronym, let owner = owners[KindKey(kind: members.kind[member], key: name.key)],
                  !owner.isShared else { continue }
            sets.union(member, owner.root)
        }
    }

    /// The briefing entity of one group of members (in member order).
    static func entity(id: String, _ group: ArraySlice<Int>, of members: BriefingMembers) -> BriefingEntity {
        let names = members.names

        // The fullest name: most words, then the most mentioned, then the first seen.
        var best = group.first!
        for member in group.dropFirst() {
            let words = names.forms[Int(members.nameForm(member))].keyWordCount
            let bestWords = names.forms[Int(members.nameForm(best))].keyWordCount
            if words > bestWords || (words == bestWords && members.mentions[member].count > members.mentions[best].count) {
                best = member
            }
        }

        // Each distinct normalised name once, as first written (sorted fullest first below), and one
        // occurrence per article.
        var seen: Set<Int32> = []
        var aliases: [Int32] = []
        var occurrences: [EntityOccurrence] = []
        for member in group {
            for form in members.allForms(member) where seen.insert(names.forms[Int(form)].key).inserted {
                aliases.append(form)
            }
            let article = members.article[member]
            if let last = occurrences.indices.last, occurrences[last].article == article {
                occurrences[last].entityIDs.append(members.localID[member])
                occurrences[last].mentions = (occurrences[last].mentions + members.mentions[member]).sorted()
            } else {
                occurrences.append(EntityOccurrence(article: article, entityIDs: [members.localID[member]],
                                                    mentions: BriefingIndex.inTextOrder(members.mentions[member])))
            }
        }
        let sortedAliases = aliases.enumerated().sorted { a, b in
            let formA = names.forms[Int(a.element)], formB = names.forms[Int(b.element)]
            if formA.writtenWordCount != formB.writtenWordCount { return formA.writtenWordCount > formB.writtenWordCount }
            if formA.scalarCount != formB.scalarCount { return formA.scalarCount > formB.scalarCount }
            return a.offset < b.offset
        }.map { names.texts[Int($0.element)] }
        return BriefingEntity(id: id, name: names.texts[Int(members.nameForm(best))], kind: members.kind[best],
                              aliases: sortedAliases, occurrences: occurrences)
    }

    /// An entity's mentions sorted; the core gives them in text order, so nearly always as they are.
    static func inTextOrder(_ mentions: [Span]) -> [Span] {
        for index in mentions.indices.dropFirst() where mentions[index] < mentions[index - 1] { return mentions.sorted() }
        return mentions
    }
}
