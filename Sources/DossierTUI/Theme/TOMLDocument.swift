import TOMLKit

/// Parses a theme or config file's TOML, the one place both go through TOMLKit.
enum TOMLDocument {
    /// Two checks run before TOMLKit sees the text, because toml++ asserts (aborts) on some
    /// malformed input instead of reporting it — found by the theme fuzzer
    /// (Tests/Fixtures/hostile/theme-fuzz-crash-*.toml): control characters (other than tab and
    /// line ends) and any non-ASCII character outside a string or a comment, where TOML allows
    /// none anyway, are refused here; then `TOMLSyntaxCheck` checks the structure.
    static func parse(_ source: String, file: String) throws(ConfigProblem) -> TOMLTable {
        if let (line, scalar) = firstForbiddenScalar(in: source) {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
            let message = scalar.value < 0x80 || (0x80...0x9F).contains(scalar.value)
                ? "control character \(code) (a theme or config is a text file)"
                : "character \(code) outside a quoted string or comment"
            throw ConfigProblem(file: file, line: line, message: message)
        }
        if let (line, message) = TOMLSyntaxCheck.firstProblem(in: source) {
            throw ConfigProblem(file: file, line: line, message: message)
        }
        do { return try TOMLTable(string: source) } catch let error as TOMLParseError {
            throw ConfigProblem(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigProblem(file: file, line: nil, message: "not a TOML file")
        }
    }

    /// A small TOML lexer: tracks comments and the four kinds of string, nothing else.
    static func firstForbiddenScalar(in source: String) -> (line: Int, scalar: Unicode.Scalar)? {
        enum Context { case code, comment, basic, literal, multilineBasic, multilineLiteral }
        let scalars = Array(source.unicodeScalars)
        var context = Context.code
        var line = 1
        var i = 0
        func starts(_ text: String, at index: Int) -> Bool {
            var j = index
            for expected in text.unicodeScalars {
                guard j < scalars.count, scalars[j] == expected else { return false }
                j += 1
            }
            return true
        }
        while i < scalars.count {
            let scalar = scalars[i]
            let value = scalar.value
            if scalar == "\n" {
                line += 1
                if context == .comment || context == .basic || context == .literal { context = .code }
                i += 1
                continue
            }
            if (value < 0x20 && value != 0x09 && value != 0x0D) || (0x7F...0x9F).contains(value) { return (line, scalar) }
            switch context {
            case .code:
                if value >= 0x80 { return (line, scalar) }
                if scalar == "#" { context = .comment }
                else if starts("\"\"\"", at: i) { context = .multilineBasic; i += 2 }
                else if starts("\'\'\'", at: i) { context = .multilineLiteral; i += 2 }
                else if scalar == "\"" { context = .basic }
                else if scalar == "'" { context = .literal }
            case .comment:
                break
            case .basic:
                if scalar == "\\" { i += 1 } else if scalar == "\"" { context = .code }
            case .literal:
                if scalar == "'" { context = .code }
            case .multilineBasic:
                if scalar == "\\" { i += 1 } else if starts("\"\"\"", at: i) { context = .code; i += 2 }
            case .multilineLiteral:
                if starts("\'\'\'", at: i) { context = .code; i += 2 }
            }
            i += 1
        }
        return nil
    }
}
