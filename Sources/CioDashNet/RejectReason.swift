import CioDashCore

/// Why a presenter refused or closed a link, or a follower gave one up; each has a sentence in
/// Vietnamese and in English, sent to the peer and shown on the screens.
public enum RejectReason: UInt8, Error, Sendable, CaseIterable {
    case malformed = 1
    case frameTooLarge = 2
    case unsupportedVersion = 3
    case wrongCode = 4
    case tooManyAttempts = 5
    case full = 6
    case busy = 7
    case helloTimeout = 8
    case speakerNotLocal = 9
    case badMessage = 10
    case silent = 11
    /// Follower side: the peer could not prove the code (a wrong address, or not the presenter).
    case presenterUnproven = 12
    /// Too many wrong codes from all addresses together: the room takes no guesses for a while
    /// (a follower tries again by itself; an older follower reads an unknown reason as `malformed`,
    /// which it also tries again).
    case tooManyAttemptsInRoom = 13

    /// Whether trying again the same way cannot help (the follower stops and says why).
    public var isFinal: Bool {
        switch self {
        case .wrongCode, .tooManyAttempts, .unsupportedVersion, .speakerNotLocal, .presenterUnproven: return true
        default: return false
        }
    }

    public func text(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .malformed:
            return vi ? "không phải kết nối ciodash hợp lệ" : "not a valid ciodash connection"
        case .frameTooLarge:
            return vi ? "gói tin quá lớn" : "message too large"
        case .unsupportedVersion:
            return vi ? "phiên bản giao thức khác (cập nhật ciodash ở cả hai máy)"
                      : "different protocol version (update ciodash on both machines)"
        case .wrongCode:
            return vi ? "sai mã phòng" : "wrong room code"
        case .tooManyAttempts:
            return vi ? "nhập sai mã quá nhiều lần; thử lại sau một phút"
                      : "too many wrong codes; try again in a minute"
        case .full:
            return vi ? "phòng đã đủ người theo dõi" : "the room has as many followers as it allows"
        case .busy:
            return vi ? "máy trình bày đang bận, thử lại sau" : "the presenter is busy, try again shortly"
        case .helloTimeout:
            return vi ? "chào hỏi không xong trong 5 giây" : "handshake not completed within 5 seconds"
        case .speakerNotLocal:
            return vi ? "màn hình người nói chỉ được mở trên chính máy trình bày"
                      : "the speaker view may only run on the presenter's own machine"
        case .badMessage:
            return vi ? "gói tin không xác thực được" : "a message failed its authentication"
        case .silent:
            return vi ? "không nhận được gì trong 30 giây" : "nothing received for 30 seconds"
        case .tooManyAttemptsInRoom:
            return vi ? "quá nhiều lần nhập sai mã trong phòng; tự thử lại sau"
                      : "too many wrong codes in the room; trying again shortly"
        case .presenterUnproven:
            return vi ? "máy ở địa chỉ này không chứng minh được mã phòng (sai địa chỉ hoặc giả mạo)"
                      : "the machine at this address could not prove the room code (wrong address or an impostor)"
        }
    }
}

extension RejectReason {
    /// The shared limiter's refusal, as the room link says it.
    init(_ refusal: AttemptLimiter.Refusal) {
        switch refusal {
        case .tooManyAttempts: self = .tooManyAttempts
        case .tooManyAttemptsInRoom: self = .tooManyAttemptsInRoom
        }
    }
}
