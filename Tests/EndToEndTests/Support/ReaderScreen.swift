import Foundation

/// What the reader's screen says about its background annotation: it opens at once and fills in
/// the articles as they are annotated, so a test that reads highlights or the side pane first waits
/// until the status line and the library header no longer say that work is going on.
enum ReaderScreen {
    /// Also false on the placeholder "Reading FILE…" that stands for an article before its text
    /// arrives: it names the file, so a wait for the file name would end there, possibly before the
    /// status line (which says "reading…") is drawn.
    static func isSettled(_ screen: String) -> Bool {
        !screen.contains("reading…") && !screen.contains("annotating…")
            && screen.range(of: #"annotating \d+/\d+"#, options: .regularExpression) == nil
            && screen.range(of: #"Reading \S+…"#, options: .regularExpression) == nil
    }

    /// Polls `screen` until it shows `text` and the annotation is done.
    static func wait(for text: String, timeout: TimeInterval, _ screen: () -> String) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = screen()
        while !(last.contains(text) && isSettled(last)) {
            if Date() > deadline { return (false, last) }
            usleep(30_000)
            last = screen()
        }
        return (true, last)
    }
}

extension TmuxSession {
    /// Waits for `text` on an annotated reader (see `ReaderScreen`).
    @discardableResult
    func waitForAnnotated(_ text: String, timeout: TimeInterval = 60) -> (ok: Bool, screen: String) {
        ReaderScreen.wait(for: text, timeout: timeout) { screen() }
    }
}
