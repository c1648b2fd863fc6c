import CioDashCore
import CioDashRender

/// What a presenter publishes to the room, whole, on every change: enough for a follower to show
/// the same slide and the presenter's countdown (from the presenter's clock) at its own size and
/// language, and to know whether its copy of the folder is the presenter's.
public struct PresenterShare: Equatable, Sendable, Codable {
    /// Counts the presenter's changes; a follower ignores a state older than one it has.
    public var revision: UInt64
    /// The slide shown, by identity.
    public var slide: ViewID
    /// Its place in the presenter's deck (1-based) and the deck's length, as the presenter counts.
    public var slideNumber: Int
    public var slideCount: Int
    /// Seconds spent per topic before the current run of the countdown.
    public var spent: [String: Double]
    /// The topic whose countdown is active, and for how long it has been running at the time sent
    /// (nil when paused or outside any topic).
    public var activeTopic: String?
    public var runningFor: Double?
    public var paused: Bool
    /// Seconds behind the agenda (negative: ahead), at the time sent.
    public var sessionDelta: Int
    /// SHA-256 of the folder's files (`FolderFiles.fingerprint`), so a follower with its own copy
    /// can say that it differs.
    public var fingerprint: String

    public init(revision: UInt64, slide: ViewID, slideNumber: Int, slideCount: Int, spent: [String: Double],
                activeTopic: String?, runningFor: Double?, paused: Bool, sessionDelta: Int, fingerprint: String) {
        self.revision = revision
        self.slide = slide
        self.slideNumber = slideNumber
        self.slideCount = slideCount
        self.spent = spent
        self.activeTopic = activeTopic
        self.runningFor = runningFor
        self.paused = paused
        self.sessionDelta = sessionDelta
        self.fingerprint = fingerprint
    }

    /// The presenter's state now.
    public init(_ state: AppState, revision: UInt64, fingerprint: String) {
        let nav = state.navigation, now = state.clock.now
        let deck = state.navigator.deck
        let topics = Set(deck.slides.compactMap(\.topicID))
        // Within the ranges a follower accepts (`problem`): a valid agenda may plan more than 7 days.
        let duration = { (seconds: Double) in min(max(seconds, 0), Self.maxDuration) }
        let delta = SessionTiming(timer: nav.timer, now: now).delta(state.meeting)
        self.init(revision: revision, slide: nav.view, slideNumber: (deck.index(of: nav.view) ?? 0) + 1,
                  slideCount: deck.slides.count,
                  spent: nav.timer.spent.filter { topics.contains($0.key) }.mapValues(duration),
                  activeTopic: nav.timer.activeTopic,
                  runningFor: nav.timer.runningSince.map { duration(now - $0) }, paused: nav.timer.paused,
                  sessionDelta: min(max(delta, -Int(Self.maxDuration)), Int(Self.maxDuration)), fingerprint: fingerprint)
    }

    /// The presenter's topics only: a presenter keeps seconds for topics a reload took away, and a
    /// follower checks that a state names no more topics than it has slides (`problem`).
    public func keepingTopics(_ topics: Set<String>) -> PresenterShare {
        var kept = self
        if spent.keys.contains(where: { !topics.contains($0) }) { kept.spent = spent.filter { topics.contains($0.key) } }
        return kept
    }

    /// Whether a follower would see something else: everything but the revision and the figures
    /// that only move with time (those are sent again with the periodic state).
    public func differs(from other: PresenterShare) -> Bool {
        slide != other.slide || slideNumber != other.slideNumber || slideCount != other.slideCount
            || spent != other.spent || activeTopic != other.activeTopic || (runningFor == nil) != (other.runningFor == nil)
            || paused != other.paused || fingerprint != other.fingerprint
    }

    /// The presenter's countdown on a follower's clock: `receivedAt` is the follower's monotonic time
    /// when this state arrived.
    public func timer(receivedAt: Double) -> TopicTimer {
        var timer = TopicTimer()
        timer.spent = spent
        timer.activeTopic = activeTopic
        timer.runningSince = runningFor.map { receivedAt - $0 }
        timer.paused = paused
        return timer
    }

    enum CodingKeys: String, CodingKey {
        case revision, slide, slideNumber, slideCount, spent, activeTopic, runningFor, paused, sessionDelta, fingerprint
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .slide)
        guard let slide = ViewID(description: name) else {
            throw DecodingError.dataCorruptedError(forKey: .slide, in: c, debugDescription: "not a view name")
        }
        self.init(revision: try c.decode(UInt64.self, forKey: .revision), slide: slide,
                  slideNumber: try c.decode(Int.self, forKey: .slideNumber),
                  slideCount: try c.decode(Int.self, forKey: .slideCount),
                  spent: try c.decode([String: Double].self, forKey: .spent),
                  activeTopic: try c.decodeIfPresent(String.self, forKey: .activeTopic),
                  runningFor: try c.decodeIfPresent(Double.self, forKey: .runningFor),
                  paused: try c.decode(Bool.self, forKey: .paused),
                  sessionDelta: try c.decode(Int.self, forKey: .sessionDelta),
                  fingerprint: try c.decode(String.self, forKey: .fingerprint))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(revision, forKey: .revision)
        try c.encode(slide.description, forKey: .slide)
        try c.encode(slideNumber, forKey: .slideNumber)
        try c.encode(slideCount, forKey: .slideCount)
        try c.encode(spent, forKey: .spent)
        try c.encodeIfPresent(activeTopic, forKey: .activeTopic)
        try c.encodeIfPresent(runningFor, forKey: .runningFor)
        try c.encode(paused, forKey: .paused)
        try c.encode(sessionDelta, forKey: .sessionDelta)
        try c.encode(fingerprint, forKey: .fingerprint)
    }
}
