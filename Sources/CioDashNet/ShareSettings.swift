/// The presenter's side of the link: where it listens, the code, and the limits that keep a
/// hostile room from taking the presenter's time or memory.
public struct ShareSettings: Sendable {
    public var host: String
    public var port: Int
    public var code: RoomCode
    /// Most followers joined at once (speaker views count).
    public var maxFollowers = 200
    /// Most connections still in their handshake; more are refused as busy.
    public var maxHandshakes = 256
    /// A hello, challenge and proof must be done within this many seconds.
    public var handshakeDeadline = 5.0
    /// Wrong codes allowed per address per `failureWindow` seconds.
    public var failureLimit = 5
    public var failureWindow = 60.0
    /// Wrong codes allowed from all addresses together per `failureWindow` (rotating addresses
    /// gains a guesser nothing beyond this).
    public var overallFailureLimit = 60
    /// The state is sent again this often even when nothing changed, so a follower's countdown stays
    /// on the presenter's clock and a follower notices a dead link.
    public var heartbeat = 2.0
    /// A follower heard nothing from for this long is closed (it pings every few seconds).
    public var silenceLimit = 30.0

    public static let defaultPort = 7420

    public init(host: String = "0.0.0.0", port: Int = ShareSettings.defaultPort, code: RoomCode) {
        self.host = host
        self.port = port
        self.code = code
    }
}
