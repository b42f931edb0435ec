import Foundation
import Testing
@testable import DossierCore

@Suite struct BoilerplateTests {
    static let seedPath = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")

    /// An invented news page (Tests/Fixtures/sample-article.txt) with the chrome of a real one.
    func samplePage() throws -> String {
        let path = "/" + Self.seedPath + "/Tests/Fixtures/sample-article.txt"
        return try #require(readFile(path))
    }

    @Test func cleansASamplePage() throws {
        let result = BoilerplateFilter().filter(try samplePage())
        let reasons = Dictionary(result.removed.map { ($0.text, $0.reason) }, uniquingKeysWith: { a, _ in a })
        #expect(reasons["Home » world » Portugal & NHA: A Harbour Partnership Against Smuggling"] == "breadcrumb")
        #expect(result.text.hasPrefix("Portugal & NHA: A Harbour Partnership Against Smuggling\n\nPortugal’s Harbour Patrols"))
        #expect(result.text.components("Portugal & NHA: A Harbour Partnership Against Smuggling") == 1)
        for gone in ["Share your thoughts in the comments below!", "What do you think the authority", "You may also like",
                     "Leave a Comment", "spam filter", "Adblock Detected", "AdBlocker"] {
            #expect(!result.text.contains(gone), "still there: \(gone)")
        }
        for heading in ["The Wendelbrook Arrest and What Followed", "Sharing the Work: Portugal, Spain and the Authority",
                        "The Return of the Syndicate", "Beyond the Coast: Trade and Insurance",
                        "Radar, Data and the Next Five Years"] {
            #expect(result.text.contains(heading + "\n\n"))
        }
        #expect(result.text.hasSuffix("is the question for the next budget."))
        let removedReasons = Set(result.removed.map(\.reason))
        #expect(removedReasons.isSuperset(of: ["breadcrumb", "call to comment", "related links", "comment form", "adblock notice"]))
    }

    @Test func keepsACleanArticleWhole() throws {
        let article = """
        Hundreds hurt in harvest fair crush

        Thursday, January 12, 2006

        The market square on the day of the fair

        At least 345 visitors have been hurt in a crush during the harvest fair in Brackwater, Calder.

        Costumes

        The Iron Heron and the Copper Fox Image: Ada Quennell.
        """
        let result = BoilerplateFilter().filter(article)
        #expect(result.text == article)
        #expect(result.removed.isEmpty)
    }

    @Test func dropsMenusShareLinesAndFootersAroundTheBody() {
        let body1 = "Nissan is hoping a sleek redesign of the Sentra compact sedan will pull in more buyers in a struggling segment of the U.S. market, the company said on Tuesday."
        let body2 = "The 2020 Sentra, which goes on sale in late January, loses the old version’s upright econobox look and is built on new underpinnings that lower it two inches."
        let body3 = "“We talked all along about everything we wanted was still in front of us,” Lynn said, via the Los Angeles Times."
        let page = """
        New SUVs highlight Auto Show - Daily Post
        Subscribe
        Sign In
        Home
        News
        Local
        Sports
        Weather
        New SUVs highlight Auto Show
        Share on Facebook Twitter Email

        \(body1)

        Advertisement

        \(body2)

        \(body3)

        Share this:
        Click to share on Twitter (Opens in new window)
        Related Articles
        Sentra sales slump in October
        © 2019 Daily Post Communications. All rights reserved.
        Privacy Policy
        Terms of Use
        """
        let result = BoilerplateFilter().filter(page)
        #expect(result.text == "New SUVs highlight Auto Show\n\n\(body1)\n\n\(body2)\n\n\(body3)")
        let reasons = Set(result.removed.map(\.reason))
        #expect(reasons.contains("menu") && reasons.contains("share line") && reasons.contains("advertisement"))
        #expect(reasons.contains("related links") && reasons.contains("copyright line"))
    }

    @Test func stopsAtACommentThread() {
        let body = "Harriers coach Dalton Mireles recognizes that his team’s playoff hopes are somewhere between slim and none after Monday night’s loss to the Foxes in Mexico City."
        let comment = "It’s time for both Harriers fans to come to grips with reality, it’s over yet again, and the front office knows it as well as anybody."
        let page = "Menu\nHome\nTeams\nScores\n\n\(body)\n\n\(body.replacingFirst("Monday", "Sunday"))\n\n34 responses to “We needed to win this game”\njoetoronto says:\nNovember 19, 2019 at 6:44 am\n\(comment)\n\n\(comment)"
        let result = BoilerplateFilter().filter(page)
        #expect(result.text.contains(body))
        #expect(!result.text.contains("grips with reality"))
        #expect(result.removed.contains { $0.reason == "comment form" })
    }

    @Test func neverDropsAQuoteWithASpeakerForItsWording() {
        let line = "“Share your thoughts in the comments below,” the editor said, announcing the new policy."
        #expect(ChromeClassifier().classify(LineProfile(line)) == nil)
    }

    @Test func byteBlocksAreTheParagraphSplittersBlocks() {
        // The filter splits bytes, the structure parser scalars: both must see the same paragraphs, also when
        // lines are hard-wrapped (joined) and indented, and with multi-byte scalars at the line ends.
        var texts = PropertyInvariantTests.realTexts.map(\.text)
        for text in texts {
            var wrapped = ""
            var column = 0
            for word in text.split(separator: " ", omittingEmptySubsequences: false) {
                if column + word.count > 64 { wrapped += column % 3 == 0 ? " \t\n  " : "\n"; column = 0 } else if column > 0 { wrapped += " " }
                wrapped += word
                column += word.count + 1
            }
            texts.append(wrapped)
            texts.append(wrapped.replacingOccurrences(of: "e ", with: "é\r\n").replacingOccurrences(of: "s,", with: "ş —\n"))
        }
        #expect(texts.count >= 24)   // three variants of each of the repository's eight texts
        for text in texts {
            let scalars = ArticleScalars(text)
            let expected = ParagraphSplitter.blocks(scalars).map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
            var copy = text
            copy.makeContiguousUTF8()
            let found = copy.utf8.withContiguousStorageIfAvailable { bytes in
                let page = PageText(bytes: bytes)
                return TextBlock.blocks(in: page).map { block in
                    #expect(block.length == page.string(block.bytes).unicodeScalars.count)
                    return page.string(block.bytes)
                }
            }
            #expect(found == expected)
        }
    }

    @Test func handlesAPageOfNothingButMenuLines() {
        let page = String(repeating: "Home\n", count: 10_000)
        let result = BoilerplateFilter().filter(page)
        #expect(result.text.count < 10)
    }
}

/// Reads a whole file for tests (no Foundation in the core's tests either).
func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}

extension String {
    func components(_ needle: String) -> Int {
        var count = 0
        var rest = Substring(self)
        while let r = rest.firstRange(of: needle) { count += 1; rest = rest[r.upperBound...] }
        return count
    }
    func replacingFirst(_ a: String, _ b: String) -> String {
        guard let r = firstRange(of: a) else { return self }
        return String(self[..<r.lowerBound]) + b + String(self[r.upperBound...])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
