/// Which briefing entity each article's own entity belongs to, found from the article's own id.
///
/// The core numbers an article's entities "e1", "e2", … in order, so the id gives the entity's
/// place in its article and nothing needs hashing: a dictionary keyed by (article, id) cost the
/// index a tenth of its time over a large feed. An article whose ids are not so numbered (made
/// by hand, say) has a dictionary of its own, filled as that one was.
struct LocalEntityPositions: Sendable {
    /// The briefing entity of member m (`BriefingMembers` order).
    private let positionOfMember: [Int]
    /// Article a's members are `articleStart[a]..<articleStart[a + 1]`.
    private let articleStart: [Int]
    private let positionsByIDOfArticle: [Int: [String: Int]]

    init(_ members: BriefingMembers, articleCount: Int, positionOfMember: [Int]) {
        var articleStart = [Int](repeating: 0, count: articleCount + 1)
        for article in members.article { articleStart[article + 1] += 1 }
        for article in 0..<articleCount { articleStart[article + 1] += articleStart[article] }
        var positionsByIDOfArticle: [Int: [String: Int]] = [:]
        for article in 0..<articleCount {
            let range = articleStart[article]..<articleStart[article + 1]
            guard !range.indices.allSatisfy({ LocalEntityPositions.number(members.localID[$0]) == $0 - range.lowerBound + 1 }) else { continue }
            // Later members of the same id win, as they did when all were in one dictionary filled
            // in order of briefing entity.
            var positions: [String: Int] = [:]
            for member in range.sorted(by: { (positionOfMember[$0], $0) < (positionOfMember[$1], $1) }) {
                positions[members.localID[member]] = positionOfMember[member]
            }
            positionsByIDOfArticle[article] = positions
        }
        self.positionOfMember = positionOfMember
        self.articleStart = articleStart
        self.positionsByIDOfArticle = positionsByIDOfArticle
    }

    /// The position in `BriefingIndex.entities` of the article's entity with this id.
    func position(article: Int, localID: String, in articles: [AnnotatedArticle]) -> Int? {
        guard articles.indices.contains(article) else { return nil }
        if let positions = positionsByIDOfArticle[article] { return positions[localID] }
        guard let number = LocalEntityPositions.number(localID), number <= articleStart[article + 1] - articleStart[article],
              articles[article].entities[number - 1].id == localID else { return nil }
        return positionOfMember[articleStart[article] + number - 1]
    }

    /// 3 for "e3"; nil for anything else.
    private static func number(_ id: String) -> Int? {
        guard id.hasPrefix("e"), let number = Int(id.dropFirst()), number >= 1 else { return nil }
        return number
    }
}
