import DossierExport

extension Theme {
    /// This theme's colours for the HTML export (`dossier export --format html --theme NAME`, and
    /// the reader's `e` with the theme it shows: one palette, so the two pages agree): its
    /// styles' colours by element name, on a dark page when its entity and quote colours are light
    /// ones (a theme for dark terminals leaves the text's own colours to the terminal).
    public var htmlPalette: HTMLPalette {
        var foregrounds: [String: String] = [:]
        var backgrounds: [String: String] = [:]
        for element in ThemeElement.allCases {
            if let hex = self[element].foreground?.hexString { foregrounds[element.rawValue] = hex }
            if let hex = self[element].background?.hexString { backgrounds[element.rawValue] = hex }
        }
        let telling: [ThemeElement] = [.quote, .number, .person, .organization, .place, .group, .event]
        let lightness = telling.compactMap { self[$0].foreground?.rgbValue }.map(Self.lightness)
        let dark = !lightness.isEmpty && lightness.reduce(0, +) / Double(lightness.count) > 0.5
        return HTMLPalette(foregrounds: foregrounds, backgrounds: backgrounds, dark: dark)
    }

    /// How light a colour looks, 0 (black) to 1 (white): its channels weighted as the eye weighs
    /// them (Rec. 709's luma weights, without gamma: enough to tell a dark theme's colours from a light one's).
    static func lightness(_ rgb: (Int, Int, Int)) -> Double {
        (0.2126 * Double(rgb.0) + 0.7152 * Double(rgb.1) + 0.0722 * Double(rgb.2)) / 255
    }
}

extension Color {
    /// "#rrggbb", or nil for the terminal's own colour.
    var hexString: String? {
        guard let (r, g, b) = rgbValue else { return nil }
        func hex(_ value: Int) -> String {
            let digits = String(value, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "#" + hex(r) + hex(g) + hex(b)
    }
}
