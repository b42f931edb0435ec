import TOMLKit

/// The reader's settings from `$XDG_CONFIG_HOME/dossier/config.toml`; command-line options override them.
public struct ReaderConfig: Sendable, Equatable {
    public var theme: String?
    public var keyMap: KeyMap = .standard
    public var sidePaneWidth: Int?
    public var mouse: Bool = false
    public var showSidePane: Bool = true

    public init() {}

    static let knownSettings = ["theme", "mouse", "side-pane-width", "side-pane", "keys"]

    /// Parses a config file. A bad entry is a problem naming its line; the caller falls back to defaults.
    public static func parse(_ source: String, file: String) throws(ConfigProblem) -> ReaderConfig {
        let table = try TOMLDocument.parse(source, file: file)
        var config = ReaderConfig()
        func problem(_ key: String, _ message: String) -> ConfigProblem {
            ConfigProblem(file: file, line: ConfigProblem.line(ofKey: key, in: source), message: message)
        }
        for key in table.keys where !knownSettings.contains(key) {
            throw problem(key, "unknown setting \"\(key)\" (known: \(knownSettings.joined(separator: ", ")))")
        }
        if let value = table["theme"] {
            guard let name = value.string else { throw problem("theme", "theme must be a name or a path in quotes") }
            config.theme = name
        }
        if let value = table["mouse"] {
            guard let on = value.bool else { throw problem("mouse", "mouse must be true or false") }
            config.mouse = on
        }
        if let value = table["side-pane"] {
            guard let on = value.bool else { throw problem("side-pane", "side-pane must be true or false") }
            config.showSidePane = on
        }
        if let value = table["side-pane-width"] {
            guard let width = value.int, (16...200).contains(width) else {
                throw problem("side-pane-width", "side-pane-width must be a number of columns from 16 to 200")
            }
            config.sidePaneWidth = width
        }
        if let value = table["keys"] {
            guard let keys = value.table else { throw problem("keys", "[keys] must be a table of command = [\"key\", …]") }
            for name in keys.keys {
                guard let command = Command(rawValue: name) else {
                    throw problem(name, "unknown command \"\(name)\" in [keys] (see ? in the reader for the commands)")
                }
                let names: [String]
                if let single = keys[name]?.string { names = [single] }
                else if let list = keys[name]?.array, list.allSatisfy({ $0.string != nil }) { names = list.compactMap(\.string) }
                else { throw problem(name, "\(name) must be a key name or a list of them, like [\"j\", \"down\"]") }
                var parsed: [Key] = []
                for keyName in names {
                    guard let key = Key(name: keyName) else {
                        throw problem(name, "\"\(keyName)\" is not a key (use a character, C-x, up, down, pgup, pgdn, home, end, enter, esc, tab, space, F1…)")
                    }
                    parsed.append(key)
                }
                config.keyMap.bind(command, to: parsed)
            }
        }
        return config
    }
}
