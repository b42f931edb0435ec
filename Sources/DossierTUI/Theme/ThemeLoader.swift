/// Finds a theme by name or path: a path to a .toml file, then the user's themes folder, then the built-ins.
public struct ThemeLoader: Sendable {
    public var userThemesDirectory: String?

    public init(userThemesDirectory: String? = TextFile.configDirectory.map { $0 + "/themes" }) {
        self.userThemesDirectory = userThemesDirectory
    }

    public static let builtinNames = BuiltinThemes.sources.map(\.0)

    public static var standard: Theme { BuiltinThemes.standard }

    public func load(_ nameOrPath: String) throws(ConfigProblem) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            guard let source = TextFile.read(nameOrPath) else {
                throw ConfigProblem(file: nameOrPath, line: nil, message: "cannot read this theme file")
            }
            return try ThemeParser.parse(source, file: nameOrPath, base: BuiltinThemes.standard)
        }
        if let directory = userThemesDirectory {
            let path = "\(directory)/\(nameOrPath).toml"
            if TextFile.exists(path), let source = TextFile.read(path) {
                return try ThemeParser.parse(source, file: path, base: BuiltinThemes.standard)
            }
        }
        if let source = BuiltinThemes.source(named: nameOrPath) {
            return try ThemeParser.parse(source, file: "\(nameOrPath).toml", base: BuiltinThemes.standard)
        }
        throw ConfigProblem(file: nameOrPath, line: nil,
                            message: "no such theme (built in: \(Self.builtinNames.joined(separator: ", ")); or give a path to a .toml file)")
    }
}
