/// Everything a key can be bound to; the raw value is the name used in the config file's [keys] table.
public enum Command: String, CaseIterable, Sendable {
    case scrollDown = "scroll-down"
    case scrollUp = "scroll-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top
    case bottom
    case nextSection = "next-section"
    case previousSection = "previous-section"
    case contents
    case toggleSidePane = "toggle-side-pane"
    case toggleSideScope = "side-pane-scope"
    case switchFocus = "switch-focus"
    case activate
    case next
    case previous
    case hints
    case search
    case jumpBack = "jump-back"
    case jumpForward = "jump-forward"
    case cancel
    case help
    case quit
    case library
    case sortLibrary = "sort-library"
    case refresh
    case entities
    case addNote = "add-note"
    case longNote = "long-note"
    case highlight
    case notes
    case bookmark
    case bookmarks
    case visual
    case goTo = "go-to"
    case switchTheme = "switch-theme"
    case export

    /// The line the help overlay shows for the command.
    public var summary: String {
        switch self {
        case .scrollDown: return "down one line; at the end, the cursor to the next paragraph"
        case .scrollUp: return "up one line, or the cursor to the previous paragraph"
        case .pageDown: return "down one page"
        case .pageUp: return "up one page"
        case .halfPageDown: return "down half a page"
        case .halfPageUp: return "up half a page"
        case .top: return "beginning of the article"
        case .bottom: return "end of the article"
        case .nextSection: return "next section"
        case .previousSection: return "previous section"
        case .contents: return "table of contents (Enter jumps)"
        case .toggleSidePane: return "show or hide the side pane"
        case .toggleSideScope: return "side pane: this section / whole article / whole briefing (several articles)"
        case .switchFocus: return "focus the main or the side pane"
        case .activate: return "jump to the chosen item and select its entity"
        case .next: return "next search match, else next mention of the entity"
        case .previous: return "previous search match or mention"
        case .hints: return "label visible entities; type a label to select"
        case .search: return "search (case-insensitive; Up/Down: earlier searches)"
        case .jumpBack: return "back to where you jumped from"
        case .jumpForward: return "forward again after jumping back"
        case .cancel: return "clear search, selection, or close an overlay"
        case .help: return "this help"
        case .library: return "the list of open articles"
        case .sortLibrary: return "library: sort by name, date, unread first (cycles)"
        case .refresh: return "library: fetch web pages and feeds again (unchanged ones are not sent again)"
        case .entities: return "entity view: every entity, its mentions by article (Tab/l: mentions, Enter jumps)"
        case .addNote: return "note on the cursor's paragraph or the selection (one-line prompt)"
        case .longNote: return "long note in $VISUAL/$EDITOR"
        case .highlight: return "highlight the cursor's paragraph, the selection or the selected mention (again: remove)"
        case .notes: return "Notes list: Enter jumps, c changes, d deletes, u undoes"
        case .bookmarks: return "Bookmarks list: Enter jumps, d deletes"
        case .bookmark: return "bookmark the cursor's paragraph"
        case .goTo: return "go to a section number or a percentage"
        case .switchTheme: return "next colour theme (default, light, high-contrast, mono)"
        case .visual: return "visual mode: j/k select paragraphs, m highlights them, a notes them"
        case .export: return "export this article or the briefing (format, then file; HTML in the theme shown)"
        case .quit: return "quit"
        }
    }
}
