/// Turns a key into an action for the current mode: prompts take typed text, everything else
/// goes through the key map.
enum KeyDecoder {
    static func action(for key: Key, in state: ReaderState) -> Action? {
        if state.notes.prompt != nil { return promptAction(for: key) }
        if state.notes.list.isOpen, case .reading = state.mode, case .character(let c) = key, "duc".contains(c) { return .text(c) }
        switch state.mode {
        case .hints:
            switch key {
            case .character(let c) where c != " ": return .text(c)
            case .backspace: return .deleteBackward
            default: return .command(.cancel)
            }
        case .help:
            return .command(state.keyMap.command(for: key) ?? .cancel)
        case .entities:
            // l/h move between the entity list and the concordance unless the config binds them.
            if case .character(let c) = key, "lh".contains(c), state.keyMap.command(for: key) == nil { return .text(c) }
            return state.keyMap.command(for: key).map(Action.command)
        default:
            return state.keyMap.command(for: key).map(Action.command)
        }
    }

    /// Keys in a one-line prompt: text, readline's editing keys, Up/Down history, Tab, Enter, Esc.
    static func promptAction(for key: Key) -> Action? {
        switch key {
        case .enter: return .command(.activate)
        case .escape, .control("g"), .control("c"): return .command(.cancel)
        case .backspace, .control("h"): return .deleteBackward
        case .delete, .control("d"): return .lineEdit(.deleteForward)
        case .character(let c): return .text(c)
        case .tab: return .complete
        case .left, .control("b"): return .lineEdit(.left)
        case .right, .control("f"): return .lineEdit(.right)
        case .home, .control("a"): return .lineEdit(.home)
        case .end, .control("e"): return .lineEdit(.end)
        case .control("u"): return .lineEdit(.killToStart)
        case .control("w"): return .lineEdit(.killWord)
        case .control("k"): return .lineEdit(.killToEnd)
        case .up, .control("p"): return .history(-1)
        case .down, .control("n"): return .history(1)
        default: return nil
        }
    }
}
