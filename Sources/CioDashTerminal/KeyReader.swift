import CNcursesw
import CioDashRender
import Glibc

/// Reads one key from ncurses and says what it is as a `Key`.
enum KeyReader {
    /// Waits up to `timeout` milliseconds (nil: until a key comes). Returns nil on timeout and for
    /// keys the dashboard has no use for.
    static func read(timeout: Int?) -> Key? {
        let screen = ciodash_stdscr()
        wtimeout(screen, Int32(clamping: timeout ?? -1))
        var value: wint_t = 0
        let kind = wget_wch(screen, &value)
        switch kind {
        case KEY_CODE_YES:
            return functionKey(Int32(bitPattern: value))
        case OK:
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            if scalar == "\u{1B}" {
                switch readSequence() {
                case .none: return .escape
                case .swallowed: return nil
                case .pasteStart: return readPaste()
                }
            }
            if let key = controlKey(scalar) { return key }
            guard isPrintable(scalar) else { return nil }
            return .character(joiningMarks(after: scalar))
        default:
            return nil
        }
    }

    /// As `read(timeout:)`, but the wait also ends (with nil) when `wake` is readable. Keys ncurses
    /// already holds (typed ahead, pushed back) come first; then both the terminal and `wake` are
    /// watched with poll(2). A signal (SIGWINCH) ends the poll too, and ncurses then gives the resize.
    static func read(timeout: Int?, wake: Int32) -> Key? {
        if let key = read(timeout: 0) { return key }
        let started = Monotonic.milliseconds()
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, Int32(clamping: timeout ?? -1))
        if ready == 0 || (ready > 0 && fds[0].revents == 0) { return nil }
        let left = timeout.map { max(0, $0 - (Monotonic.milliseconds() - started)) }
        // Input is there (or a signal came): ncurses reads it whole, waiting at most what is left.
        return read(timeout: ready < 0 ? 0 : left.map { max(10, $0) })
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        // tmux and some xterms send Home/End as ESC[1~ / ESC[4~, which terminfo calls Find/Select.
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_RESIZE: return .resize
        case KEY_DC: return .delete
        case wordLeftCode: return .wordLeft
        case wordRightCode: return .wordRight
        case ciodash_key_f(1)...ciodash_key_f(63): return .function(Int(code - ciodash_key_f(0)))
        default: return nil
        }
    }

    static func controlKey(_ scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 0x0D, 0x0A: return .enter
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x09: return .tab
        // Raw mode delivers Ctrl-C as a byte instead of SIGINT.
        case 0x03: return .interrupt
        case 0x17: return .deleteWord
        default: return nil
        }
    }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v >= 0x20 && !(0x7F...0x9F).contains(v)
    }

    /// Sequences some terminals send that their terminfo entry does not list: tmux sends ESC[1~ and
    /// ESC[4~ for Home and End whatever TERM says, and xterm-256color knows them only as ESC OH/OF.
    /// Unknown, they would arrive as Esc plus text, and Home would act as Esc.
    static func defineMissingSequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
            ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
        ]
        for (sequence, key) in sequences where key_defined(sequence) <= 0 {
            define_key(sequence, key)
        }
        // Ctrl-← / Ctrl-→ (xterm, tmux) and Alt-← / Alt-→: one code each, whatever terminfo calls them.
        for sequence in ["\u{1B}[1;5D", "\u{1B}[1;3D", "\u{1B}b"] { define(sequence, as: wordLeftCode) }
        for sequence in ["\u{1B}[1;5C", "\u{1B}[1;3C", "\u{1B}f"] { define(sequence, as: wordRightCode) }
    }

    /// Key codes of our own for the word moves, above ncurses' KEY_MAX.
    static let wordLeftCode: Int32 = 0x1F00
    static let wordRightCode: Int32 = 0x1F01

    private static func define(_ sequence: String, as code: Int32) {
        // A sequence terminfo already names (kLFT5) is taken back from it first.
        if key_defined(sequence) > 0 { define_key(sequence, 0) }
        define_key(sequence, code)
    }

    private enum Sequence { case none, swallowed, pasteStart }

    /// After ncurses has waited ESCDELAY, an Esc with more bytes right behind it is a sequence
    /// ncurses does not know (a key missing from terminfo), not the Esc key: drop it whole so that it
    /// neither acts as Esc nor types "[1;5A". ESC [ 200 ~ starts a bracketed paste.
    private static func readSequence() -> Sequence {
        let screen = ciodash_stdscr()
        wtimeout(screen, 0)
        var value: wint_t = 0
        guard wget_wch(screen, &value) != ERR else { return .none }
        // CSI: parameters until a final byte 0x40–0x7E; SS3 and Alt+key: one more character.
        if value == 0x5B {
            var parameters: [UInt32] = []
            while wget_wch(screen, &value) != ERR {
                if (0x40...0x7E).contains(value) {
                    if value == 0x7E && parameters == [0x32, 0x30, 0x30] { return .pasteStart }
                    break
                }
                parameters.append(UInt32(value))
            }
        } else if value == 0x4F {
            _ = wget_wch(screen, &value)
        }
        return .swallowed
    }

    /// The pasted text up to ESC [ 201 ~ (or until the terminal stops sending for a moment), read
    /// whole so that none of it is taken for keys. Kept to a bounded length; the rest is read and dropped.
    private static func readPaste() -> Key {
        let screen = ciodash_stdscr()
        wtimeout(screen, 100)
        let end: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        var text: [UInt32] = []
        var pending: [UInt32] = []  // what may be the start of the end marker
        // Scalars, not characters: room for a decomposed text, cut to characters by Key.paste.
        let kept = 4 * Key.longestPastedText
        var dropped = false
        func keep<C: Collection<UInt32>>(_ values: C) {
            for v in values { if text.count < kept { text.append(v) } else { dropped = true } }
        }
        var value: wint_t = 0
        while true {
            let kind = wget_wch(screen, &value)
            if kind == ERR { break }
            if kind == KEY_CODE_YES { continue }
            pending.append(UInt32(value))
            if pending == end { pending = []; break }
            if end.starts(with: pending) { continue }
            let startsAgain = UInt32(value) == 0x1B
            keep(startsAgain ? pending.dropLast() : pending[...])
            pending = startsAgain ? [0x1B] : []
        }
        keep(pending)
        var scalars = String.UnicodeScalarView()
        for v in text { if let s = Unicode.Scalar(v) { scalars.append(s) } }
        return .paste(fromTerminal: String(scalars), cut: dropped)
    }

    /// Typed text arrives one scalar at a time; an input method that sends decomposed Vietnamese
    /// ("e" then U+0302 U+0301) gives one character "ế", not three keys.
    private static func joiningMarks(after base: Unicode.Scalar) -> Character {
        var text = String.UnicodeScalarView([base])
        let screen = ciodash_stdscr()
        wtimeout(screen, 0)
        while true {
            var value: wint_t = 0
            let kind = wget_wch(screen, &value)
            if kind == ERR { break }
            if kind == OK, let mark = Unicode.Scalar(UInt32(value)), isPrintable(mark), wcwidth(wchar_t(value)) == 0 {
                var joined = text
                joined.append(mark)
                // Zero-width format characters (ZWSP) do not join: they would make two characters.
                if String(joined).count == 1 {
                    text = joined
                    continue
                }
            }
            // Not a mark: leave it for the next read.
            if kind == KEY_CODE_YES { ungetch(Int32(bitPattern: value)) } else { unget_wch(wchar_t(value)) }
            break
        }
        return Character(String(text))
    }
}

/// Milliseconds from CLOCK_MONOTONIC, for what is left of a key wait.
private enum Monotonic {
    static func milliseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }
}
