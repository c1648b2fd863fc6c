import CioDashCore
import CioDashRender

extension PresenterShare {
    /// Longest duration a state may carry (a topic's spent time, the running countdown, how far the
    /// session is ahead or behind): 7 days, far above any meeting and far below where a count of
    /// seconds or of cells could overflow.
    public static let maxDuration = 7.0 * 86_400
    /// Most bytes of a state's JSON (a state is a slide id, a few numbers and one number per topic).
    public static let maxEncodedBytes = 1 << 20
    /// Most slides a state may count (a deck of 10,000 topics with 34 panels each is below it).
    public static let maxSlides = 1_000_000
    /// Longest text a state may carry (a slide's or topic's id): the loader's limit for a text.
    public static let maxTextLength = LoadLimits.default.maxStringLength

    /// Why a state from the network was not used; the follower keeps its last good one.
    public enum Problem: Error, Equatable, Sendable {
        /// Not the JSON of a state (another program, another version).
        case unreadable
        /// Larger than `maxEncodedBytes` (not read).
        case tooLarge(bytes: Int)
        /// A number that is not finite or outside its range: the field and the value as sent.
        case outOfRange(field: String, value: String)
        /// More `spent` topics than the deck has slides (every topic with time spent is a slide).
        case tooManyTopics(count: Int, slides: Int)
        /// A text (an id) longer than `maxTextLength`, or a fingerprint that is not one.
        case badText(field: String)

        /// "spent[smart-city] = 1e+308 ngoài khoảng 0…604800 giây" and its English.
        public var text: BilingualText {
            switch self {
            case .unreadable:
                return BilingualText(vi: "không đọc được trạng thái (không phải JSON của ciodash cùng phiên bản)",
                                     en: "unreadable state (not the JSON of the same ciodash version)")
            case .tooLarge(let bytes):
                return BilingualText(vi: "trạng thái quá lớn (\(bytes) byte, tối đa \(PresenterShare.maxEncodedBytes))",
                                     en: "state too large (\(bytes) bytes, at most \(PresenterShare.maxEncodedBytes))")
            case .outOfRange(let field, let value):
                let name = TextSanitizer.line(String(field.prefix(80)))
                return BilingualText(vi: "\(name) = \(value) nằm ngoài khoảng cho phép",
                                     en: "\(name) = \(value) is outside its range")
            case .tooManyTopics(let count, let slides):
                return BilingualText(vi: "thời gian cho \(count) chủ đề nhưng chỉ có \(slides) trang",
                                     en: "time for \(count) topics but only \(slides) slides")
            case .badText(let field):
                return BilingualText(vi: "\(field) không hợp lệ", en: "\(field) is not valid")
            }
        }
    }

    /// What is wrong with this state from the network, if anything: nothing the presenter sends
    /// reaches the app core unless every number is finite and in range, every text bounded, and it
    /// has no more topics than slides.
    public var problem: Problem? {
        func duration(_ field: String, _ value: Double, allowNegative: Bool = false) -> Problem? {
            let range = (allowNegative ? -Self.maxDuration : 0)...Self.maxDuration
            return value.isFinite && range.contains(value) ? nil : .outOfRange(field: field, value: "\(value)")
        }
        guard (1...Self.maxSlides).contains(slideCount) else {
            return .outOfRange(field: "slideCount", value: "\(slideCount)")
        }
        guard (1...slideCount).contains(slideNumber) else {
            return .outOfRange(field: "slideNumber", value: "\(slideNumber)")
        }
        guard spent.count <= slideCount else { return .tooManyTopics(count: spent.count, slides: slideCount) }
        guard slide.description.unicodeScalars.count <= Self.maxTextLength else { return .badText(field: "slide") }
        if let topic = activeTopic, topic.unicodeScalars.count > Self.maxTextLength { return .badText(field: "activeTopic") }
        for (topic, seconds) in spent {
            if topic.unicodeScalars.count > Self.maxTextLength { return .badText(field: "spent") }
            if let problem = duration("spent[\(topic)]", seconds) { return problem }
        }
        if let running = runningFor, let problem = duration("runningFor", running) { return problem }
        if let problem = duration("sessionDelta", Double(sessionDelta), allowNegative: true) { return problem }
        guard fingerprint.isEmpty || (fingerprint.utf8.count == 64 && fingerprint.utf8.allSatisfy(Self.isHexDigit)) else {
            return .badText(field: "fingerprint")
        }
        return nil
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}
