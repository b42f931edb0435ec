/// A named set of styles, one per screen element.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [ThemeElement: Style]

    public init(name: String, styles: [ThemeElement: Style]) {
        self.name = name
        self.styles = styles
    }

    public subscript(element: ThemeElement) -> Style { styles[element] ?? .plain }

    /// NO_COLOR: colours dropped; elements left with no attribute borrow the mono theme's,
    /// so quotes, entities and the selection still stand out.
    public func withoutColors() -> Theme {
        let mono = BuiltinThemes.mono
        var stripped: [ThemeElement: Style] = [:]
        for element in ThemeElement.allCases {
            let own = self[element].withoutColors
            stripped[element] = own.attributes.isEmpty ? mono[element] : own
        }
        return Theme(name: name + " (no colour)", styles: stripped)
    }
}
