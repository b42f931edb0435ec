import DossierCore

/// One line of the library: an article's source, how far the background got with it, and what it holds.
public struct LibraryEntry: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Not read yet.
        case waiting
        /// Its text is shown; annotation is still running (`complete` false: only the beginning so far).
        case previewed(complete: Bool)
        case annotated
        /// Could not be read: the one-line reason.
        case failed(String)
    }

    /// "path", or "path:line" for a line of a JSON Lines feed.
    public var source: String
    public var status: Status = .waiting
    public var title: String?
    public var date: String?
    public var words: Int?
    public var actors: Int?
    public var claims: Int?
    /// Opened in the reader (now, or before according to the notes database).
    public var read = false
    public var notes = 0
    /// A feed article's own source (site name or URL), shown instead of the file name.
    public var origin: String?
    /// The identity the notes database knows the annotated article by, when the background worked it out.
    public var articleID: String?

    public init(source: String) { self.source = source }

    /// The file name (with its line for a feed), as the library and the status line show it (`PrintableName`).
    public var name: String {
        if source == "-" { return "standard input" }
        return PrintableName.of(String(source.split(separator: "/").last ?? Substring(source)))
    }

    public var isAnnotated: Bool { status == .annotated }

    public var failure: String? {
        if case .failed(let reason) = status { return reason }
        return nil
    }

    /// Done with, one way or the other: counted in the library's progress line.
    var isSettled: Bool { isAnnotated || failure != nil }
}
