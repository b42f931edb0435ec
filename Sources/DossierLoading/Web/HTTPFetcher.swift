import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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

/// Fetches web addresses through Foundation's URLSession (libcurl underneath on Linux: gzip and
/// deflate are asked for and decoded there) under a `FetchPolicy`: idle and total timeouts, at most
/// so many redirects, a size limit checked as the bytes arrive. Blocking calls, for the command
/// line and the reader's background threads; never call it from a URLSession delegate queue.
public final class HTTPFetcher: Sendable {
    public let policy: FetchPolicy
    private let session: SessionOnDemand
    private let tracker: TaskTracker

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        let tracker = TaskTracker(policy: policy)
        self.tracker = tracker
        session = SessionOnDemand {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = policy.idleTimeout
            configuration.timeoutIntervalForResource = policy.totalTimeout
            configuration.httpAdditionalHeaders = ["User-Agent": policy.userAgent]
            // The fetch cache is Dossier's own (in the notes database); URLSession's would be a second one.
            configuration.urlCache = nil
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            configuration.httpMaximumConnectionsPerHost = max(1, policy.concurrentRequests)
            let queue = OperationQueue()
            queue.maxConcurrentOperationCount = 1
            return URLSession(configuration: configuration, delegate: tracker, delegateQueue: queue)
        }
    }

    deinit { session.invalidate() }

    /// One address; `validators` make it conditional (a 304 comes back as `notModified`).
    public func fetch(_ address: String, validators: Validators? = nil) -> Result<HTTPResult, FetchError> {
        fetchAll([(address, validators)])[0]
    }

    /// Several addresses, `policy.concurrentRequests` at a time; results in the order asked.
    public func fetchAll(_ requests: [(address: String, validators: Validators?)]) -> [Result<HTTPResult, FetchError>] {
        let results = ResultSlots(count: requests.count)
        let slots = DispatchSemaphore(value: max(1, policy.concurrentRequests))
        let group = DispatchGroup()
        for (index, request) in requests.enumerated() {
            guard WebAddress.isWebAddress(request.address), let url = URL(string: request.address), url.host != nil else {
                results.set(index, .failure(.invalidAddress))
                continue
            }
            var urlRequest = URLRequest(url: url)
            if let etag = request.validators?.etag { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
            if let modified = request.validators?.lastModified { urlRequest.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
            slots.wait()
            group.enter()
            let task = session.made.dataTask(with: urlRequest)
            tracker.track(task) { result in
                results.set(index, result)
                slots.signal()
                group.leave()
            }
            task.resume()
        }
        group.wait()
        return results.all
    }
}

/// The URLSession, made on the first fetch: making one sets up FoundationNetworking (its cookie
/// storage, the main bundle), about 5 % of the start-up of a run that reads only local files.
private final class SessionOnDemand: @unchecked Sendable {
    private let lock = NSLock()
    private var session: URLSession?
    private let make: @Sendable () -> URLSession

    init(_ make: @escaping @Sendable () -> URLSession) { self.make = make }

    var made: URLSession {
        lock.lock()
        defer { lock.unlock() }
        if let session { return session }
        let session = make()
        self.session = session
        return session
    }

    /// Cancels the session's tasks and lets it go, if it was ever made.
    func invalidate() {
        lock.lock()
        defer { lock.unlock() }
        session?.invalidateAndCancel()
    }
}

/// The results of several requests, filled in by the session's delegate queue.
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

/// The session's delegate: one state per task, under a lock (the delegate queue is serial, but
/// `track` is called from the fetching threads).
private final class TaskTracker: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct State {
        var body: [UInt8] = []
        var response: HTTPURLResponse?
        var redirects = 0
        var refusal: FetchError?
        var done: @Sendable (Result<HTTPResult, FetchError>) -> Void
    }

    private let policy: FetchPolicy
    private let lock = NSLock()
    private var states: [Int: State] = [:]

    init(policy: FetchPolicy) { self.policy = policy }

    func track(_ task: URLSessionTask, done: @escaping @Sendable (Result<HTTPResult, FetchError>) -> Void) {
        lock.lock()
        states[task.taskIdentifier] = State(done: done)
        lock.unlock()
    }

    private func update(_ task: URLSessionTask, _ change: (inout State) -> Void) {
        lock.lock()
        if var state = states[task.taskIdentifier] {
            change(&state)
            states[task.taskIdentifier] = state
        }
        lock.unlock()
    }

    /// Refuses the rest of a task: it ends with `error` instead of what cancelling would say.
    private func refuse(_ task: URLSessionTask, _ error: FetchError) {
        update(task) { $0.refusal = $0.refusal ?? error }
        task.cancel()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        var count = 0
        update(task) { state in
            state.redirects += 1
            count = state.redirects
        }
        if count > policy.maxRedirects {
            // Declining the redirect ends the task with the redirect's answer; the refusal names why.
            update(task) { $0.refusal = $0.refusal ?? .tooManyRedirects(policy.maxRedirects) }
            completionHandler(nil)
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        update(dataTask) { $0.response = http }
        // A declared length over the limit is refused before a byte of the body is read.
        if response.expectedContentLength > Int64(policy.maxBytes) {
            update(dataTask) { $0.refusal = $0.refusal ?? .tooLarge(limit: policy.maxBytes) }
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        var over = false
        update(dataTask) { state in
            guard state.refusal == nil else { return }
            if state.body.count + data.count > policy.maxBytes {
                over = true
            } else {
                state.body.append(contentsOf: data)
            }
        }
        if over { refuse(dataTask, .tooLarge(limit: policy.maxBytes)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        let state = states.removeValue(forKey: task.taskIdentifier)
        lock.unlock()
        guard let state else { return }
        state.done(Self.outcome(state, error: error, task: task))
    }

    private static func outcome(_ state: State, error: (any Error)?, task: URLSessionTask) -> Result<HTTPResult, FetchError> {
        if let refusal = state.refusal { return .failure(refusal) }
        if let error { return .failure(describe(error)) }
        guard let response = state.response else { return .failure(.failed("no answer from the server")) }
        let status = response.statusCode
        guard (200..<300).contains(status) || status == 304 else { return .failure(.httpStatus(status)) }
        func header(_ name: String) -> String? { response.value(forHTTPHeaderField: name) }
        return .success(HTTPResult(status: status, finalURL: response.url?.absoluteString ?? task.originalRequest?.url?.absoluteString ?? "",
                                   contentType: header("Content-Type"), etag: header("ETag"),
                                   lastModified: header("Last-Modified"), body: state.body))
    }

    private static func describe(_ error: any Error) -> FetchError {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else { return .failed(nsError.localizedDescription) }
        switch nsError.code {
        case NSURLErrorTimedOut: return .timedOut
        case NSURLErrorCannotFindHost: return .cannotConnect("no such host")
        case NSURLErrorCannotConnectToHost: return .cannotConnect("connection refused")
        case NSURLErrorNetworkConnectionLost: return .cannotConnect("the connection was lost")
        case NSURLErrorNotConnectedToInternet: return .cannotConnect("no network")
        case NSURLErrorHTTPTooManyRedirects: return .tooManyRedirects(5)
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
             NSURLErrorServerCertificateNotYetValid, NSURLErrorServerCertificateHasUnknownRoot:
            return .cannotConnect("the secure connection failed")
        case NSURLErrorUnsupportedURL: return .invalidAddress
        default: return .failed(nsError.localizedDescription)
        }
    }
}
