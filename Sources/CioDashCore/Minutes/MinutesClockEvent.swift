/// What the agenda clock did, as the journal records it: wall-clock seconds since 1970 (UTC).
public struct MinutesClockEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The item's countdown began running (the presenter reached it).
        case start
        /// It stopped because the presenter moved on.
        case stop
        /// Paused (`p`) and resumed.
        case pause, resume
        /// Still running at this time: written every so often, so a crash loses little time.
        case alive
        /// The presenter closed (`q`): the session ended here.
        case end
        /// Written on resuming after a crash: the run that was going ended at the last time known.
        case interrupted
    }

    public var kind: Kind
    /// The agenda item; nil for `end` (and for `alive` it is the running one).
    public var topic: String?
    public var at: Double

    public init(_ kind: Kind, topic: String?, at: Double) {
        self.kind = kind
        self.topic = topic
        self.at = at
    }
}
