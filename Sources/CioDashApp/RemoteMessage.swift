import CioDashRender

/// A message from another screen of the meeting. It takes the same path as a key: a slide change
/// from the network moves the countdown exactly as `]` or a digit does.
public enum RemoteMessage: Equatable, Sendable {
    /// Show the slide that shows `view` (a presenter's speaker view or remote asking for it).
    case goToSlide(ViewID)
}
