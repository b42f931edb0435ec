/// Finds the element(s) of a page that hold the article body, readability-style: drop chrome,
/// score every container by the paragraphs under it (length, commas), discount link-heavy ones,
/// take the best, add siblings that score well, then prune link lists and furniture inside.
struct ArticleBodyFinder: Sendable {
    /// Which heuristics an attempt uses; later attempts relax them when the first finds too little.
    struct Attempt: Sendable {
        var stripUnlikely = true
        var stripChrome = true
        var weightClasses = true
        var cleanConditionally = true
    }

    /// The chosen subtrees, in document order, and the nodes inside them to leave out.
    struct Selection: Sendable {
        var roots: [Int]
        var removed: [Bool]
    }

    /// Below this many characters an attempt is taken to have missed the article (readability's figure).
    static let enoughText = 500

    let tree: PageTree
    let body: Int

    init(tree: PageTree) {
        self.tree = tree
        body = tree.first(tag: "body") ?? (tree.count > 0 ? 0 : -1)
    }

    /// The article body as blocks of text, trying stricter heuristics first.
    func blocks() -> TextBlocks {
        guard body >= 0 else { return TextBlocks() }
        let attempts = [
            Attempt(),
            Attempt(stripUnlikely: false),
            Attempt(stripUnlikely: false, weightClasses: false),
            Attempt(stripUnlikely: false, stripChrome: false, weightClasses: false, cleanConditionally: false),
        ]
        // Only two of the whole page's statistics are kept across the attempts, not all thirteen arrays.
        let base = SubtreeStatistics.PageFacts(SubtreeStatistics(tree: tree, removed: nil))
        var best = TextBlocks()
        var bestSubstance = 0
        for attempt in attempts {
            let result = BlockTextWriter(tree: tree).blocks(of: select(attempt, base: base))
            let length = (0..<result.count).reduce(0) { $0 + result.scalarCount(of: $1) }
            if length >= ArticleBodyFinder.enoughText && best.isEmpty { return result }
            // A relaxed attempt must bring real paragraphs, not just the menus and teasers the
            // stricter one rightly dropped: short pages (a paywalled lead) stay short.
            let substance = ArticleBodyFinder.substance(result)
            if best.isEmpty || substance > bestSubstance * 3 / 2 { best = result; bestSubstance = substance }
        }
        return best
    }

    /// Characters in blocks long enough to be sentences rather than links, labels or captions.
    static func substance(_ blocks: TextBlocks) -> Int {
        (0..<blocks.count).reduce(0) { total, block in
            let length = blocks.scalarCount(of: block)
            return length >= 80 ? total + length : total
        }
    }

    /// One attempt: `base` holds the statistics of the whole page, before anything is dropped.
    func select(_ attempt: Attempt, base: SubtreeStatistics.PageFacts) -> Selection {
        let n = tree.count
        let removed = prune(attempt, base: base)
        let stats = SubtreeStatistics(tree: tree, removed: removed)
        var scores = CandidateScores(count: n)
        score(attempt, stats: stats, removed: removed, into: &scores)
        guard var top = scores.best() else { return Selection(roots: [body], removed: removed) }
        top = refine(top, scores: &scores, attempt: attempt)
        let roots = withSiblings(of: top, scores: scores, stats: stats, removed: removed)
        var finalRemoved = removed
        if attempt.cleanConditionally {
            for root in roots { clean(root, attempt: attempt, stats: stats, scores: scores, removed: &finalRemoved) }
        }
        return Selection(roots: roots, removed: finalRemoved)
    }

    // MARK: - Dropping chrome

    private func prune(_ attempt: Attempt, base: SubtreeStatistics.PageFacts) -> [Bool] {
        var removed = Array(repeating: false, count: tree.count)
        let pageParagraphs = base.longParagraphs[body]
        for i in 0..<tree.count {
            let parent = tree.parent(i)
            if parent >= 0 && removed[parent] { removed[i] = true; continue }
            guard !tree.isText(i), i != body else { continue }
            let tag = tree.tag(i)
            guard tag != "html" else { continue }
            if ElementClassifier.isHidden(tree, i) { removed[i] = true; continue }
            if base.containsArticleBody[i] { continue }
            // An element holding most of the page's real paragraphs is the article whatever its name says.
            let holdsArticle = base.longParagraphs[i] >= 3 && base.longParagraphs[i] * 2 > pageParagraphs
            if attempt.stripChrome && tree.traits(i).contains(.chrome) {
                let keep = tag == "header" || tag == "form" ? base.longParagraphs[i] >= 3 : holdsArticle
                if !keep { removed[i] = true; continue }
            }
            if attempt.stripUnlikely && !ArticleBodyFinder.neverUnlikelyTags.contains(tag) && !holdsArticle
                && ElementClassifier.isUnlikely(tree, i) {
                removed[i] = true
            }
        }
        return removed
    }

