import CioDashCore
import CioDashRender

/// A key as the app core reads it, resolved once: the command the table gives it where it arrived,
/// and the key itself for what types text (a prompt, the minutes form) or needs its digit. A command
/// from another screen (a speaker view, a follower) has no key.
public struct Input: Equatable, Sendable {
    public var command: Command?
    public var key: Key?

    public init(command: Command?, key: Key? = nil) {
        self.command = command
        self.key = key
    }

    /// Text pasted into the terminal: typed into a prompt or the minutes form, never a command.
    var isPaste: Bool { if case .paste? = key { return true } else { return false } }
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
    static func key(_ state: AppState, _ key: Key) -> (AppState, [AppEffect]) {
        // A terminal event, not a binding: the next frame is painted whole, at the new size.
        if key == .resize { return (state, [.repaintAll]) }
        let input = Input(command: CommandTable.command(for: key, in: context(state)), key: key)
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
        let input = Input(command: CommandTable.command(for: key, in: Self.context(state)), key: key)
        if state.prompt != nil || state.showHelp || input.isPaste { return overlay(state, input, now: now) }
        return perform(state, input, now: now)
    }
}
