/// The texts the loopback server serves: a small news site about an invented harbour town.
public enum LoopbackPages {
    public static let feedTitle = "Kestrel Bay Tidings"
    public static let storyTitles = [
        "Harbour council approves the new ferry terminal",
        "Ysolde Marrin named director of the Velmora Trust",
        "Storm closes the northern breakwater for a week",
    ]
    /// A sentence found only on each story's page, never in the feed.
    public static func pageOnlySentence(_ number: Int) -> String {
        "The full report on item \(number) was read by Orlan Pevensey, the harbourmaster, who said the work would take \(number + 2) months."
    }

    public static func rssFeed(base: String) -> String {
        let items = (1...storyTitles.count).map { number in
            """
                <item>
                  <title>\(storyTitles[number - 1])</title>
                  <link>\(base)/story/\(number).html</link>
                  <pubDate>Tue, 0\(number) Dec 2026 09:30:00 GMT</pubDate>
                  <description><![CDATA[<p>A short teaser for item \(number).</p>]]></description>
                  <guid isPermaLink="false">kestrel-\(number)</guid>
                </item>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>\(feedTitle)</title>
                <link>\(base)/</link>
                <atom:link href="\(base)/feed.xml" rel="self" type="application/rss+xml"/>
                <description>News from the harbour</description>
            \(items)
              </channel>
            </rss>
            """
    }

    /// An Atom feed with relative links and one entry that carries its whole text.
    public static func atomFeed() -> String {
        let longText = (1...40).map { "Paragraph \($0) of the long entry says the quay at Kestrel Bay was rebuilt in stone." }
            .map { "<p>\($0)</p>" }.joined()
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(feedTitle) (Atom)</title>
              <link href="/" rel="alternate"/>
              <entry>
                <title>\(storyTitles[0])</title>
                <link href="/story/1.html" rel="alternate"/>
                <id>urn:kestrel:1</id>
                <published>2026-12-01T09:30:00Z</published>
                <summary>A short teaser.</summary>
              </entry>
              <entry>
                <title type="html">Quay rebuilt &amp;amp; reopened</title>
                <id>urn:kestrel:long</id>
                <updated>2026-12-02T10:00:00Z</updated>
                <content type="html">\(longText.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))</content>
              </entry>
            </feed>
            """
    }

    public static func opml() -> String {
        """
        <?xml version="1.0"?>
        <opml version="2.0">
          <head><title>My harbour feeds</title></head>
          <body>
            <outline text="News"><outline text="Ledger" type="rss" xmlUrl="/feed.xml"/></outline>
            <outline text="Ledger (Atom)" type="rss" xmlUrl="/atom.xml"/>
          </body>
        </opml>
        """
    }

    /// Story 3's page does not name its site in its metadata: its <title> stays "Title | Site".
    public static func story(_ number: Int) -> String {
        page(title: storyTitles[number - 1], namesSite: number != 3, paragraphs: [
            "KESTREL BAY, Dec. \(number) — \(storyTitles[number - 1]) after a long debate on Monday evening, officials said.",
            pageOnlySentence(number),
            "“We have waited a long time for this,” said Brannoc Quillfeather, a ferry captain, adding that the quay had been closed twice this year.",
            "The council will meet again in January to set the budget, which stands at 4.2 million crowns for the first phase.",
        ])
    }

    public static func changingStory(revision: Int) -> String {
        page(title: "Ferry timetable for the winter", paragraphs: [
            "KESTREL BAY — The winter timetable starts on Monday, the ferry office said.",
            "Boats leave the north quay every \(revision == 1 ? "forty" : "thirty") minutes from six in the morning.",
            "The last boat of the day leaves at ten in the evening, as it did last winter.",
            revision == 1 ? "Tickets cost the same as last year." : "Tickets now cost two crowns more than last year.",
        ])
    }

    static func page(title: String, namesSite: Bool = true, paragraphs: [String]) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(title) | \(feedTitle)</title>
        \(namesSite ? "<meta property=\"og:site_name\" content=\"\(feedTitle)\">" : "")</head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>\(title)</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article><footer>© \(feedTitle)</footer></body></html>
        """
    }
}
