/// Everything that can happen to the reader: a command from the key map, typed text in a prompt,
/// a resize, or a mouse event. `ReaderState.update` is the one place that turns these into changes.
public enum Action: Equatable, Sendable {
    case command(Command)
    /// A character typed into the search prompt or hint mode.
    case text(Character)
    case deleteBackward
    case resize(width: Int, height: Int)
    case click(column: Int, row: Int)
    case wheel(lines: Int)
    /// The background annotator read, previewed, annotated an article or could not read it.
    case loaded(ArticleEvent)
}
