import Testing
@testable import DossierLoading

@Suite struct FeedParserTests {
    func parse(_ xml: String) -> Result<Feed, FeedError> { FeedParser.parse(Array(xml.utf8)) }

    @Test func rssItemsKeepTitleLinkDateSummaryAndFullContent() throws {
        let feed = try parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>Cove Wire</title><link>http://cove.invalid/</link>
            <atom:link href="http://cove.invalid/rss" rel="self"/>
            <image><title>logo title</title><link>http://cove.invalid/logo</link></image>
            <item><title>Ferry  back
              on time</title><link>http://cove.invalid/ferry</link><dc:date>2026-12-02T08:00:00Z</dc:date>
            <description>Teaser &amp; more</description><content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded>
            <dc:creator>Mira Tolland</dc:creator></item>
            <item><title>Second</title><guid>http://cove.invalid/second</guid></item>
            </channel></rss>
            """).get()
        #expect(feed.kind == .rss)
        #expect(feed.title == "Cove Wire")
        #expect(feed.link == "http://cove.invalid/")
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.title == "Ferry back on time")
        #expect(first.link == "http://cove.invalid/ferry")
        #expect(first.date == "2026-12-02T08:00:00Z")
        #expect(first.summary == "Teaser & more")
        #expect(first.content == "<p>Full text.</p>")
        #expect(first.author == "Mira Tolland")
        #expect(feed.items[1].link == nil && feed.items[1].id == "http://cove.invalid/second")
    }

    @Test func atomEntriesTakeTheAlternateLinkAndXHTMLContentAsMarkup() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Cove (Atom)</title>
            <link rel="self" href="http://cove.invalid/atom"/><link href="http://cove.invalid/"/>
            <entry><title>One</title><link rel="edit" href="/edit/1"/><link rel="alternate" href="/one"/>
              <updated>2026-12-03T00:00:00Z</updated><published>2026-12-01T00:00:00Z</published>
              <author><name>Mira Tolland</name></author>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <b>bold</b> paragraph.</p></div></content></entry>
            <entry><title>Two</title><summary>Only a summary.</summary></entry>
            </feed>
            """).get()
        #expect(feed.kind == .atom)
        #expect(feed.title == "Cove (Atom)")
        #expect(feed.link == "http://cove.invalid/")
        #expect(feed.items.map(\.title) == ["One", "Two"])
        #expect(feed.items[0].link == "/one")
        #expect(feed.items[0].date == "2026-12-01T00:00:00Z")
        #expect(feed.items[0].author == "Mira Tolland")
        #expect(feed.items[0].content?.contains("<b>bold</b>") == true)
        #expect(feed.items[1].summary == "Only a summary.")
    }

    @Test func opmlListsItsFeedsAtAnyDepth() throws {
        let feed = try parse("""
            <opml version="2.0"><head><title>Mine</title></head><body>
            <outline text="Group"><outline text="A" xmlUrl="http://a.invalid/rss"/></outline>
            <outline title="B" text="b" xmlUrl="/b.xml"/><outline text="no address"/></body></opml>
            """).get()
        #expect(feed.kind == .opml)
        #expect(feed.title == "Mine")
        #expect(feed.outlines == [FeedOutline(title: "A", address: "http://a.invalid/rss"), FeedOutline(title: "B", address: "/b.xml")])
    }

    @Test func otherXMLAndBrokenBytesAreNotFeeds() {
        guard case .failure(let other) = parse("<svg><g/></svg>") else { Issue.record("svg parsed as a feed"); return }
        #expect(other.reason.contains("<svg>"))
        guard case .failure = parse("\u{0}\u{1} not xml at all") else { Issue.record("garbage parsed as a feed"); return }
        // An entity that would expand (a "billion laughs" head) is not expanded: the parser stays small.
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss><channel><item><title>&c;&c;&c;</title></item></channel></rss>"
        if case .success(let feed) = parse(laughs) { #expect((feed.items.first?.title?.count ?? 0) < 10_000) }
    }

    @Test func truncatedAndCorruptedFeedsNeverCrashAndNeverInventItems() {
        let feed = Array("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Cove Wire</title>
            <item><title>One</title><link>http://cove.invalid/1</link><description><![CDATA[<p>Teaser</p>]]></description></item>
            <item><title>Two &amp; more</title><link>http://cove.invalid/2</link></item></channel></rss>
            """.utf8)
        var generator = SystemRandomNumberGenerator()
        for cut in stride(from: 0, through: feed.count, by: 3) {
            if case .success(let parsed) = FeedParser.parse(Array(feed[..<cut])) { #expect(parsed.items.count <= 2) }
        }
        for _ in 0..<200 {
            var bytes = feed
            for _ in 0..<4 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            if case .success(let parsed) = FeedParser.parse(bytes) { #expect(parsed.items.count <= 2) }
        }
    }

    @Test func feedDatesBecomeDays() {
        #expect(FeedDate.isoDay("Tue, 01 Dec 2026 09:30:00 GMT") == "2026-12-01")
        #expect(FeedDate.isoDay("3 Jan 26 10:00 +0100") == "2026-01-03")
        #expect(FeedDate.isoDay("2026-12-02T10:00:00Z") == "2026-12-02")
        #expect(FeedDate.isoDay("yesterday") == nil)
    }

    @Test func htmlFieldsBecomeTextAndPlainOnesStayAsTheyAre() {
        #expect(FeedText.body(of: "<p>One short line.</p>") == "One short line.")
        #expect(FeedText.body(of: "  Plain 3 < 4 text  ") == "Plain 3 < 4 text")
        #expect(FeedText.words(in: "one two  three\nfour", upTo: 10) == 4)
        #expect(FeedText.words(in: "one two three four", upTo: 2) == 2)
    }
}

/// Issue 16: escape sequences written as references in a feed's HTML titles and summaries go whole.
@Suite struct FeedEscapeTests {
    @Test func titlesAndSummariesLoseEscapeSequencesWhole() {
        #expect(FeedText.title("Harbour &#27;]0;PWNED-TITLE&#7;Vote &amp; more") == "Harbour Vote & more")
        #expect(FeedText.title("Harbour \u{1B}]52;c;UFdORUQ=\u{07}Vote") == "Harbour Vote")
        let summary = FeedText.body(of: "<b>Short</b> &#x1b;[2J&#x1b;[Hsummary &#27;]0;PWNED&#7;here")
        #expect(summary == "Short summary here", "\(summary)")
    }
}
