import DossierCore

/// What the reader is doing: reading, or an overlay or prompt that takes the keys.
public enum ReaderMode: Equatable, Sendable {
    case reading
    /// After `f`: labels on the visible mentions; `typed` is the label so far.
    case hints(typed: String, targets: [HintTarget])
    /// The table of contents with a chosen section.
    case contents(selected: Int)
    case help(scroll: Int)
    /// The list of open articles with a chosen one.
    case library(selected: Int)
    /// The briefing's entities and the chosen one's concordance (`entityView` holds the rest).
    case entities
}

/// One label of hint mode: typing `label` selects the entity mentioned at `span`.
public struct HintTarget: Equatable, Sendable {
    public var label: String
    public var span: Span
    public var entity: Int
}

/// An active search: its matches in the current article and the one last jumped to.
public struct SearchState: Equatable, Sendable {
    public var query: String
    public var matches: [Span]
    public var current: Int
}

/// A place to return to with Ctrl-o.
public struct JumpLocation: Equatable, Sendable {
    public var article: Int
    public var position: DocumentPosition
}

/// Which pane the movement keys drive.
public enum PaneFocus: Equatable, Sendable { case main, side }

/// What the side pane lists.
public enum SidePaneScope: Equatable, Sendable {
    case section, article
    /// Every article of the briefing: actors from the `BriefingIndex`.
    case briefing
}

/// Whether the side pane shows: automatically when the terminal is wide enough, or as the reader chose with `s`.
public enum SidePaneVisibility: Equatable, Sendable { case automatic, shown, hidden }
