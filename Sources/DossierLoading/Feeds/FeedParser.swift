/// Reads RSS 2.0 (and RSS 1.0/RDF), Atom 1.0 and OPML with libxml2's XML reader, one node at a time:
/// the elements a reader needs are picked out by name, everything else is passed over.
public enum FeedParser {
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"

    /// The text being gathered for one field, until the element that opened it closes.
    private struct OpenField {
        var name: String
        var depth: Int
        var text = ""
    }

    public static func parse(_ bytes: [UInt8]) -> Result<Feed, FeedError> {
        let reader = XMLStreamReader(bytes: bytes)
        var feed: Feed?
        var item: FeedItem?
        var field: OpenField?
        var inOPMLHead = false
        while let node = reader.next() {
            switch node {
            case .start(let name, let namespace, let depth, let isEmpty):
                guard var current = feed else {
                    switch name.lowercased() {
                    case "rss", "rdf": feed = Feed(kind: .rss)
                    case "feed": feed = Feed(kind: .atom)
                    case "opml": feed = Feed(kind: .opml)
                    default: return .failure(FeedError(reason: "not a feed: its first element is <\(name)>, not <rss>, <feed> or <opml>"))
                    }
                    continue
                }
                // Markup inside a field (an Atom title of type xhtml): its text is gathered with the rest.
                if field != nil { continue }
                var opened: String?
                switch current.kind {
                case .opml:
                    if name == "head" { inOPMLHead = true }
                    if name == "title" && inOPMLHead { opened = "feedTitle" }
                    if name == "outline", let address = reader.attribute("xmlUrl"), !address.isEmpty {
                        current.outlines.append(FeedOutline(title: reader.attribute("title") ?? reader.attribute("text"), address: address))
                    }
                case .rss:
                    if name == "item" {
                        item = FeedItem()
                    } else if item != nil {
                        opened = rssItemField(name, namespace: namespace)
                    } else if namespace != atomNamespace {
                        // The channel's own title and link, not those of its <image>.
                        if name == "title" && current.title == nil && depth <= 2 { opened = "feedTitle" }
                        if name == "link" && current.link == nil && depth <= 2 { opened = "feedLink" }
                    }
                case .atom:
                    if name == "entry" {
                        item = FeedItem()
                    } else if name == "link" {
                        let rel = reader.attribute("rel") ?? "alternate"
                        if rel == "alternate", let href = reader.attribute("href") {
                            if item != nil { if item?.link == nil { item?.link = href } } else if current.link == nil { current.link = href }
                        }
                    } else if item != nil {
                        if name == "content" && reader.attribute("type") == "xhtml" {
                            item?.content = reader.innerMarkupAndSkip()
                        } else {
                            opened = atomEntryField(name)
                        }
                    } else if name == "title" && current.title == nil {
                        opened = "feedTitle"
                    }
                }
                feed = current
                if let opened {
                    if isEmpty { continue }
                    field = OpenField(name: opened, depth: depth)
                }
            case .text(let text):
                field?.text += text
            case .end(let name, _, let depth):
                if let open = field, open.depth == depth {
                    assign(open, to: &item, feed: &feed)
                    field = nil
                }
                if name == "head" { inOPMLHead = false }
                if (name == "item" || name == "entry"), let done = item {
                    feed?.items.append(done)
                    item = nil
                }
            case .other:
                break
            }
        }
        guard let feed else {
            return .failure(FeedError(reason: reader.failed ? "not a feed: the XML could not be read" : "not a feed: no <rss>, <feed> or <opml> element"))
        }
        return .success(feed)
    }

    private static func rssItemField(_ name: String, namespace: String?) -> String? {
        switch name {
        case "title": return "title"
        case "link": return namespace == atomNamespace ? nil : "link"
        case "pubDate", "date", "published": return "date"
        case "description": return "summary"
        case "encoded" where namespace == contentNamespace: return "content"
        case "guid": return "id"
        case "author", "creator": return "author"
        default: return nil
        }
    }

    private static func atomEntryField(_ name: String) -> String? {
        switch name {
        case "title": return "title"
        case "published": return "date"
        case "updated": return "updated"
        case "summary": return "summary"
        case "content": return "content"
        case "id": return "id"
        case "name": return "author"
        default: return nil
        }
    }

    private static func assign(_ field: OpenField, to item: inout FeedItem?, feed: inout Feed?) {
        let text = field.text.trimmingWhitespace
        guard !text.isEmpty else { return }
        switch field.name {
        case "feedTitle": if feed?.title == nil { feed?.title = FeedText.oneLine(text) }
        case "feedLink": if feed?.link == nil { feed?.link = text }
        case "title": item?.title = FeedText.oneLine(text)
        case "link": if item?.link == nil { item?.link = text }
        case "date": item?.date = text
        case "updated": if item?.date == nil { item?.date = text }
        case "summary": item?.summary = text
        case "content": item?.content = text
        case "id": item?.id = text
        case "author": if item?.author == nil { item?.author = FeedText.oneLine(text) }
        default: break
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
