/// Every article's entities in one list, in article order (within an article, in the core's order
/// of first mention), held as numbers: the merging passes read these, not the entities.
struct BriefingMembers {
    /// Member m is an entity of article `article[m]`; an article's members are in its own order.
    private(set) var article: [Int] = []
    private(set) var kind: [EntityKind] = []
    /// The article's own id ("e3") and mentions: read here in article order, so that making each
    /// briefing entity does not go back to every article it appears in (a cache miss each).
    private(set) var localID: [String] = []
    private(set) var mentions: [[Span]] = []
    /// The member's surface forms (its name, then its aliases) are
    /// `forms[formsStart[m]..<formsStart[m + 1]]`, as `BriefingNames` numbers.
    private(set) var formsStart: [Int] = [0]
    private(set) var forms: [Int32] = []
    private(set) var names: BriefingNames

    init(articles: [AnnotatedArticle]) {
        let count = articles.reduce(0) { $0 + $1.entities.count }
        // Not reserved for as many forms as entities: a feed repeats its names (22,000 articles of the
        // 100 MB feed have 650,000 entities, about 4,000 distinct names), and an empty table that size
        // was tens of megabytes.
        names = BriefingNames()
        article.reserveCapacity(count)
        kind.reserveCapacity(count)
        localID.reserveCapacity(count)
        mentions.reserveCapacity(count)
        formsStart.reserveCapacity(count + 1)
        // Fields read in place: copying each `Entity` out retained all its strings and arrays.
        for number in articles.indices {
            for position in articles[number].entities.indices {
                let entityKind = articles[number].entities[position].kind
                let isPerson = entityKind == .person
                article.append(number)
                kind.append(entityKind)
                localID.append(articles[number].entities[position].id)
                mentions.append(articles[number].entities[position].mentions)
                forms.append(names.form(articles[number].entities[position].name, ofPerson: isPerson))
                for alias in articles[number].entities[position].aliases { forms.append(names.form(alias, ofPerson: isPerson)) }
                formsStart.append(forms.count)
            }
        }
    }

    var count: Int { article.count }
    var indices: Range<Int> { 0..<article.count }

    /// The member's name's form.
    func nameForm(_ member: Int) -> Int32 { forms[formsStart[member]] }
    /// Its name's form and its aliases' forms.
    func allForms(_ member: Int) -> ArraySlice<Int32> { forms[formsStart[member]..<formsStart[member + 1]] }
    /// Its aliases' forms.
    func aliasForms(_ member: Int) -> ArraySlice<Int32> { forms[(formsStart[member] + 1)..<formsStart[member + 1]] }
}
