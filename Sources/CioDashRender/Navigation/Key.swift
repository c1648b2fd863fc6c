import CioDashCore

/// A key press as the navigation state machine sees it, independent of ncurses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case enter, escape, backspace, tab, backTab
    case pageUp, pageDown, home, end
    case function(Int)
    /// Ctrl-C when the terminal delivers it as a key (raw mode), not as SIGINT.
    case interrupt
    /// The terminal changed size; the new size comes with the next frame.
    case resize
    /// Text pasted into the terminal (bracketed paste), already one safe line: it is typed into the
    /// search prompt, and ignored everywhere else; never read as commands ("q" in it must not quit).
    case paste(String)

    /// The most a paste adds to a prompt.
    public static let longestPaste = 200

    /// A paste as the terminal delivered it: line breaks and tabs become spaces, controls are shown
    /// by the sanitiser, and it is cut to `longestPaste` characters.
    public static func paste(fromTerminal text: String) -> Key {
        let line = TextSanitizer.line(text)
        return .paste(line.count > longestPaste ? String(line.prefix(longestPaste)) : line)
    }
}
