import TOMLKit

/// Parses a theme or config file's TOML, the one place both go through TOMLKit.
enum TOMLDocument {
    /// Three checks run before TOMLKit sees the text, because toml++ asserts (aborts) on some
    /// malformed input instead of reporting it — found by the theme fuzzer
    /// (Tests/Fixtures/hostile/theme-fuzz-crash-*.toml): control characters (other than tab and
    /// line ends) are refused, so is any non-ASCII character outside a string or a comment, where
    /// TOML allows none anyway, and so is a table header that does not start with a name (`[.a]`).
    static func parse(_ source: String, file: String) throws(ConfigProblem) -> TOMLTable {
        if let (line, scalar) = firstForbiddenScalar(in: source) {
            let message: String
            if scalar == "[" {
                message = "a table header must start with a name, as in [styles]"
            } else {
                let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
                message = scalar.value < 0x80 || (0x80...0x9F).contains(scalar.value)
                    ? "control character \(code) (a theme or config is a text file)"
                    : "character \(code) outside a quoted string or comment"
            }
            throw ConfigProblem(file: file, line: line, message: message)
        }
        do { return try TOMLTable(string: source) } catch let error as TOMLParseError {
            throw ConfigProblem(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigProblem(file: file, line: nil, message: "not a TOML file")
        }
    }

    /// A small TOML lexer: tracks comments, the four kinds of string and the start of a line,
    /// nothing else. Returns the offending scalar, or "[" for a table header without a name.
    static func firstForbiddenScalar(in source: String) -> (line: Int, scalar: Unicode.Scalar)? {
        enum Context { case code, comment, basic, literal, multilineBasic, multilineLiteral }
        let scalars = Array(source.unicodeScalars)
        var context = Context.code
        var line = 1
        var atLineStart = true
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
                atLineStart = true
                if context == .comment || context == .basic || context == .literal { context = .code }
                i += 1
                continue
            }
            if (value < 0x20 && value != 0x09 && value != 0x0D) || (0x7F...0x9F).contains(value) { return (line, scalar) }
            switch context {
            case .code:
                if value >= 0x80 { return (line, scalar) }
                if atLineStart && scalar == "[" && !headerStartsWithName(scalars, after: i) { return (line, scalar) }
                if scalar != " " && scalar != "\t" { atLineStart = false }
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

    /// After the `[` or `[[` of a table header and any blanks: a bare key character, a quote, or
    /// the closing `]` (an empty header, which toml++ reports properly).
    private static func headerStartsWithName(_ scalars: [Unicode.Scalar], after open: Int) -> Bool {
        var j = open + 1
        if j < scalars.count && scalars[j] == "[" { j += 1 }
        while j < scalars.count && (scalars[j] == " " || scalars[j] == "\t") { j += 1 }
        guard j < scalars.count else { return true }
        let next = scalars[j]
        return ("0"..."9").contains(next) || ("a"..."z").contains(next) || ("A"..."Z").contains(next)
            || next == "_" || next == "-" || next == "\"" || next == "'" || next == "]"
    }
}
