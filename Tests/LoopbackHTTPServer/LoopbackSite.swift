import Foundation

/// What the loopback server serves, and what it saw (request counts, the last User-Agent).
/// Every name in these texts is invented.
public final class LoopbackSite: @unchecked Sendable {
    /// The body of `/huge.html` is this much larger than the fetch limit of 20 MB.
    public static let hugeBytes = (20 << 20) + (1 << 20)
    public static let storyCount = 3

    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var notModifiedCount = 0
    private var agent: String?
    private var revision = 1
    private let slowSeconds: Double

    init(slowSeconds: Double) { self.slowSeconds = slowSeconds }

    public func requests(to path: String) -> Int { locked { counts[path, default: 0] } }
    public var notModifiedAnswers: Int { locked { notModifiedCount } }
    public var lastUserAgent: String? { locked { agent } }
    /// `/changing.html` says something else from now on (its ETag changes with it).
    public func revise() { locked { revision += 1 } }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    func respond(to request: LoopbackRequest) -> LoopbackResponse {
        let path = request.path
        let revisionNow: Int = locked {
            counts[path, default: 0] += 1
            agent = request.headers["user-agent"]
            return revision
        }
        switch path {
        case "/feed.xml":
            return ok(LoopbackPages.rssFeed(base: "http://\(request.headers["host"] ?? "127.0.0.1")"), type: "application/rss+xml")
        case "/atom.xml":
            return ok(LoopbackPages.atomFeed(), type: "application/atom+xml")
        case "/feeds.opml":
            return ok(LoopbackPages.opml(), type: "text/x-opml")
        case "/broken-feed.xml":
            return ok(LoopbackPages.rssFeed(base: "").replacingOccurrences(of: "/story/2.html", with: "/missing.html"), type: "application/rss+xml")
        case "/changing.html":
            let etag = "\"rev-\(revisionNow)\""
            if request.headers["if-none-match"] == etag {
                locked { notModifiedCount += 1 }
                return LoopbackResponse(status: 304, headers: [("ETag", etag)])
            }
            return LoopbackResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8"), ("ETag", etag)],
                                    body: Array(LoopbackPages.changingStory(revision: revisionNow).utf8))
        case "/slow.html":
            Thread.sleep(forTimeInterval: slowSeconds)
            return ok(LoopbackPages.story(1), type: "text/html")
        case "/huge.html":
            return LoopbackResponse(status: 200, headers: [("Content-Type", "text/html")],
                                    body: [UInt8](repeating: UInt8(ascii: "a"), count: Self.hugeBytes))
        case "/gzip.html":
            return LoopbackResponse(status: 200, headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                    body: [UInt8](Gzip.compress(Data(LoopbackPages.story(2).utf8))))
        case "/gzip-bomb.html":
            // About 4 KB on the wire, 4 MB once decoded: only a limit counted as the bytes arrive catches it.
            return LoopbackResponse(status: 200, headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                    body: [UInt8](Gzip.compress(Data(repeating: UInt8(ascii: "a"), count: 4 << 20))))
        case "/declares-huge.html":
            // Claims more than the fetch limit and sends a few bytes: only a limit checked on the
            // declared length refuses it; read as a body, it ends early as a lost connection.
            return LoopbackResponse(status: 200, headers: [("Content-Type", "text/html"), ("Content-Length", "\(Self.hugeBytes)")],
                                    body: Array("<p>the rest never comes</p>".utf8))
        case "/moved-with-headers":
            // A redirect with fields of its own, which the page at its end must not inherit.
            return LoopbackResponse(status: 302, headers: [("Location", "/changing.html"), ("Content-Type", "text/plain"),
                                                           ("ETag", "\"of-the-redirect\""),
                                                           ("Last-Modified", "Tue, 01 Dec 2026 09:30:00 GMT")])
        case "/not-a-page.bin":
            return ok("\u{0}\u{1}\u{2}binary", type: "application/octet-stream")
        default:
            break
        }
        if path.hasPrefix("/story/"), path.hasSuffix(".html"), let number = Int(path.dropFirst(7).dropLast(5)),
           (1...Self.storyCount).contains(number) {
            return ok(LoopbackPages.story(number), type: "text/html; charset=utf-8")
        }
        // /redirect/N → /redirect/N-1 → … → /redirect/0 → /story/1.html: N+1 redirects.
        if path.hasPrefix("/redirect/"), let hops = Int(path.dropFirst(10)) {
            return LoopbackResponse(status: 302, headers: [("Location", hops == 0 ? "/story/1.html" : "/redirect/\(hops - 1)")])
        }
        return LoopbackResponse(status: 404, headers: [("Content-Type", "text/plain")], body: Array("not here\n".utf8))
    }

    private func ok(_ body: String, type: String) -> LoopbackResponse {
        LoopbackResponse(status: 200, headers: [("Content-Type", type)], body: Array(body.utf8))
    }
}

/// gzip through the system's gzip program: the tests need compressed bytes, and Foundation on Linux has no compressor.
enum Gzip {
    static func compress(_ data: Data) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { return data }
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return compressed
    }
}
