/// Reads what an element's tag, class, id and role say about it: chrome, content, or neither.
///
/// The word lists are the general vocabulary of web page templates (the ones readability and
/// similar extractors use), never the names of particular sites.
enum ElementClassifier {
    /// Page chrome (and captions) by tag: dropped unless it turns out to hold the article.
    static let chromeTags: Set<String> = ["nav", "aside", "footer", "header", "form", "menu", "figcaption"]

    /// Block-level tags: they start a new block of text when rendered.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "br",
    ]

    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Words in class/id that mark navigation, ads, comments and other furniture, matched inside
    /// longer names ("site-sidebar", "commentList").
    static let unlikelyFragments = [
        "sidebar", "comment", "footer", "breadcrumb", "newsletter", "subscribe", "cookie", "social", "share",
        "sharing", "related", "promo", "sponsor", "advert", "banner", "menu", "navbar", "navigation", "popup",
        "modal", "gdpr", "consent", "disqus", "outbrain", "taboola", "skyscraper", "shoutbox", "pagination",
        "pager", "signup", "sign-up", "masthead", "recirc", "trending", "most-popular", "mostpopular",
        "combx", "community", "remark", "replies", "agegate", "paywall", "recommend", "widget", "caption", "copyright",
    ]

    /// Whole words (class names split on punctuation) too short to match inside other words.
    static let unlikelyWords: Set<String> = ["ad", "ads", "nav", "rss", "tags", "toolbar", "tools"]

    /// Fragments that keep an element even when an unlikely word also matches ("article-comments-count" stays
    /// only if it also says article/body/content; readability's "maybe candidate" list).
    static let maybeFragments = ["article", "body", "content", "main", "story", "entry", "post-text", "column", "shadow", "embed", "tweet"]

    static let positiveFragments = ["article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story"]
    static let negativeFragments = [
        "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "masthead", "media", "meta", "outbrain",
        "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
        "tool", "widget", "social", "newsletter", "subscribe", "breadcrumb", "caption", "credit", "byline", "author",
    ]

    /// Words in class/id of the furniture found inside an article container: bylines, author
    /// boxes, time stamps, disclosures. Matched as fragments, except `bio`, a whole word.
    static let articleFurnitureFragments = [
        "byline", "author", "timestamp", "disclosure", "disclaimer", "print-", "postinfo", "post-info", "postmeta",
        "post-meta", "entry-meta", "entry-utility", "postdate", "post-date",
    ]

    static func isArticleFurniture(_ tree: PageTree, _ node: Int) -> Bool {
        let names = names(tree, node)
        guard names.count > 1 else { return false }
        if articleFurnitureFragments.contains(where: { names.contains($0) }) { return true }
        return names.hasWord("bio")
    }

    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search"]

    /// class + id, lower-cased, for matching.
    static func names(_ tree: PageTree, _ node: Int) -> ClassNames {
        ClassNames(((tree.attribute("class", of: node) ?? "") + " " + (tree.attribute("id", of: node) ?? "")).lowercased())
    }

    /// Whether the element's class, id or role say it is navigation, an ad, comments or similar.
    static func isUnlikely(_ tree: PageTree, _ node: Int) -> Bool {
        if let role = tree.attribute("role", of: node)?.lowercased(), unlikelyRoles.contains(role) { return true }
        let names = names(tree, node)
        guard names.count > 1 else { return false }
        let unlikely = unlikelyFragments.contains { names.contains($0) } || unlikelyWords.contains { names.hasWord($0) }
        guard unlikely else { return false }
        return !maybeFragments.contains { names.contains($0) }
    }

    /// Readability's class weight: +25 for a content-like class and id each, −25 for a chrome-like one.
    static func classWeight(_ tree: PageTree, _ node: Int) -> Double {
        var weight = 0.0
        for value in [tree.attribute("class", of: node), tree.attribute("id", of: node)] {
            guard let lowered = value?.lowercased(), !lowered.isEmpty else { continue }
            let value = ClassNames(lowered)
            // Embedded posts and tweets are quoted into the article on purpose, whatever else the class says.
            if !value.contains("embed") && !value.contains("tweet"), negativeFragments.contains(where: { value.contains($0) }) || value.hasWord("ad") || value.hasWord("ads") { weight -= 25 }
            if positiveFragments.contains(where: { value.contains($0) }) { weight += 25 }
        }
        return weight
    }

    /// An embedded tweet or post: link-heavy by nature, but quoted into the article on purpose.
    static func isEmbeddedPost(_ tree: PageTree, _ node: Int) -> Bool {
        let names = names(tree, node)
        return names.contains("embed") || names.contains("tweet")
    }

    /// Hidden by attribute or inline style: not shown to a reader, so not part of the article.
    static func isHidden(_ tree: PageTree, _ node: Int) -> Bool {
        if tree.attribute("hidden", of: node) != nil { return true }
        if tree.attribute("aria-hidden", of: node)?.lowercased() == "true" { return true }
        if let style = tree.attribute("style", of: node)?.lowercased() {
            let compact = String(style.unicodeScalars.filter { $0 != " " }.map(Character.init))
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }

    /// Schema.org's article body marker: the strongest hint a page gives.
    static func isArticleBody(_ tree: PageTree, _ node: Int) -> Bool {
        guard let prop = tree.attribute("itemprop", of: node)?.lowercased() else { return false }
        return prop.split(separator: " ").contains("articlebody")
    }

    /// Readability's starting score for a candidate container, by tag.
    static func tagWeight(_ tag: String) -> Double {
        switch tag {
        case "div", "article", "main": return 5
        case "pre", "td", "blockquote", "section": return 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
        default: return 0
        }
    }
}
