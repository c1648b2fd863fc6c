import CioDashRender

/// A message from another screen of the meeting. It takes the same path as a key: a slide change
/// from the network moves the countdown exactly as `]` or a digit does.
public enum RemoteMessage: Equatable, Sendable {
    /// Show the slide that shows `view` (a presenter's speaker view or remote asking for it).
    case goToSlide(ViewID)
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
