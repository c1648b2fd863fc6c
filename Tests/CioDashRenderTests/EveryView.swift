@testable import CioDashRender
import CioDashCore

extension ViewRenderer {
    /// Every view a meeting has: `--view all`'s, and the views a kind names by its name alone that
    /// are not among them (the reporting board, the units), so that a test over "every view" takes in
    /// a kind added later without being told.
    static func everyView(of meeting: Meeting) -> [ViewID] {
        let all = allViews(of: meeting)
        let named = ViewKind.all.filter { $0.about == .nothing && $0.form != nil }.compactMap { $0.parse(nil) }
        return all + named.filter { !all.contains($0) }
    }
}
