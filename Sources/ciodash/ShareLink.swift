import CioDashApp
import CioDashCore
import CioDashNet
import CioDashRender
import Foundation

/// `ciodash present --share`: publishes the presenter's state (and its folder, for followers with
/// no copy) on each change; speaker-view commands come back as the presenter's own keys.
final class ShareLink: RoomLink {
    let server: PresenterServer
    let folder: String
    let address: LinkAddress
    private var revision: UInt64 = 0
    private var last: PresenterShare?
    private var generation = -1
    private var fingerprint = ""

    var wakeDescriptor: Int32? { server.inbox.wakeDescriptor }

    init(address: LinkAddress, code: RoomCode, folder: String) throws {
        self.address = address
        self.folder = folder
        server = PresenterServer(settings: ShareSettings(host: address.host, port: address.port, code: code))
        try server.start()
    }

    func prepare(_ app: inout AppState) {
        app.share = ShareState(addresses: address.joinAddresses(), code: server.settings.code.description)
    }

    func events(_ app: AppState) -> [AppEvent] {
        server.inbox.drain().compactMap { event in
            switch event {
            case .followers(let n): return .remote(.followers(n))
            case .rejected(let summary): return .remote(.rejected(Self.line(summary, app.navigation.language)))
            case .command(let command): return .key(Self.key(command))
            }
        }
    }

    func stateChanged(_ app: AppState) {
        if app.generation != generation {
            // The folder was (re)loaded: its files and fingerprint, for followers.
            generation = app.generation
            switch FolderFiles.read(folder: folder) {
            case .success(let files):
                fingerprint = files.fingerprint
                server.publish(folder: files)
            case .failure:
                fingerprint = ""
                server.publish(folder: nil)
            }
        }
        var share = PresenterShare(app, revision: revision, fingerprint: fingerprint)
        if last.map({ share.differs(from: $0) }) ?? true {
            revision += 1
            share.revision = revision
        }
        last = share
        server.publish(share)
    }

    func drive(_ command: Command) {}

    func close() { server.stop() }

    /// A speaker-view command is the presenter's key of the same meaning.
    static func key(_ command: SpeakerCommand) -> Key {
        switch command {
        case .nextSlide: return .right
        case .previousSlide: return .left
        case .nextTopic: return .character("]")
        case .previousTopic: return .character("[")
        case .togglePause: return .character("t")
        }
    }

    /// "refused 3 connections; latest 10.0.0.5: wrong room code".
    static func line(_ summary: RejectionLog.Summary, _ language: Language) -> String {
        let address = TextSanitizer.line(summary.address)
        if language == .vi {
            return (summary.count == 1 ? "đã từ chối kết nối từ \(address)" : "đã từ chối \(summary.count) kết nối; gần nhất \(address)")
                + ": " + summary.reason.text(.vi)
        }
        return (summary.count == 1 ? "refused a connection from \(address)" : "refused \(summary.count) connections; latest \(address)")
            + ": " + summary.reason.text(.en)
    }
}
