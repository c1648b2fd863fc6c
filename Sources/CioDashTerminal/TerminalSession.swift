import CNcursesw
import CioDashRender
import Glibc

/// The live screen: opens ncurses on the controlling terminal, paints grids, reads keys, and always
/// gives the terminal back (normal exit, errors, `exit()`, SIGINT/TERM/HUP and crashes).
///
/// One session at a time per process. Drive it from one thread:
/// `open` → loop { `paint(grid)`; `readKey(timeout:)` } → `restore()`.
public final class TerminalSession {
    /// The terminal type from TERM.
    public let terminalName: String
    /// The character set of the locale in use (always UTF-8 once open).
    public let localeCodeset: String
    /// Whether colours are drawn: the terminal has them, NO_COLOR is unset or empty and the theme uses them.
    public let colour: Bool
    /// The theme in use: the one asked for, or `mono` when colours are off.
    public let theme: Theme

    private let painter: ScreenPainter
    private let frameLog: FrameLog?

    /// Escape must feel instant; ncurses waits this long to tell it from the start of an arrow key.
    static let escapeDelayMilliseconds: Int32 = 25

    private init(terminalName: String, localeCodeset: String, colour: Bool, theme: Theme) {
        self.terminalName = terminalName
        self.localeCodeset = localeCodeset
        self.colour = colour
        self.theme = theme
        painter = ScreenPainter(theme: theme, colour: colour)
        frameLog = FrameLog()
    }

    deinit { restore() }

    /// Opens the screen. Throws `TerminalError.notATerminal` when standard input or output is not a
    /// terminal (print a snapshot instead) and a `TerminalError` with a user-facing message when the
    /// terminal cannot be used. Nothing has been written to the terminal when it throws.
    public static func open(theme requested: Theme = .default) throws -> TerminalSession {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard !TerminalRestorer.isActive else { throw TerminalError.screenFailed("a screen is already open") }
        let codeset = try UTF8Locale.activate()
        let name = try checkTerminalType()

        // newterm rather than initscr: initscr prints its own message and exits on an unknown TERM.
        guard newterm(nil, ciodash_stdout(), ciodash_stdin()) != nil else {
            throw TerminalError.screenFailed("ncurses could not open TERM=\(name)")
        }
        TerminalRestorer.arm()

        raw()  // Ctrl-C becomes a key and Ctrl-S cannot freeze the presenter's screen
        noecho()
        nonl()
        let screen = ciodash_stdscr()
        keypad(screen, true)
        leaveok(screen, true)  // the cursor is hidden: no need to move it back after each update
        curs_set(0)
        set_escdelay(escapeDelayMilliseconds)
        KeyReader.defineMissingSequences()
        // Bracketed paste: pasted text arrives between ESC[200~ and ESC[201~, so it can be told from
        // typed keys (a paste holding "q" must not quit). Off again in TerminalRestorer.
        _ = Array("\u{1B}[?2004h".utf8).withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }

        let noColourAsked = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let colour = has_colors() && !noColourAsked && requested.usesColour
        if colour {
            start_color()
            // Keep the terminal's own background; fall back to white on black where it cannot.
            if use_default_colors() != OK { assume_default_colors(Int32(COLOR_WHITE), Int32(COLOR_BLACK)) }
        }
        return TerminalSession(terminalName: name, localeCodeset: codeset, colour: colour,
                               theme: colour ? requested : .mono)
    }

    /// Checks TERM without writing anything: known to terminfo, and able to position the cursor.
    private static func checkTerminalType() throws -> String {
        guard let raw = getenv("TERM"), raw.pointee != 0 else { throw TerminalError.terminalTypeMissing }
        let name = String(cString: raw)
        var status: Int32 = 0
        guard setupterm(raw, STDOUT_FILENO, &status) == OK, status == 1 else {
            throw TerminalError.unknownTerminalType(name)
        }
        defer { del_curterm(ciodash_cur_term()) }
        // tigetstr gives NULL when the capability is absent and (char *)-1 when it is not a string.
        let cup = tigetstr("cup")
        guard let cup, Int(bitPattern: cup) != -1 else { throw TerminalError.cannotPositionCursor(name) }
        return name
    }

    /// The screen's current size in cells (it changes after a `.resize` key), within `SizeLimits`.
    public var size: TerminalSize {
        let screen = ciodash_stdscr()
        let bounded = SizeLimits.screen(width: Int(getmaxx(screen)), height: Int(getmaxy(screen)))
        return TerminalSize(width: bounded.width, height: bounded.height)
    }

    /// Draws `grid` at the top left, sending only what changed since the last frame.
    /// A grid larger than the screen is clipped; cells outside a smaller grid are blank.
    public func paint(_ grid: Grid) {
        guard TerminalRestorer.isActive else { return }
        let started = FrameLog.now(CLOCK_MONOTONIC)
        let result = painter.paint(grid)
        frameLog?.frame(started: started, cells: result.cells, full: result.full)
    }

    /// The next frame clears the terminal and repaints every cell (e.g. Ctrl-L after other output).
    public func requestFullRepaint() {
        painter.invalidate()
    }

    /// Waits up to `timeout` milliseconds for a key (nil waits without limit). Returns nil on timeout
    /// and for keys without a meaning. After `.resize`, `size` is the new size and the next `paint`
    /// is a full repaint.
    ///
    /// With `wake`, a descriptor that becomes readable when something else needs the loop (a
    /// network message), the wait also ends, with nil, as soon as it is readable.
    public func readKey(timeout: Int?, wake: Int32? = nil) -> Key? {
        guard TerminalRestorer.isActive else { return nil }
        let key = wake.map { KeyReader.read(timeout: timeout, wake: $0) } ?? KeyReader.read(timeout: timeout)
        if key != nil { frameLog?.keyRead() }
        if key == .resize { painter.invalidate() }
        return key
    }

    /// Gives the terminal back: main screen, visible cursor, the shell's tty modes. Safe to call
    /// more than once; after it, `paint` and `readKey` do nothing.
    public func restore() {
        TerminalRestorer.restore()
    }
}
