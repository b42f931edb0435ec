/// The `t` overlay: the article's sections, the chosen one highlighted; Enter jumps to it.
enum ContentsOverlay {
    static func lines(_ document: ArticleDocument) -> [String] {
        (0..<document.sectionCount).map { "\($0 + 1). \(document.sectionTitle($0))" }
    }

    static func draw(_ canvas: inout Canvas, state: ReaderState, selected: Int) {
        OverlayBox.draw(&canvas, state: state, title: "Contents — Enter jumps, Esc closes",
                        lines: lines(state.document), scroll: 0, selected: selected)
    }
}
