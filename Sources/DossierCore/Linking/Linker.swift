/// Merges mentions into entities: one per real-world referent, aliases and acronyms joined.
///
/// In order: general-knowledge aliases ("U.S." = "United States"), acronyms defined in
/// parentheses ("Northern Relief Mission (NRM)") or spelled by the initials of a name seen in the
/// article ("LRC" = "Lakeside Research Center"), shorter organisation names inside longer ones
/// ("Harbour Court" in "Northern Harbour Court of Review"), and single words that are part of
/// a person's full name ("Halvorsen" = "Martin Halvorsen"). Demonyms stay separate from their
/// country and are listed as related. Linear in the number of mentions.
///
/// UNFINISHED: a surname that is also a known place ("Jordan" after "Michael Jordan") joins the
/// place, not the person; pronouns are left to speaker attribution.
public struct Linker: Sendable {
    public init() {}

    public func link(_ mentions: [EntityMention], in article: StructuredArticle) -> [Entity] {
        let sorted = mentions.inTextOrder()
        guard !sorted.isEmpty else { return [] }
        var clusters = MentionClusters(mentions: sorted)
        let defined = acronymDefinitions(sorted, text: article.text)

        // A long article repeats its names, so each distinct name is judged and keyed once, and a
        // mention looks its name up once: `names[nameIndex[name]]`. (No local functions here: one
        // that reads these tables captures them, and each call copied, retained and released them.)
        var names: [DistinctName] = []
        names.reserveCapacity(sorted.count)
        var nameIndex = WordTable<Int>(minimumCapacity: sorted.count)   // room for every name: no regrowth
        nameIndex.reserveEntries(sorted.count, keyBytes: sorted.reduce(0) { $0 + $1.name.utf8.count })

        // Pass 1: names that stand on their own (several words, acronyms, names the lists know).
        var deferred: [(mention: Int, name: Int)] = []
        for (index, mention) in sorted.enumerated() {
            let id: Int
            if let known = nameIndex.value(mention.name) {
                id = known
            } else {
                id = names.count
                names.append(DistinctName(standsAlone: Self.standsAlone(mention.name, defined: defined)))
                nameIndex.set(mention.name, id)
            }
            if mention.kind == .group {
                if let cluster = names[id].groupCluster {
                    clusters.add(index, to: cluster)
                } else {
                    names[id].groupCluster = clusters.add(index, key: "group:" + Self.groupKey(mention.name))
                }
            } else if names[id].standsAlone {
                addUnderKey(index, name: &names[id], of: sorted, to: &clusters, defined: defined)
            } else {
                deferred.append((index, id))
            }
        }
        clusters.mergeAcronymsWithInitials()
        clusters.mergeOrganizationsIntoLongerNames()

        // Pass 2: single words join the person (or organisation) whose name contains them.
        let people = clusters.personWordIndex()
        let organizations = clusters.organizationWordIndex()
        for (index, id) in deferred {
            let mention = sorted[index]
            let word: String
            if let known = names[id].firstWord {
                word = known
            } else {
                word = Self.words(of: mention.name).first ?? mention.name   // one word: cheap
                names[id].firstWord = word
            }
            // A word of a person's full name is that person, whatever its own context suggested
            // ("the Zamanullah capture").
            if mention.kind != .group, mention.kind != .event, let person = people.best(for: word) {
                clusters.add(index, to: person)
            } else if mention.kind == .organization || mention.kind == .other,
                      let organization = organizations.best(for: word) {
                clusters.add(index, to: organization)
            } else {
                addUnderKey(index, name: &names[id], of: sorted, to: &clusters, defined: defined)
            }
        }
        return clusters.entities()
    }

    /// Whether a name stands on its own in pass 1: several words, a name the lists know, an
    /// acronym, or one the article defines.
    private static func standsAlone(_ name: String, defined: [String: String]) -> Bool {
        hasSpace(name) || EntityLexicon.kind(of: name) != nil || isAcronym(name) || defined[name] != nil
    }

    /// Adds mention `index` to the cluster of its name's key: the one its name's first mention
    /// found or made, with no key worked out and no key looked up again.
    private func addUnderKey(_ index: Int, name: inout DistinctName, of mentions: [EntityMention],
                             to clusters: inout MentionClusters, defined: [String: String]) {
        if let cluster = name.cluster {
            clusters.add(index, to: cluster)
        } else {
            name.cluster = clusters.add(index, key: key(of: mentions[index].name, defined: defined))
        }
    }

    /// What the linker has worked out about one distinct name of an article, at its first use.
    private struct DistinctName {
        /// `standsAlone(_:defined:)`.
        let standsAlone: Bool
        /// The cluster of its key (`key(of:defined:)`) and of its group key, once made.
        var cluster: Int? = nil
        var groupCluster: Int? = nil
        /// Its first word, which pass 2 looks up in the word indexes.
        var firstWord: String? = nil
    }

    // MARK: - Keys

