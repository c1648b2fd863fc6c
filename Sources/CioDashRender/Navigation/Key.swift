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
}
