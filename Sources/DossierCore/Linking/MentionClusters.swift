/// The clusters the `Linker` builds: mentions grouped under a key, with union-find merging so that
/// joining two clusters is cheap and every mention ends in exactly one entity.
struct MentionClusters {
    private let mentions: [EntityMention]
    /// Cluster of each mention (-1 until placed).
    private var clusterOf: [Int]
    private var parent: [Int] = []
    private var members: [[Int]] = []
    private var keys: [String] = []
    private var clusterByKey = WordTable<Int>(minimumCapacity: 256)
    /// Kind votes of each root cluster, kept up to date on every add and merge.
    private var votes: [[Int]] = []
    private static let voteOrder: [EntityKind] = [.person, .organization, .place, .group, .event]

    init(mentions: [EntityMention]) {
        self.mentions = mentions
        self.clusterOf = [Int](repeating: -1, count: mentions.count)
    }

    mutating func add(_ mention: Int, key: String) {
        if let existing = clusterByKey.value(key) {
            add(mention, to: existing)
            return
        }
        let cluster = parent.count
        parent.append(cluster)
        members.append([])
        votes.append([Int](repeating: 0, count: Self.voteOrder.count))
        keys.append(key)
        clusterByKey.set(key, cluster)
        add(mention, to: cluster)
    }

    mutating func add(_ mention: Int, to cluster: Int) {
        let root = find(cluster)
        clusterOf[mention] = root
        members[root].append(mention)
        if let slot = Self.voteOrder.firstIndex(of: mentions[mention].kind) {
            votes[root][slot] += Self.voteWeight(of: mentions[mention].name)
        }
    }

