import CioDashCore
import CioDashApp
import CioDashRender
import Foundation
import NIOCore

/// What the browsers read of the meeting: each view's HTML at a width and in a language, and the
/// index the page browses and searches. Made once per (view, width, language) and folder revision,
/// whatever the number of viewers; lives on the web side's event loop only.
final class WebContent {
    private(set) var meeting: Meeting?
    /// Counts the presenter's folder reloads; the cache holds one generation's views.
    private(set) var generation = -1
    private(set) var deck: PresenterDeck?
    private var views: [Key: ByteBuffer] = [:]
    private var indexes: [Language: ByteBuffer] = [:]
    private let capacity: Int

    struct Key: Hashable {
        var view: ViewID
        var width: Int
        var language: Language
    }

    /// How many views were made (not served from the cache): for the "made once" test.
    private(set) var made = 0

    init(capacity: Int) { self.capacity = capacity }

    /// Widths the page may ask for; narrower or wider is brought into the range.
    static let widths = 30...240

    func replace(meeting: Meeting, generation: Int) {
        self.meeting = meeting
        self.generation = generation
        deck = PresenterDeck(meeting: meeting)
        views.removeAll()
        indexes.removeAll()
    }

    /// A view's HTML, or nil when the meeting has no such view (or none is loaded yet).
    func view(_ view: ViewID, width: Int, language: Language) -> ByteBuffer? {
        guard let meeting else { return nil }
        let key = Key(view: view, width: min(max(width, Self.widths.lowerBound), Self.widths.upperBound), language: language)
        if let made = views[key] { return made }
        let report = HTMLReport(meeting: meeting, language: language, width: key.width, theme: .default, facts: [])
        guard let markup = report.viewMarkup(view) else { return nil }
        made += 1
        // Full: start again (a room asks for a handful of widths; this bounds a hostile one).
        if views.count >= capacity { views.removeAll(keepingCapacity: true) }
        let buffer = ByteBuffer(bytes: markup)
        views[key] = buffer
        return buffer
    }

    /// The page's index of the meeting in one language: every view it can open with its title and
    /// search key (`SearchKey.fold`, the dashboard's rule), the deck in order, each topic's minutes,
    /// and the countdown's words.
    func index(_ language: Language) -> ByteBuffer? {
        guard let meeting, let deck else { return nil }
        if let made = indexes[language] { return made }
        let labels = Labels.forLanguage(language)
        struct Entry: Encodable { var view: String; var title: String; var key: String; var kind: String }
        struct Topic: Encodable { var id: String; var minutes: Int? }
        struct Words: Encodable { var slide, timeLeft, overrun, paused, lastFiveMinutes, lastMinute: String }
        struct Unit: Encodable { var id: String; var name: String }
        struct Index: Encodable {
            var meeting: String; var language: String; var generation: Int; var units: [Unit]
            var entries: [Entry]; var deck: [String]; var topics: [Topic]; var words: Words
        }
        func entry(_ view: ViewID, kind: String, title: String? = nil) -> Entry {
            let text = title ?? view.title(in: meeting, labels: labels, language: language)
            return Entry(view: Self.name(view), title: text, key: SearchKey.fold(text), kind: kind)
        }
        var entries = [entry(.agenda, kind: ""), entry(.overview, kind: ""), entry(.status, kind: "")]
        for (i, topic) in meeting.topics.enumerated() {
            entries.append(entry(.topic(topic.id), kind: labels.topic.lowercased(), title: "\(i + 1). " + topic.title(in: language)))
        }
        for province in meeting.provinces { entries.append(entry(.province(province.id), kind: labels.province.lowercased())) }
        entries.append(entry(.closing, kind: ""))
        // The units a delegate may say they represent: the meeting's provinces, in Vietnamese order.
        let units = meeting.provinces.sorted { VietnameseCollation.precedes($0.name, $1.name) }.map { Unit(id: $0.id, name: $0.name) }
        let index = Index(meeting: meeting.title, language: language.rawValue, generation: generation, units: units, entries: entries,
                          deck: deck.slides.map(Self.name), topics: meeting.topics.map { Topic(id: $0.id, minutes: $0.minutes) },
                          words: Words(slide: labels.slide, timeLeft: labels.timeLeft, overrun: labels.overrun, paused: labels.paused,
                                       lastFiveMinutes: labels.lastFiveMinutes, lastMinute: labels.lastMinute))
        guard let json = try? JSONEncoder().encode(index) else { return nil }
        let buffer = ByteBuffer(bytes: json)
        indexes[language] = buffer
        return buffer
    }

    /// Whether `id` is a unit of the meeting's list (a province id).
    func isUnit(_ id: String) -> Bool { meeting?.provinces.contains { $0.id == id } ?? false }

    /// A view's name in URLs and the stream: `ViewID.description`, and `status` for the board.
    static func name(_ view: ViewID) -> String { view.description }

    static func view(named name: String) -> ViewID? {
        ViewID(description: name)
    }

    /// Whether `view` lies ahead of the furthest slide the projector has shown (deck index
    /// `furthest`): a later slide of the deck, or a panel of a later topic.
    func isAhead(_ view: ViewID, furthest: Int) -> Bool {
        guard let deck, let meeting else { return false }
        if let index = deck.index(of: view) { return index > furthest }
        guard let topic = view.topicID,
              let order = meeting.topics.firstIndex(where: { $0.id == topic }) else { return false }
        // The furthest topic shown: that of the furthest slide or of the last topic slide before it.
        let shownTopics = deck.slides.prefix(furthest + 1).compactMap(\.topicID)
        let reached = shownTopics.compactMap { t in meeting.topics.firstIndex { $0.id == t } }.max() ?? -1
        return order > reached
    }
}