    /// Tags never dropped for what their class or id says.
    static let neverUnlikelyTags = ["body", "article", "main", "a"]

    // MARK: - Scoring

    /// Readability's content score per candidate container.
    struct CandidateScores: Sendable {
        var score: [Double]
        var isCandidate: [Bool]

        init(count: Int) {
            score = Array(repeating: 0, count: count)
            isCandidate = Array(repeating: false, count: count)
        }

        func best() -> Int? {
            var best: Int?
            for i in score.indices where isCandidate[i] {
                if best == nil || score[i] > score[best!] { best = i }
            }
            return best
        }
    }

    static let paragraphTags: Set<String> = ["p", "pre"]
    /// Containers that read as a paragraph when they hold no block of their own.
    static let divLikeTags: Set<String> = ["div", "section", "article", "main", "td", "th", "blockquote", "center", "dd"]

    private func initialize(_ i: Int, _ attempt: Attempt, into scores: inout CandidateScores) {
        guard !scores.isCandidate[i] else { return }
        let tag = tree.tag(i)
        var value = ElementClassifier.tagWeight(tag)
        if attempt.weightClasses { value += ElementClassifier.classWeight(tree, i) }
        // The page's own markup of its article: strong hints, but the paragraphs still decide.
        if ElementClassifier.isArticleBody(tree, i) { value += 30 }
        if tag == "article" { value += 10 }
        if tag == "main" { value += 5 }
        scores.isCandidate[i] = true
        scores.score[i] = value
    }

    private func score(_ attempt: Attempt, stats: SubtreeStatistics, removed: [Bool], into scores: inout CandidateScores) {
        let end = tree.subtreeEnd(body)
        for i in body..<end where !removed[i] {
            if tree.isText(i) { continue }
            var length = 0, commaCount = 0, anchor = -1
            let traits = tree.traits(i)
            if traits.contains(.paragraph) || (traits.contains(.divLike) && !stats.hasBlockChild[i]) {
                length = Int(stats.text[i]); commaCount = Int(stats.commas[i]); anchor = tree.parent(i)
            } else if traits.contains(.divLike) {
                // Text written straight into a container is a paragraph of that container.
                length = Int(stats.inlineText[i]); commaCount = Int(stats.inlineCommas[i]); anchor = i
            }
            guard anchor >= 0, length >= 25 else { continue }
            let contentScore = 1.0 + Double(commaCount) + Double(min(length / 100, 3))
            var ancestor = anchor, level = 0
            while ancestor >= 0 && level <= 5 && tree.tag(ancestor) != "html" {
                initialize(ancestor, attempt, into: &scores)
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                scores.score[ancestor] += contentScore / divider
                if ancestor == body { break }
                ancestor = tree.parent(ancestor)
                level += 1
            }
        }
        for i in scores.score.indices where scores.isCandidate[i] {
            scores.score[i] *= 1 - stats.linkDensity(i)
        }
    }

    // MARK: - Choosing the container

    /// Moves up from the best candidate when several near-best candidates share an ancestor or
    /// the parent scores as well: the article is often split over sibling containers.
    private func refine(_ start: Int, scores: inout CandidateScores, attempt: Attempt) -> Int {
        var top = start
        let topScore = scores.score[top]
        let alternatives = scores.score.indices
            .filter { scores.isCandidate[$0] && $0 != top }
            .sorted { scores.score[$0] > scores.score[$1] }
            .prefix(4)
            .filter { topScore > 0 && scores.score[$0] / topScore >= 0.75 }
        if alternatives.count >= 3 {
            var ancestor = tree.parent(top)
            while ancestor >= 0 && ancestor != body {
                if alternatives.filter({ tree.isAncestor(ancestor, of: $0) }).count >= 3 {
                    top = ancestor
                    break
                }
                ancestor = tree.parent(ancestor)
            }
            initialize(top, attempt, into: &scores)
        }
        var parent = tree.parent(top)
        var lastScore = scores.score[top]
        let threshold = lastScore / 3
        while parent >= 0 && parent != body && tree.tag(parent) != "html" {
            if !scores.isCandidate[parent] { parent = tree.parent(parent); continue }
            let parentScore = scores.score[parent]
            if parentScore < threshold { break }
            if parentScore > lastScore { top = parent; break }
            lastScore = parentScore
            parent = tree.parent(parent)
        }
        // A lone child says nothing its parent doesn't; the parent may hold siblings worth adding.
        while top != body, tree.parent(top) >= 0, tree.parent(top) != body,
              tree.children(of: tree.parent(top)).filter({ !tree.isText($0) }).count == 1 {
            top = tree.parent(top)
        }
        return top
    }

