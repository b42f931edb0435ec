import DossierCore

/// A feed's items as articles: each titled by the item, with its link, date and the feed's name kept.
/// An item that carries its full text is read from the feed; one that carries only a summary is read
/// from the page at its link, with the web page extraction every saved page goes through.
enum FeedArticles {
    /// An item with fewer words of its own than this is a teaser: its article is at its link.
    static let fullTextWords = 150

    /// The articles of a feed (or of every feed an OPML file lists); item pages left to fetch.
    static func entries(ofFeed bytes: [UInt8], source: String, base: String?, loader: ArticleLoader, nested: Bool = false) -> [SourceEntry] {
        let feed: Feed
        switch FeedParser.parse(bytes) {
        case .failure(let error): return [SourceEntry(source, .failure(.unparsable(source, reason: error.reason)))]
        case .success(let parsed): feed = parsed
        }
        if feed.kind == .opml {
            if nested { return [SourceEntry(source, .failure(.unparsable(source, reason: "an OPML list inside an OPML list is not followed")))] }
            if feed.outlines.isEmpty { return [SourceEntry(source, .failure(.unparsable(source, reason: "this OPML file lists no feeds (no outline with an xmlUrl)")))] }
            return feed.outlines.flatMap { outline in
                let address = WebAddress.resolve(outline.address, against: base)
                // A list fetched from the web names web feeds only: it must not make Dossier read local files.
                if base != nil && !WebAddress.isWebAddress(address) {
                    return [SourceEntry(address, .failure(.unparsable(source, reason: "lists \(address.prefix(80)), which is not a web address")))]
                }
                return loader.documents(in: address, insideOPML: true)
            }
        }
        if feed.items.isEmpty { return [SourceEntry(source, .failure(.unparsable(source, reason: "this feed has no items")))] }
        return feed.items.enumerated().map { number, item in
            entry(for: item, number: number + 1, of: feed, feedSource: source, base: base ?? feed.link)
        }
    }

    static func entry(for item: FeedItem, number: Int, of feed: Feed, feedSource: String, base: String?) -> SourceEntry {
        let link = item.link.map { WebAddress.resolve($0, against: base) }.flatMap { WebAddress.isWebAddress($0) ? $0 : nil }
        // The link names the article for the notes database, so that notes follow it across refreshes.
        let source = link ?? item.id.flatMap { WebAddress.isWebAddress($0) ? $0 : nil } ?? "\(feedSource)#\(number)"
        let ownText = FeedText.body(of: item.content ?? item.summary ?? "")
        var metadata: [String: String] = [:]
        if let link { metadata["url"] = link }
        if let date = item.date { metadata["date"] = FeedDate.isoDay(date) ?? date }
        if let name = feed.title { metadata["source"] = name }
        if let author = item.author { metadata["author"] = author }
        let title = item.title.map(FeedText.title).flatMap { $0.isEmpty ? nil : $0 }
        let document = SourceDocument(text: withTitle(title, ownText), format: .feed, titleHint: title,
                                      removeBoilerplate: false, metadata: metadata)
        if FeedText.words(in: ownText, upTo: fullTextWords) >= fullTextWords || link == nil {
            if ownText.isEmpty {
                return SourceEntry(source, .failure(.unparsable(source, reason: "this feed item has no text and no link to its page")))
            }
            return SourceEntry(source, .success(document))
        }
        return SourceEntry(source, .success(document), pageAddress: link)
    }

    /// The item's article from its fetched page, keeping what the feed said about it.
    static func finish(_ summary: SourceDocument, page: Result<WebPage, FetchError>?, source: String,
                       loader: ArticleLoader) -> Result<SourceDocument, InputError> {
        let address = summary.metadata["url"] ?? source
        guard let page else { return .failure(.unreadable(source, reason: "its page was not fetched")) }
        switch page {
        case .failure(let error):
            return .failure(.fetchFailed(address, error))
        case .success(let page):
            let read = loader.documents(fromBytes: page.body, source: source, pathHint: page.hint, base: page.finalURL)
            guard read.count == 1, case .success(var document) = read[0].result else {
                if read.count == 1, case .failure(let error) = read[0].result { return .failure(error) }
                return .failure(.unparsable(address, reason: "the item's page is not one article"))
            }
            // The feed's title, link, date and name win: the page may name its site instead of its story.
            for (key, value) in summary.metadata { document.metadata[key] = value }
            // The article is titled by the item: the page's own title ("Story | Site") and its headline
            // repeated under it give way to the item's title.
            if let title = summary.titleHint {
                var body = document.text
                if let pageTitle = document.titleHint, body.hasPrefix(pageTitle) { body = String(body.dropFirst(pageTitle.count)).trimmingWhitespace }
                if body.hasPrefix(title) { body = String(body.dropFirst(title.count)).trimmingWhitespace }
                document.text = withTitle(title, body)
                document.titleHint = title
            }
            return .success(document)
        }
    }

    /// The text with the title as its first paragraph, once.
    static func withTitle(_ title: String?, _ text: String) -> String {
        guard let title, !text.hasPrefix(title) else { return text }
        return text.isEmpty ? title : title + "\n\n" + text
    }
}
