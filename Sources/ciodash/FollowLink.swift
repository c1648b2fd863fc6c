import CioDashApp
import CioDashCore
import CioDashNet
import CioDashRender
import Foundation

/// `ciodash follow`: what the presenter sends becomes the app core's remote events; received files
/// go into the private folder, where the runner's watch reloads them like any late file.
final class FollowLink: RoomLink {
    let client: FollowerClient
    let address: LinkAddress
    let received: ReceivedFolder?
    /// The follower's own copy, whose fingerprint is compared with the presenter's.
    let ownFolder: String?
    let speaker: Bool
    private var pending: [FollowerLinkEvent]
    private var lastFingerprintCheck = -Double.infinity

    var wakeDescriptor: Int32? { client.inbox.wakeDescriptor }

    init(client: FollowerClient, address: LinkAddress, received: ReceivedFolder?, ownFolder: String?,
         early: [FollowerLinkEvent], speaker: Bool) {
        self.client = client
        self.address = address
        self.received = received
        self.ownFolder = ownFolder
        self.speaker = speaker
        // Files already written before the screen opened are not written again.
        pending = early.filter { if case .folder = $0 { return false } else { return true } }
    }

    func prepare(_ app: inout AppState) {
        app.follow = FollowState(presenter: address.description, ownFingerprint: nil)
        app.follow?.speaker = speaker
    }

    func events(_ app: AppState) -> [AppEvent] {
        let batch = pending + client.inbox.drain()
        pending = []
        var events: [AppEvent] = []
        for event in batch {
            switch event {
            case .waiting(_, let after): events.append(.remote(.link(.waiting(seconds: Int(after.rounded(.up))))))
            case .joined: events.append(.remote(.link(.joined)))
            case .state(let share, let at): events.append(.remote(.presenterState(share, receivedAt: at)))
            case .folder(let files):
                // Written atomically into the private folder; the watch reloads it through the loader.
                try? received?.replace(with: files)
            case .folderUnavailable: if received != nil { events.append(.remote(.folderUnavailable)) }
            case .presenterLeft: events.append(.remote(.link(.presenterLeft(retryIn: nil))))
            case .lost: events.append(.remote(.link(.connecting)))
            case .refused(let reason):
                if reason.isFinal { events.append(.remote(.link(.refused(reason.text(app.navigation.language))))) }
            }
        }
        if let ownFolder, Monotonic.now() - lastFingerprintCheck >= 2 {
            lastFingerprintCheck = Monotonic.now()
            if case .success(let files) = FolderFiles.read(folder: ownFolder) {
                events.append(.remote(.ownFingerprint(files.fingerprint)))
            }
        }
        return events
    }

    func stateChanged(_ app: AppState) {}

    func drive(_ command: Command) {
        switch command {
        case .nextSlide, .open: client.send(.nextSlide)
        case .previousSlide: client.send(.previousSlide)
        case .nextTopic: client.send(.nextTopic)
        case .previousTopic: client.send(.previousTopic)
        case .toggleTimer: client.send(.togglePause)
        default: break
        }
    }

    func close() { client.stop() }
}
