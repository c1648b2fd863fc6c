import CioDashCore

/// Draws any view by its id: the one entry point the screen and the snapshot share.
public enum ViewRenderer {
    /// The view's body at its natural height with the context's selection marked, or nil when the
    /// id names nothing in this meeting.
    public static func body(_ view: ViewID, meeting: Meeting, context: RenderContext) -> ViewBody? {
        guard var body = unselectedBody(view, meeting: meeting, context: context) else { return nil }
        body.select(row: context.selectedRow, column: context.selectedColumn)
        return body
    }

    /// The body with no item selected: what `ViewBodyCache` keeps between key presses.
    public static func unselectedBody(_ view: ViewID, meeting: Meeting, context: RenderContext) -> ViewBody? {
        view.kind.render(view, meeting, context)
    }

    /// Every view of the meeting in reading order: agenda, overview, each topic, each province, then
    /// each panel, topic by topic in agenda order and province by province in display order, each
    /// followed by its history across meetings when there are earlier meetings and the province
    /// reports on the topic.
    public static func allViews(of meeting: Meeting) -> [ViewID] {
        var views: [ViewID] = [.agenda, .overview]
        if !meeting.tasks.isEmpty { views.append(.tasks) }
        views += meeting.topics.map { .topic($0.id) }
        views += meeting.provinces.map { .province($0.id) }
        for topic in meeting.topics {
            for province in meeting.provinces {
                views.append(.panel(province: province.id, topic: topic.id))
                if !meeting.history.isEmpty, !province.isBroken, province.topics[topic.id] != nil {
                    views.append(.history(province: province.id, topic: topic.id))
                }
            }
        }
        return views
    }
}
