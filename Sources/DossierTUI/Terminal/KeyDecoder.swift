/// Turns a key into an action for the current mode: prompts take typed text, everything else
/// goes through the key map.
enum KeyDecoder {
    static func action(for key: Key, in state: ReaderState) -> Action? {
        switch state.mode {
        case .searchPrompt:
            switch key {
            case .enter: return .command(.activate)
            case .escape: return .command(.cancel)
            case .backspace, .delete: return .deleteBackward
            case .character(let c): return .text(c)
            default: return nil
            }
        case .hints:
            switch key {
            case .character(let c) where c != " ": return .text(c)
            case .backspace: return .deleteBackward
            default: return .command(.cancel)
            }
        case .help:
            return .command(state.keyMap.command(for: key) ?? .cancel)
        default:
            return state.keyMap.command(for: key).map(Action.command)
        }
    }
}
