/// The clusters the `Linker` builds: mentions grouped under a key, with union-find merging so that
/// joining two clusters is cheap and every mention ends in exactly one entity.
struct MentionClusters {
    private let mentions: [EntityMention]
    private var parent: [Int] = []
    private var members: [[Int]] = []
    private var keys: [String] = []
    /// The words of each cluster's key (`Linker.words(of:)`), split once when the cluster is made:
    /// the merges and word indexes each ask for them. Empty for a key without a space, which has
    /// fewer than two words, and every reader wants two or more.
    private var keyWords: [[String]] = []
    private var clusterByKey: WordTable<Int>
    /// Kind votes of each root cluster, kept up to date on every add and merge.
    private var votes: [KindVotes] = []

    init(mentions: [EntityMention]) {
        self.mentions = mentions
        // At most a cluster per mention, and a key about as long as a name: room for them all
        // up front, so that the tables of an article are not copied over and over as they grow.
        let nameBytes = mentions.reduce(0) { $0 + $1.name.utf8.count }
        clusterByKey = WordTable(minimumCapacity: mentions.count)
        clusterByKey.reserveEntries(mentions.count, keyBytes: nameBytes)
        parent.reserveCapacity(mentions.count)
        members.reserveCapacity(mentions.count)
        keys.reserveCapacity(mentions.count)
        keyWords.reserveCapacity(mentions.count)
        votes.reserveCapacity(mentions.count)
    }

    /// Adds the mention to the cluster of `key`, made when new; that cluster (the linker keeps it
    /// for the name's next mentions, which then skip the key).
    @discardableResult
    mutating func add(_ mention: Int, key: String) -> Int {
        if let existing = clusterByKey.value(key) {
            add(mention, to: existing)
            return existing
        }
        let cluster = parent.count
        parent.append(cluster)
        members.append([])
        votes.append(KindVotes())
        keys.append(key)
        keyWords.append(Linker.hasSpace(key) ? Linker.words(of: key) : [])
        clusterByKey.set(key, cluster)
        add(mention, to: cluster)
        return cluster
    }

    /// Adds the mention to the cluster (or the one it was merged into).
    mutating func add(_ mention: Int, to cluster: Int) {
        let root = find(cluster)
        members[root].append(mention)
        votes[root].add(mentions[mention].kind, weight: Self.voteWeight(of: mentions[mention].name))
    }

    /// A full name weighs most, an unknown acronym least: its kind ("organisation") is only a guess.
    /// (Weighed at each mention, not once per distinct name: the name table matches canonically
    /// equivalent spellings, and `isAcronym` can answer two of them differently.)
    private static func voteWeight(of name: String) -> Int {
        if Linker.hasSpace(name) { return 4 }
        return Linker.isAcronym(name) && EntityLexicon.kind(of: name) == nil ? 1 : 2
    }

    private mutating func find(_ cluster: Int) -> Int {
        var root = cluster
        while parent[root] != root { root = parent[root] }
        var node = cluster
        while parent[node] != root { let next = parent[node]; parent[node] = root; node = next }
        return root
    }

    private func root(_ cluster: Int) -> Int {
        var root = cluster
        while parent[root] != root { root = parent[root] }
        return root
    }

