import Foundation
import LoopbackHTTPServer
import Testing
@testable import DossierLoading

/// What fetching through libcurl opened at run time does on its own: which response's headers
/// count, the limit on a declared length, several requests at once, and no libcurl at all.
@Suite(.serialized) struct CurlFetchingTests {
    static var policy: FetchPolicy { WebLoadingTests.policy }

    func fetch(_ address: String, policy: FetchPolicy = Self.policy) async -> Result<HTTPResult, FetchError> {
        await offThePool { HTTPFetcher(policy: policy).fetch(address) }
    }

    @Test func theHeadersAreTheLastResponsesNotTheRedirects() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let page = try await fetch(server.url("/moved-with-headers")).get()
        #expect(page.finalURL == server.url("/changing.html"))
        #expect(page.etag == "\"rev-1\"")
        #expect(page.contentType == "text/html; charset=utf-8")
        // The redirect's Last-Modified is not the page's: the page sent none.
        #expect(page.lastModified == nil)
        #expect(String(decoding: page.body, as: UTF8.self).contains("winter timetable"))
    }

    @Test func aStatusLineStartsTheHeadersAfresh() {
        var head = ResponseHead()
        let lines = ["HTTP/1.1 100 Continue\r\n", "\r\n",
                     "HTTP/1.1 301 Moved Permanently\r\n", "Location: /b\r\n", "ETag: \"old\"\r\n", "X-Note: first\r\n", "\r\n",
                     "HTTP/2 200 \r\n", "content-type: text/html\r\n", "X-Note: second\r\n", "\tand folded\r\n"]
        let endsBlock = lines.map { head.take($0) }
        #expect(endsBlock == [false, true, false, false, false, false, true, false, false, false, false])
        let endsLast = head.take("\r\n")
        #expect(endsLast)
        #expect(head.status == 200)
        #expect(head.fields == ["content-type": "text/html", "x-note": "second and folded"])
    }

    @Test func aDeclaredLengthOverTheLimitIsRefusedBeforeTheBody() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        // The server declares 21 MB and sends a few bytes: waiting for the body would end in a lost connection.
        let result = await fetch(server.url("/declares-huge.html"))
        #expect(throws: FetchError.tooLarge(limit: FetchPolicy().maxBytes)) { try result.get() }

        // Only the response whose body would be read counts: a redirect may declare what it likes.
        let capture = ResponseCapture(maxBytes: 100)
        for line in ["HTTP/1.1 302 Found\r\n", "Content-Length: 5000\r\n", "Location: /a\r\n", "\r\n", "HTTP/1.1 200 OK\r\n",
                     "Content-Length: 101\r\n"] {
            #expect(Array(line.utf8).withUnsafeBytes { capture.takeHeaderLine($0) }, "\(line)")
        }
        #expect(Array("\r\n".utf8).withUnsafeBytes { capture.takeHeaderLine($0) } == false)
        #expect(capture.refusal == .tooLarge(limit: 100))
    }

    @Test func severalAddressesComeBackInTheOrderAsked() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let addresses = [server.url("/story/3.html"), "ftp://127.0.0.1/story.html", server.url("/missing.html"),
                         server.url("/story/1.html"), server.url("/story/2.html")]
        let results = await offThePool { HTTPFetcher(policy: Self.policy).fetchAll(addresses.map { ($0, nil) }) }
        #expect(results.count == 5)
        for (index, number) in [(0, 3), (3, 1), (4, 2)] {
            let text = (try? results[index].get()).map { String(decoding: $0.body, as: UTF8.self) }
            #expect(text?.contains(LoopbackPages.pageOnlySentence(number)) == true, "result \(index)")
        }
        #expect(throws: FetchError.invalidAddress) { try results[1].get() }
        #expect(throws: FetchError.httpStatus(404)) { try results[2].get() }
    }

    @Test func withoutLibcurlEveryFetchFailsWithOneLineThatSaysWhatToInstall() async throws {
        let server = try await LoopbackServer.start()
        defer { Task { await server.stop() } }
        let fetcher = HTTPFetcher(policy: Self.policy, libraryNames: ["libcurl-not-installed-here.so.4"])
        let results = await offThePool { fetcher.fetchAll([(server.url("/story/1.html"), nil), ("not a web address", nil)]) }
        let expected = "fetching web pages needs libcurl (Debian: apt install libcurl4)"
        #expect(throws: FetchError.failed(expected)) { try results[0].get() }
        #expect(throws: FetchError.invalidAddress) { try results[1].get() }
        #expect(server.site.requests(to: "/story/1.html") == 0)
    }
}
