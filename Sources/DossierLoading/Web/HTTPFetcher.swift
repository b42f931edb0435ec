import CCurlRuntime
import Foundation

/// What one request gave: a body (status 200…299), or "not modified" to a conditional request.
public struct HTTPResult: Sendable {
    public var status: Int
    public var finalURL: String
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    public var body: [UInt8]
    public var notModified: Bool { status == 304 }
}

/// Validators from the cache that make a request conditional.
public struct Validators: Sendable {
    public var etag: String?
    public var lastModified: String?
    public init(etag: String?, lastModified: String?) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// Fetches web addresses through libcurl, opened on the first fetch (`CurlLibrary`), under a
/// `FetchPolicy`: idle and total timeouts, at most so many redirects, a size limit checked as the
/// bytes arrive, gzip and deflate decoded. Blocking calls, for the command line and the reader's
/// background threads.
public final class HTTPFetcher: Sendable {
    public let policy: FetchPolicy
    private let libraryNames: [String]
    private let handles = EasyHandles()

    public convenience init(policy: FetchPolicy = FetchPolicy()) {
        self.init(policy: policy, libraryNames: CurlLibrary.systemNames)
    }

    /// `libraryNames`: where to look for libcurl, in order (tests name one that is not there).
    init(policy: FetchPolicy, libraryNames: [String]) {
        self.policy = policy
        self.libraryNames = libraryNames
    }

    /// One address; `validators` make it conditional (a 304 comes back as `notModified`).
    public func fetch(_ address: String, validators: Validators? = nil) -> Result<HTTPResult, FetchError> {
        fetchAll([(address, validators)])[0]
    }

    /// Several addresses, `policy.concurrentRequests` at a time; results in the order asked.
    public func fetchAll(_ requests: [(address: String, validators: Validators?)]) -> [Result<HTTPResult, FetchError>] {
        // What is not an http(s) address stays `.invalidAddress`, without opening libcurl.
        var results = [Result<HTTPResult, FetchError>](repeating: .failure(.invalidAddress), count: requests.count)
        var wanted: [(index: Int, request: CurlRequest)] = []
        for (index, request) in requests.enumerated() {
            guard WebAddress.isWebAddress(request.address), let url = URL(string: request.address), url.host != nil else { continue }
            wanted.append((index, CurlRequest(address: url.absoluteString, validators: request.validators)))
        }
        guard !wanted.isEmpty else { return results }
        let fetched: [Result<HTTPResult, FetchError>]
        switch CurlLibrary.opened(from: libraryNames) {
        case .failure(let error): fetched = wanted.map { _ in .failure(error) }
        case .success(let curl): fetched = perform(wanted.map(\.request), with: curl)
        }
        for ((index, _), result) in zip(wanted, fetched) { results[index] = result }
        return results
    }

    /// The requests on up to `policy.concurrentRequests` threads (the calling one among them), each
    /// with an easy handle of its own taking the next request until none is left.
    private func perform(_ requests: [CurlRequest], with curl: CurlLibrary) -> [Result<HTTPResult, FetchError>] {
        let results = ResultSlots(count: requests.count)
        let queue = RequestQueue(count: requests.count)
        let work: @Sendable () -> Void = { [handles, policy] in
            guard let handle = handles.take(curl) else {
                while let index = queue.next() { results.set(index, .failure(.failed("libcurl could not start a request"))) }
                return
            }
            defer { handles.giveBack(handle) }
            let transfer = CurlTransfer(curl: curl, handle: handle.pointer, policy: policy)
            while let index = queue.next() { results.set(index, transfer.perform(requests[index])) }
        }
        let group = DispatchGroup()
        for _ in 1..<min(max(1, policy.concurrentRequests), requests.count) {
            group.enter()
            Thread.detachNewThread {
                work()
                group.leave()
            }
        }
        work()
        group.wait()
        return results.all
    }
}

/// An easy handle, passed between the threads that take turns with it (never two at once).
struct EasyHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}

/// Easy handles kept between requests: a handle keeps its connections open and its DNS and TLS
/// session caches, so the next page from the same site skips those round trips.
private final class EasyHandles: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [EasyHandle] = []
    private var curl: CurlLibrary?

    func take(_ curl: CurlLibrary) -> EasyHandle? {
        lock.lock()
        self.curl = curl
        let kept = idle.popLast()
        lock.unlock()
        return kept ?? dossier_curl_easy_init(curl.easyInit).map(EasyHandle.init(pointer:))
    }

    func giveBack(_ handle: EasyHandle) {
        lock.lock()
        idle.append(handle)
        lock.unlock()
    }

    deinit {
        guard let curl else { return }
        for handle in idle { dossier_curl_easy_cleanup(curl.easyCleanup, handle.pointer) }
    }
}

/// The indexes of the requests still to perform, handed out once each.
private final class RequestQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}

/// The results of several requests, filled in by the threads that perform them.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<HTTPResult, FetchError>]

    init(count: Int) { results = Array(repeating: .failure(.failed("not fetched")), count: count) }

    func set(_ index: Int, _ result: Result<HTTPResult, FetchError>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    var all: [Result<HTTPResult, FetchError>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
