/// The plain-text form of a `LinearModel`:
///
///     dossier-linear-model 1
///     classes<TAB>person<TAB>place<TAB>other
///     <feature><TAB><weight> <weight> <weight>
///     ...
///
/// One line per feature, one weight per class in the order of the `classes` line. Lines starting
/// with `#` and blank lines are skipped. In a feature name a backslash, tab and newline are written
/// `\\`, `\t` and `\n`. Whole weights are written without a fraction, so quantized models are compact.
extension LinearModel {
    public static let textHeader = "dossier-linear-model 1"

    public init(text: String) throws(LinearModelError) {
        // Read from the UTF-8 bytes: the built-in model is parsed at the start of every process,
        // and `split` over `Character`s costs ten times as much. The rows go straight into flat
        // arrays (no array of weights, no `String` made twice, per row) and each name is hashed
        // from its bytes.
        var contiguous = text
        let parsed = contiguous.withUTF8 { bytes in Result { () throws(LinearModelError) in try Self.parse(bytes) } }
        let rows = try parsed.get()
        guard Set(rows.classes).count == rows.classes.count else { throw .duplicateClass }
        self.init(checkedClasses: rows.classes, names: rows.names, keys: rows.keys, weights: rows.weights)
    }

    /// The classes (at least one) and the rows laid out flat (see `init(checkedClasses:names:keys:weights:)`).
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(LinearModelError)
        -> (classes: [String], names: [String], keys: [UInt64], weights: [Float]) {
        var classes: [String]? = nil
        // Room for a row per line: a count of the newlines, which the compiler vectorises.
        var lineCount = 1
        for byte in bytes { lineCount &+= byte == UInt8(ascii: "\n") ? 1 : 0 }
        var names: [String] = [], keys: [UInt64] = [], weights: [Float] = []
        names.reserveCapacity(lineCount)
        keys.reserveCapacity(lineCount)
        var sawHeader = false
        var lineNumber = 0
        var lineStart = 0
        let tab = UInt8(ascii: "\t"), space = UInt8(ascii: " ")
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
            if line.isEmpty || line[0] == UInt8(ascii: "#") { continue }
            guard sawHeader else {
                guard line.elementsEqual(Self.textHeader.utf8) else {
                    throw .malformed(line: lineNumber, reason: "expected \"\(Self.textHeader)\"")
                }
                sawHeader = true
                continue
            }
            guard let classList = classes else {
                let fields = line.split(separator: tab, omittingEmptySubsequences: false)
                guard fields.first.map({ $0.elementsEqual("classes".utf8) }) == true, fields.count >= 2,
                      !fields.dropFirst().contains(where: \.isEmpty) else {
                    throw .malformed(line: lineNumber, reason: "expected \"classes\" and a tab-separated list of class names")
                }
                let list = fields.dropFirst().map { String(decoding: $0, as: UTF8.self) }
                classes = list
                weights.reserveCapacity(lineCount * list.count)
                continue
            }
            guard let tabAt = line.firstIndex(of: tab), !line[(tabAt + 1)...].contains(tab) else {
                throw .malformed(line: lineNumber, reason: "expected a feature, a tab and its weights")
            }
            let nameBytes = UnsafeBufferPointer(rebasing: line[..<tabAt])
            if nameBytes.contains(UInt8(ascii: "\\")) {
                let name = try Self.unescape(String(decoding: nameBytes, as: UTF8.self)[...], line: lineNumber)
                names.append(name)
                keys.append(FeatureHash(name).value)
            } else {
                // Written as it is: the name is its bytes (valid UTF-8, from a `String`), and its
                // `FeatureHash` is theirs.
                guard !nameBytes.isEmpty else { throw .malformed(line: lineNumber, reason: "empty feature name") }
                names.append(String(decoding: nameBytes, as: UTF8.self))
                var key = FeatureHash()
                for byte in nameBytes { key.add(byte: byte) }
                keys.append(key.value)
            }
            // The weights: the runs of non-spaces after the tab (`split(separator: " ")`).
            var found = 0
            var index = tabAt + 1
            while true {
                while index < line.count, line[index] == space { index += 1 }
                if index == line.count { break }
                var fieldEnd = index
                while fieldEnd < line.count, line[fieldEnd] != space { fieldEnd += 1 }
                let field = line[index..<fieldEnd]
                guard let weight = Self.number(field), weight.isFinite else {
                    throw .malformed(line: lineNumber, reason: "\"\(String(decoding: field, as: UTF8.self))\" is not a finite number")
                }
                weights.append(weight)
                found += 1
                index = fieldEnd
            }
            guard found == classList.count else {
                throw .malformed(line: lineNumber, reason: "\(found) weights for \(classList.count) classes")
            }
        }
        guard sawHeader else { throw .malformed(line: lineNumber, reason: "empty model text") }
        guard let classes else { throw .malformed(line: lineNumber, reason: "no \"classes\" line") }
        return (classes, names, keys, weights)
    }

    /// A whole number read from its digits (the common case); anything else through `Float(String)`.
    private static func number(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Float? {
        var index = field.startIndex
        let negative = index < field.endIndex && field[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var value = 0
        var digits = 0
        while index < field.endIndex, field[index] >= 0x30, field[index] <= 0x39, digits < 9 {
            value = value * 10 + Int(field[index] - 0x30)
            index += 1
            digits += 1
        }
        if index == field.endIndex, digits > 0 { return Float(negative ? -value : value) }
        return Float(String(decoding: field, as: UTF8.self))
    }

    /// The model as text; `LinearModel(text:)` reads it back to an equal model.
    public var text: String {
        var out = Self.textHeader + "\n"
        out += "classes\t" + classes.joined(separator: "\t") + "\n"
        let width = classes.count
        for (row, name) in featureNames.enumerated() {
            out += Self.escape(name)
            out += "\t"
            for c in 0..<width {
                if c > 0 { out += " " }
                out += Self.format(weights[row * width + c])
            }
            out += "\n"
        }
        return out
    }

    static func format(_ weight: Float) -> String {
        if weight == weight.rounded(), abs(weight) < 1e7 { return String(Int(weight)) }
        return "\(weight)"
    }

    static func escape(_ name: String) -> String {
        guard name.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return name }
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ field: Substring, line: Int) throws(LinearModelError) -> String {
        // From the bytes (`holdsASCIICharacter`): Foundation's `contains` cost a few thousand
        // instructions for each of a model's lines.
        guard field.holdsASCIICharacter(0x5C) ?? field.contains("\\") else {
            guard !field.isEmpty else { throw .malformed(line: line, reason: "empty feature name") }
            return String(field)
        }
        var out = ""
        var escaping = false
        for scalar in field.unicodeScalars {
            if escaping {
                switch scalar {
                case "\\": out += "\\"
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: throw .malformed(line: line, reason: "unknown escape \\\(scalar) in a feature name")
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        guard !escaping else { throw .malformed(line: line, reason: "a feature name ends in a lone backslash") }
        return out
    }
}
