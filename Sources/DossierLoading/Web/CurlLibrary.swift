import CCurlRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// libcurl, opened with `dlopen` on the first fetch instead of linked: linking it (or
/// FoundationNetworking, which links it) loads some thirty libraries at every start of `dossier`,
/// about 5.5 ms, for runs that mostly read local files. A machine without libcurl still reads files;
/// only fetching fails, with one line that says what to install.
///
/// `@unchecked Sendable`: the addresses of libcurl's functions, set once when it is opened.
final class CurlLibrary: @unchecked Sendable {
    /// The runtime package's name first (Debian's libcurl4, Fedora's libcurl); the bare name is
    /// only installed with the development files.
    static let systemNames = ["libcurl.so.4", "libcurl.so"]
    static let notInstalled = FetchError.failed("fetching web pages needs libcurl (Debian: apt install libcurl4)")

    let easyInit: UnsafeMutableRawPointer
    let easyCleanup: UnsafeMutableRawPointer
    let easyReset: UnsafeMutableRawPointer
    let easyPerform: UnsafeMutableRawPointer
    let easySetopt: UnsafeMutableRawPointer
    let easyGetinfo: UnsafeMutableRawPointer
    let easyStrerror: UnsafeMutableRawPointer
    let slistAppend: UnsafeMutableRawPointer
    let slistFreeAll: UnsafeMutableRawPointer

    /// The library opened from the first of `names` that loads: once per list, whichever thread
    /// asks first, the others waiting for it. It stays open for the life of the process.
    static func opened(from names: [String]) -> Result<CurlLibrary, FetchError> {
        openings.lock.lock()
        defer { openings.lock.unlock() }
        if let known = openings.results[names] { return known }
        let result = open(names)
        openings.results[names] = result
        return result
    }

    private final class Openings: @unchecked Sendable {
        let lock = NSLock()
        var results: [[String]: Result<CurlLibrary, FetchError>] = [:]
    }

    private static let openings = Openings()

    private init(_ symbol: (String) throws(FetchError) -> UnsafeMutableRawPointer) throws(FetchError) {
        easyInit = try symbol("curl_easy_init")
        easyCleanup = try symbol("curl_easy_cleanup")
        easyReset = try symbol("curl_easy_reset")
        easyPerform = try symbol("curl_easy_perform")
        easySetopt = try symbol("curl_easy_setopt")
        easyGetinfo = try symbol("curl_easy_getinfo")
        easyStrerror = try symbol("curl_easy_strerror")
        slistAppend = try symbol("curl_slist_append")
        slistFreeAll = try symbol("curl_slist_free_all")
    }

    private static func open(_ names: [String]) -> Result<CurlLibrary, FetchError> {
        guard let (name, handle) = names.lazy.compactMap({ name in dlopen(name, RTLD_NOW | RTLD_LOCAL).map { (name, $0) } }).first else {
            return .failure(notInstalled)
        }
        let library: CurlLibrary
        do {
            library = try CurlLibrary { (symbol: String) throws(FetchError) in
                guard let address = dlsym(handle, symbol) else { throw .failed("\(name) has no \(symbol); fetching web pages needs libcurl") }
                return address
            }
        } catch {
            return .failure(error)
        }
        // Once per process, before any handle: curl_easy_init would otherwise do it itself, and not
        // safely on several threads at once.
        guard let globalInit = dlsym(handle, "curl_global_init") else { return .failure(.failed("\(name) has no curl_global_init")) }
        let code = dossier_curl_global_init(globalInit, Int(DOSSIER_CURL_GLOBAL_ALL))
        guard code == DOSSIER_CURLE_OK else { return .failure(.failed("libcurl could not start: \(library.message(code))")) }
        return .success(library)
    }

    /// libcurl's own words for `code`, e.g. "Couldn't connect to server".
    func message(_ code: dossier_curl_code) -> String {
        dossier_curl_easy_strerror(easyStrerror, code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)"
    }
}
