/// Where everything goes on a screen of a given size; `update` and `render` share it so a click
/// lands on what was drawn there.
struct ReaderGeometry: Equatable {
    static let minimumWidth = 40
    static let minimumHeight = 10
    /// Below this width the side pane hides itself unless the reader asks for it with `s`.
    static let automaticSidePaneWidth = 90

    let width: Int
    let height: Int
    let isTooSmall: Bool
    let mainWidth: Int
    let sideVisible: Bool
    /// First column of the side pane's content (the border is the column before).
    let sideX: Int
    let sideWidth: Int
    /// Rows above the status line.
    let bodyHeight: Int
    /// The main pane's left margin and wrapping width.
    let textX = 1
    let textWidth: Int

    init(width: Int, height: Int, visibility: SidePaneVisibility, preferredSideWidth: Int?) {
        self.width = width
        self.height = height
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        let wanted: Bool
        switch visibility {
        case .automatic: wanted = width >= Self.automaticSidePaneWidth
        case .shown: wanted = width >= 60
        case .hidden: wanted = false
        }
        sideVisible = wanted && !isTooSmall
        let side = min(preferredSideWidth ?? max(28, min(48, width * 3 / 10)), width / 2)
        sideWidth = sideVisible ? side : 0
        mainWidth = sideVisible ? width - side - 1 : width
        sideX = mainWidth + 1
        bodyHeight = max(1, height - 1)
        textWidth = max(10, mainWidth - 2)
    }
}
