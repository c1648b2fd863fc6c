/// Which presenter slides an agenda topic gets (`slides:` in meeting.yaml).
public enum SlideChoice: Hashable, Sendable {
    /// The ranking, then every province's panel (the default).
    case panels
    /// The ranking only.
    case ranking
    /// The ranking, then the panels of these provinces, in this order.
    case provinces([String])
    /// No slides: the presenter skips the topic.
    case none
}
