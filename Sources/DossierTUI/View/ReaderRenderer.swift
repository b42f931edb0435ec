/// The view step: draws a `ReaderState` into a `Canvas` of the given size. Pure: same state, same cells.
public enum ReaderRenderer {
    public static func render(_ state: ReaderState) -> Canvas {
        render(state, width: state.width, height: state.height)
    }

    public static func render(_ state: ReaderState, width: Int, height: Int) -> Canvas {
        var state = state
        if state.width != width || state.height != height { state.apply(.resize(width: width, height: height)) }
        let theme = state.theme
        var canvas = Canvas(width: width, height: height, style: theme[.text])
        let g = state.geometry
        if g.isTooSmall {
            drawTooSmall(&canvas, theme: theme)
            return canvas
        }
        if state.documents.isEmpty {
            canvas.put("No articles to read.", column: 1, row: 0, style: theme[.message])
            return canvas
        }
        if case .library(let selected) = state.mode {
            LibraryView.draw(&canvas, state: state, selected: selected)
        } else if case .entities = state.mode, let view = state.entityView {
            EntityView.draw(&canvas, state: state, view: view)
        } else {
            MainPaneView.draw(&canvas, state: state)
            if state.notes.listOpen, case .reading = state.mode {
                NotesPaneView.draw(&canvas, state: state)
            } else if g.sideVisible {
                SidePaneView.draw(&canvas, state: state)
            }
            switch state.mode {
            case .contents(let selected): ContentsOverlay.draw(&canvas, state: state, selected: selected)
            case .help(let scroll): HelpOverlay.draw(&canvas, state: state, scroll: scroll)
            default: break
            }
        }
        StatusLineView.draw(&canvas, state: state)
        return canvas
    }

    static func drawTooSmall(_ canvas: inout Canvas, theme: Theme) {
        let lines = ["Terminal too small", "need \(ReaderGeometry.minimumWidth)×\(ReaderGeometry.minimumHeight),",
                     "have \(canvas.width)×\(canvas.height)", "(q quits)"]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < canvas.height {
            let x = max(0, (canvas.width - DisplayWidth.of(line)) / 2)
            canvas.put(line, column: x, row: top + i, style: i == 0 ? theme[.message] : theme[.text])
        }
    }
}
