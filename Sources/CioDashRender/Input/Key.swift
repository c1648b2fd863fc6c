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

    /// The names a replay script and the command log (`--command-log`) give the keys that are not
    /// one character (`key Tab`); a character key is named by itself.
    public static let scriptNames: [(name: String, key: Key)] = [
        ("Space", .character(" ")), ("Enter", .enter), ("Esc", .escape), ("Backspace", .backspace), ("Tab", .tab),
        ("BackTab", .backTab), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("PgUp", .pageUp),
        ("PgDn", .pageDown), ("Home", .home), ("End", .end), ("Delete", .delete), ("WordLeft", .wordLeft),
        ("WordRight", .wordRight), ("CtrlW", .deleteWord), ("CtrlC", .interrupt),
    ]
    private static let byScriptName = Dictionary(uniqueKeysWithValues: scriptNames.map { ($0.name, $0.key) })
    private static let scriptNameOf = Dictionary(uniqueKeysWithValues: scriptNames.map { ($0.key, $0.name) })

    /// The key a script names: a name of `scriptNames`, `F1`–`F12`, or one character.
    public init?(scriptName name: String) {
        if let key = Key.byScriptName[name] {
            self = key
        } else if name.count > 1, name.first == "F", let n = Int(name.dropFirst()), (1...12).contains(n) {
            self = .function(n)
        } else if name.count == 1, let c = name.first {
            self = .character(c)
        } else {
            return nil
        }
    }

    /// The name a script gives this key; nil for what is not a key press (a paste, a resize).
    public var scriptName: String? {
        if let name = Key.scriptNameOf[self] { return name }
        switch self {
        case .function(let n): return "F\(n)"
        case .character(let c) where !c.isWhitespace && !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }):
            return String(c)
        default: return nil
        }
    }

    /// Text as the keys that type it, one a character.
    public static func typing(_ text: some StringProtocol) -> [Key] { text.map { .character($0) } }

    /// Text as the keys that type it, one a Unicode scalar (decomposed text, as an input method sends it).
    public static func typingScalars(_ text: some StringProtocol) -> [Key] { text.unicodeScalars.map { .character(Character($0)) } }

    /// A paste as a prompt takes it: one line of at most `longestPaste` characters.
    public static func promptLine(_ pasted: String) -> String {
        let line = TextSanitizer.line(pasted)
        return line.count > longestPaste ? String(line.prefix(longestPaste)) : line
    }
}
