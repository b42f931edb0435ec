/// A feed as read from its XML: RSS 2.0 (and 1.0), Atom 1.0, or an OPML list of feeds.
public struct Feed: Sendable, Equatable {
    public enum Kind: String, Sendable { case rss, atom, opml }

    public var kind: Kind
    /// The channel's or the outline's title.
    public var title: String?
    /// The site the feed belongs to (RSS channel link, Atom alternate link).
    public var link: String?
    public var items: [FeedItem] = []
    /// OPML only: the feeds it lists.
    public var outlines: [FeedOutline] = []
}

/// One item of a feed (an RSS `item`, an Atom `entry`), its fields as the feed gives them.
public struct FeedItem: Sendable, Equatable {
    public var title: String?
    public var link: String?
    /// As written (RFC 822 in RSS, RFC 3339 in Atom); `FeedDate` makes "2026-11-28" of it.
    public var date: String?
    public var author: String?
    /// A short text or HTML fragment (RSS description, Atom summary).
    public var summary: String?
    /// The full text as HTML, when the feed carries it (content:encoded, Atom content).
    public var content: String?
    /// A permanent identifier (RSS guid, Atom id): the item's source when it has no link.
    public var id: String?

    public init(title: String? = nil, link: String? = nil, date: String? = nil, author: String? = nil,
                summary: String? = nil, content: String? = nil, id: String? = nil) {
        self.title = title
        self.link = link
        self.date = date
        self.author = author
        self.summary = summary
        self.content = content
        self.id = id
    }
}

/// One feed listed in an OPML file.
public struct FeedOutline: Sendable, Equatable {
    public var title: String?
    public var address: String
}

/// Why bytes are not a feed.
public struct FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
