import CioDashCore
import CioDashRender

/// What the person at the screen did next, as the loop's key wait hands it out.
public enum UserInput: Equatable, Sendable {
    /// A key the terminal read: the loop resolves it with the command table where it arrives.
    case key(Key)
    /// An input already resolved: a command a replay names, or text typed or pasted.
    case resolved(Input)
}

/// The language of replay scripts, which the command log (`--command-log`) writes and the replays
/// read, one line each (VisiData's command log): commands by name, text as text, the clock's waits.
///
///   start MODE LANG WxH [minutes]  the dashboard opens (browse|present, vi|en, the screen's size)
///   do COMMAND [ARGUMENT]   a command by its name (`Command`'s raw value): `do nextTopic`,
///                           `do agendaItem 3`, `do search dak lak`, `do goToSlide 12`; commands
///                           that take no argument may share a line: `do back nextView`
///   type TEXT               text typed into a prompt or the minutes form (never a command)
///   paste TEXT              text pasted (bracketed paste)
///   key K …                 keys, resolved where they arrive: `key Tab` (the minutes form's own
///                           editing keys, which no command names) or a table test's `key ]`
///   wait SECONDS            the clock moves on with no input (in ticks of the loop's key wait)
///   size WxH                the terminal changed size
///
/// TEXT and ARGUMENT are the rest of the line up to a `#` comment, or a quoted string ("…", with
/// \\ \" \n \t and \u{hex}) when they hold what a bare line cannot (a `#`, a line break, spaces
/// at either end, control characters). The command log writes every text it cannot write bare
/// quoted, so a log never holds a character that drives a terminal.
public enum CommandScript {
    /// One line, read.
    public enum Line: Equatable {
        case inputs([UserInput])
        case wait(Double)
        case start(mode: NavigationState.Mode, language: Language, width: Int, height: Int, minutes: Bool)
        case size(width: Int, height: Int)
        /// A line the reader does itself (a replay's `frame`, `hide FILE`…): its words and what
        /// follows the verb, comment left out.
        case other(verb: String, words: [String], rest: String)
    }

    /// A line that does not read, with why.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Reads one line; nil for a blank line or a comment.
    public static func parse(_ line: String) throws -> Line? {
        let trimmed = line.drop { $0 == " " }
        guard let verbEnd = trimmed.firstIndex(where: { $0 == " " }) ?? (trimmed.isEmpty ? nil : trimmed.endIndex),
              !trimmed.hasPrefix("#") else { return nil }
        let verb = String(trimmed[..<verbEnd])
        let after = trimmed[verbEnd...].dropFirst()
        let words = uncommented(after).split(separator: " ").map(String.init)
        switch verb {
        case "do":
            guard let name = words.first else { throw ParseError("do: which command?") }
            guard let command = Command(rawValue: name) else { throw ParseError("do: no command is named \(name)") }
            guard let kind = command.argumentKind else {
                // Commands without an argument may follow each other on one line: `do back nextView`.
                return .inputs(try words.map { word in
                    guard let next = Command(rawValue: word) else { throw ParseError("do: no command is named \(word)") }
                    guard next.argumentKind == nil else { throw ParseError("do: \(word) takes an argument: a line of its own") }
                    return .resolved(Input(command: next))
                })
            }
            let rest = after.drop { $0 == " " }.dropFirst(name.count)
            guard let text = try argument(rest) else { return .inputs([.resolved(Input(command: command))]) }
            switch kind {
            case .number:
                guard let n = Int(text) else { throw ParseError("do \(name): \(text) is not a number") }
                return .inputs([.resolved(Input(command: command, argument: .number(n)))])
            case .text:
                return .inputs([.resolved(Input(command: command, argument: .text(text)))])
            }
        case "type":
            return .inputs(Key.typing(try text(after)).map { .resolved(Input(typing: $0)) })
        case "paste":
            return .inputs([.resolved(Input(typing: .paste(fromTerminal: try text(after, bareLineBreaks: true))))])
        case "key":
            return .inputs(try words.map { name in
                guard let key = Key(scriptName: name) else { throw ParseError("key: no key is named \(name)") }
                return .key(key)
            })
        case "wait":
            guard words.count == 1, let seconds = Double(words[0]), seconds >= 0 else { throw ParseError("wait: how many seconds?") }
            return .wait(seconds)
        case "size":
            guard words.count == 1, let size = size(words[0]) else { throw ParseError("size: WIDTHxHEIGHT") }
            return .size(width: size.width, height: size.height)
        case "start":
            guard (3...4).contains(words.count), let mode = NavigationState.Mode(script: words[0]),
                  let language = Language(rawValue: words[1]), let size = size(words[2]),
                  words.count == 3 || words[3] == "minutes" else { throw ParseError("start: MODE LANG WxH [minutes]") }
            return .start(mode: mode, language: language, width: size.width, height: size.height, minutes: words.count == 4)
        default:
            return .other(verb: verb, words: words, rest: String(uncommented(after)))
        }
    }

