/// The presenter's web side: where it listens, whom it lets in, and the limits that keep a room of
/// hostile browsers from taking the presenter's time or memory.
public struct WebSettings: Sendable {
    public var host: String
    public var port: Int
    /// The viewer token of the room (`ViewerToken.derive`).
    public var token: String
    /// `--web-no-ahead`: a delegate may look back, never at a slide the projector has not shown.
    public var noAhead = false
    /// Open connections at most; one more is closed at once (a 503 when it can take one).
    public var maxConnections = 512
    /// Connections whose request head is not complete; one more pushes out the oldest, so a flood
    /// of idle connections cannot keep a real browser out.
    public var maxPending = 128
    /// A request head must arrive whole within this many seconds (slow headers are closed: 408).
    public var headerDeadline = 10.0
    /// The request line (method, target, version) at most (414 beyond).
    public var maxRequestLine = 2048
    /// The whole request head at most (431 beyond).
    public var maxHead = 8192
    /// Event streams open at once (the room's delegates, several devices each).
    public var maxViewers = 400
    /// Bytes an event stream may have waiting in its socket; a browser that does not read beyond
    /// this is dropped (it reconnects and gets the whole state).
    public var viewerBuffer = 64 << 10
    /// A comment on every event stream this often, so a proxy or a phone keeps it open.
    public var heartbeat = 15.0
    /// Wrong tokens allowed per address, and from all addresses together, per `failureWindow` seconds.
    public var failureLimit = 5
    public var overallFailureLimit = 60
    public var failureWindow = 60.0
    /// Units a browser may announce (`/attend`) per source per `failureWindow`.
    public var announcementLimit = 10
    /// The web thread's nice value (Linux: per thread), so the presenter's own thread wins the CPU.
    public var niceness: Int32 = 10
    /// Views made at once in the content cache (view × width × language of one folder revision).
    public var cacheEntries = 512

    public init(host: String, port: Int, token: String) {
        self.host = host
        self.port = port
        self.token = token
    }
}