    private mutating func merge(_ a: Int, into b: Int) {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return }
        parent[ra] = rb
        members[rb].append(contentsOf: members[ra])
        members[ra] = []
        votes[rb].add(votes[ra])
    }

    /// The clusters not merged into another. (A loop: a closure reading `parent` would capture, and
    /// so copy, the whole struct, as would any closure here that reads a stored property.)
    private var roots: [Int] {
        var roots: [Int] = []
        for cluster in parent.indices where parent[cluster] == cluster { roots.append(cluster) }
        return roots
    }

    // MARK: - Kinds

    /// The kind most mentions of a cluster were given (weighted); `.other` only when nothing else was.
    func kind(of cluster: Int) -> EntityKind { votes[root(cluster)].winner }

    // MARK: - Merges

    /// "LRC" joins "Lakeside Research Center" when the letters are the initials of the name.
    mutating func mergeAcronymsWithInitials() {
        // Initials → the first cluster spelling them, and whether another one does too.
        var byInitials = WordTable<(cluster: Int, ambiguous: Bool)>(minimumCapacity: keys.count)
        byInitials.reserveEntries(keys.count, keyBytes: 4 * keys.count)   // not copied as it grows
        var initialsInOrder: [(initials: String, cluster: Int)] = []
        let roots = self.roots
        for cluster in roots where keyWords[cluster].count >= 2 {   // one word has no initials to spell
            let kind = self.kind(of: cluster)
            guard kind != .person, kind != .group else { continue }
            let initials = Self.initials(keyWords[cluster])
            guard initials.count >= 2 else { continue }
            if byInitials.add(initials, (cluster, false)) {
                initialsInOrder.append((initials, cluster))
            } else {   // spelled by an earlier cluster
                byInitials.modify(initials, default: (cluster, true)) { $0.ambiguous = true }
            }
        }
        var unmatched: [(cluster: Int, letters: String)] = []
        for cluster in roots {
            let acronym = acronymPart(cluster)
            guard Linker.isAcronym(acronym) else { continue }
            let letters = Self.lettersAndDigits(acronym)
            guard let spelled = byInitials.value(letters) else {
                unmatched.append((cluster, letters))
                continue
            }
            guard !spelled.ambiguous else { continue }
            if find(spelled.cluster) != find(cluster) { merge(cluster, into: spelled.cluster) }
        }
        // "VBA" for "Northern Velmar Border Agency": an acronym of three letters or more that
        // spells a run of the name's words, when exactly one organisation's name holds such a run
        // (a country or qualifier before the name is often left out of the acronym).
        for (cluster, letters) in unmatched where letters.count >= 3 {
            var found: Int? = nil
            var count = 0
            for (initials, long) in initialsInOrder where initials.holds(longer: letters)
                && [.organization, .other].contains(kind(of: long)) {
                found = long
                count += 1
            }
            guard count == 1, let long = found, find(long) != find(cluster) else { continue }
            merge(cluster, into: long)
        }
    }

    /// The acronym of a cluster's key, without a nationality before it: "Velmari VBA" → "VBA"
    /// (the country's own branch of the body the acronym names).
    private func acronymPart(_ cluster: Int) -> String {
        let words = keyWords[cluster]   // empty for one word (most keys): nothing to split
        guard words.count == 2, LinkingTables.countryOfDemonym.value(words[0]) != nil, Linker.isAcronym(words[1])
        else { return keys[cluster] }
        return words[1]
    }

    /// First letters of the capitalised words (and digits): "Guild of Independent Printers and
    /// Binders" → "GIPB".
    static func initials(_ words: [String]) -> String {
        var result = String.UnicodeScalarView()
        for word in words {
            guard let first = word.unicodeScalars.first else { continue }
            if first.hasUppercaseProperty || (first.value >= 0x30 && first.value <= 0x39) { result.append(first) }
        }
        return String(result)
    }

    /// The letters and digits of an acronym, in order: "U.S." → "US", "ALPHA-K" → "ALPHAK". An
    /// ASCII acronym (nearly all) is filtered on its bytes: there a letter is A–Z or a–z.
    static func lettersAndDigits(_ acronym: String) -> String {
        var contiguous = acronym
        let fromBytes: String? = contiguous.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let kept = bytes.filter { byte in
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            }
            return String(decoding: kept, as: UTF8.self)
        }
        return fromBytes ?? String(String.UnicodeScalarView(acronym.unicodeScalars.filter {
            $0.hasAlphabeticProperty || ($0.value >= 0x30 && $0.value <= 0x39)
        }))
    }

    /// "Harbour Court" joins "Northern Harbour Court of Review", "RTV" joins "RTV News": an
    /// organisation whose words run inside a longer organisation's name is that organisation.
    mutating func mergeOrganizationsIntoLongerNames() {
        // A run of words → the first organisation whose name holds it, and whether another does too.
        // Room for every run up front, so that the table is not copied as it grows.
        var organizations: [Int] = []
        var runCount = 0
        for cluster in roots where kind(of: cluster) == .organization {
            organizations.append(cluster)
            let words = keyWords[cluster].count
            if words >= 2, words <= 12 { runCount += words * (words + 1) / 2 - 1 }
        }
        var byRun = WordTable<(cluster: Int, ambiguous: Bool)>(minimumCapacity: runCount)
        byRun.reserveEntries(runCount, keyBytes: 16 * runCount)
        for cluster in organizations {
            let words = keyWords[cluster]
            guard words.count >= 2, words.count <= 12 else { continue }
            for start in words.indices {
                for end in (start + 1)...words.count where end - start < words.count {
                    byRun.modify(words[start..<end].joined(separator: " "), default: (cluster, false)) { owner in
                        if owner.cluster != cluster { owner.ambiguous = true }
                    }
                }
            }
        }
        for cluster in organizations {
            let name = keys[cluster]
            // Generic names ("High Court") join the specific one; an alias ("UN") keeps its own.
            guard let longer = byRun.value(name), !longer.ambiguous, LinkingTables.canonicalOfAlias.value(name) == nil,
                  find(longer.cluster) != find(cluster) else { continue }
            merge(cluster, into: longer.cluster)
        }
    }

    // MARK: - Word indexes for single-word mentions

    func personWordIndex() -> WordIndex {
        var index = WordIndex(minimumCapacity: 2 * keys.count)
        for cluster in roots where keyWords[cluster].count >= 2 && kind(of: cluster) == .person {
            let weight = members[cluster].count, firstAt = firstStart(cluster)
            for word in keyWords[cluster] where word.unicodeScalars.count > 2 && !word.hasSuffix(".") {
                index.add(word, cluster: cluster, weight: weight, firstAt: firstAt)
            }
        }
        return index
    }

    func organizationWordIndex() -> WordIndex {
        var index = WordIndex(minimumCapacity: keys.count)
        for cluster in roots where keyWords[cluster].count >= 2 {   // one word: not indexed
            let kind = self.kind(of: cluster)
            guard kind == .organization || kind == .place else { continue }
            let words = keyWords[cluster]
            // Places only as facilities: "Halley" for "Halley Space Flight Center".
            if kind == .place, !NameCues.facility.contains(words[words.count - 1]) { continue }
            // Its first word ("Lantern" for "Lantern Magazine") and its cue words ("the Court" for
            // "Harbour Court of Review"); a last word like "Review" may be anything. A word met
            // twice adds nothing the second time (same cluster, weight and start).
            let weight = members[cluster].count, firstAt = firstStart(cluster)
            for (position, word) in words.enumerated() where position == 0 || NameCues.organization.contains(word) {
                guard EntityLexicon.kind(of: word) == nil else { continue }
                index.add(word, cluster: cluster, weight: weight, firstAt: firstAt)
            }
        }
        return index
    }

    /// The names in order, each once (a short list is searched; `Set` hashing cost more than the
    /// comparisons for the one to three names most entities have).
    static func distinctNames(_ names: [String]) -> [String] {
        guard names.count > 1 else { return names }
        var result: [String] = []
        if names.count <= 16 {
            for name in names where !result.contains(name) { result.append(name) }
            return result
        }
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted { result.append(name) }
        return result
    }

    /// The name of `names` written most often; ties go to the earlier of `order`.
    static func mostFrequent(_ names: [String], among order: [String]) -> String {
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        var best = order[0]
        for name in order.dropFirst() where counts[name, default: 0] > counts[best, default: 0] { best = name }
        return best
    }

    /// Names with the most words first, then the most scalars: the entity's name is the first.
    /// Each name's counts are taken once, not in every comparison of the sort; the comparisons
    /// answer as before, so the sort gives the same order.
    static func longestFirst(_ names: [String]) -> [String] {
        guard names.count > 1 else { return names }
        var measured = names.map { (name: $0, words: Linker.wordCount(of: $0), scalars: $0.unicodeScalars.count) }
        measured.sort { lhs, rhs in   // in place: `sort` is the stable sort `sorted` is
            lhs.words != rhs.words ? lhs.words > rhs.words : lhs.scalars > rhs.scalars
        }
        return measured.map(\.name)
    }

    private func firstStart(_ cluster: Int) -> Int {
        var first: Int? = nil
        for member in members[cluster] { first = min(first ?? .max, mentions[member].span.start) }
        return first ?? 0
    }

    /// The cluster's members in text order. They mostly are already (the linker adds mentions in
    /// text order, and only single words and merges append earlier ones), and then the list is
    /// returned as it is, with no sort and no copy: the sort is stable, so it would change nothing.
    private func membersInTextOrder(_ cluster: Int) -> [Int] {
        let list = members[cluster], mentions = self.mentions
        let inOrder = list.indices.dropFirst().allSatisfy { !(mentions[list[$0]].span < mentions[list[$0 - 1]].span) }
        return inOrder ? list : list.sorted(by: { mentions[$0].span < mentions[$1].span })
    }

    // MARK: - Output

    /// Entities in order of first mention, ids "e1", "e2", …, demonyms related to their country.
    mutating func entities() -> [Entity] {
        let mentions = self.mentions
        // Members in text order give both the sorted spans and the names in order of first use.
        var clusters: [(cluster: Int, members: [Int])] = []
        var firsts: [Int] = []
        for cluster in roots where !members[cluster].isEmpty {
            let ordered = membersInTextOrder(cluster)
            clusters.append((cluster, ordered))
            firsts.append(mentions[ordered[0]].span.start)
        }
        // The order is known before the entities are made, so each is made in its place: sorting
        // made entities moved (retained and released) their strings and arrays.
        let order = firsts.indices.sorted { firsts[$0] < firsts[$1] }
        var result: [Entity] = []
        result.reserveCapacity(order.count)
        var canonicalOf: [String?] = []
        canonicalOf.reserveCapacity(order.count)
        for (position, place) in order.enumerated() {
            let (cluster, ordered) = clusters[place]
            let spans = ordered.map { mentions[$0].span }
            let names = Self.distinctNames(ordered.map { mentions[$0].name })
            let aliases = Self.longestFirst(names)
            var kind = self.kind(of: cluster)
            if kind == .other, spans.count >= 3, names.allSatisfy({ !Linker.hasSpace($0) }) { kind = .organization }
            let key = keys[cluster]
            let canonical = LinkingTables.canonicalOfAlias.value(key) ?? (LinkingTables.canonicalNames.contains(key) ? key : nil)
            // The canonical name ("United States" for "U.S." and "America") when the article writes
            // it; else the name it writes most often: an article that says "UK" (and once "Britain")
            // names its speaker "UK", as readers (and the speaker gold) do. The briefing still joins
            // it to "United Kingdom" elsewhere through the alias table (`BriefingIndex`).
            var name = canonical.map { names.contains($0) ? $0 : Self.mostFrequent(ordered.map { mentions[$0].name }, among: aliases) }
                ?? aliases.first ?? key
            if kind == .group { name = Linker.groupKey(aliases.last ?? name) }
            result.append(Entity(id: "e" + String(position + 1), name: name, kind: kind, mentions: spans, aliases: aliases))
            canonicalOf.append(canonical)
        }
        // Each name's position, which is also its id ("e" + position + 1); a country named only
        // "UK" is found by its canonical name too ("British" relates to "United Kingdom").
        var positionByName = WordTable<Int>(minimumCapacity: 2 * result.count)
        positionByName.reserveEntries(2 * result.count, keyBytes: 2 * result.reduce(0) { $0 + $1.name.utf8.count })
        for index in result.indices where result[index].kind != .group {
            if let canonical = canonicalOf[index] { _ = positionByName.add(canonical, index) }   // unless there
            positionByName.set(result[index].name, index)
        }
        let countries = LinkingTables.countryOfDemonym
        for index in result.indices where result[index].kind == .group {
            let country = countries.value(result[index].name) ?? countries.value(result[index].aliases.last ?? "")
            guard let country, let target = positionByName.value(LinkingTables.canonicalName(country)) ?? positionByName.value(country)
            else { continue }
            result[index].related.append(result[target].id)
            result[target].related.append(result[index].id)
        }
        return result
    }
}

