/// The styles of the reader's own marks, with fallbacks for themes (and user theme files)
/// that predate the `note` and `highlight` elements.
extension Theme {
    /// A highlighted paragraph or mention.
    var highlightStyle: Style {
        if let own = styles[.highlight], own != .plain { return own }
        return name.hasPrefix("mono") || name.contains("no colour")
            ? Style(attributes: .underline)
            : Style(background: .indexed(name.hasPrefix("light") ? 229 : 58))
    }

    /// The margin marker of a noted paragraph.
    var noteStyle: Style {
        if let own = styles[.note], own != .plain { return own }
        return name.hasPrefix("mono") || name.contains("no colour")
            ? Style(attributes: [.bold, .reverse])
            : Style(foreground: .indexed(name.hasPrefix("light") ? 130 : 220), attributes: .bold)
    }
}
