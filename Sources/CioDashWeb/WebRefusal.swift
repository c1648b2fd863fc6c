import CioDashCore

/// Why the web side refused a browser; each has a sentence in Vietnamese and English, for the page
/// the browser gets and the presenter's status line.
public enum WebRefusal: String, Sendable, Equatable, CaseIterable {
    case wrongToken, tooManyAttempts, tooManyAttemptsInRoom, slowHeaders, headTooLarge, targetTooLong,
         tooManyConnections, methodNotAllowed, malformed, notFound, notYetShown, slowViewer, tooManyViewers,
         unknownUnit, tooManyAnnouncements, crossSite

    /// The HTTP status that says it.
    var status: (code: Int, phrase: String) {
        switch self {
        case .wrongToken: return (403, "Forbidden")
        case .notYetShown: return (403, "Forbidden")
        case .tooManyAttempts, .tooManyAttemptsInRoom: return (429, "Too Many Requests")
        case .slowHeaders: return (408, "Request Timeout")
        case .headTooLarge: return (431, "Request Header Fields Too Large")
        case .targetTooLong: return (414, "URI Too Long")
        case .tooManyConnections, .tooManyViewers, .slowViewer: return (503, "Service Unavailable")
        case .methodNotAllowed: return (405, "Method Not Allowed")
        case .malformed: return (400, "Bad Request")
        case .notFound: return (404, "Not Found")
        case .unknownUnit: return (400, "Bad Request")
        case .tooManyAnnouncements: return (429, "Too Many Requests")
        case .crossSite: return (403, "Forbidden")
        }
    }

    /// Whether the presenter hears of it: a refused browser, not a page that does not exist.
    var isSaid: Bool { self != .notFound && self != .notYetShown }

    public func text(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .wrongToken:
            return vi ? "địa chỉ tham gia không đúng hoặc đã cũ: quét lại mã QR trên màn chiếu"
                      : "the join address is wrong or old: scan the QR code on the projector again"
        case .tooManyAttempts:
            return vi ? "quá nhiều địa chỉ sai từ máy này; thử lại sau một phút"
                      : "too many wrong addresses from this machine; try again in a minute"
        case .tooManyAttemptsInRoom:
            return vi ? "quá nhiều địa chỉ sai trong phòng; thử lại sau một phút"
                      : "too many wrong addresses in the room; try again in a minute"
        case .slowHeaders: return vi ? "yêu cầu gửi quá chậm" : "the request came too slowly"
        case .headTooLarge: return vi ? "phần đầu yêu cầu quá lớn" : "the request's headers are too large"
        case .targetTooLong: return vi ? "địa chỉ yêu cầu quá dài" : "the requested address is too long"
        case .tooManyConnections: return vi ? "máy trình bày đang bận, thử lại sau" : "the presenter is busy, try again shortly"
        case .tooManyViewers: return vi ? "phòng đã đủ người xem" : "the room has as many viewers as it allows"
        case .slowViewer: return vi ? "trình duyệt không nhận kịp; đã ngắt" : "the browser did not keep up; dropped"
        case .methodNotAllowed: return vi ? "chỉ được xem (GET, HEAD)" : "viewing only (GET, HEAD)"
        case .malformed: return vi ? "yêu cầu HTTP không hợp lệ" : "not a valid HTTP request"
        case .notFound: return vi ? "không có trang này" : "no such page"
        case .unknownUnit:
            return vi ? "không có đơn vị này trong danh sách của cuộc họp" : "no such unit in the meeting's list"
        case .tooManyAnnouncements:
            return vi ? "đổi đơn vị quá nhiều lần từ máy này; thử lại sau một phút"
                      : "the unit was changed too often from this machine; try again in a minute"
        case .crossSite:
            return vi ? "yêu cầu đến từ trang web khác; không nhận" : "the request came from another site; refused"
        case .notYetShown:
            return vi ? "trang này chưa được chiếu; người trình bày không cho xem trước"
                      : "this slide has not been shown yet; the presenter does not allow looking ahead"
        }
    }
}

extension WebRefusal {
    /// The shared limiter's refusal (`AttemptLimiter`, as the room link's), as the web says it.
    init(_ refusal: AttemptLimiter.Refusal) {
        switch refusal {
        case .tooManyAttempts: self = .tooManyAttempts
        case .tooManyAttemptsInRoom: self = .tooManyAttemptsInRoom
        }
    }
}

/// Refusals said on the presenter's status line without flooding it (as the room link's
/// `RejectionLog`): the first in a quiet second at once, later ones counted and said together.
public struct WebRefusalSummary: Equatable, Sendable {
    public var count: Int
    public var address: String
    public var reason: WebRefusal

    /// "trình duyệt: đã từ chối 3 kết nối; gần nhất 10.0.0.5: …".
    public func line(_ language: Language) -> String {
        let address = TextSanitizer.line(self.address)
        if language == .vi {
            return "trình duyệt: " + (count == 1 ? "đã từ chối \(address)" : "đã từ chối \(count) yêu cầu; gần nhất \(address)")
                + ": " + reason.text(.vi)
        }
        return "browsers: " + (count == 1 ? "refused \(address)" : "refused \(count) requests; latest \(address)")
            + ": " + reason.text(.en)
    }
}

struct WebRefusalLog {
    let interval: Double
    private var lastSaid = -Double.infinity
    private var pending: WebRefusalSummary?

    init(interval: Double = 1) { self.interval = interval }

    mutating func record(address: String, reason: WebRefusal, now: Double) -> WebRefusalSummary? {
        if pending == nil && now - lastSaid >= interval {
            lastSaid = now
            return WebRefusalSummary(count: 1, address: address, reason: reason)
        }
        pending = WebRefusalSummary(count: (pending?.count ?? 0) + 1, address: address, reason: reason)
        return nil
    }

    mutating func flush(now: Double) -> WebRefusalSummary? {
        guard let p = pending, now - lastSaid >= interval else { return nil }
        pending = nil
        lastSaid = now
        return p
    }
}