    private func withSiblings(of top: Int, scores: CandidateScores, stats: SubtreeStatistics, removed: [Bool]) -> [Int] {
        let parent = tree.parent(top)
        guard top != body, parent >= 0 else { return [top] }
        let topScore = scores.score[top]
        let threshold = max(10, topScore * 0.2)
        let topClass = tree.attribute("class", of: top) ?? ""
        var roots: [Int] = []
        for sibling in tree.children(of: parent) where !removed[sibling] && !tree.isText(sibling) {
            if sibling == top { roots.append(sibling); continue }
            let tag = tree.tag(sibling)
            let bonus = !topClass.isEmpty && tree.attribute("class", of: sibling) == topClass ? topScore * 0.2 : 0
            if scores.isCandidate[sibling] && scores.score[sibling] + bonus >= threshold {
                roots.append(sibling)
                continue
            }
            let readsAsParagraph = tag == "p" || (tree.traits(sibling).contains(.divLike) && !stats.hasBlockChild[sibling])
            guard readsAsParagraph else { continue }
            let length = Int(stats.text[sibling]), density = stats.linkDensity(sibling)
            if length > 80 && density < 0.25 {
                roots.append(sibling)
            } else if length > 0 && length <= 80 && density == 0 && tree.collapsedText(of: sibling).hasSuffix(".") {
                roots.append(sibling)
            }
        }
        return roots
    }

    // MARK: - Pruning inside the article

    static let conditionalTags: Set<String> = ["form", "fieldset", "table", "ul", "ol", "div", "section", "aside", "figure", "dl"]

    private func clean(_ root: Int, attempt: Attempt, stats: SubtreeStatistics, scores: CandidateScores, removed: inout [Bool]) {
        let end = tree.subtreeEnd(root)
        guard root + 1 < end else { return }
        for i in (root + 1)..<end {
            if removed[tree.parent(i)] { removed[i] = true; continue }
            if removed[i] || tree.isText(i) { continue }
            let tag = tree.tag(i)
            let weight = attempt.weightClasses ? ElementClassifier.classWeight(tree, i) : 0
            if tree.traits(i).contains(.heading) {
                // A linked heading is a section title ("Satechi 72W Car Charger") only when a paragraph follows it;
                // otherwise it is a call to action or a teaser ("Click here to subscribe").
                if weight < 0 || (stats.linkDensity(i) > 0.5 && !isFollowedByParagraph(i, stats: stats, removed: removed)) {
                    removed[i] = true
                }
                continue
            }
            // A paragraph that is (nearly) all link is a teaser for another story ("SEE MORE: …").
            if tag == "p" && stats.text[i] > 0 {
                let density = stats.linkDensity(i)
                if density >= 0.75 || (density >= 0.6 && stats.text[i] < 150) { removed[i] = true; continue }
            }
            // Bylines, time stamps and author boxes: the page's metadata, not the article's text.
            if stats.text[i] < 500 && stats.longParagraphs[i] < 2 && ElementClassifier.isArticleFurniture(tree, i) {
                removed[i] = true
                continue
            }
            guard tree.traits(i).contains(.conditional) else { continue }
            // Embedded tweets and posts are link-heavy by nature but quoted on purpose.
            if ElementClassifier.isEmbeddedPost(tree, i) { continue }
            if shouldDrop(i, weight: weight, stats: stats, scores: scores) { removed[i] = true }
        }
    }

    private func isFollowedByParagraph(_ heading: Int, stats: SubtreeStatistics, removed: [Bool]) -> Bool {
        let parent = tree.parent(heading)
        guard parent >= 0 else { return false }
        var after = false
        for sibling in tree.children(of: parent) {
            if sibling == heading { after = true; continue }
            guard after, !removed[sibling], stats.text[sibling] > 0 else { continue }
            if tree.isText(sibling) { continue }
            return stats.text[sibling] >= 80 && stats.linkDensity(sibling) < 0.5
        }
        return false
    }

    /// Readability's "clean conditionally": few commas plus many images, list items, links or no text.
    private func shouldDrop(_ i: Int, weight: Double, stats: SubtreeStatistics, scores: CandidateScores) -> Bool {
        let tag = tree.tag(i)
        let contentScore = scores.isCandidate[i] ? scores.score[i] : 0
        if weight + contentScore < 0 { return true }
        let length = Int(stats.text[i])
        let isList = tag == "ul" || tag == "ol" || (length > 0 && Double(stats.listText[i]) / Double(length) > 0.9)
        let density = stats.linkDensity(i)
        // A list that is mostly links inside an article is "related stories" or a tag cloud.
        if isList && density > 0.5 { return true }
        guard stats.commas[i] < 10 else { return false }
        let paragraphs = Int(stats.paragraphs[i]), images = Int(stats.images[i]), items = Int(stats.listItems[i]) - 100
        let headingDensity = length > 0 ? Double(stats.headingText[i]) / Double(length) : 0
        if images > 1 && Double(paragraphs) / Double(images) < 0.5 { return true }
        if !isList && items > paragraphs { return true }
        if !isList && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) { return true }
        if !isList && weight < 25 && density > 0.2 { return true }
        if weight >= 25 && density > 0.5 { return true }
        return false
    }
}