/// Word → the cluster whose name contains it, for attaching single-word mentions.
///
/// When several names share the word ("Kerem Haddad", "Haddad El-Tayeb Haddad"), the one
/// with the most mentions wins, then the one introduced first: a lone surname most often means
/// the article's main person of that name.
struct WordIndex {
    private var best: WordTable<(cluster: Int, weight: Int, firstAt: Int)>

    /// Room for about `minimumCapacity` words, so that an article's index is not copied as it grows.
    init(minimumCapacity: Int = 16) {
        best = WordTable(minimumCapacity: minimumCapacity)
        best.reserveEntries(minimumCapacity, keyBytes: 8 * minimumCapacity)
    }

    mutating func add(_ word: String, cluster: Int, weight: Int, firstAt: Int) {
        best.modify(word, default: (cluster, weight, firstAt)) { current in
            if current.weight > weight || (current.weight == weight && current.firstAt <= firstAt) { return }
            current = (cluster, weight, firstAt)
        }
    }

    func best(for word: String) -> Int? { best.value(word)?.cluster }
}

/// The weighted votes of a cluster's mentions for its kind.
struct KindVotes: Equatable {
    private var person = 0, organization = 0, place = 0, group = 0, event = 0

    mutating func add(_ kind: EntityKind, weight: Int) {
        switch kind {
        case .person: person += weight
        case .organization: organization += weight
        case .place: place += weight
        case .group: group += weight
        case .event: event += weight
        case .other: break   // no vote: `.other` is what a cluster is when no kind has one
        }
    }

