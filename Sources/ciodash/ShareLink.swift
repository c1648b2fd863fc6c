import CioDashApp
import CioDashCore
import CioDashNet
import CioDashRender
import Foundation

/// `ciodash present --share`: publishes the presenter's state (and its folder, for followers with
/// no copy) on each change; speaker-view commands come back as the same commands the presenter's keys become.
final class ShareLink: RoomLink {
    let server: PresenterServer
    let folder: String
    /// The loader's limits: a file the loader would refuse as too large is not sent either.
    let limits: LoadLimits
    let address: LinkAddress
    private var revision: UInt64 = 0
    private var last: PresenterShare?
    private var generation = -1
    private var fingerprint = ""
    /// Files of the folder last left out of what followers get, and the line that says so, once.
    private var lastLeft: [FolderFiles.Left] = []
    private var notice: String?

    var wakeDescriptor: Int32? { server.inbox.wakeDescriptor }

    init(address: LinkAddress, code: RoomCode, folder: String, limits: LoadLimits) throws {
        self.address = address
        self.folder = folder
        self.limits = limits
        server = PresenterServer(settings: ShareSettings(host: address.host, port: address.port, code: code))
        try server.start()
    }

    func prepare(_ app: inout AppState) {
        app.share = ShareState(addresses: address.joinAddresses(), code: server.settings.code.description)
    }

    func events(_ app: AppState) -> [AppEvent] {
        let said = notice.map { [AppEvent.remote(.rejected($0))] } ?? []
        notice = nil
        return said + server.inbox.drain().compactMap { event in
            switch event {
            case .followers(let n): return .remote(.followers(n))
            case .rejected(let summary): return .remote(.rejected(Self.line(summary, app.navigation.language)))
            case .command(let command): return .command(command.command)
            }
        }
    }

    func stateChanged(_ app: AppState) {
        if app.generation != generation {
            // The folder was (re)loaded: its files and fingerprint, for followers.
            generation = app.generation
            // With the earlier meetings the loader read along `previous:`, for followers without a copy.
            switch FolderFiles.read(folder: folder, earlier: app.meeting.history.compactMap(\.folder), limits: limits) {
            case .success(let files):
                fingerprint = files.fingerprint
                server.publish(folder: files)
                // Files that cannot be shared are left out and said once; followers get the rest.
                if files.left != lastLeft {
                    lastLeft = files.left
                    if !files.left.isEmpty { notice = Self.line(notShared: files.left, app.navigation.language) }
                }
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

    /// "not shared with followers (2 files): provinces/x.yaml (a symbolic link: never shared), …".
    static func line(notShared left: [FolderFiles.Left], _ language: Language) -> String {
        let shown = FolderFiles.listing(left, language)
        return language == .vi ? "không gửi cho người theo dõi \(left.count) tệp: \(shown)"
                               : "not shared with followers (\(left.count) file\(left.count == 1 ? "" : "s")): \(shown)"
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
