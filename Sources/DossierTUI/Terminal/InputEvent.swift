/// What the terminal reported: a key, a new size, or a mouse event.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case click(column: Int, row: Int)
    case wheel(lines: Int)
    /// Nothing usable (an interrupted read, an unknown key code).
    case none
}
