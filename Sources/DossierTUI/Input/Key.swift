/// A key press as the reader sees it, with the names the config file and the help overlay use.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    /// Ctrl plus a letter or one of @[\]^_ ("C-d").
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)

    /// The byte a terminal sends for Ctrl-`letter`, or nil.
    public static func fromControlByte(_ byte: UInt32) -> Key? {
        switch byte {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control("@")
        case 1...26: return .control(Character(Unicode.Scalar(byte + 96)!))
        case 28...31: return .control(Character(Unicode.Scalar(byte + 64)!))
        default: return nil
        }
    }

    private static let namedKeys: [(String, Key)] = [
        ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("pgup", .pageUp), ("pgdn", .pageDown),
        ("home", .home), ("end", .end), ("enter", .enter), ("esc", .escape), ("tab", .tab), ("S-tab", .backTab),
        ("bs", .backspace), ("del", .delete), ("space", .character(" ")),
    ]

    /// Parses a config name: "j", "G", "C-d", "space", "pgdn", "enter", "F1".
    public init?(name: String) {
        if let named = Key.namedKeys.first(where: { $0.0.lowercased() == name.lowercased() }) { self = named.1; return }
        if name.count == 3, name.hasPrefix("C-") || name.hasPrefix("c-"), let c = name.last {
            self = .control(Character(c.lowercased())); return
        }
        if name.count == 1, let c = name.first { self = .character(c); return }
        if name.hasPrefix("F") || name.hasPrefix("f"), let n = Int(name.dropFirst()), (1...24).contains(n) {
            self = .function(n); return
        }
        return nil
    }

    public var description: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .control(let c): return "C-\(c)"
        case .function(let n): return "F\(n)"
        default: return Key.namedKeys.first { $0.1 == self }?.0 ?? "?"
        }
    }
}
