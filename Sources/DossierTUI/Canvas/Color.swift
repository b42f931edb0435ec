/// A colour as a theme names it: the terminal's default, one of the 16 ANSI colours, a 256-colour index, or RGB.
public enum Color: Hashable, Sendable {
    case terminalDefault
    /// 0–15: black, red, green, yellow, blue, magenta, cyan, white, then their bright forms.
    case ansi(UInt8)
    /// 16–255 of the xterm 256-colour palette (0–15 are stored as `.ansi`).
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses "red", "bright-blue", "default", "0"–"255" or "#rrggbb"; nil when it is none of these.
    public init?(name: String) {
        let lower = name.lowercased()
        if lower == "default" || lower == "none" { self = .terminalDefault; return }
        if let index = Color.ansiNames.firstIndex(of: lower) { self = .ansi(UInt8(index)); return }
        for prefix in ["bright-", "bright", "light-"] where lower.hasPrefix(prefix) {
            if let index = Color.ansiNames.firstIndex(of: String(lower.dropFirst(prefix.count))) {
                self = .ansi(UInt8(index + 8)); return
            }
        }
        if lower == "gray" || lower == "grey" { self = .ansi(8); return }
        if let number = Int(lower), (0...255).contains(number) {
            self = number < 16 ? .ansi(UInt8(number)) : .indexed(UInt8(number)); return
        }
        if lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)); return
        }
        return nil
    }

    /// The colour's RGB value in the xterm palette, used to find the nearest colour a terminal has.
    var rgbValue: (Int, Int, Int)? {
        switch self {
        case .terminalDefault: return nil
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        case .ansi(let n): return Color.ansiPalette[Int(n)]
        case .indexed(let n):
            let i = Int(n)
            if i < 16 { return Color.ansiPalette[i] }
            if i >= 232 { let v = 8 + (i - 232) * 10; return (v, v, v) }
            let c = i - 16
            let steps = [0, 95, 135, 175, 215, 255]
            return (steps[c / 36], steps[c / 6 % 6], steps[c % 6])
        }
    }

    static let ansiPalette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}

/// How many colours a terminal can show; decides the fallback truecolor → 256 → 16 → 8 → none.
public enum ColorCapability: Int, Sendable, Comparable {
    case none, basic8, basic16, indexed256, truecolor

    public static func < (a: ColorCapability, b: ColorCapability) -> Bool { a.rawValue < b.rawValue }

    public init(colors: Int) {
        switch colors {
        case 1 << 24 ... Int.max: self = .truecolor
        case 256 ..< 1 << 24: self = .indexed256
        case 16 ..< 256: self = .basic16
        case 8 ..< 16: self = .basic8
        default: self = .none
        }
    }

    /// The terminal colour number for `color`: -1 is the terminal's default; nil means "no colour at all".
    public func terminalNumber(for color: Color) -> Int? {
        if self == .none { return nil }
        switch color {
        case .terminalDefault: return -1
        case .ansi(let n): return self == .basic8 ? Int(n % 8) : Int(n)
        case .indexed(let n) where self >= .indexed256: return Int(n)
        case .rgb(let r, let g, let b) where self == .truecolor: return Int(r) << 16 | Int(g) << 8 | Int(b)
        case .rgb where self == .indexed256: return Self.nearest256(color.rgbValue!)
        default: return Self.nearestBasic(color.rgbValue!, count: self == .basic8 ? 8 : 16)
        }
    }

    static func nearest256(_ rgb: (Int, Int, Int)) -> Int {
        func cubeIndex(_ v: Int) -> Int { v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
        let (ri, gi, bi) = (cubeIndex(rgb.0), cubeIndex(rgb.1), cubeIndex(rgb.2))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let gray = max(0, min(23, (rgb.0 + rgb.1 + rgb.2) / 3 - 3) / 10)
        let grayIndex = 232 + gray
        return distance(Color.indexed(UInt8(cube)).rgbValue!, rgb) <= distance(Color.indexed(UInt8(grayIndex)).rgbValue!, rgb)
            ? cube : grayIndex
    }

    static func nearestBasic(_ rgb: (Int, Int, Int), count: Int) -> Int {
        var best = 0
        for i in 0..<count where distance(Color.ansiPalette[i], rgb) < distance(Color.ansiPalette[best], rgb) { best = i }
        return best
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
