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
        var classes: [String]? = nil
        var rows: [(name: String, weights: [Float])] = []
        var sawHeader = false
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard sawHeader else {
                guard line == Self.textHeader else {
                    throw .malformed(line: lineNumber, reason: "expected \"\(Self.textHeader)\"")
                }
                sawHeader = true
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard let classList = classes else {
                guard fields.first == "classes", fields.count >= 2, !fields.dropFirst().contains(where: \.isEmpty) else {
                    throw .malformed(line: lineNumber, reason: "expected \"classes\" and a tab-separated list of class names")
                }
                classes = fields.dropFirst().map(String.init)
                continue
            }
            guard fields.count == 2 else {
                throw .malformed(line: lineNumber, reason: "expected a feature, a tab and its weights")
            }
            let name = try Self.unescape(fields[0], line: lineNumber)
            var weights: [Float] = []
            weights.reserveCapacity(classList.count)
            for field in fields[1].split(separator: " ") {
                guard let weight = Float(field), weight.isFinite else {
                    throw .malformed(line: lineNumber, reason: "\"\(field)\" is not a finite number")
                }
                weights.append(weight)
            }
            guard weights.count == classList.count else {
                throw .malformed(line: lineNumber, reason: "\(weights.count) weights for \(classList.count) classes")
            }
            rows.append((name, weights))
        }
        guard sawHeader else { throw .malformed(line: lineNumber, reason: "empty model text") }
        guard let classes else { throw .malformed(line: lineNumber, reason: "no \"classes\" line") }
        try self.init(classes: classes, rows: rows)
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
        guard field.contains("\\") else {
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
