/// A surname written again with another spelling later in the article ("Ms Halvorsén" after
/// "Ingrid Halvorsen", "Mr Kowalsky" after "Piotr Kowalski"): transliterations and typos of the
/// same person, which the linker keeps apart because the words differ.
///
/// News names a person in full once and by surname after, so a surname-only person that no full
/// name carries, and that is spelled like exactly one full name's surname, is that person.
/// "Like": the same first letter and the same consonants once doubled letters are merged (vowels
/// are what transliteration varies most: Buchanan/Bukhanan is not, Mohammed/Muhammad is), or one
/// letter inserted, deleted or changed in a surname of six letters or more.
enum RespelledSurnames {
    /// Surnames shorter than this are never respelled: short names differ by one letter too often.
    static let shortestSurname = 5

    /// The full-name person entity `entity` respells, or nil. `entity` must be a person named by
    /// one word only (every mention a surname); the answer is the one person with a name of two
    /// words or more whose last word matches it, first mentioned before it.
    static func fullName(for entity: Int, in entities: [Entity], among candidates: FullNames) -> Int? {
        let respelled = entities[entity]
        guard respelled.kind == .person, let first = respelled.mentions.first,
              let surname = singleWord(respelled.name) else { return nil }
        return fullName(forSurname: surname, mentionedBefore: first.start, among: candidates, except: entity)
    }

    /// The one person of `candidates` first mentioned before `offset` whose surname `surname`
    /// (lowercased) respells; nil when none or several.
    static func fullName(forSurname surname: [Unicode.Scalar], mentionedBefore offset: Int, among candidates: FullNames,
                         except: Int? = nil) -> Int? {
        guard surname.count >= shortestSurname, let initial = surname.first else { return nil }
        var found: Int? = nil
        // A respelling keeps the first letter: only the surnames with the same one can match.
        for candidate in candidates.byInitial[initial] ?? [] where candidate.entity != except && candidate.firstMention < offset {
            guard candidate.surname != surname, isRespelling(surname, candidate.surname) else { continue }
            if found != nil { return nil } // two people it could be: neither
            found = candidate.entity
        }
        return found
    }

    /// The people named by two words or more, by the first letter of their lowercased surname, in
    /// the entities' order: made once per article, so that a cue costs the few surnames with its
    /// initial, not a pass over every entity (which grew with the text: a huge one had thousands).
    struct FullNames {
        struct Candidate {
            var entity: Int
            var surname: [Unicode.Scalar]
            var firstMention: Int
        }
        fileprivate var byInitial: [Unicode.Scalar: [Candidate]] = [:]

        init(_ entities: [Entity]) {
            for (k, entity) in entities.enumerated() where entity.kind == .person {
                let words = entity.name.split(separator: " ")
                guard words.count >= 2, let last = words.last, let first = entity.mentions.first else { continue }
                let surname = Array(last.lowercased().unicodeScalars)
                guard let initial = surname.first else { continue }
                byInitial[initial, default: []].append(Candidate(entity: k, surname: surname, firstMention: first.start))
            }
        }
    }

    /// The lowercased letters of a one-word name ("Bergström"), or nil for a name of several words.
    static func singleWord(_ name: String) -> [Unicode.Scalar]? {
        let words = name.split(separator: " ")
        guard words.count == 1 else { return nil }
        return Array(words[0].lowercased().unicodeScalars)
    }

    static func isRespelling(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        guard a.count >= shortestSurname, b.count >= shortestSurname, a.first == b.first else { return false }
        let skeletonA = consonantSkeleton(a), skeletonB = consonantSkeleton(b)
        if skeletonA.count >= 3, skeletonA == skeletonB { return true }
        return min(a.count, b.count) >= 6 && withinOneEdit(a, b)
    }

    static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y", "á", "à", "â", "ä", "é", "è", "ê", "ë",
                                               "í", "ì", "î", "ï", "ó", "ò", "ô", "ö", "ú", "ù", "û", "ü", "-", "'"]

    /// The consonants after the first letter, doubled ones merged: "buchtmann" → b·chtmn.
    static func consonantSkeleton(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var skeleton: [Unicode.Scalar] = []
        for letter in word.dropFirst() where !vowels.contains(letter) {
            if skeleton.last != letter { skeleton.append(letter) }
        }
        return skeleton
    }

    /// One letter inserted, deleted or substituted (or none).
    static func withinOneEdit(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        guard abs(a.count - b.count) <= 1 else { return false }
        var i = 0, j = 0, edits = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count { i += 1 } else if b.count > a.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }
}
