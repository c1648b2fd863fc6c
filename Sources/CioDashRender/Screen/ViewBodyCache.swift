import CioDashCore

/// The last body the screen showed, kept between key presses.
///
/// Moving the selection or scrolling changes no text, so the body is drawn again only when the
/// view, language, width or search changes, or the meeting does (its owner says so with
/// `meetingChanged()`, e.g. after a reload). At 1,000 provinces this is the difference between
/// drawing the whole overview on every arrow key and copying one screen of it.
public final class ViewBodyCache {
    private struct Key: Equatable {
        var view: ViewID
        var language: Language
        var width: Int
        var highlight: String?
    }

    private var key: Key?
    private var body: ViewBody?

    public init() {}

    /// Forget the body: the meeting it was drawn from has been replaced.
    public func meetingChanged() {
        key = nil
        body = nil
    }

    func body(_ view: ViewID, meeting: Meeting, context: RenderContext) -> ViewBody? {
        let wanted = Key(view: view, language: context.language, width: context.width, highlight: context.highlight)
        if wanted == key { return body }
        body = ViewRenderer.unselectedBody(view, meeting: meeting, context: context)
        key = wanted
        return body
    }
}
