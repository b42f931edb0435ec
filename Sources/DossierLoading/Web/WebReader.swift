import DossierStore
import Foundation

/// How web addresses are read: the cache first, a conditional request to each, or the cache only.
public enum FetchMode: Sendable, Equatable {
    /// A cached page is used as it is; an address never fetched is fetched and cached.
    case cacheFirst
    /// Every address is asked again, conditionally when it is cached (ETag, Last-Modified): an
    /// unchanged page costs a 304 and keeps its cached body.
    case refresh
    /// No network: the cache or a one-line error.
    case offline
}

/// A page as the loaders read it: its bytes, where it ended up, and what the server called it.
public struct WebPage: Sendable {
    public var address: String
    public var finalURL: String
    public var contentType: String?
    public var body: [UInt8]
    public var fromCache: Bool
}

/// Web addresses through the fetch cache in the notes database (`FetchedPage`) and `HTTPFetcher`.
public final class WebReader: Sendable {
    public let mode: FetchMode
    private let fetcher: HTTPFetcher
    private let cache: CacheBox
    /// Nil: no cache at all (every read fetches; offline reads fail).
    private var store: NoteStore? { cache.store }

    public init(mode: FetchMode = .cacheFirst, store: NoteStore?, policy: FetchPolicy = FetchPolicy()) {
        self.mode = mode
        self.cache = CacheBox(store: store)
        self.fetcher = HTTPFetcher(policy: policy)
    }

    /// With the cache in the notes database at `databasePath`, opened on the first web address (a
    /// command over local files never opens it); in memory when it cannot be opened.
    public init(mode: FetchMode = .cacheFirst, databasePath: String?, policy: FetchPolicy = FetchPolicy()) {
        self.mode = mode
        self.cache = CacheBox(path: databasePath)
        self.fetcher = HTTPFetcher(policy: policy)
    }

    /// The same reader in another mode, sharing the connection pool and the cache (`r` in the library).
    public func with(mode: FetchMode) -> WebReader {
        WebReader(mode: mode, cache: cache, fetcher: fetcher)
    }

    private init(mode: FetchMode, cache: CacheBox, fetcher: HTTPFetcher) {
        self.mode = mode
        self.cache = cache
        self.fetcher = fetcher
    }

    public func read(_ address: String) -> Result<WebPage, FetchError> {
        readAll([address])[0]
    }

    /// Several addresses (a feed's item pages): the network ones fetched concurrently; results in order.
    public func readAll(_ addresses: [String]) -> [Result<WebPage, FetchError>] {
        let cached = addresses.map { address in (try? store?.fetchedPage(url: address)) ?? nil }
        var results = [Result<WebPage, FetchError>?](repeating: nil, count: addresses.count)
        var wanted: [(index: Int, validators: Validators?)] = []
        for index in addresses.indices {
            let copy = cached[index]
            switch mode {
            case .offline:
                results[index] = copy.map { .success(page(from: $0)) } ?? .failure(.notCached)
            case .cacheFirst:
                if let copy { results[index] = .success(page(from: copy)) } else { wanted.append((index, nil)) }
            case .refresh:
                wanted.append((index, copy.map { Validators(etag: $0.etag, lastModified: $0.lastModified) }))
            }
        }
        let fetched = fetcher.fetchAll(wanted.map { (addresses[$0.index], $0.validators) })
        for ((index, _), outcome) in zip(wanted, fetched) {
            let address = addresses[index]
            switch outcome {
            case .failure(let error):
                results[index] = .failure(error)
            case .success(let answer) where answer.notModified:
                if let copy = cached[index] {
                    try? store?.confirmFetchedPage(url: address)
                    results[index] = .success(page(from: copy))
                } else {
                    results[index] = .failure(.failed("the server answered 304 Not Modified to a request that was not conditional"))
                }
            case .success(let answer):
                let record = FetchedPage(url: address, finalURL: answer.finalURL == address ? nil : answer.finalURL,
                                         contentType: answer.contentType, etag: answer.etag, lastModified: answer.lastModified,
                                         fetchedAt: StoreClock.now(), body: answer.body)
                // A cache that cannot be written (a read-only database) costs the next run a fetch, nothing more.
                try? store?.saveFetchedPage(record)
                results[index] = .success(page(from: record, fromCache: false))
            }
        }
        return results.map { $0 ?? .failure(.failed("not fetched")) }
    }

    private func page(from record: FetchedPage, fromCache: Bool = true) -> WebPage {
        WebPage(address: record.url, finalURL: record.finalURL ?? record.url, contentType: record.contentType,
                body: record.body, fromCache: fromCache)
    }
}

/// The cache's database, opened once, when first needed.
private final class CacheBox: @unchecked Sendable {
    private let lock = NSLock()
    private let path: String?
    private var opened: NoteStore?
    private var tried: Bool

    init(store: NoteStore?) {
        path = nil
        opened = store
        tried = true
    }

    init(path: String?) {
        self.path = path
        tried = false
    }

    var store: NoteStore? {
        lock.lock()
        defer { lock.unlock() }
        if !tried {
            tried = true
            opened = NoteStore.openOrInMemory(path: path).store
        }
        return opened
    }
}