    /// A full name weighs most, an unknown acronym least: its kind ("organisation") is only a guess.
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
        for slot in votes[rb].indices { votes[rb][slot] += votes[ra][slot] }
    }

    private var roots: [Int] { parent.indices.filter { parent[$0] == $0 } }

    // MARK: - Kinds

    /// The kind most mentions of a cluster were given (weighted); `.other` only when nothing else was.
    func kind(of cluster: Int) -> EntityKind {
        let tally = votes[root(cluster)]
        var best: EntityKind = .other
        var bestCount = 0
        for (slot, kind) in Self.voteOrder.enumerated() where tally[slot] > bestCount {
            best = kind
            bestCount = tally[slot]
        }
        return best
    }

    private func words(_ cluster: Int) -> [String] { Linker.words(of: keys[cluster]) }

    // MARK: - Merges

    /// "LRC" joins "Lakeside Research Center" when the letters are the initials of the name.
    mutating func mergeAcronymsWithInitials() {
        var byInitials: [String: Int] = [:]
        var ambiguous = Set<String>()
        let roots = self.roots
        for cluster in roots where Linker.hasSpace(keys[cluster]) {   // one word has no initials to spell
            let kind = self.kind(of: cluster)
            guard kind != .person, kind != .group else { continue }
            let words = self.words(cluster)
            guard words.count >= 2 else { continue }
            let initials = Self.initials(words)
            guard initials.count >= 2 else { continue }
            if byInitials[initials] != nil { ambiguous.insert(initials) } else { byInitials[initials] = cluster }
        }
        var unmatched: [(cluster: Int, letters: String)] = []
        for cluster in roots {
            let acronym = Self.acronymPart(keys[cluster])
            guard Linker.isAcronym(acronym) else { continue }
            let letters = String(String.UnicodeScalarView(acronym.unicodeScalars.filter {
                $0.properties.isAlphabetic || ($0.value >= 0x30 && $0.value <= 0x39)
            }))
            guard !ambiguous.contains(letters), let long = byInitials[letters] else {
                if !ambiguous.contains(letters) { unmatched.append((cluster, letters)) }
                continue
            }
            if find(long) != find(cluster) { merge(cluster, into: long) }
        }
        // "VBA" for "Northern Velmar Border Agency": an acronym of three letters or more that
        // spells a run of the name's words, when exactly one organisation's name holds such a run
        // (a country or qualifier before the name is often left out of the acronym).
        for (cluster, letters) in unmatched where letters.count >= 3 {
            var found: Int? = nil
            var count = 0
            for (initials, long) in byInitials where initials.holds(longer: letters)
                && [.organization, .other].contains(kind(of: long)) {
                found = long
                count += 1
            }
            guard count == 1, let long = found, find(long) != find(cluster) else { continue }
            merge(cluster, into: long)
        }
    }

    /// The acronym of a name, without a nationality before it: "Velmari VBA" → "VBA" (the
    /// country's own branch of the body the acronym names).
    private static func acronymPart(_ key: String) -> String {
        guard Linker.hasSpace(key) else { return key }   // one word: nothing to split (most keys)
        let words = Linker.words(of: key)
        guard words.count == 2, Demonyms.countryOf[words[0]] != nil, Linker.isAcronym(words[1]) else { return key }
        return words[1]
    }

    /// First letters of the capitalised words (and digits): "Guild of Independent Printers and
    /// Binders" → "GIPB".
    private static func initials(_ words: [String]) -> String {
        var result = String.UnicodeScalarView()
        for word in words {
            guard let first = word.unicodeScalars.first else { continue }
            if first.properties.isUppercase || (first.value >= 0x30 && first.value <= 0x39) { result.append(first) }
        }
        return String(result)
    }

    /// "Harbour Court" joins "Northern Harbour Court of Review", "RTV" joins "RTV News": an
    /// organisation whose words run inside a longer organisation's name is that organisation.
    mutating func mergeOrganizationsIntoLongerNames() {
        var byRun: [String: Int] = [:]
        var ambiguous = Set<String>()
        let organizations = roots.filter { kind(of: $0) == .organization }
        for cluster in organizations {
            let words = self.words(cluster)
            guard words.count >= 2, words.count <= 12 else { continue }
            for start in words.indices {
                for end in (start + 1)...words.count where end - start < words.count {
                    let run = words[start..<end].joined(separator: " ")
                    if let other = byRun[run], other != cluster { ambiguous.insert(run) } else { byRun[run] = cluster }
                }
            }
        }
        for cluster in organizations {
            let name = keys[cluster]
            // Generic names ("High Court") join the specific one; an alias ("UN") keeps its own.
            guard EntityAliases.canonical[name] == nil, !ambiguous.contains(name),
                  let longer = byRun[name], find(longer) != find(cluster) else { continue }
            merge(cluster, into: longer)
        }
    }

    // MARK: - Word indexes for single-word mentions

    func personWordIndex() -> WordIndex {
        var index = WordIndex()
        for cluster in roots where kind(of: cluster) == .person && Linker.hasSpace(keys[cluster]) {
            let words = self.words(cluster)
            guard words.count >= 2 else { continue }
            for word in words where word.unicodeScalars.count > 2 && !word.hasSuffix(".") {
                index.add(word, cluster: cluster, weight: members[cluster].count, firstAt: firstStart(cluster))
            }
        }
        return index
    }

    func organizationWordIndex() -> WordIndex {
        var index = WordIndex()
        for cluster in roots where (kind(of: cluster) == .organization || kind(of: cluster) == .place)
            && Linker.hasSpace(keys[cluster]) {   // one word: not indexed (fewer than two words)
            let words = self.words(cluster)
            guard words.count >= 2, let first = words.first else { continue }
            // Places only as facilities: "Halley" for "Halley Space Flight Center".
            if kind(of: cluster) == .place, !(words.last.map { NameCues.facility.contains($0) } ?? false) { continue }
            // Its first word ("Lantern" for "Lantern Magazine") and its cue words ("the Court" for
            // "Harbour Court of Review"); a last word like "Review" may be anything.
            let cues = words.filter { NameCues.organization.contains($0) }
            for word in Set([first] + cues) where EntityLexicon.kind(of: word) == nil {
                index.add(word, cluster: cluster, weight: members[cluster].count, firstAt: firstStart(cluster))
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
        let measured = names.map { (name: $0, words: Linker.wordCount(of: $0), scalars: $0.unicodeScalars.count) }
        return measured.sorted { lhs, rhs in
            lhs.words != rhs.words ? lhs.words > rhs.words : lhs.scalars > rhs.scalars
        }.map(\.name)
    }

    private func firstStart(_ cluster: Int) -> Int {
        members[cluster].map { mentions[$0].span.start }.min() ?? 0
    }

    // MARK: - Output

    /// Entities in order of first mention, ids "e1", "e2", …, demonyms related to their country.
    mutating func entities() -> [Entity] {
        var firsts: [Int] = []
        var unordered: [Entity] = []
        var canonicalOf: [String?] = []
        for cluster in roots where !members[cluster].isEmpty {
            // Members in text order give both the sorted spans and the names in order of first use.
            let ordered = members[cluster].sorted(by: { mentions[$0].span < mentions[$1].span })
            let spans = ordered.map { mentions[$0].span }
            let names = Self.distinctNames(ordered.map { mentions[$0].name })
            let aliases = Self.longestFirst(names)
            var kind = self.kind(of: cluster)
            if kind == .other, spans.count >= 3, names.allSatisfy({ !Linker.hasSpace($0) }) { kind = .organization }
            let canonical = EntityAliases.canonical[keys[cluster]] ?? (EntityAliases.canonicalNames.contains(keys[cluster]) ? keys[cluster] : nil)
            // The canonical name ("United States" for "U.S." and "America") when the article writes
            // it; else the name it writes most often: an article that says "UK" (and once "Britain")
            // names its speaker "UK", as readers (and the speaker gold) do. The briefing still joins
            // it to "United Kingdom" elsewhere through the alias table (`BriefingIndex`).
            var name = canonical.map { names.contains($0) ? $0 : Self.mostFrequent(ordered.map { mentions[$0].name }, among: aliases) }
                ?? aliases.first ?? keys[cluster]
            if kind == .group { name = Linker.groupKey(aliases.last ?? name) }
            firsts.append(spans[0].start)
            unordered.append(Entity(id: "", name: name, kind: kind, mentions: spans, aliases: aliases))
            canonicalOf.append(canonical)
        }
        // The order sorted as indices: sorting (first, entity) pairs copied an entity, its strings
        // and arrays retained and released, at every move.
        let order = firsts.indices.sorted { firsts[$0] < firsts[$1] }
        var result = order.map { unordered[$0] }
        // Each name's position, which is also its id ("e" + position + 1); a country named only
        // "UK" is found by its canonical name too ("British" relates to "United Kingdom").
        var positionByName: [String: Int] = [:]
        for index in result.indices {
            result[index].id = "e\(index + 1)"
            guard result[index].kind != .group else { continue }
            if let canonical = canonicalOf[order[index]], positionByName[canonical] == nil { positionByName[canonical] = index }
            positionByName[result[index].name] = index
        }
        for index in result.indices where result[index].kind == .group {
            let country = Demonyms.countryOf[result[index].name] ?? Demonyms.countryOf[result[index].aliases.last ?? ""]
            guard let country, let target = positionByName[EntityAliases.canonicalName(country)] ?? positionByName[country]
            else { continue }
            result[index].related.append(result[target].id)
            result[target].related.append(result[index].id)
        }
        return result
    }
}

/// Word → the cluster whose name contains it, for attaching single-word mentions.
///
/// When several names share the word ("Omar Haddad", "Haddad El-Tayeb Haddad"), the one
/// with the most mentions wins, then the one introduced first: a lone surname most often means
/// the article's main person of that name.
struct WordIndex {
    private var best: [String: (cluster: Int, weight: Int, firstAt: Int)] = [:]

    mutating func add(_ word: String, cluster: Int, weight: Int, firstAt: Int) {
        if let current = best[word],
           current.weight > weight || (current.weight == weight && current.firstAt <= firstAt) { return }
        best[word] = (cluster, weight, firstAt)
    }

    func best(for word: String) -> Int? { best[word]?.cluster }
}
