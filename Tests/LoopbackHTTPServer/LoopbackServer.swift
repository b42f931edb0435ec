import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server in the test process on 127.0.0.1, on a port the OS picks, serving `LoopbackSite`:
/// a feed, pages, redirects, a 304, a slow answer, a 404, an oversized body and one that claims more
/// than it sends. No test that uses it reaches any other address.
///
/// It runs on threads of its own, one per connection, not on Swift's cooperative pool: the suite's
/// synchronous tests (tmux sessions, runs of the binary) block that pool's two threads on this
/// machine, and a server there would stall behind them (seen: a 1 s fetch timing out in a parallel run).
public final class LoopbackServer: @unchecked Sendable {
    public let port: UInt16
    public let site: LoopbackSite
    private let listener: Int32

    public var base: String { "http://127.0.0.1:\(port)" }

    private init(port: UInt16, site: LoopbackSite, listener: Int32) {
        self.port = port
        self.site = site
        self.listener = listener
    }

    public static func start(slowSeconds: Double = 3) async throws -> LoopbackServer {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw URLError(.cannotConnectToHost) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw URLError(.cannotConnectToHost)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let server = LoopbackServer(port: UInt16(bigEndian: address.sin_port), site: LoopbackSite(slowSeconds: slowSeconds), listener: listener)
        Thread.detachNewThread { server.acceptConnections() }
        return server
    }

    /// Closes the listening socket: no new connections; answers already being written finish or fail.
    public func stop() async {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    public func url(_ path: String) -> String { base + path }

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread.detachNewThread { [site] in
                defer { close(connection) }
                guard let request = LoopbackRequest.read(from: connection) else { return }
                site.respond(to: request).write(to: connection)
            }
        }
    }
}

/// A request as the site needs it: the path and the headers (names lowercased).
public struct LoopbackRequest: Sendable {
    public var path: String
    public var headers: [String: String]

    /// Reads up to the blank line that ends the headers (GET requests have no body).
    static func read(from connection: Int32) -> LoopbackRequest? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = [13, 10, 13, 10]
        while bytes.count < 64 << 10 {
            let n = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            bytes += chunk[0..<n]
            if bytes.count >= 4, (0...(bytes.count - 4)).contains(where: { bytes[$0..<($0 + 4)].elementsEqual(end) }) { break }
        }
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let target = String(requestLine[1])
        return LoopbackRequest(path: String(target.split(separator: "?", maxSplits: 1).first ?? Substring(target)), headers: headers)
    }
}

/// An answer: status, headers and body, written with `Connection: close`.
public struct LoopbackResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    func write(to connection: Int32) {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        // A length of the answer's own is kept: it may claim more than is sent (`/declares-huge.html`).
        if !headers.contains(where: { $0.0.lowercased() == "content-length" }) { head += "Content-Length: \(body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        guard send(all: Array(head.utf8), to: connection) else { return }
        _ = send(all: body, to: connection)
    }

    /// False when the client went away (it refused the rest, or timed out): MSG_NOSIGNAL keeps that from raising SIGPIPE.
    private func send(all bytes: [UInt8], to connection: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, min($0.count, 1 << 16), Int32(MSG_NOSIGNAL)) }
            if n <= 0 { if errno == EINTR { continue } else { return false } }
            offset += n
        }
        return true
    }

    static func reason(_ status: Int) -> String {
        [200: "OK", 302: "Found", 304: "Not Modified", 404: "Not Found"][status] ?? "Status"
    }
}

/// Runs blocking work (a fetch that waits on a semaphore, a run of the binary) on a thread of its own,
/// never on the cooperative pool that other tests share.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: work()) }
    }
}
