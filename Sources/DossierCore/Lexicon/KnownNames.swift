/// What WordNet 3.0 knows a capitalised name as: a person, a kind of person ("Democrat"), an
/// organisation or a place (generated from WordNet's noun hierarchy; see
/// Scripts/lexicons/README.md). A typing feature, not a decision: many names are several kinds
/// ("Lincoln" is a president and a city), and WordNet's people are the famous dead more than the
/// people of today's news, whose names still share their words.
enum KnownNames {
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt8
        static let person = Kinds(rawValue: 1 << 0)
        static let personKind = Kinds(rawValue: 1 << 1)
        static let organization = Kinds(rawValue: 1 << 2)
        static let place = Kinds(rawValue: 1 << 3)

        /// Each kind with the name of its typing feature's value.
        static let labelled: [(Kinds, StaticString)] = [(.person, "person"), (.personKind, "person-kind"),
                                                         (.organization, "organization"), (.place, "place")]
    }

    /// The generated lists, each with its kind (a name may be on several). Their names are kept
    /// in `EntityLexicon`'s one table of names.
    static let lists: [(String, Kinds)] = [(GeneratedLexicon.wordnetPeople, .person),
                                           (GeneratedLexicon.wordnetPersonKinds, .personKind),
                                           (GeneratedLexicon.wordnetOrganizations, .organization),
                                           (GeneratedLexicon.wordnetPlaces, .place)]

    /// About how many names the lists hold together, to size that table.
    static let expectedCount = 16_000

    /// The kinds WordNet gives `name` (its exact surface), empty when it has none.
    static func kinds(of name: String) -> Kinds { EntityLexicon.facts(of: name).knownKinds }
}
