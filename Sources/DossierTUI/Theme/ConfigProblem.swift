/// A mistake in a theme or config file, shown as one line: "file:line: what is wrong".
public struct ConfigProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }

    /// The 1-based line where `key` is set, so errors found after parsing can still name a line.
    static func line(ofKey key: String, in source: String) -> Int? {
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for candidate in [key, "\"\(key)\""] where trimmed.hasPrefix(candidate) {
                let rest = trimmed.dropFirst(candidate.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") { return index + 1 }
            }
        }
        return nil
    }
}
