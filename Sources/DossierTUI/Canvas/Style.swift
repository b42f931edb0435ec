/// How a cell looks: colours (nil inherits from the style underneath) and text attributes.
public struct Style: Hashable, Sendable {
    /// Text attributes a terminal can show; combined by union when styles are layered.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let underline = Attributes(rawValue: 2)
        public static let italic = Attributes(rawValue: 4)
        public static let reverse = Attributes(rawValue: 8)
        public static let dim = Attributes(rawValue: 16)
    }

    public var foreground: Color?
    public var background: Color?
    public var attributes: Attributes

    public init(foreground: Color? = nil, background: Color? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// `top` drawn over `self`: its colours win where it has them, attributes add up.
    public func layered(with top: Style) -> Style {
        Style(foreground: top.foreground ?? foreground, background: top.background ?? background,
              attributes: attributes.union(top.attributes))
    }

    /// The same style without colours, as NO_COLOR asks.
    public var withoutColors: Style { Style(attributes: attributes) }
}
