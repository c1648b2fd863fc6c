import CioDashCore
import CioDashRender

/// A follower's side of the room in the app core: whether it shows the presenter's slide or
/// browses on its own, how its link stands, and the presenter's latest state.
public struct FollowState: Equatable, Sendable {
    /// How the link to the presenter stands.
    public enum Link: Equatable, Sendable {
        case connecting
        case joined
        /// Not joined; the next try is in this many seconds.
        case waiting(seconds: Int)
        /// The presenter quit (it said goodbye); the last slide stays, and the follower tries again.
        case presenterLeft(retryIn: Int?)
        /// The presenter refused this follower for good (the room code changed, say).
        case refused(String)
    }

    /// "192.168.1.5:7420", as the follower was told to join.
    public var presenter: String
    /// The presenter's own speaker view: its slide keys drive the presentation.
    public var speaker = false
    /// Lines of the topic's notes scrolled past in the speaker view (↑ ↓); back to 0 with a new topic.
    public var notesScroll = 0
    /// Showing the presenter's slide (`f` toggles).
    public var attached = true
    public var link = Link.connecting
    public var last: PresenterShare?
    /// This machine's monotonic time when `last` arrived.
    public var receivedAt = 0.0
    /// The fingerprint of the follower's own copy; nil when the files come from the presenter.
    public var ownFingerprint: String?
    /// The presenter's folder is too large to send and this follower has no copy.
    public var folderUnavailable = false

    public init(presenter: String, ownFingerprint: String?) {
        self.presenter = presenter
        self.ownFingerprint = ownFingerprint
    }

    /// Whether the follower's own copy is known to differ from the presenter's.
    public var folderDiffers: Bool {
        guard let own = ownFingerprint, let theirs = last?.fingerprint else { return false }
        return own != theirs
    }

    /// The standing line at the bottom of a follower's screen: the link, the mode, the folder.
    public func status(_ language: Language) -> String {
        let vi = language == .vi
        var parts: [String] = []
        switch link {
        case .connecting:
            parts.append(vi ? "đang kết nối tới người trình bày \(presenter)…" : "connecting to the presenter at \(presenter)…")
        case .joined:
            parts.append(attached ? (vi ? "đang theo người trình bày \(presenter) · f: xem tự do"
                                        : "following the presenter at \(presenter) · f: browse on your own")
                                  : (vi ? "đang xem tự do · f: theo lại người trình bày"
                                        : "browsing on your own · f: follow the presenter again"))
        case .waiting(let seconds):
            parts.append(vi ? "mất kết nối tới \(presenter); thử lại sau \(seconds) giây"
                            : "link to \(presenter) lost; trying again in \(seconds) s")
        case .presenterLeft(let retry):
            parts.append(vi ? "người trình bày đã thoát; giữ trang cuối" : "the presenter has quit; keeping the last slide")
            if let retry { parts.append(vi ? "thử lại sau \(retry) giây" : "trying again in \(retry) s") }
        case .refused(let reason):
            parts.append((vi ? "người trình bày từ chối: " : "the presenter refused: ") + reason)
        }
        if folderDiffers {
            parts.append(vi ? "bản thư mục của bạn khác của người trình bày" : "your copy of the folder differs from the presenter's")
        }
        if folderUnavailable {
            parts.append(vi ? "thư mục quá lớn để gửi: mở bản của bạn (ciodash follow … <thư-mục>)"
                            : "the folder is too large to send: open your own copy (ciodash follow … DIR)")
        }
        return parts.joined(separator: " · ")
    }
}

/// The presenter's side of the room in the app core: what the `i` screen shows.
public struct ShareState: Equatable, Sendable {
    /// "ciodash follow" addresses: "192.168.1.5:7420".
    public var addresses: [String]
    /// The room code as shown: "7KQ2M-XW9PD".
    public var code: String
    public var followers = 0
    /// The latest rejection said on the status line.
    public var showInfo = false
    /// The browsers' join address (`--web`), upper case, and its QR code as half-block lines.
    public var webAddress: String?
    public var webCode: [String] = []
    /// Browsers with the page open.
    public var viewers = 0
    /// Units (province ids) browsers announced on joining, with how many browsers each; offered to
    /// the secretary in the attendance form, never marked present by themselves.
    public var announced: [String: Int] = [:]

    public init(addresses: [String], code: String) {
        self.addresses = addresses
        self.code = code
    }
}
