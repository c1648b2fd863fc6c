import CioDashApp
import CioDashCore
import CioDashNet
import CioDashRender
import CioDashWeb

/// `present --share`'s side for browsers (`--web`): the room's page for delegates with a phone or
/// a Windows laptop. It wraps the share link: the loop talks to both through this one `RoomLink`,
/// and the share link does not know it is there.
final class BrowserShare: RoomLink {
    let link: RoomLink
    let server: WebServer
    /// The join address on each of the machine's addresses, upper case (see `WebServer.joinURL`).
    let joinAddresses: [String]
    /// The browsers' own count of changes (their event ids), moved as the followers' is.
    private var revision: UInt64 = 0
    private var last: PresenterShare?

    init(around link: RoomLink, address: LinkAddress, code: RoomCode, noAhead: Bool) throws {
        self.link = link
        var settings = WebSettings(host: address.host, port: address.port, token: ViewerToken.derive(code: code.value))
        settings.noAhead = noAhead
        server = WebServer(settings: settings)
        try server.start()
        joinAddresses = address.joinAddresses().compactMap { text in
            LinkAddress(text, defaultHost: address.host, defaultPort: address.port)
                .map { WebServer.joinURL(host: $0.host, port: $0.port, token: settings.token) }
        }
    }

    /// The default: the share's own host, the next port.
    static func defaultAddress(for share: LinkAddress) -> LinkAddress {
        LinkAddress(host: share.host, port: share.port < 65535 ? share.port + 1 : share.port - 1)
    }

    var wakeDescriptor: Int32? { link.wakeDescriptor }

    func prepare(_ app: inout AppState) {
        link.prepare(&app)
        // The page can be asked for before the first round of the loop.
        server.publish(meeting: app.meeting, generation: app.generation)
        guard let first = joinAddresses.first else { return }
        app.share?.webAddress = first
        app.share?.webCode = QRCodeMatrix(first)?.halfBlockLines() ?? []
        let vi = app.navigation.language == .vi
        app.navigation.message = (vi ? "trình duyệt: mở " : "browsers: open ") + joinAddresses.joined(separator: " ")
            + (vi ? " (i: mã QR)" : " (i: QR code)")
    }

    func events(_ app: AppState) -> [AppEvent] {
        link.events(app) + server.drain().map { event in
            switch event {
            case .viewers(let n): return .remote(.viewers(n))
            case .refused(let summary): return .remote(.rejected(summary.line(app.navigation.language)))
            case .announced(let units): return .remote(.unitsAnnounced(units))
            }
        }
    }

    func stateChanged(_ app: AppState) {
        link.stateChanged(app)
        server.publish(meeting: app.meeting, generation: app.generation)
        var share = PresenterShare(app, revision: revision, fingerprint: "")
        if last.map({ share.differs(from: $0) }) ?? true {
            revision += 1
            share.revision = revision
            server.publish(share)
        }
        last = share
    }

    func drive(_ command: Command) { link.drive(command) }

    func close() {
        server.stop()
        link.close()
    }
}
