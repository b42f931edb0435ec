/// The colours of the HTML export, as CSS colour strings. The built-in palette is a light,
/// print-friendly one; the reader can pass its theme's colours instead.
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

    /// Keeps only characters that can appear in a CSS colour, so a theme value cannot break out of the style sheet.
    static func cssSafe(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || "#(),.% ".unicodeScalars.contains($0)
        }))
    }
}
