/// The colours of the HTML export, as CSS colour strings. The built-in palette is a light,
/// print-friendly one; `export --theme` and the reader's `e` pass a theme's colours instead.
public struct HTMLPalette: Sendable, Equatable {
    public var background = "#fdfcf8"
    public var text = "#1f2328"
    public var muted = "#6a737d"
    public var rule = "#e1e4e8"
    public var highlight = "#fff3a3"
    public var note = "#fff8dc"
    public var noteBorder = "#e0b400"
    public var quote = "#0b6e4f"
    public var number = "#8a3ffc"
    public var person = "#0550ae"
    public var organization = "#953800"
    public var place = "#116329"
    public var group = "#6639ba"
    public var event = "#a40e26"

    public init() {}

    public static let builtIn = HTMLPalette()

    /// A palette from a terminal theme's styles, keyed by the theme's style names ("text",
    /// "quote", "number", "person", "organization", "place", "group", "event", "match", "border").
    /// Only "#rrggbb" values are taken; anything else keeps the built-in colour. `dark` picks a
    /// dark page when the theme leaves the background to the terminal.
    public init(foregrounds: [String: String], backgrounds: [String: String], dark: Bool) {
        self.init()
        if dark {
            background = "#1c1c1c"; text = "#e4e4e4"; muted = "#9e9e9e"; rule = "#444444"
            highlight = "#5f5f00"; note = "#2b2b2b"
        }
        func hex(_ value: String?) -> String? {
            guard let value, value.count == 7, value.hasPrefix("#"),
                  value.dropFirst().allSatisfy({ $0.isHexDigit }) else { return nil }
            return value
        }
        if let value = hex(backgrounds["text"]) { background = value }
        if let value = hex(foregrounds["text"]) { text = value }
        if let value = hex(foregrounds["dateline"]) { muted = value }
        if let value = hex(foregrounds["border"]) { rule = value }
        if let value = hex(backgrounds["match"]) { highlight = value }
        if let value = hex(foregrounds["title"]) { noteBorder = value }
        if let value = hex(foregrounds["quote"]) { quote = value }
        if let value = hex(foregrounds["number"]) { number = value }
        if let value = hex(foregrounds["person"]) { person = value }
        if let value = hex(foregrounds["organization"]) { organization = value }
        if let value = hex(foregrounds["place"]) { place = value }
        if let value = hex(foregrounds["group"]) { group = value }
        if let value = hex(foregrounds["event"]) { event = value }
    }

    /// Keeps only characters that can appear in a CSS colour, so a theme value cannot break out of the style sheet.
    static func cssSafe(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || "#(),.% ".unicodeScalars.contains($0)
        }))
    }
}
