/// Everything that can happen to the reader: a command from the key map, typed text in a prompt,
/// a resize, or a mouse event. `ReaderState.update` is the one place that turns these into changes.
public enum Action: Equatable, Sendable {
    case command(Command)
    /// A character typed into the search prompt or hint mode.
    case text(Character)
    case deleteBackward
    /// An editing key in a prompt (C-a, C-w, arrows…).
    case lineEdit(LineEdit)
    /// Up (-1) and Down (+1) in a prompt: earlier and later entries of its history.
    case history(Int)
    /// Tab in a prompt: completes a format, a choice or a path.
    case complete
    /// The run loop's answer to a path completion: the names in the folder that start with the typed name.
    case completions(prefix: String, names: [String])
    case resize(width: Int, height: Int)
    /// A click, as what the frame on screen drew under it (`RenderedFrame.hits`); nil: nothing clickable.
    case click(HitMap.Target?)
    case wheel(lines: Int)
    /// The background annotator read, previewed, annotated an article or could not read it.
    case loaded(ArticleEvent)
}
