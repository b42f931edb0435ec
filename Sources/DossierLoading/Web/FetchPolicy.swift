import Foundation

/// The limits every web request runs under.
public struct FetchPolicy: Sendable {
    /// Seconds without a byte arriving before the request is given up.
    public var idleTimeout: TimeInterval = 20
    /// Seconds for the whole request, redirects and body included.
    public var totalTimeout: TimeInterval = 90
    public var maxRedirects = 5
    /// A page larger than this (after decompression) is refused rather than read.
    public var maxBytes = 20 << 20
    /// Requests in flight at once when several pages are wanted (a feed's items).
    public var concurrentRequests = 4
    public var userAgent = FetchPolicy.defaultUserAgent

    /// Dossier's version, as `dossier --version` prints it and the User-Agent names it.
    public static let version = "0.9"
    public static let defaultUserAgent = "Dossier/\(version) (terminal news reader)"

    public init() {}
}

/// Why one web address could not be read, as one line.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidAddress
    case httpStatus(Int)
    case tooManyRedirects(Int)
    case tooLarge(limit: Int)
    case timedOut
    case cannotConnect(String)
    case notCached
    case failed(String)

    public var description: String {
        switch self {
        case .invalidAddress: return "not a web address Dossier can fetch (http:// or https://)"
        case .httpStatus(let code): return "the server answered HTTP \(code) \(HTTPStatusText.phrase(code))"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .tooLarge(let limit): return "larger than \(limit >> 20) MB; not read"
        case .timedOut: return "timed out"
        case .cannotConnect(let reason): return "cannot connect: \(reason)"
        case .notCached: return "not in the cache (--offline reads only pages fetched before)"
        case .failed(let reason): return reason
        }
    }
}

enum HTTPStatusText {
    static func phrase(_ code: Int) -> String {
        switch code {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return code >= 500 ? "(server error)" : code >= 400 ? "(client error)" : ""
        }
    }
}

/// "http://…" and "https://…" operands; anything else is a file.
public enum WebAddress {
    public static func isWebAddress(_ operand: String) -> Bool {
        let lower = operand.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// `reference` read relative to `base` (a feed's relative item links), as an absolute address.
    public static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if isWebAddress(trimmed) || base == nil { return trimmed }
        guard let base, let baseURL = URL(string: base), let url = URL(string: trimmed, relativeTo: baseURL) else { return trimmed }
        return url.absoluteString
    }
}
