import CioDashCore
import CioDashRender

/// Everything the dashboard's screen is a function of, apart from the meeting and the clock.
public struct NavigationState: Equatable, Sendable {
    public enum Mode: Equatable, Sendable { case browse, present }

    /// A prompt at the bottom of the screen that is taking typed text.
    public enum Prompt: Equatable, Sendable {
        case search(String)
        case goToSlide(String)
    }

    public var mode: Mode
    /// What is shown and selected, as the view kinds read and move it. In presenter mode the view
    /// is also the current slide (a slide is known by the view it shows, so a deck rebuilt on
    /// reload keeps it).
    public var selection: ViewSelection
    public var language: Language
    /// What is shown (`selection.view`).
    public var view: ViewID {
        get { selection.view }
        set { selection.view = newValue }
    }
    /// The selected province by id (`selection.province`); nil selects the first.
    public var province: String? {
        get { selection.province }
        set { selection.province = newValue }
    }
    /// The selected topic by id (`selection.topic`); nil selects the first.
    public var topic: String? {
        get { selection.topic }
        set { selection.topic = newValue }
    }
    /// First body row shown (`selection.scroll`).
    public var scroll: Int {
        get { selection.scroll }
        set { selection.scroll = newValue }
    }
    /// Whether the screen keeps the selection visible (`selection.followSelection`).
    public var followSelection: Bool {
        get { selection.followSelection }
        set { selection.followSelection = newValue }
    }
    /// Body rows visible on screen, set by the shell on resize; PgUp/PgDn move by it.
    public var pageSize = 20
    /// Views to go back to with Esc/Backspace, most recent last.
    public var history: [ViewID] = []
    /// The scroll each view was left at, so that going back (Esc, Tab) shows it as it was.
    /// Bounded: trimmed to the views in `history` when it grows past `scrollMemoryLimit`.
    public var scrollMemory: [ViewID: Int] = [:]
    public static let scrollMemoryLimit = 64
    public var prompt: Prompt?
    /// The last confirmed search (folded), for `n` and for highlighting.
    public var search: String?
    /// Index of the current match in the search's match list, for `n`.
    public var searchPosition = -1
    public var showHelp = false
    /// Help lines scrolled past, when the help is taller than the screen.
    public var helpScroll = 0
    /// One-line message for the status line (saved snapshot, reload result, no match).
    public var message: String?
    public var timer = TopicTimer()

    public init(mode: Mode = .browse, view: ViewID? = nil, language: Language) {
        self.mode = mode
        selection = ViewSelection(view: view ?? (mode == .present ? .agenda : .overview))
        self.language = language
    }
}

/// What the shell must do after a key: the pure update only asks for it.
public enum NavigationEffect: Equatable, Sendable {
    case quit
    case reload
    /// Write the current view as a text snapshot.
    case saveSnapshot(ViewID)
}

/// The presenter's per-topic countdown. Time comes in as seconds from a monotonic clock.
public struct TopicTimer: Equatable, Sendable {
    /// Seconds spent on each topic before the current run.
    public var spent: [String: Double] = [:]
    public var activeTopic: String?
    public var runningSince: Double?
    public var paused = false

    public init() {}

    /// Seconds spent on `topic` so far, at time `now`.
    public func elapsed(_ topic: String, now: Double) -> Double {
        var total = spent[topic] ?? 0
        if topic == activeTopic, let since = runningSince { total += max(0, now - since) }
        return total
    }

    /// Switches the running clock to `topic` (nil for slides outside any topic).
    public mutating func activate(_ topic: String?, now: Double) {
        guard topic != activeTopic else { return }
        stopRun(now: now)
        activeTopic = topic
        if topic != nil && !paused { runningSince = now }
    }

    public mutating func togglePause(now: Double) {
        if paused {
            paused = false
            if activeTopic != nil { runningSince = now }
        } else {
            stopRun(now: now)
            paused = true
        }
    }

    private mutating func stopRun(now: Double) {
        if let topic = activeTopic, let since = runningSince {
            spent[topic, default: 0] += max(0, now - since)
        }
        runningSince = nil
    }
}
