import Foundation
import Testing
import DossierCore
@testable import DossierHTML

private func packageRoot() -> String {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    return url.path
}

private func fixture(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot() + "/Tests/Fixtures/briefing/" + name)))
}

@Suite("HTMLArticleExtractor on saved pages")
struct HTMLArticleExtractorTests {
    @Test("Europa page: headline as title, body kept, navigation and footer dropped")
    func europaPage() throws {
        let document = HTMLArticleExtractor().extract(html: try fixture("06-europa-water-vapour.html"))
        #expect(document.format == .html)
        #expect(document.titleHint == "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa")
        #expect(document.text.hasPrefix("NASA Just Confirmed There Are Water Plumes"))
        #expect(document.text.contains("But while that sounds like a lot, it was only just enough to be detected from Earth."))
        #expect(document.text.contains("\"While scientists have not yet detected liquid water directly, we've found the next best thing: water in vapor form,\""))
        for chrome in ["Privacy Policy", "Comment & Opinion", "Daily Email", "jQuery"] {
            #expect(!document.text.contains(chrome), "kept page chrome: \(chrome)")
        }
        #expect(!document.removeBoilerplate)
        #expect(document.metadata["source"] == "ScienceAlert")
    }

    @Test("Iran page: <title> site suffix dropped, paragraphs separated, menus and footer dropped")
    func iranPage() throws {
        let document = HTMLArticleExtractor().extract(html: try fixture("07-iran-protests.html"))
        #expect(document.titleHint == "Amnesty. More than 100 protesters killed in Iran unrest")
        let paragraphs = document.text.components(separatedBy: "\n\n")
        #expect(paragraphs.contains("At least 106 protesters in 21 cities have been killed, according to credible reports received by Amnesty. The organization believes that the real death toll may be much higher, with some reports suggesting as many as 200 have been killed. State media have reported only a handful of protester deaths, as well as the deaths of at least four members of the security forces."))
        for chrome in ["Weather in Armenia", "Exchange rates", "Foreign Policy & Diaspora", "Advertise with us", "Historic Armenian church"] {
            #expect(!document.text.contains(chrome), "kept page chrome: \(chrome)")
        }
        // The headline opens the text once, not again as the body's <h1>.
        #expect(document.text.components(separatedBy: "killed in Iran unrest").count == 2)
    }

    @Test("a Latin-1 page with its charset declared decodes; a UTF-8 page without one does too")
    func charsets() {
        let sentence = "Am 12. Bis 13. September startet wieder die DMEXCO 2018 in Köln – und comwrap ist dabei."
        let latin1Body = "<html><head><meta charset=\"iso-8859-1\"><title>DMEXCO</title></head><body><article><p>"
            + sentence.replacingOccurrences(of: " – ", with: " - ") + "</p></article></body></html>"
        let latin1 = latin1Body.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        #expect(HTMLArticleExtractor().extract(html: latin1).text.contains("in Köln - und"))

        let utf8 = Array("<html><body><div><p>\(sentence)</p></div></body></html>".utf8)
        #expect(HTMLArticleExtractor().extract(html: utf8).text.contains("in Köln – und comwrap"))

        // UTF-16 little-endian with its byte order mark, as some Windows tools save pages.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<html><body><p>\(sentence)</p></body></html>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(HTMLArticleExtractor().extract(html: utf16).text.contains("in Köln – und comwrap"))
    }

