import CioDashCore

/// Where each selectable part of a drawn view leads, as the dashboard's Enter would go: an overview
/// name to its province, an overview cell to its panel, a topic row to the panel, a province's topic
/// to the panel, an agenda item to its topic. Read from the body's items, so links sit on the very
/// cells the screen selects.
public struct ViewLink: Sendable, Equatable {
    public var row: Int
    public var columns: Range<Int>
    public var target: ViewID
}

public enum ViewLinks {
    public static func links(_ view: ViewID, body: ViewBody, meeting: Meeting) -> [ViewLink] {
        var links: [ViewLink] = []
        let width = body.grid.width
        switch view {
        case .closing, .history, .tasks:
            break
        case .status:
            for (item, province) in zip(body.items, meeting.provinces) {
                links.append(ViewLink(row: item.rows.lowerBound, columns: 0..<width, target: .province(province.id)))
            }
        case .overview:
            for (item, province) in zip(body.items, meeting.provinces) {
                let row = item.rows.lowerBound
                guard let strip = item.columns else {
                    links.append(ViewLink(row: row, columns: 0..<width, target: .province(province.id)))
                    continue
                }
                links.append(ViewLink(row: row, columns: 0..<strip.x0, target: .province(province.id)))
                for (c, topic) in meeting.topics.prefix(strip.count).enumerated() {
                    let x = strip.x0 + c * strip.step
                    links.append(ViewLink(row: row, columns: x..<min(width, x + strip.step),
                                          target: .panel(province: province.id, topic: topic.id)))
                }
            }
        case .topic(let id):
            guard let topic = meeting.topic(id) else { break }
            for (item, province) in zip(body.items, meeting.ranked(topic: topic)) {
                links.append(ViewLink(row: item.rows.lowerBound, columns: 0..<width,
                                      target: .panel(province: province.id, topic: topic.id)))
            }
        case .province(let id):
            for (item, topic) in zip(body.items, meeting.topics) {
                links.append(ViewLink(row: item.rows.lowerBound, columns: 0..<width, target: .panel(province: id, topic: topic.id)))
            }
        case .agenda:
            for (item, topic) in zip(body.items, meeting.topics) {
                links.append(ViewLink(row: item.rows.lowerBound, columns: 0..<width, target: .topic(topic.id)))
            }
        case .panel:
            break
        }
        return links
    }

    /// A fragment id for a view that no data text can break out of: `v-panel_3Ada-nang_2Fsmart-city`.
    public static func anchor(_ view: ViewID) -> String {
        var out = "v-"
        for byte in view.description.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "_" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
