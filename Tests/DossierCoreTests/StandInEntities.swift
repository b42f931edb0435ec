@testable import DossierCore

/// Entities standing in for the linker, for the speaker tests: every occurrence of each surface
/// form (name, kind, forms) is a mention; ids are e1, e2, … in the order given.
func entities(_ names: [(String, EntityKind, [String])], in text: String) -> [Entity] {
    let scalars = Array(text.unicodeScalars)
    return names.enumerated().map { i, entry in
        var mentions: [Span] = []
        for form in entry.2 {
            let needle = Array(form.unicodeScalars)
            var k = 0
            while k + needle.count <= scalars.count {
                if Array(scalars[k..<k + needle.count]) == needle {
                    mentions.append(Span(k, k + needle.count))
                    k += needle.count
                } else {
                    k += 1
                }
            }
        }
        return Entity(id: "e\(i + 1)", name: entry.0, kind: entry.1, mentions: mentions.sorted(), aliases: entry.2)
    }
}
