import FlyingFox
import Foundation

/// An HTTP server in the test process on 127.0.0.1, on a port the OS picks, serving `LoopbackSite`:
/// a feed, pages, a redirect chain, a 304, a slow answer, a 404 and an oversized body. No test
/// that uses it reaches any other address.
public final class LoopbackServer: Sendable {
    public let port: UInt16
    public let site: LoopbackSite
    private let server: HTTPServer
    private let task: Task<Void, any Error>

    public var base: String { "http://127.0.0.1:\(port)" }

    private init(port: UInt16, site: LoopbackSite, server: HTTPServer, task: Task<Void, any Error>) {
        self.port = port
        self.site = site
        self.server = server
        self.task = task
    }

    public static func start(slowSeconds: Double = 3) async throws -> LoopbackServer {
        let site = LoopbackSite(slowSeconds: slowSeconds)
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled, handler: site)
        let task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port) = await server.listeningAddress else { throw URLError(.cannotConnectToHost) }
        return LoopbackServer(port: port, site: site, server: server, task: task)
    }

    public func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }

    public func url(_ path: String) -> String { base + path }
}

/// Runs blocking work (a fetch that waits on a semaphore) on a thread of its own, never on the
/// cooperative pool that the server's tasks need.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: work()) }
    }
}