    /// The name an alias stands for: the alias table first, then a parenthesised definition.
    /// Connectors do not count ("Harbour Trust of Wales and Cornwall" = "Harbour Trust
    /// Wales Cornwall"), nor an administrative prefix ("State of Texas" = "Texas").
    private func key(of name: String, defined: [String: String]) -> String {
        let name = defined[name] ?? name
        let canonical = LinkingTables.canonicalName(name)
        if canonical != name { return canonical }
        // Every prefix holds a space: a name without one (most keys) cannot start with any.
        if name.hasUTF8Byte(0x20) {
            for prefix in Self.administrativePrefixes where name.hasPrefix(prefix) {
                let rest = String(name.dropFirst(prefix.count))
                if EntityLexicon.kind(of: rest) == .place { return LinkingTables.canonicalName(rest) }
            }
        }
        // Most names have one or two words: an ASCII one is counted on its bytes, not split.
        if let count = Self.asciiWordCount(of: name), count <= 2 { return name }
        let words = Self.words(of: name)
        guard words.count > 2 else { return name }
        return words.filter { !CommonWords.nameConnectors.contains($0) }.joined(separator: " ")
    }

    private static let administrativePrefixes = ["State of ", "Republic of ", "Kingdom of ", "Province of ", "City of ",
                                                 "Commonwealth of "]

    /// "Long Name (ACRONYM)": the acronym is another name for the long name.
    private func acronymDefinitions(_ mentions: [EntityMention], text: ArticleText) -> [String: String] {
        var result: [String: String] = [:]
        let scalars = text.scalars
        for index in mentions.indices.dropLast() {
            let long = mentions[index], short = mentions[index + 1]
            guard short.span.start - long.span.end == 2, Self.isAcronym(short.name),
                  Self.words(of: long.name).count >= 1, long.name != short.name,
                  scalars[long.span.end] == " ", scalars[long.span.end + 1] == "(" || scalars[long.span.end + 1] == "[",
                  short.span.end < scalars.count, scalars[short.span.end] == ")" || scalars[short.span.end] == "]"
            else { continue }
            if result[short.name] == nil { result[short.name] = long.name }
        }
        return result
    }

    static func words(of name: String) -> [String] {
        // A single word without an apostrophe (most mentions): nothing to split or strip, and
        // the `Character` walk below costs thousands of instructions.
        if !name.hasUTF8Byte(0x20) && !name.hasUTF8Byte(0x27) && !name.hasUTF8Byte(0xE2) { return name.isEmpty ? [] : [name] }
        return asciiWords(of: name) ?? unicodeWords(of: name)
    }

    /// `words(of: name).count` without making the words: the runs of non-spaces of an ASCII
    /// name (a run of just "'s" is a word there too, an empty one); other names are split.
    static func wordCount(of name: String) -> Int {
        asciiWordCount(of: name) ?? words(of: name).count
    }

    /// `wordCount(of:)` of an ASCII name, counted on its bytes; nil for another name.
    static func asciiWordCount(of name: String) -> Int? {
        var contiguous = name
        return contiguous.withUTF8 { bytes in
            var count = 0
            var inWord = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
            }
            return count
        }
    }

    /// `unicodeWords(of:)` for an all-ASCII name, cut on its bytes (a byte is a `Character` there);
    /// nil when the name has a non-ASCII byte. `LinkerTests` compares the two.
    static func asciiWords(of name: String) -> [String]? {
        var name = name
        return name.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var start = 0
            for i in 0...bytes.count {
                if i < bytes.count {
                    if bytes[i] >= 0x80 { return nil }
                    if bytes[i] != 0x20 { continue }
                }
                if i > start {
                    var end = i
                    if end - start >= 2, bytes[end - 2] == 0x27, bytes[end - 1] == 0x73 { end -= 2 }   // 's
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = i + 1
            }
            return words
        }
    }

    /// The words of a name, split at spaces, each without a possessive "’s" or "'s".
    static func unicodeWords(of name: String) -> [String] {
        name.split(separator: " ").map { word in
            var word = Substring(word)
            for suffix in ["’s", "'s"] where word.hasSuffix(suffix) { word = word.dropLast(2) }
            return String(word)
        }
    }

    /// `name.contains(" ")`, answered from the bytes for nearly every name (`holdsASCIICharacter`):
    /// `contains` is Foundation's search, and the linker asks this for every mention and key.
    static func hasSpace(_ name: String) -> Bool {
        name.holdsASCIICharacter(0x20) ?? name.contains(" ")
    }

    /// "Pakistanis" and "Pakistani" are one group.
    static func groupKey(_ name: String) -> String {
        if name.hasSuffix("s"), Demonyms.isGroupWord(String(name.dropLast())) { return String(name.dropLast()) }
        return name
    }

    /// Two or more letters, all uppercase: "NATO", "U.S.", "ALPHA-K".
    static func isAcronym(_ name: String) -> Bool {
        // ASCII names (nearly all) are answered from their bytes, without walking the scalar view.
        var contiguous = name
        let fromBytes: Bool? = contiguous.withUTF8 { bytes in
            var upper = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if (byte >= 0x61 && byte <= 0x7A) || byte == 0x20 { return false }
                if byte >= 0x41 && byte <= 0x5A { upper += 1 }
            }
            return upper >= 2
        }
        if let fromBytes { return fromBytes }
        var upper = 0
        for scalar in name.unicodeScalars {
            if NameTokenizer.isLower(scalar) || scalar == " " { return false }
            if NameTokenizer.isUpper(scalar) { upper += 1 }
        }
        return upper >= 2
    }
}