    @Test("broken markup, headings and hidden elements")
    func brokenMarkupAndHeadings() {
        // Unclosed paragraphs and a stray </div>, in invented sentences.
        let html = """
            <html><head><title>Portugal &amp; VELDCOM: Strong Anti-Smuggling Partnership | Example News</title></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div class="story"><h1>Portugal &amp; VELDCOM: Strong Anti-Smuggling Partnership</h1>
            <p>However, the situation isn’t without its complexities. Spain’s sharp protest over the Vigo harbour raid and its later Operation Bluestone against smuggling crews have raised tensions.
            <h2>The Wendelbrook Capture and its Implications</h2>
            <p>The recent arrest of Benedikt Wendelbrook, allegedly the organiser behind the August 2021 Lisbon dock fire, is central to this evolving dynamic.</div></div>
            <p style="display: none">Adblock Detected</p>
            <div class="share-buttons"><a href="#">Share on Facebook</a></div>
            </body></html>
            """
        let document = HTMLArticleExtractor().extract(html: Array(html.utf8))
        #expect(document.titleHint == "Portugal & VELDCOM: Strong Anti-Smuggling Partnership")
        #expect(document.headingHints == ["The Wendelbrook Capture and its Implications"])
        let paragraphs = document.text.components(separatedBy: "\n\n")
        #expect(paragraphs.first == "Portugal & VELDCOM: Strong Anti-Smuggling Partnership")
        #expect(paragraphs.contains("The Wendelbrook Capture and its Implications"))
        #expect(paragraphs.count == 4)
        for chrome in ["Home", "Adblock", "Share on Facebook"] { #expect(!document.text.contains(chrome)) }
    }

    @Test("an old table layout with <br>-separated paragraphs: paragraphs kept apart, menus and link columns dropped")
    func tableLayout() throws {
        // Paragraphs from seeds/wikinews-iodine.txt.
        let paragraphs = try String(contentsOfFile: packageRoot() + "/seeds/wikinews-iodine.txt", encoding: .utf8)
            .components(separatedBy: "\n\n").dropFirst(2).prefix(4).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let menu = (1...12).map { "<li><a href=\"/s\($0)\">Section \($0)</a></li>" }.joined()
        let column = (1...12).map { "<p><a href=\"/story\($0)\">Another story from the archive, number \($0), worth a look</a></p>" }.joined()
        let html = "<html><head><title>Australian children suffering from iodine deficiency - Example News</title></head><body>"
            + "<ul class=\"menu\">\(menu)</ul><table><tr><td>\(column)</td><td><font>"
            + paragraphs.joined(separator: "<br><br>")
            + "</font></td></tr></table><div class=\"copyright\">Copyright 2026 Example. All rights reserved.</div></body></html>"
        let document = HTMLArticleExtractor().extract(html: Array(html.utf8))
        #expect(document.titleHint == "Australian children suffering from iodine deficiency")
        #expect(document.text.components(separatedBy: "\n\n") == ["Australian children suffering from iodine deficiency"] + paragraphs)
    }

    @Test("a page cut off anywhere still gives clean text, and the body once it is complete")
    func truncatedPages() throws {
        let page = try fixture("07-iran-protests.html")
        let sentence = "At least 106 protesters in 21 cities have been killed"
        // Bytes up to a little past the paragraph with the sentence.
        let bodyEnd = String(decoding: page, as: UTF8.self).components(separatedBy: sentence)[0].utf8.count + 600
        for tenth in 1...10 {
            let cut = page.count * tenth / 10
            let text = HTMLArticleExtractor().extract(html: Array(page.prefix(cut))).text
            #expect(!text.contains("</") && !text.contains("&amp;") && !text.contains("<p"), "markup at cut \(cut)")
            if cut > bodyEnd { #expect(text.contains(sentence), "body lost at cut \(cut)") }
        }
    }

    @Test("no HTML at all, or no text in it, gives an empty document rather than a crash")
    func emptyInput() {
        #expect(HTMLArticleExtractor().extract(html: []).text.isEmpty)
        #expect(HTMLArticleExtractor().extract(html: Array("<html><body><script>var a = 1;</script></body></html>".utf8)).text.isEmpty)
    }
}

@Suite("PageMetadata")
struct PageMetadataTests {
    @Test("a site name after a separator is dropped from the <title>")
    func siteSuffix() {
        #expect(PageMetadata.withoutSiteName("Amnesty. More than 100 protesters killed in Iran unrest - PanARMENIAN.Net", siteName: nil)
                == "Amnesty. More than 100 protesters killed in Iran unrest")
        #expect(PageMetadata.withoutSiteName("Best tech gadgets of 2019 | Tech Review Weekly", siteName: "Tech Review Weekly")
                == "Best tech gadgets of 2019")
        // The site's name inside the headline is not the site-name segment; the section name goes too.
        #expect(PageMetadata.withoutSiteName("The Guardian view on Hong Kong: a city on the brink | Editorial | Opinion | The Guardian",
                                             siteName: "the Guardian") == "The Guardian view on Hong Kong: a city on the brink")
        // A separator inside a headline with no site name after it stays.
        #expect(PageMetadata.withoutSiteName("Knights of the Zodiac – Saint Seiya remake announced for next year", siteName: nil)
                == "Knights of the Zodiac – Saint Seiya remake announced for next year")
    }

    @Test("url, date and site from meta tags")
    func metaTags() {
        let html = """
            <html><head><meta property="og:site_name" content="Valley Courier"><link rel="canonical" href="https://news.example.org/wiki/Hundreds_hurt_in_fair_crush">
            <meta property="article:published_time" content="2006-01-12T10:00:00Z"></head>
            <body><h1>Hundreds hurt in fair crush</h1><p>According to the Calder Interior Ministry over 345 visitors have been hurt in a crush during the annual harvest fair near Brackwater.</p></body></html>
            """
        let metadata = PageMetadata(of: HTMLPageParser.parse(Array(html.utf8)))
        #expect(metadata.title == "Hundreds hurt in fair crush")
        #expect(metadata.url == "https://news.example.org/wiki/Hundreds_hurt_in_fair_crush")
        #expect(metadata.date == "2006-01-12T10:00:00Z")
        #expect(metadata.siteName == "Valley Courier")
    }
}

