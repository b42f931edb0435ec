import TOMLKit

/// Reads a theme file: `[styles]` with one inline table per element (fg, bg, bold, underline, italic, reverse, dim).
enum ThemeParser {
    static let attributeKeys: [(String, Style.Attributes)] = [
        ("bold", .bold), ("underline", .underline), ("italic", .italic), ("reverse", .reverse), ("dim", .dim),
    ]

    /// Elements the file leaves out come from `base` (the default theme).
    static func parse(_ source: String, file: String, base: Theme?) throws(ConfigProblem) -> Theme {
        let table = try TOMLDocument.parse(source, file: file)
        var styles = base?.styles ?? [:]
        let fallbackName = String(file.split(separator: "/").last ?? "theme").replacingSuffix(".toml")
        let name = table["name"]?.string ?? fallbackName
        for key in table.keys where key != "name" && key != "styles" {
            throw ConfigProblem(file: file, line: ConfigProblem.line(ofKey: key, in: source),
                                message: "unknown setting \"\(key)\" (a theme has name and [styles])")
        }
        guard let stylesTable = table["styles"]?.table else {
            throw ConfigProblem(file: file, line: nil, message: "no [styles] table")
        }
        for key in stylesTable.keys {
            let line = ConfigProblem.line(ofKey: key, in: source)
            guard let element = ThemeElement(rawValue: key) else {
                throw ConfigProblem(file: file, line: line, message: "unknown element \"\(key)\" (known: \(ThemeElement.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let entry = stylesTable[key]?.table else {
                throw ConfigProblem(file: file, line: line, message: "\(key) must be a table like { fg = \"red\", bold = true }")
            }
            styles[element] = try style(entry, element: key, file: file, line: line)
        }
        return Theme(name: name, styles: styles)
    }

    static func style(_ entry: TOMLTable, element: String, file: String, line: Int?) throws(ConfigProblem) -> Style {
        var style = Style()
        for key in entry.keys {
            if key == "fg" || key == "bg" {
                guard let name = entry[key]?.string ?? entry[key]?.int.map(String.init), let color = Color(name: name) else {
                    throw ConfigProblem(file: file, line: line,
                                        message: "\(element).\(key): not a colour (use a name like \"red\", 0-255, or \"#rrggbb\")")
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            } else if let attribute = attributeKeys.first(where: { $0.0 == key }) {
                guard let on = entry[key]?.bool else {
                    throw ConfigProblem(file: file, line: line, message: "\(element).\(key) must be true or false")
                }
                if on { style.attributes.insert(attribute.1) }
            } else {
                throw ConfigProblem(file: file, line: line,
                                    message: "\(element): unknown key \"\(key)\" (use fg, bg, bold, underline, italic, reverse, dim)")
            }
        }
        return style
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
