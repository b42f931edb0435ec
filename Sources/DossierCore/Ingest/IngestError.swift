/// Why bytes could not become article text. Each case maps to one line for a person and an exit code.
public enum IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// NUL bytes: a binary file, not an article.
    case notText
    /// UTF-16/UTF-32 without a supported decoding.
    case unsupportedEncoding(String)
    /// Nothing but white space: no article to read.
    case empty

    public var description: String {
        switch self {
        case .notText: return "not a text file (it contains NUL bytes)"
        case .unsupportedEncoding(let name): return "\(name) is not supported; save the file as UTF-8"
        case .empty: return "empty input"
        }
    }
}
