import CioDashRender

/// What another screen of the meeting says about the room (a presenter's state, the link, who
/// joined). A command from another screen is not one of these: it is `AppEvent.command`, the same
/// command a key becomes.
public enum RemoteMessage: Equatable, Sendable {
    /// Follower: the presenter's whole state; `receivedAt` on this machine's monotonic clock.
    case presenterState(PresenterShare, receivedAt: Double)
    /// Follower: the link's state changed.
    case link(FollowState.Link)
    /// Follower without a copy: the presenter's folder is too large to send.
    case folderUnavailable
    /// Follower with a copy: its files' fingerprint now.
    case ownFingerprint(String)
    /// Presenter: how many followers are joined.
    case followers(Int)
    /// Presenter: how many browsers have the room's page open (`--web`).
    case viewers(Int)
    /// Presenter: the units (province ids) browsers said they represent, with how many browsers
    /// each (`--web`). A convenience for the minutes' attendance, never an identity.
    case unitsAnnounced([String: Int])
    /// A line for the status line: a presenter's refused peers, a follower's ignored states.
    case rejected(String)
}
