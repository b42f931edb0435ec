/// Every article's entities in one list, in article order (within an article, in the core's order
/// of first mention), held as numbers: the merging passes read these, not the entities.
struct BriefingMembers {
    /// Member m is entity `slot[m]` of article `article[m]`.
    private(set) var article: [Int] = []
    private(set) var slot: [Int] = []
    private(set) var kind: [EntityKind] = []
    private(set) var mentionCount: [Int] = []
    /// The member's surface forms (its name, then its aliases) are
    /// `forms[formsStart[m]..<formsStart[m + 1]]`, as `BriefingNames` numbers.
    private(set) var formsStart: [Int] = [0]
    private(set) var forms: [Int32] = []
    private(set) var names: BriefingNames

    init(articles: [AnnotatedArticle]) {
        let count = articles.reduce(0) { $0 + $1.entities.count }
        names = BriefingNames(expectedForms: count)
        article.reserveCapacity(count)
        slot.reserveCapacity(count)
        kind.reserveCapacity(count)
        mentionCount.reserveCapacity(count)
        formsStart.reserveCapacity(count + 1)
        // Fields read in place: copying each `Entity` out retained all its strings and arrays.
        for number in articles.indices {
            for position in articles[number].entities.indices {
                let entityKind = articles[number].entities[position].kind
                let isPerson = entityKind == .person
                article.append(number)
                slot.append(position)
                kind.append(entityKind)
                mentionCount.append(articles[number].entities[position].mentions.count)
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
