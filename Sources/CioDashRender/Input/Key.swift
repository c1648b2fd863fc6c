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
    /// Delete (the character after the cursor, in the minutes editor).
    case delete
    /// Ctrl-← / Ctrl-→ (or Alt-b / Alt-f): a word left or right, in the minutes editor.
    case wordLeft, wordRight
    /// Ctrl-W: delete the word before the cursor, in the minutes editor.
    case deleteWord
    /// Text pasted into the terminal (bracketed paste), controls dropped, line breaks kept: typed
    /// into the minutes editor as it is and into the search prompt as one line; ignored everywhere
    /// else, never read as commands ("q" in it must not quit). `cut` when the paste was longer
    /// than `longestPastedText` and only its start is here (the minutes form says so).
    case paste(String, cut: Bool = false)

    /// The most a paste adds to a prompt.
    public static let longestPaste = 200
    /// The most a paste brings at all, in characters (100 lines of minutes are far less).
    public static let longestPastedText = 100_000

    /// A paste as the terminal delivered it: control characters dropped (they never reach the
    /// screen or a file), tabs as spaces, CR LF as a line break, cut to `longestPastedText`.
    /// `cut`: the terminal reader already dropped the rest.
    public static func paste(fromTerminal text: String, cut: Bool = false) -> Key {
        let clean = TypedText.clean(text, multiline: true)
        if clean.count > longestPastedText { return .paste(String(clean.prefix(longestPastedText)), cut: true) }
        return .paste(clean, cut: cut)
    }

    /// The digit of a digit key (which agenda item `1`–`9` means).
    public var digit: Int? {
        if case .character(let c) = self { return c.wholeNumberValue }
        return nil
    }

    /// What the key types into a one-line prompt: its character, or a paste as one line; nil for
    /// keys that type nothing.
    public var promptText: String? {
        switch self {
        case .character(let c): return String(c)
        case .paste(let text, _): return Key.promptLine(text)
        default: return nil
        }
    }

    /// A paste as a prompt takes it: one line of at most `longestPaste` characters.
    public static func promptLine(_ pasted: String) -> String {
        let line = TextSanitizer.line(pasted)
        return line.count > longestPaste ? String(line.prefix(longestPaste)) : line
    }
}
