import CioDashCore
import CioDashRender

/// What a command acts on when its name is not enough.
public enum CommandArgument: Equatable, Sendable {
    /// Agenda item N (`agendaItem`): a digit key gives its digit.
    case number(Int)
    /// The text a prompt confirmed (`search`, `goToSlide`); without it these commands open the prompt.
    case text(String)
}

/// What an input does, resolved once: a command (with its argument, if it takes one), or text
/// typed into a prompt or the minutes form, or a key the minutes form edits with (the key itself).
/// A key is resolved with the command table where it arrived (`resolving`); a replayed command log
/// names the command and its argument; a command from another screen (a speaker view, a follower)
/// has no key. After resolution all three take the same path.
public struct Input: Equatable, Sendable {
    public var command: Command?
    public var argument: CommandArgument?
    public var key: Key?

    public init(command: Command?, argument: CommandArgument? = nil, key: Key? = nil) {
        self.command = command
        self.argument = argument
        self.key = key
    }

    /// Text typed or pasted into a prompt or the minutes form: never a command.
    public init(typing key: Key) {
        self.init(command: nil, key: key)
    }

    /// `key` as it means in `context`: the command the table binds it to there, with the argument
    /// the key gives it (a digit: its agenda item; Enter in a prompt: the prompt's command with the
    /// text typed, as `do search dak lak` names it); in the help, a key bound to nothing closes it.
    public static func resolving(_ key: Key, in context: CommandTable.Context, prompt: NavigationState.Prompt?) -> Input {
        let command = CommandTable.command(for: key, in: context)
        switch command {
        case .agendaItem?:
            return Input(command: .agendaItem, argument: key.digit.map(CommandArgument.number), key: key)
        case .confirm? where context == .prompt:
            guard let prompt else { break }
            return Input(command: prompt.command, argument: .text(prompt.text), key: key)
        case nil where context == .help && key != .resize:
            if case .paste = key { break }
            return Input(command: .close, key: key)
        default:
            break
        }
        return Input(command: command, key: key)
    }

    /// Text pasted into the terminal: typed into a prompt or the minutes form, never a command.
    var isPaste: Bool { if case .paste? = key { return true } else { return false } }

    /// The agenda item a command names.
    var number: Int? { if case .number(let n)? = argument { return n } else { return nil } }
    /// The text a command names.
    var text: String? { if case .text(let t)? = argument { return t } else { return nil } }
}

extension Command {
    /// What a command's argument is, for commands that take one.
    public enum ArgumentKind: Sendable { case number, text }

    /// The argument this command takes, if any (`do agendaItem 3`, `do search dak lak`).
    public var argumentKind: ArgumentKind? {
        switch self {
        case .agendaItem: return .number
        case .search, .goToSlide: return .text
        default: return nil
        }
    }
}

extension NavigationState.Prompt {
    /// The command that opened the prompt and that its confirmed text completes.
    var command: Command {
        switch self {
        case .search: return .search
        case .goToSlide: return .goToSlide
        }
    }

    /// What was typed into it.
    var text: String {
        switch self {
        case .search(let t), .goToSlide(let t): return t
        }
    }
}

/// Who handles a key, in one place. A key is resolved once, in the context of what is open, and
/// then offered down this chain; the first link that takes it decides what it does:
///
/// 1. the minutes form, when open, takes every key (its commands, or its text);
/// 2. a prompt (search, slide number), when open, takes every key;
/// 3. the help, when shown, scrolls or closes;
/// 4. the minutes (`m`) opens the form on the item on screen;
/// 5. the room: the room information (`i`, Esc), a follower's `f`, a speaker view's slide keys,
///    the keys a follower showing the presenter's slide may not use;
/// 6. the navigator: views, selections, slides, search, save, reload, quit.
///
/// A command from another screen (`AppEvent.command`) is never typed into what is open here: it
/// starts at link 5.
enum InputChain {
    /// A key, resolved where it arrives and offered down the chain.
    static func key(_ state: AppState, _ key: Key) -> (AppState, [AppEffect]) {
        input(state, resolve(state, key))
    }

    /// `key` resolved in the context of what is open on `state`'s screen.
    static func resolve(_ state: AppState, _ key: Key) -> Input {
        Input.resolving(key, in: context(state), prompt: state.navigation.prompt)
    }

    /// A resolved input (a key, or a command a replay names) down the chain from its first link.
    static func input(_ state: AppState, _ input: Input) -> (AppState, [AppEffect]) {
        // A terminal event, not a binding: the next frame is painted whole, at the new size.
        if input.key == .resize { return (state, [.repaintAll]) }
        var s = state
        if let effects = MinutesRules.form(&s, input) { return (s, effects) }
        if s.navigation.prompt != nil || s.navigation.showHelp || input.isPaste {
            let (next, effect) = s.navigator.overlay(s.navigation, input, now: s.clock.now)
            s.navigation = next
            return (s, effects(effect, s))
        }
        if let effects = MinutesRules.open(&s, input) { return (s, effects) }
        return fromRoom(s, input)
    }

    /// A command another screen sent: the room's and the navigator's links.
    static func command(_ state: AppState, _ command: Command) -> (AppState, [AppEffect]) {
        fromRoom(state, Input(command: command))
    }

    /// Where a key arrives: what is open on top of the screen, or the mode's screen.
    static func context(_ state: AppState) -> CommandTable.Context {
        if state.minutes?.editor != nil { return .minutesForm }
        return Navigator.context(state.navigation)
    }

    private static func fromRoom(_ state: AppState, _ input: Input) -> (AppState, [AppEffect]) {
        var s = state
        if let effects = AppCore.room(&s, input) { return (s, effects) }
        let (next, effect) = s.navigator.perform(s.navigation, input, now: s.clock.now)
        s.navigation = next
        // Detached, a follower browses the slides, but the countdown stays the presenter's.
        if let follow = s.follow, let last = follow.last { s.navigation.timer = last.timer(receivedAt: follow.receivedAt) }
        return (s, effects(effect, s))
    }

    private static func effects(_ effect: NavigationEffect?, _ s: AppState) -> [AppEffect] {
        switch effect {
        case .quit?: return [.quit]
        case .reload?: return [.reloadFolder]
        case .saveSnapshot(let view)?: return [.saveSnapshot(view, s.navigation.language)]
        case nil: return []
        }
    }
}

extension CommandTable.Context {
    /// Keys without a command here type text (a prompt, the minutes form).
    var takesText: Bool { self == .prompt || self == .minutesForm }
}

extension Navigator {
    /// The context of a key on a screen without the minutes form: a prompt, the help, or the mode's.
    static func context(_ state: NavigationState) -> CommandTable.Context {
        if state.prompt != nil { return .prompt }
        if state.showHelp { return .help }
        return CommandTable.Context(state.mode)
    }

    /// The navigator's links of the input chain for one key (links 2, 3 and 6): for the tests and
    /// the benchmark of navigation alone. The dashboard goes through `InputChain`.
    public func update(_ state: NavigationState, _ key: Key, now: Double = 0) -> (NavigationState, NavigationEffect?) {
        if key == .resize { return (state, nil) }
        let input = Input.resolving(key, in: Self.context(state), prompt: state.prompt)
        if state.prompt != nil || state.showHelp || input.isPaste { return overlay(state, input, now: now) }
        return perform(state, input, now: now)
    }
}
