import CioDashApp
import CioDashCore
import CioDashNet
import CioDashRender
import CioDashWeb

/// `present --share`'s side for browsers (`--web`): the room's page for delegates with a phone or
/// a Windows laptop. The share link calls it at the same points of the loop as its own.
final class BrowserShare {
    let server: WebServer
    let address: LinkAddress
    /// The join address on each of the machine's addresses, upper case (see `WebServer.joinURL`).
    let joinAddresses: [String]

    init(address: LinkAddress, code: RoomCode, noAhead: Bool) throws {
        self.address = address
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

    func prepare(_ app: inout AppState) {
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
        server.drain().map { event in
            switch event {
            case .viewers(let n): return .remote(.viewers(n))
            case .refused(let summary): return .remote(.rejected(summary.line(app.navigation.language)))
            }
        }
    }

    func stateChanged(_ app: AppState, _ share: PresenterShare) {
        server.publish(meeting: app.meeting, generation: app.generation)
        server.publish(share)
    }

    func close() { server.stop() }
}
