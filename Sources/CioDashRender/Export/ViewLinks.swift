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
        view.kind.links(view, body, meeting)
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
