/// What the library asks of the reader after a key.
enum LibraryOutcome: Equatable {
    /// The chosen row moved to this article.
    case select(Int)
    case open(Int)
    /// The list changed itself (a new sort order) and says so.
    case message(String)
    case refresh
    /// Back to the article being read.
    case close
    case help
    case entities
    case quit
    case ignored
}

/// The library as a child model: its keys move through the sorted rows, sort, and name what the
/// reader does next (open an article, refresh, another view).
extension LibraryState {
    /// `selected`: the chosen article index; `pageRows`: how far a page key moves.
    mutating func apply(_ command: Command, selected: Int, pageRows: Int) -> LibraryOutcome {
        // `selected` is an article index; the keys move through the rows of the sorted list.
        switch command {
        case .scrollDown: return .select(moved(from: selected, by: 1))
        case .scrollUp: return .select(moved(from: selected, by: -1))
        case .pageDown, .halfPageDown: return .select(moved(from: selected, by: max(1, pageRows)))
        case .pageUp, .halfPageUp: return .select(moved(from: selected, by: -max(1, pageRows)))
        case .top: return .select(moved(from: selected, by: -entries.count))
        case .bottom: return .select(moved(from: selected, by: entries.count))
        case .activate: return .open(selected)
        case .sortLibrary:
            cycleSort()
            return .message("sorted by \(sort.rawValue)\(sort == .unread ? " first" : "")")
        case .refresh: return .refresh
        case .cancel, .library: return .close
        case .help: return .help
        case .entities: return .entities
        case .quit: return .quit
        default: return .ignored
        }
    }
}

extension ReaderState {
    mutating func applyLibrary(_ action: Action, selected: Int) {
        guard case .command(let command) = action else { return }
        switch library.apply(command, selected: selected, pageRows: geometry.bodyHeight - 3) {
        case .select(let index): mode = .library(selected: index)
        case .open(let index): openFromLibrary(index)
        case .message(let text): message = text
        case .refresh:
            refreshRequested = true
            message = "refreshing: asking again for web pages and feeds…"
        case .close: mode = .reading
        case .help: mode = .help(scroll: 0)
        case .entities: openEntityView()
        case .quit: shouldQuit = true
        case .ignored: break
        }
    }
}
