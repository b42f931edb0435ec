/// Checks the structure of a theme or config file against TOML's grammar before toml++ parses it.
///
/// toml++ asserts (aborts the process) instead of reporting some malformed input — the theme fuzzer
/// found `[.a]` (a header without a name) and `a = [}` (a brace where an array expects a value),
/// and each fix of one such case left others. So toml++ only ever sees text whose structure is
/// well-formed: table headers, dotted keys, `key = value` lines, strings of the four kinds, arrays
/// (over several lines, with comments and a trailing comma) and inline tables. A value that is not
/// a string, array or table is an "atom" (integer, float, boolean, date) whose spelling toml++
/// still checks and reports. Control characters and non-ASCII outside strings and comments are
/// refused by `TOMLDocument` before this runs.
struct TOMLSyntaxCheck {
    /// Arrays and inline tables nested deeper than this are refused: a file of 10,000 `[` must
    /// not exhaust the stack, here or in toml++.
    static let maximumNesting = 32

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    /// The first structural mistake, with its 1-based line, or nil when the structure is valid.
    static func firstProblem(in source: String) -> (line: Int, message: String)? {
        var check = TOMLSyntaxCheck(bytes: Array(source.utf8))
        do {
            try check.document()
            return nil
        } catch {
            return (error.line, error.message)
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    struct Problem: Error {
        var line: Int
        var message: String
    }

    // MARK: The grammar

    private mutating func document() throws(Problem) {
        while !atEnd {
            skipBlanks()
            switch peek {
            case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
                break
            case UInt8(ascii: "["):
                try tableHeader()
            default:
                try keyValue()
            }
            try endOfLine()
        }
    }

    private mutating func tableHeader() throws(Problem) {
        index += 1
        let isArrayOfTables = peek == UInt8(ascii: "[")
        if isArrayOfTables { index += 1 }
        skipBlanks()
        try key(what: "a table header must start with a name, as in [styles]")
        skipBlanks()
        try expect("]", "a table header must end with ]")
        if isArrayOfTables { try expect("]", "an array-of-tables header must end with ]]") }
    }

    private mutating func keyValue() throws(Problem) {
        try key(what: "expected a key (a name, or a quoted string) before =")
        skipBlanks()
        try expect("=", "expected = after the key")
        skipBlanks()
        try value(depth: 0)
    }

    /// A dotted key: simple keys joined by dots, blanks allowed around the dots.
    private mutating func key(what: String) throws(Problem) {
        try simpleKey(what: what)
        while true {
            let save = index
            skipBlanks()
            guard peek == UInt8(ascii: ".") else { index = save; return }
            index += 1
            skipBlanks()
            try simpleKey(what: "expected a name after the dot in a dotted key")
        }
    }

    private mutating func simpleKey(what: String) throws(Problem) {
        switch peek {
        case UInt8(ascii: "\""): try basicString()
        case UInt8(ascii: "'"): try literalString()
        case let byte? where Self.isBareKeyByte(byte):
            while let byte = peek, Self.isBareKeyByte(byte) { index += 1 }
        default: throw problem(what)
        }
    }

    private mutating func value(depth: Int) throws(Problem) {
        guard depth < Self.maximumNesting else { throw problem("arrays or tables nested more than \(Self.maximumNesting) deep") }
        switch peek {
        case UInt8(ascii: "\""):
            if starts(with: "\"\"\"") { try multilineString(delimiter: UInt8(ascii: "\"")) } else { try basicString() }
        case UInt8(ascii: "'"):
            if starts(with: "'''") { try multilineString(delimiter: UInt8(ascii: "'")) } else { try literalString() }
        case UInt8(ascii: "["):
            try array(depth: depth + 1)
        case UInt8(ascii: "{"):
            try inlineTable(depth: depth + 1)
        case let byte? where Self.isAtomByte(byte):
            while let byte = peek, Self.isAtomByte(byte) { index += 1 }
        default:
            throw problem("expected a value (a string, number, true/false, [array] or { table })")
        }
    }

    /// `[` values separated by commas, over any number of lines with comments, an optional trailing comma, `]`.
    private mutating func array(depth: Int) throws(Problem) {
        index += 1
        skipBlanksNewlinesAndComments()
        while peek != UInt8(ascii: "]") {
            try value(depth: depth)
            skipBlanksNewlinesAndComments()
            guard peek == UInt8(ascii: ",") else { break }
            index += 1
            skipBlanksNewlinesAndComments()
        }
        try expect("]", "expected , or ] in an array")
    }

    /// `{ key = value, … }` on one line, no trailing comma.
    private mutating func inlineTable(depth: Int) throws(Problem) {
        index += 1
        skipBlanks()
        if peek == UInt8(ascii: "}") { index += 1; return }
        while true {
            try key(what: "expected a key (a name, or a quoted string) in an inline table")
            skipBlanks()
            try expect("=", "expected = after the key")
            skipBlanks()
            try value(depth: depth)
            skipBlanks()
            guard peek == UInt8(ascii: ",") else { break }
            index += 1
            skipBlanks()
        }
        try expect("}", "expected , or } in an inline table (it stays on one line)")
    }

    private mutating func basicString() throws(Problem) {
        index += 1
        while let byte = peek, byte != UInt8(ascii: "\n") {
            index += 1
            if byte == UInt8(ascii: "\\") { if let next = peek, next != UInt8(ascii: "\n") { index += 1 } }
            else if byte == UInt8(ascii: "\"") { return }
        }
        throw problem("a \"string\" is not closed on its line")
    }

    private mutating func literalString() throws(Problem) {
        index += 1
        while let byte = peek, byte != UInt8(ascii: "\n") {
            index += 1
            if byte == UInt8(ascii: "'") { return }
        }
        throw problem("a 'string' is not closed on its line")
    }

    private mutating func multilineString(delimiter: UInt8) throws(Problem) {
        let startLine = line
        index += 3
        while let byte = peek {
            if byte == delimiter, index + 2 < bytes.count, bytes[index + 1] == delimiter, bytes[index + 2] == delimiter {
                index += 3
                // Up to two more quotes may end the string's content ("""a"""" is a"").
                var extra = 0
                while extra < 2, peek == delimiter { index += 1; extra += 1 }
                return
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
            index += 1
            if byte == UInt8(ascii: "\\"), delimiter == UInt8(ascii: "\""), let next = peek, next != UInt8(ascii: "\n") { index += 1 }
        }
        throw Problem(line: startLine, message: "a multi-line string is not closed")
    }

    /// After a header or key/value: blanks, an optional comment, then the end of the line or file.
    private mutating func endOfLine() throws(Problem) {
        skipBlanks()
        if peek == UInt8(ascii: "#") { while let byte = peek, byte != UInt8(ascii: "\n") { index += 1 } }
        if peek == UInt8(ascii: "\r") { index += 1 }
        guard let byte = peek else { return }
        guard byte == UInt8(ascii: "\n") else { throw problem("unexpected text after the value (one key = value per line)") }
        index += 1
        line += 1
    }

    // MARK: Scanning

    private var atEnd: Bool { index >= bytes.count }
    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[index + $0] == text.utf8Start[$0] }
    }

    private mutating func expect(_ character: Unicode.Scalar, _ message: String) throws(Problem) {
        guard peek == UInt8(ascii: character) else { throw problem(message) }
        index += 1
    }

    private mutating func skipBlanks() {
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
    }

    private mutating func skipBlanksNewlinesAndComments() {
        while let byte = peek {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"): index += 1; line += 1
            case UInt8(ascii: "#"): while let byte = peek, byte != UInt8(ascii: "\n") { index += 1 }
            default: return
            }
        }
    }

    private func problem(_ message: String) -> Problem { Problem(line: line, message: message) }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// Integers, floats, booleans, dates and times: toml++ checks the spelling.
    private static func isAtomByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }
}