/// Issue 16: libxml2's nesting limit and the escape characters it drops.
@Suite struct HTMLHardeningTests {
    static func nested(_ depth: Int) -> [UInt8] {
        let page = "<html><head><title>Harbour Vote</title></head><body>"
            + "<p>Orla Brannavik opened the meeting before noon, and the council listened to her plan for the harbour.</p>"
            + String(repeating: "<div>", count: depth)
            + "<p>Inside the nesting, Velmar Works said the plan would cost more than expected this year.</p>"
            + String(repeating: "</div>", count: depth)
            + "<p>After the nesting, the council voted to delay the harbour plan until the spring session.</p></body></html>"
        return Array(page.utf8)
    }

    @Test(arguments: [254, 300, 5000])
    func deepNestingKeepsTheTextInsideAndAfterIt(depth: Int) {
        let text = HTMLArticleExtractor().extract(html: Self.nested(depth)).text
        #expect(text.contains("Orla Brannavik opened the meeting"), "\(depth): \(text)")
        #expect(text.contains("Inside the nesting, Velmar Works said"), "\(depth): \(text)")
        #expect(text.contains("After the nesting, the council voted"), "\(depth): \(text)")
    }

    /// ESC and BEL as references (`&#27;`, `&#x1b;`, `&#7;`) and as raw bytes: the sequences go whole.
    @Test func escapeSequencesInPagesAreDroppedWithTheirPayloads() {
        let page = "<html><head><title>Esc&#27;]0;PWNED-TITLE&#7; Page</title></head><body><p>Orla Brannavik opened the meeting before noon and spoke at length. "
            + "&#27;]0;PWNED-TITLE&#7;VISIBLE-ONE. &#x1b;[2J&#X1B;[H VISIBLE-TWO. \u{1B}]52;c;PWNED64=\u{07} VISIBLE-THREE. "
            + "&#0027;]8;;https://evil.example/&#x1B;\\link&#27;]8;;&#27;\\ VISIBLE-FOUR.</p></body></html>"
        let document = HTMLArticleExtractor().extract(html: Array(page.utf8))
        let text = document.text
        for visible in ["VISIBLE-ONE", "VISIBLE-TWO", "VISIBLE-THREE", "VISIBLE-FOUR", "link", "Esc Page"] {
            #expect(text.contains(visible), "\(visible) lost: \(text)")
        }
        for payload in ["PWNED", "]0;", "[2J", "[H", "]52;", "evil.example", "]8;"] {
            #expect(!text.contains(payload), "\(payload) left in: \(text)")
        }
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func referencesOtherThanEscapeAndBellAreLeftToLibxml2() {
        #expect(EscapeCharacterShield.protect(Array("a &#65; &amp; &#x2014; b".utf8)) == Array("a &#65; &amp; &#x2014; b".utf8))
        #expect(EscapeCharacterShield.protect(Array("&#27&#x07;".utf8)) == Array("&#xF71B;&#xF707;".utf8))
    }
}

@Suite struct HTMLParserStopTests {
    /// Under libxml2's own limit (no XML_PARSE_HUGE) 300 levels stop the parser: that is noted, so
    /// the loader refuses the page; with the limit lifted nothing is lost and nothing is noted.
    @Test func aParserThatStoppedEarlyIsNoted() {
        #expect(HTMLPageParser.parse(HTMLHardeningTests.nested(300), liftingDepthLimit: false).parserStoppedEarly)
        #expect(!HTMLPageParser.parse(HTMLHardeningTests.nested(300)).parserStoppedEarly)
        #expect(!HTMLArticleExtractor().extractNotingLoss(html: HTMLHardeningTests.nested(5000)).parserStoppedEarly)
    }
}
