/// Why the live screen cannot start. Each message says what to do instead.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, CI): print a snapshot instead.
    case notATerminal
    /// TERM is unset or empty.
    case terminalTypeMissing
    /// TERM names a type this machine's terminfo database does not know.
    case unknownTerminalType(String)
    /// The terminal cannot move the cursor (TERM=dumb, a hardcopy terminal).
    case cannotPositionCursor(String)
    /// Neither the environment's locale nor C.UTF-8 gives UTF-8, so Vietnamese would be garbled.
    case noUTF8Locale(codeset: String)
    /// ncurses refused to start for another reason.
    case screenFailed(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal for the live screen"
        case .terminalTypeMissing:
            return "TERM is not set, so the terminal type is unknown; set it, e.g. TERM=xterm-256color"
        case .unknownTerminalType(let name):
            return "the terminal type '\(name)' is not in this machine's terminfo database; "
                + "run with TERM=xterm-256color, or install its description (Debian: ncurses-term)"
        case .cannotPositionCursor(let name):
            return "the terminal type '\(name)' cannot position the cursor, so the live screen cannot run; "
                + "use a full terminal (e.g. TERM=xterm-256color) or a text snapshot"
        case .noUTF8Locale(let codeset):
            return "no UTF-8 locale is available (codeset \(codeset)), so Vietnamese text cannot be shown; "
                + "set LANG=C.UTF-8"
        case .screenFailed(let reason):
            return "the terminal screen could not start: \(reason)"
        }
    }
}
