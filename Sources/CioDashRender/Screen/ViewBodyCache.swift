import CioDashCore

/// The bodies of the views the screen showed last, kept between key presses.
///
/// Moving the selection or scrolling changes no text, so a body is drawn again only when the
/// view, language, width or search changes, or the meeting does (its owner says so with
/// `meetingChanged()`, e.g. after a reload). Going back to a view seen a moment ago (Esc to the
/// overview, Tab round the views) finds it here too. At 1,000 provinces this is the difference
/// between drawing the whole overview on every arrow key and copying one screen of it.
public final class ViewBodyCache {
    private struct Key: Equatable {
        var view: ViewID
        var language: Language
        var width: Int
        var highlight: String?
        var timing: SessionTiming?
        var rows: Int?
        var utcOffset: Int?
    }

    /// Most recent first.
    private var entries: [(key: Key, body: ViewBody)] = []
    /// At most this many bodies, and this many cells in all (12 bytes each) besides the newest:
    /// a 10,000-province overview is 2.4 million cells at 240 columns.
    private let maxEntries: Int
    private let maxCells: Int

    public init(maxEntries: Int = 8, maxCells: Int = 8_000_000) {
        self.maxEntries = max(1, maxEntries)
        self.maxCells = maxCells
    }

    /// Forget every body: the meeting they were drawn from has been replaced.
    public func meetingChanged() {
        entries.removeAll()
    }

    /// How many bodies are kept (for tests).
    public var count: Int { entries.count }

    public func body(_ view: ViewID, meeting: Meeting, context: RenderContext) -> ViewBody? {
        let wanted = Key(view: view, language: context.language, width: context.width, highlight: context.highlight,
                         timing: context.timing, rows: context.rows, utcOffset: context.utcOffset)
        if let i = entries.firstIndex(where: { $0.key == wanted }) {
            let entry = entries.remove(at: i)
            entries.insert(entry, at: 0)
            return entry.body
        }
        guard let body = ViewRenderer.unselectedBody(view, meeting: meeting, context: context) else { return nil }
        entries.insert((wanted, body), at: 0)
        var cells = 0
        var keep = 0
        for entry in entries {
            cells += entry.body.grid.cells.count
            if keep >= maxEntries || (keep > 0 && cells > maxCells) { break }
            keep += 1
        }
        entries.removeSubrange(keep...)
        return body
    }
}
