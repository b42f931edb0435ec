/// Which key runs which command: the defaults (vim/less conventions) with the config's overrides.
public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [Key: Command]

    public init(bindings: [Key: Command]) { self.bindings = bindings }

    public static let standard = KeyMap(bindings: {
        var map: [Key: Command] = [:]
        let defaults: [(Command, [Key])] = [
            (.scrollDown, [.character("j"), .down]),
            (.scrollUp, [.character("k"), .up]),
            (.pageDown, [.character(" "), .pageDown, .control("f")]),
            (.pageUp, [.character("b"), .pageUp, .control("b")]),
            (.halfPageDown, [.control("d")]),
            (.halfPageUp, [.control("u")]),
            (.top, [.character("g"), .home]),
            (.bottom, [.character("G"), .end]),
            (.nextSection, [.character("]")]),
            (.previousSection, [.character("[")]),
            (.contents, [.character("t")]),
            (.toggleSidePane, [.character("s")]),
            (.toggleSideScope, [.character("w")]),
            (.switchFocus, [.tab, .backTab]),
            // Enter with nothing to activate scrolls a line, as in less (see update).
            (.activate, [.enter]),
            (.next, [.character("n")]),
            (.previous, [.character("N")]),
            (.hints, [.character("f")]),
            (.search, [.character("/")]),
            (.jumpBack, [.control("o")]),
            // Ctrl-i is the byte Tab sends, and Tab moves the focus; forward is Ctrl-n ("newer").
            (.jumpForward, [.control("n")]),
            (.cancel, [.escape]),
            (.help, [.character("?"), .function(1)]),
            (.library, [.character("L")]),
            (.sortLibrary, [.character("S")]),
            (.refresh, [.character("r")]),
            (.entities, [.character("E")]),
            (.addNote, [.character("a")]),
            (.longNote, [.character("A")]),
            (.highlight, [.character("m")]),
            (.notes, [.character("o")]),
            (.bookmark, [.character("B")]),
            (.bookmarks, [.character("'")]),
            (.visual, [.character("v")]),
            (.goTo, [.character(":")]),
            (.switchTheme, [.character("T")]),
            (.export, [.character("e")]),
            (.quit, [.character("q")]),
        ]
        for (command, keys) in defaults { for key in keys { map[key] = command } }
        return map
    }())

    public func command(for key: Key) -> Command? { bindings[key] }

    /// The keys bound to a command, in a stable order for the help overlay.
    public func keys(for command: Command) -> [Key] {
        bindings.filter { $0.value == command }.map(\.key).sorted { $0.helpOrder < $1.helpOrder }
    }

    /// Binds `keys` to `command`, removing the command's previous keys and the keys' previous commands.
    public mutating func bind(_ command: Command, to keys: [Key]) {
        for key in self.keys(for: command) { bindings[key] = nil }
        for key in keys { bindings[key] = command }
    }
}

extension Key {
    /// Letters before named keys before control keys, so "j, down" reads naturally in the help.
    var helpOrder: String {
        switch self {
        case .character(let c) where c != " ": return "0" + String(c)
        case .character: return "1space"
        case .control(let c): return "3" + String(c)
        case .function(let n): return "4\(n)"
        default: return "2" + description
        }
    }
}
