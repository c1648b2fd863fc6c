import CioDashRender
import CioDashApp
import Glibc

/// What the presenter's side of the link tells the terminal's thread.
public enum PresenterLinkEvent: Sendable, Equatable {
    /// How many followers are joined now (speaker views included).
    case followers(Int)
    /// Peers refused since the last such event (`RejectionLog` keeps this to about one a second).
    case rejected(RejectionLog.Summary)
    /// The presenter's speaker view asked for this.
    case command(SpeakerCommand)
}

/// What a follower's side of the link tells the terminal's thread.
public enum FollowerLinkEvent: Sendable, Equatable {
    /// Not connected; the next try is in `after` seconds (`attempt` counts the tries so far).
    case waiting(attempt: Int, after: Double)
    /// Joined: both sides proved the code.
    case joined
    /// The presenter's state; `receivedAt` is this machine's monotonic clock when it arrived.
    case state(PresenterShare, receivedAt: Double)
    /// States from the presenter at `from` that were not used (out of range, too large, unreadable):
    /// `count` of them since the last such event, the latest for `problem`. The last good state stays.
    case stateIgnored(from: String, PresenterShare.Problem, count: Int)
    case folder(FolderFiles)
    /// The presenter's folder is too large to send: the follower needs its own copy.
    case folderUnavailable
    /// The presenter said it is quitting.
    case presenterLeft
    /// The link dropped without a goodbye.
    case lost
    /// The presenter refused this follower; when `reason.isFinal` the follower stopped trying.
    case refused(RejectReason)
}

/// A command pressed in the speaker view, as the wire carries it (one byte): it reaches the
/// presenter's app core as the same `Command` (`AppEvent.command`), so the countdown and everything
/// else follow the same rules as the presenter's own keys.
public enum SpeakerCommand: UInt8, Sendable, CaseIterable {
    case nextSlide = 1, previousSlide, nextTopic, previousTopic, togglePause

    /// The app's command this byte stands for.
    public var command: Command {
        switch self {
        case .nextSlide: return .nextSlide
        case .previousSlide: return .previousSlide
        case .nextTopic: return .nextTopic
        case .previousTopic: return .previousTopic
        case .togglePause: return .toggleTimer
        }
    }

    /// The byte for a speaker view's command; nil for a command the speaker view does not send.
    /// Enter in the speaker view turns the slide (the presenter's Enter on a ranking opens a panel
    /// the speaker cannot see being selected).
    public init?(_ command: Command) {
        switch command {
        case .nextSlide, .open: self = .nextSlide
        case .previousSlide: self = .previousSlide
        case .nextTopic: self = .nextTopic
        case .previousTopic: self = .previousTopic
        case .toggleTimer: self = .togglePause
        default: return nil
        }
    }
}

/// Seconds from CLOCK_MONOTONIC, the same clock the dashboard's runner reads.
enum LinkClock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