    mutating func add(_ other: KindVotes) {
        person += other.person
        organization += other.organization
        place += other.place
        group += other.group
        event += other.event
    }

    /// The kind with the most votes; on a tie the first of person, organization, place, group,
    /// event; `.other` when none has a vote.
    var winner: EntityKind {
        var best = EntityKind.other, most = 0
        func consider(_ kind: EntityKind, _ votes: Int) {
            if votes > most { best = kind; most = votes }
        }
        consider(.person, person)
        consider(.organization, organization)
        consider(.place, place)
        consider(.group, group)
        consider(.event, event)
        return best
    }
}

/// The alias and demonym tables the linker asks, as `WordTable`s: the lexicon keeps them as
/// `Dictionary` and `Set`, which hash with SipHash, and the linker asks them for every cluster.
/// The same answers (see `WordTable`); `LinkerFastPathTests` compares them.
enum LinkingTables {
    /// `EntityAliases.canonical`: alias → the name it stands for.
    static let canonicalOfAlias = table(EntityAliases.canonical)
    /// `EntityAliases.canonicalNames`.
    static let canonicalNames = WordSet(EntityAliases.canonicalNames)
    /// `Demonyms.countryOf`: demonym → its country.
    static let countryOfDemonym = table(Demonyms.countryOf)

    /// `EntityAliases.canonicalName(name)`.
    static func canonicalName(_ name: String) -> String { canonicalOfAlias.value(name) ?? name }

    private static func table(_ dictionary: [String: String]) -> WordTable<String> {
        var table = WordTable<String>(minimumCapacity: dictionary.count)
        for (key, value) in dictionary { table.set(key, value) }
        return table
    }
}
