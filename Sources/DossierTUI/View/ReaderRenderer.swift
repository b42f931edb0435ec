/// The view step: draws a `ReaderState` into a `Canvas` of the given size, and records in a
/// `HitMap` what it drew where. Pure: same state, same cells, same map.
public enum ReaderRenderer {
    public static func render(_ state: ReaderState) -> Canvas {
        frame(state).canvas
    }

    public static func render(_ state: ReaderState, width: Int, height: Int) -> Canvas {
        frame(state, width: width, height: height).canvas
    }

    public static func frame(_ state: ReaderState) -> RenderedFrame {
        frame(state, width: state.width, height: state.height)
    }

    public static func frame(_ state: ReaderState, width: Int, height: Int) -> RenderedFrame {
        var state = state
        if state.width != width || state.height != height { state.apply(.resize(width: width, height: height)) }
        let theme = state.theme
        var canvas = Canvas(width: width, height: height, style: theme[.text])
        var hits = HitMap()
        let g = state.geometry
        if g.isTooSmall {
            drawTooSmall(&canvas, theme: theme)
            return RenderedFrame(canvas: canvas, hits: hits)
        }
        if state.documents.isEmpty {
            canvas.put("No articles to read.", column: 1, row: 0, style: theme[.message])
            return RenderedFrame(canvas: canvas, hits: hits)
        }
        if case .library(let selected) = state.mode {
            LibraryView.draw(&canvas, hits: &hits, state: state, selected: selected)
        } else if case .entities = state.mode, let view = state.entityView {
            EntityView.draw(&canvas, state: state, view: view)
        } else {
            MainPaneView.draw(&canvas, hits: &hits, state: state)
            if state.notes.list.isOpen, case .reading = state.mode {
                NotesPaneView.draw(&canvas, state: state)
            } else if g.sideVisible {
                SidePaneView.draw(&canvas, hits: &hits, state: state)
            }
            switch state.mode {
            case .reading: break
            case .contents(let selected): ContentsOverlay.draw(&canvas, state: state, selected: selected)
            case .help(let scroll): HelpOverlay.draw(&canvas, state: state, scroll: scroll)
            default: break
            }
            // Outside reading, a click only closes what is open: nothing under it is a target.
            if state.mode != .reading { hits = HitMap() }
        }
        StatusLineView.draw(&canvas, state: state)
        return RenderedFrame(canvas: canvas, hits: hits)
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
