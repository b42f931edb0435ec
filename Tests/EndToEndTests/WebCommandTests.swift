import Foundation
import LoopbackHTTPServer
import Testing

/// `dossier` on feeds and web addresses served by an in-process server on 127.0.0.1 (a port the OS
/// picks): one JSON line per item with the page's text, one clear line per failure, the cache offline.
/// The binary runs on threads of their own (`offThePool`): the server's tasks need the cooperative pool.
@Suite(.serialized) struct WebCommandTests {
    static func run(_ arguments: [String], database: String) async throws -> DossierBinary.Outcome {
        try await offThePool { Result { try DossierBinary.run(arguments, environment: ["DOSSIER_DB": database], timeout: 60) } }.get()
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-web-\(UUID().uuidString)/dossier.sqlite").path
    }

    @Test func annotateReadsEachFeedItemsPageAndOfflineGivesTheSameArticles() async throws {
        let server = try await LoopbackServer.start()
        let database = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: (database as NSString).deletingLastPathComponent) }
        let feed = server.url("/feed.xml")
        let online = try await Self.run(["annotate", "--format", "json", feed], database: database)
        #expect(online.status == 0, "\(online.stderr)")
        let lines = online.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.count == LoopbackSite.storyCount)
        for (number, line) in lines.enumerated() {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect((json["text"] as? String)?.contains(LoopbackPages.pageOnlySentence(number + 1)) == true)
            #expect(json["title"] as? String == LoopbackPages.storyTitles[number])
            #expect(json["source"] as? String == server.url("/story/\(number + 1).html"))
        }
        await server.stop()
        let offline = try await Self.run(["annotate", "--format", "json", "--offline", feed], database: database)
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdoutText == online.stdoutText)
    }

    @Test func eachFailingAddressIsOneLineAndTheGoodOnesAreStillRead() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let database = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: (database as NSString).deletingLastPathComponent) }
        let bad = ["/missing.html", "/redirect/6", "/huge.html", "/not-a-page.bin"].map(server.url)
        let links = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-links-\(UUID().uuidString).txt")
        try Data(("# the good one and the bad ones\n" + ([server.url("/story/2.html")] + bad).joined(separator: "\n") + "\n").utf8).write(to: links)
        defer { try? FileManager.default.removeItem(at: links) }
        let outcome = try await Self.run(["annotate", "--format", "json", "--links", links.path], database: database)
        // The first failure's exit status (69: unavailable), after every address was tried.
        #expect(outcome.status == 69)
        #expect(outcome.stdoutText.split(separator: "\n").count == 1)
        #expect(outcome.stdoutText.contains(LoopbackPages.pageOnlySentence(2)))
        let errors = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == bad.count, "\(outcome.stderr)")
        for (address, line) in zip(bad, errors) { #expect(line.hasPrefix("dossier: \(address): "), "\(line)") }
        #expect(errors[0].hasSuffix("HTTP 404 Not Found"))
        #expect(errors[1].hasSuffix("more than 5 redirects"))
        #expect(errors[2].contains("larger than 20 MB"))
        #expect(errors[3].contains("not a text file"))
    }

    @Test func refreshAndOfflineTogetherIsAUsageError() async throws {
        let database = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: (database as NSString).deletingLastPathComponent) }
        let outcome = try await Self.run(["annotate", "--refresh", "--offline", "http://127.0.0.1:1/x"], database: database)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--refresh and --offline"))
    }
}

/// The reader on a feed, in tmux: the library lists the items by title, and one opens with its page's text.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct FeedTmuxTests {
    @Test func aFeedOpensOnTheLibraryAndAnItemReadsWithItsPage() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let feed = server.url("/feed.xml")
        let (listed, opened, done) = try await offThePool { () -> Result<((Bool, String), (Bool, String), (Bool, String)), any Error> in
            Result {
                let session = try TmuxSession("\"$DOSSIER\" '\(feed)'; echo \"exit=$?\"; echo DOSSIER-DONE", width: 140, height: 30)
                defer { session.kill() }
                let listed = session.waitFor(timeout: 60) { screen in
                    LoopbackPages.storyTitles.allSatisfy(screen.contains) && screen.contains("Library: 3 articles") && !screen.contains("annotating")
                }
                try session.send("j")
                try session.send("Enter")
                let opened = session.waitFor(timeout: 60) { $0.contains(" READ") && $0.contains("Orlan Pevensey") }
                // r in the library asks for the feed and its pages again; the list stays whole.
                try session.send("L")
                try session.send("r")
                let refreshed = session.waitFor(timeout: 60) { screen in
                    server.site.requests(to: "/feed.xml") == 2 && server.site.requests(to: "/story/3.html") == 2
                        && LoopbackPages.storyTitles.allSatisfy(screen.contains) && screen.contains("Library: 3 articles")
                }
                #expect(refreshed.ok, "r did not fetch the feed again: \(refreshed.screen)")
                try session.send("q")
                let done = session.waitFor("DOSSIER-DONE")
                return (listed, opened, done)
            }
        }.get()
        #expect(listed.0, "the library does not list the feed's items: \(listed.1)")
        #expect(opened.0, "the item's page text is not shown: \(opened.1)")
        #expect(done.1.contains("exit=0"))
    }
}
