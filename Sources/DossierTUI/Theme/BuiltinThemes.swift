/// The themes in `themes/`, compiled in so the binary runs from anywhere; a test keeps the two identical.
enum BuiltinThemes {
    static let defaultSource = #"""
# Dossier: the default theme, for dark terminals.
# Each style takes fg, bg (a name like "red" or "bright-blue", 0-255, or "#rrggbb")
# and bold, underline, italic, reverse, dim (true/false). Missing elements use this theme's.
name = "default"

[styles]
text = {}
title = { fg = "#ffd75f", bold = true }
standfirst = { fg = "#d0d0d0", italic = true }
dateline = { fg = "#8a8a8a" }
heading = { fg = "#5fafff", bold = true }
quote = { fg = "#afd787" }
number = { fg = "#ffaf5f", bold = true }
person = { fg = "#ff87af" }
organization = { fg = "#87afff" }
place = { fg = "#5fd7d7" }
group = { fg = "#d7af87" }
event = { fg = "#d787ff" }
other = { fg = "#bcbcbc" }
selected = { bg = "#5f005f", bold = true, underline = true }
match = { fg = "black", bg = "#d7d75f" }
current-match = { fg = "black", bg = "#ff8700", bold = true }
hint = { fg = "black", bg = "#ffff5f", bold = true }
side = {}
side-heading = { fg = "#ffd75f", bold = true }
side-selected = { fg = "black", bg = "#87afd7" }
side-dim = { fg = "#8a8a8a" }
border = { fg = "#585858" }
status = { fg = "#e4e4e4", bg = "#303030" }
status-accent = { fg = "#ffd75f", bg = "#303030", bold = true }
help = { fg = "#e4e4e4", bg = "#262626" }
message = { fg = "#ff8787", bg = "#303030", bold = true }
note = { fg = "#ffd700", bold = true }
highlight = { bg = "#5f5f00" }
"""#

    static let lightSource = #"""
# Dossier: a theme for light terminal backgrounds.
name = "light"

[styles]
text = {}
title = { fg = "#5f0000", bold = true }
standfirst = { fg = "#444444", italic = true }
dateline = { fg = "#767676" }
heading = { fg = "#005faf", bold = true }
quote = { fg = "#005f00" }
number = { fg = "#af5f00", bold = true }
person = { fg = "#af005f" }
organization = { fg = "#0000af" }
place = { fg = "#005f87" }
group = { fg = "#875f00" }
event = { fg = "#5f00af" }
other = { fg = "#585858" }
selected = { bg = "#ffd7ff", bold = true, underline = true }
match = { fg = "black", bg = "#ffff87" }
current-match = { fg = "black", bg = "#ffaf5f", bold = true }
hint = { fg = "white", bg = "#af0000", bold = true }
side = {}
side-heading = { fg = "#5f0000", bold = true }
side-selected = { fg = "white", bg = "#005faf" }
side-dim = { fg = "#767676" }
border = { fg = "#b2b2b2" }
status = { fg = "black", bg = "#d0d0d0" }
status-accent = { fg = "#5f0000", bg = "#d0d0d0", bold = true }
help = { fg = "black", bg = "#eeeeee" }
message = { fg = "#af0000", bg = "#d0d0d0", bold = true }
note = { fg = "#af5f00", bold = true }
highlight = { bg = "#ffffaf" }
"""#

    static let highContrastSource = #"""
# Dossier: high contrast, bright colours on the terminal's background, everything bold.
name = "high-contrast"

[styles]
text = { fg = "bright-white" }
title = { fg = "bright-yellow", bold = true, underline = true }
standfirst = { fg = "bright-white", bold = true }
dateline = { fg = "white" }
heading = { fg = "bright-cyan", bold = true, underline = true }
quote = { fg = "bright-green", bold = true }
number = { fg = "bright-yellow", bold = true }
person = { fg = "bright-magenta", bold = true }
organization = { fg = "bright-blue", bold = true }
place = { fg = "bright-cyan", bold = true }
group = { fg = "bright-red", bold = true }
event = { fg = "bright-yellow", bold = true, underline = true }
other = { fg = "bright-white", underline = true }
selected = { fg = "black", bg = "bright-white", bold = true }
match = { fg = "black", bg = "bright-yellow", bold = true }
current-match = { fg = "black", bg = "bright-green", bold = true }
hint = { fg = "black", bg = "bright-magenta", bold = true }
side = { fg = "bright-white" }
side-heading = { fg = "bright-yellow", bold = true, underline = true }
side-selected = { fg = "black", bg = "bright-white", bold = true }
side-dim = { fg = "white" }
border = { fg = "bright-white" }
status = { fg = "black", bg = "bright-white", bold = true }
status-accent = { fg = "black", bg = "bright-yellow", bold = true }
help = { fg = "bright-white", bg = "black", bold = true }
message = { fg = "black", bg = "bright-red", bold = true }
note = { fg = "bright-yellow", bold = true }
highlight = { fg = "black", bg = "bright-cyan" }
"""#

    static let monoSource = #"""
# Dossier: no colours at all, highlights by attributes only (also the basis of NO_COLOR).
name = "mono"

[styles]
text = {}
title = { bold = true, underline = true }
standfirst = { italic = true }
dateline = { dim = true }
heading = { bold = true }
quote = { italic = true }
number = { bold = true }
person = { underline = true }
organization = { underline = true }
place = { underline = true }
group = { underline = true }
event = { underline = true }
other = { underline = true }
selected = { reverse = true, bold = true }
match = { reverse = true }
current-match = { reverse = true, bold = true }
hint = { reverse = true, bold = true }
side = {}
side-heading = { bold = true, underline = true }
side-selected = { reverse = true }
side-dim = { dim = true }
border = { dim = true }
status = { reverse = true }
status-accent = { reverse = true, bold = true }
help = {}
message = { reverse = true, bold = true }
note = { bold = true, reverse = true }
highlight = { underline = true }
"""#

    /// Theme name → TOML source, in the order the help lists them.
    static let sources: [(String, String)] = [
        ("default", defaultSource), ("light", lightSource), ("high-contrast", highContrastSource), ("mono", monoSource),
    ]

    static func source(named name: String) -> String? { sources.first { $0.0 == name }?.1 }

    // The built-in sources are tested to parse; a failure here is a build mistake, so plain styles are the last resort.
    static let standard: Theme = (try? ThemeParser.parse(defaultSource, file: "default.toml", base: nil)) ?? Theme(name: "default", styles: [:])
    static let mono: Theme = (try? ThemeParser.parse(monoSource, file: "mono.toml", base: nil)) ?? Theme(name: "mono", styles: [:])
}
