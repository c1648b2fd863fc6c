import CioDashApp
import Foundation

/// One authenticated message from a presenter, decoded and checked: the follower's one decoder of
/// what a presenter sends (`FollowerConnection` uses it; the fuzzer feeds it any bytes).
public enum FollowerMessage: Equatable, Sendable {
    /// A state within every range (`PresenterShare.problem`).
    case state(PresenterShare)
    /// A state not used, and why; the follower keeps its last good one.
    case ignoredState(PresenterShare.Problem)
    case folder(FolderFiles)
    case folderUnavailable
    case bye
    /// What breaks the protocol (a cut folder message, a kind only a follower sends): the link is
    /// given up and tried again.
    case invalid

    /// `kind` is the sealed frame's kind byte (`SealedKind`).
    public static func decode(kind: UInt8, _ payload: ArraySlice<UInt8>) -> FollowerMessage {
        switch SealedKind(rawValue: kind) {
        case .state?:
            guard payload.count <= PresenterShare.maxEncodedBytes else { return .ignoredState(.tooLarge(bytes: payload.count)) }
            guard let share = try? JSONDecoder().decode(PresenterShare.self, from: Data(payload)) else {
                return .ignoredState(.unreadable)
            }
            return share.problem.map { .ignoredState($0) } ?? .state(share)
        case .folder?:
            return FolderFiles.decode(payload).map { .folder($0) } ?? .invalid
        case .folderUnavailable?:
            return .folderUnavailable
        case .bye?:
            return .bye
        case .ping?, .command?, nil:
            return .invalid
        }
    }
}
