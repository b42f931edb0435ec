import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

/// Why the reader could not take over the terminal.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The only code that talks to ncurses: opens the terminal, copies a `Canvas` to it writing only
/// the cells that changed since the last frame, reads keys and mouse events, and restores the terminal.
public final class CursesScreen {
    public let capability: ColorCapability
    /// False under a locale that is not UTF-8: cells are drawn in ASCII (`ASCIIFallback`).
    public let isUTF8: Bool
    private var window: UnsafeMutablePointer<WINDOW>
    private var previous: Canvas?
    private var pairs: [PairColors: Int32] = [:]
    private var nextPair: Int32 = 1
    private let maxPairs: Int32
    private var isOpen = true

    private struct PairColors: Hashable { var foreground: Int; var background: Int }

    /// Takes over the terminal on standard output; keys come from /dev/tty when `keysFromTTY`.
    public init(keysFromTTY: Bool, mouse: Bool) throws {
        dossier_setlocale_all()
        isUTF8 = Self.localeIsUTF8()
        dossier_install_restore_handlers()
        guard dossier_open_screen(keysFromTTY ? 1 : 0) != nil else {
            throw TerminalError(description: keysFromTTY
                ? "cannot open /dev/tty for keys (run the reader from a terminal, or redirect its output to a file)"
                : "cannot start the terminal screen (is TERM set to a known terminal?)")
        }
        guard let screenWindow = dossier_stdscr() else { throw TerminalError(description: "the terminal screen has no window") }
        window = screenWindow
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        _ = curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            // UNFINISHED: truecolor only when terminfo reports 2^24 colours (TERM=*-direct); COLORTERM=truecolor
            // with a 256-colour TERM still gets the nearest 256-colour match.
            capability = ColorCapability(colors: Int(dossier_colors()))
        } else {
            capability = .none
        }
        maxPairs = Int32(dossier_color_pairs())
        if mouse {
            let mask = dossier_button1_clicked() | dossier_button1_pressed() | dossier_button4_pressed() | dossier_button5_pressed()
            _ = mousemask(mask, nil)
            _ = mouseinterval(0)
        }
    }

    deinit { close() }

    /// Restores the terminal; safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        dossier_close_screen()
    }

    /// Hands the terminal to another program (the note editor) and takes it back after: endwin,
    /// Ctrl-C and Ctrl-\\ ignored here while the program runs (they are its keys), a full redraw after.
    public func suspended<T>(_ body: () -> T) -> T {
        _ = endwin()
        signal(SIGINT, SIG_IGN)
        signal(SIGQUIT, SIG_IGN)
        let result = body()
        dossier_install_restore_handlers()
        previous = nil
        _ = clearok(window, true)
        _ = wrefresh(window)
        return result
    }

    public var size: (width: Int, height: Int) { (Int(dossier_cols()), Int(dossier_lines())) }

    /// Copies the canvas to the terminal, rewriting only the changed stretch of each row.
    public func draw(_ canvas: Canvas) {
        let full = previous == nil || previous!.width != canvas.width || previous!.height != canvas.height
        if full { _ = werase(window) }
        for row in 0..<canvas.height {
            var first = 0
            var last = canvas.width - 1
            if !full, let old = previous {
                while first < canvas.width, old[first, row] == canvas[first, row] { first += 1 }
                if first == canvas.width { continue }
                while last > first, old[last, row] == canvas[last, row] { last -= 1 }
            }
            // Start on a whole character, never on the right half of a wide one.
            while first > 0, canvas[first, row].isContinuation { first -= 1 }
            writeRow(canvas, row: row, from: first, through: last)
        }
        previous = canvas
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    /// Whether the locale set from the environment encodes characters as UTF-8.
    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    private func writeRow(_ canvas: Canvas, row: Int, from first: Int, through last: Int) {
        var x = first
        while x <= last {
            let style = canvas[x, row].style
            var run: [wchar_t] = []
            let runStart = x
            while x <= last || (x < canvas.width && canvas[x, row].isContinuation) {
                let cell = canvas[x, row]
                if cell.style != style, !cell.isContinuation { break }
                // A wide character under ASCII is "?" and its right half a blank, keeping the columns.
                let shown = isUTF8 ? cell.grapheme : (cell.isContinuation ? " " : ASCIIFallback.ascii(cell.grapheme))
                for scalar in shown.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                x += 1
            }
            apply(style)
            run.append(0)
            _ = run.withUnsafeBufferPointer { mvwaddnwstr(window, Int32(row), Int32(runStart), $0.baseAddress, Int32(run.count - 1)) }
        }
    }

    private func apply(_ style: Style) {
        var attributes = dossier_a_normal()
        if style.attributes.contains(.bold) { attributes |= dossier_a_bold() }
        if style.attributes.contains(.underline) { attributes |= dossier_a_underline() }
        if style.attributes.contains(.italic) { attributes |= dossier_a_italic() }
        if style.attributes.contains(.reverse) { attributes |= dossier_a_reverse() }
        if style.attributes.contains(.dim) { attributes |= dossier_a_dim() }
        _ = dossier_set_style(window, attributes, pair(for: style))
    }

    /// A colour pair for the style's colours, allocated on first use; 0 (terminal default) when out of pairs.
    private func pair(for style: Style) -> Int32 {
        guard let foreground = capability.terminalNumber(for: style.foreground ?? .terminalDefault),
              let background = capability.terminalNumber(for: style.background ?? .terminalDefault) else { return 0 }
        if foreground == -1, background == -1 { return 0 }
        let key = PairColors(foreground: foreground, background: background)
        if let known = pairs[key] { return known }
        guard nextPair < maxPairs, init_extended_pair(nextPair, Int32(foreground), Int32(background)) == dossier_ok() else { return 0 }
        pairs[key] = nextPair
        nextPair += 1
        return pairs[key]!
    }

    /// How long `read` waits: until a key comes (nil), or at most this long, then `.none`;
    /// the reader polls its background annotation this way.
    public func setInputTimeout(milliseconds: Int?) {
        wtimeout(window, Int32(milliseconds ?? -1))
    }

    /// Waits for the next key, resize or mouse event.
    public func read() -> InputEvent {
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == dossier_key_code_yes() {
            let code = Int32(character)
            if code == dossier_key_resize() {
                previous = nil
                return .resize(width: size.width, height: size.height)
            }
            if code == dossier_key_mouse() { return mouseEvent() }
            return Self.functionKey(code).map(InputEvent.key) ?? .none
        }
        guard result == dossier_ok() else { return .none }
        let value = UInt32(character)
        if let control = Key.fromControlByte(value) { return .key(control) }
        guard let scalar = Unicode.Scalar(value) else { return .none }
        return .key(.character(Character(scalar)))
    }

    private func mouseEvent() -> InputEvent {
        var x: Int32 = 0, y: Int32 = 0
        var state: mmask_t = 0
        guard dossier_getmouse(&x, &y, &state) == dossier_ok() else { return .none }
        if state & dossier_button4_pressed() != 0 { return .wheel(lines: -3) }
        if dossier_button5_pressed() != 0, state & dossier_button5_pressed() != 0 { return .wheel(lines: 3) }
        if state & (dossier_button1_clicked() | dossier_button1_pressed()) != 0 { return .click(column: Int(x), row: Int(y)) }
        return .none
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        default:
            for n in 1...12 where code == dossier_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }
}
