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
    /// Writes the presenter's files into the private folder off the screen's thread.
    let received: ReceivedFolderWriter?
    /// The follower's own copy, whose fingerprint is compared with the presenter's.
    let ownFolder: String?
    let speaker: Bool
    private var pending: [FollowerLinkEvent]
    private var lastFingerprintCheck = -Double.infinity
    /// The files last said not to have come (said again only when that changes).
    private var lastLeft: [FolderFiles.Left] = []
    private var leftToSay = false

    var wakeDescriptor: Int32? { client.inbox.wakeDescriptor }

    init(client: FollowerClient, address: LinkAddress, received: ReceivedFolderWriter?, ownFolder: String?,
         early: [FollowerLinkEvent], notReceived: [FolderFiles.Left] = [], speaker: Bool) {
        self.client = client
        self.address = address
        self.received = received
        self.ownFolder = ownFolder
        self.speaker = speaker
        // Files already written before the screen opened are not written again.
        pending = early.filter { if case .folder = $0 { return false } else { return true } }
        // Said on the command line before the screen opened, and again on its status line.
        lastLeft = notReceived
        leftToSay = !notReceived.isEmpty
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
            case .state(let share, let at):
                // Seconds for topics this folder lacks are never shown (the state was checked on arrival).
                events.append(.remote(.presenterState(share.keepingTopics(Set(app.meeting.topics.map(\.id))), receivedAt: at)))
            case .stateIgnored(let from, let problem, let count):
                events.append(.remote(.rejected(Self.line(ignored: count, from: from, problem, app.navigation.language))))
            case .folder(let files):
                // Written atomically into the private folder on the writer's thread; the watch
                // reloads it through the loader.
                received?.submit(files)
            case .folderUnavailable: if received != nil { events.append(.remote(.folderUnavailable)) }
            case .presenterLeft: events.append(.remote(.link(.presenterLeft(retryIn: nil))))
            case .lost: events.append(.remote(.link(.connecting)))
            case .refused(let reason):
                if reason.isFinal { events.append(.remote(.link(.refused(reason.text(app.navigation.language))))) }
            }
        }
        for outcome in received?.outcomes.drain() ?? [] where outcome.left != lastLeft {
            lastLeft = outcome.left
            leftToSay = !outcome.left.isEmpty
        }
        if leftToSay {
            leftToSay = false
            events.append(.remote(.rejected(Self.line(notReceived: lastLeft, from: address.description, app.navigation.language))))
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
        if let sent = SpeakerCommand(command) { client.send(sent) }
    }

    func close() { client.stop() }

    /// "did not receive 2 files from 127.0.0.1:7420: provinces/a\\b.yaml (a name that cannot be sent …), …".
    static func line(notReceived left: [FolderFiles.Left], from presenter: String, _ language: Language) -> String {
        let shown = FolderFiles.listing(left, language)
        let address = TextSanitizer.line(presenter)
        return language == .vi ? "không nhận được \(left.count) tệp từ \(address): \(shown)"
                               : "did not receive \(left.count) file\(left.count == 1 ? "" : "s") from \(address): \(shown)"
    }

    /// "ignored a state from 127.0.0.1:7420: runningFor = 1e+308 is outside its range; keeping the last good one".
    static func line(ignored count: Int, from presenter: String, _ problem: PresenterShare.Problem, _ language: Language) -> String {
        let address = TextSanitizer.line(presenter)
        if language == .vi {
            return (count == 1 ? "đã bỏ qua trạng thái từ \(address)" : "đã bỏ qua \(count) trạng thái từ \(address)")
                + ": " + problem.text.vi + "; giữ trạng thái hợp lệ trước đó"
        }
        return (count == 1 ? "ignored a state from \(address)" : "ignored \(count) states from \(address)")
            + ": " + problem.text.en + "; keeping the last good one"
    }
}