    // MARK: Writing

    /// The line that opens a session.
    public static func start(mode: NavigationState.Mode, language: Language, width: Int, height: Int, minutes: Bool) -> String {
        "start \(mode == .present ? "present" : "browse") \(language.rawValue) \(width)x\(height)" + (minutes ? " minutes" : "")
    }

    /// The line of one resolved input: `typed` when it arrived where keys type text (a prompt, the
    /// minutes form). Nil for what is no input (a resize: `size`).
    public static func line(_ input: Input, typed: Bool) -> String? {
        if let command = input.command {
            switch input.argument {
            case .number(let n)?: return "do \(command.rawValue) \(n)"
            case .text(let text)?: return "do \(command.rawValue) " + bare(text)
            case nil: return "do \(command.rawValue)"
            }
        }
        guard let key = input.key else { return nil }
        if case .paste(let text, _) = key { return "paste " + bare(text) }
        if typed, let text = key.promptText { return "type " + bare(text) }
        return key.scriptName.map { "key " + $0 }
    }

    /// A wait of `seconds`, written as few digits as it needs.
    public static func wait(_ seconds: Double) -> String {
        let text = String(seconds)
        return "wait " + (text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    /// `text` as a line writes it: bare when it reads back the same, otherwise quoted.
    public static func bare(_ text: String) -> String {
        let risky = text.isEmpty || text.first == " " || text.last == " " || text.first == "\""
            || text.contains("#") || text.contains("\\")
            || text.unicodeScalars.contains { escaped($0) }
        return risky ? quoted(text) : text
    }

    /// `text` in quotes, with every character that could break the line or reach a terminal escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out += escaped(u) ? "\\u{" + String(u.value, radix: 16) + "}" : String(u)
            }
        }
        return out + "\""
    }

    // MARK: Reading text

    /// A scalar a log writes as an escape: controls, invisible format characters, line separators.
    private static func escaped(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    private static func uncommented(_ text: Substring) -> Substring {
        text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    }

    /// A command's argument: quoted, or the rest of the line trimmed; nil when there is none.
    private static func argument(_ rest: Substring) throws -> String? {
        let start = rest.drop { $0 == " " }
        if start.first == "\"" { return try unquoted(start) }
        let bare = uncommented(start).trimmingSpaces
        return bare.isEmpty ? nil : bare
    }

    /// Typed or pasted text: quoted, or the rest of the line as it is up to a comment (with
    /// `bareLineBreaks`, `\n` in it is a line break, as replay scripts write pastes).
    private static func text(_ rest: Substring, bareLineBreaks: Bool = false) throws -> String {
        if rest.first == "\"" { return try unquoted(rest) }
        let bare = String(uncommented(rest))
        return bareLineBreaks ? bare.replacing("\\n", with: "\n") : bare
    }

    /// A quoted string at the start of `text`; only spaces or a comment may follow it.
    private static func unquoted(_ text: Substring) throws -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 1
        while i < scalars.count {
            let u = scalars[i]
            i += 1
            if u == "\"" {
                let after = String(String.UnicodeScalarView(scalars[i...])).drop { $0 == " " }
                guard after.isEmpty || after.first == "#" else { throw ParseError("text after the closing quote: \(after)") }
                return String(out)
            }
            guard u == "\\" else { out.append(u); continue }
            guard i < scalars.count else { throw ParseError("a \\ ends the line") }
            let e = scalars[i]
            i += 1
            switch e {
            case "\\", "\"": out.append(e)
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "u":
                guard i < scalars.count, scalars[i] == "{", let close = scalars[i...].firstIndex(of: "}"),
                      let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 1)..<close])), radix: 16),
                      let scalar = Unicode.Scalar(value) else { throw ParseError("\\u needs {hex}") }
                out.append(scalar)
                i = close + 1
            default: throw ParseError("unknown escape \\\(e)")
            }
        }
        throw ParseError("no closing quote")
    }

    private static func size(_ word: String) -> (width: Int, height: Int)? {
        let parts = word.split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        return (w, h)
    }
}

extension NavigationState.Mode {
    /// The mode a script's `start` names.
    init?(script word: String) {
        switch word {
        case "browse": self = .browse
        case "present": self = .present
        default: return nil
        }
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

