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
        switch view {
        case .agenda:
            return AgendaView.render(meeting, context: context)
        case .closing:
            return ClosingView.render(meeting, context: context)
        case .status:
            return StatusBoardView.render(meeting, context: context)
        case .tasks:
            return TasksView.render(meeting, context: context)
        case .overview:
            return OverviewView.render(meeting, context: context)
        case .topic(let id):
            guard let topic = meeting.topic(id) else { return nil }
            return TopicView.render(meeting, topic: topic, context: context)
        case .province(let id):
            guard let province = meeting.province(id) else { return nil }
            return ProvinceView.render(meeting, province: province, context: context)
        case .panel(let p, let t):
            guard let province = meeting.province(p), let topic = meeting.topic(t) else { return nil }
            return PanelView.render(meeting, province: province, topic: topic, context: context)
        case .history(let p, let t):
            guard let province = meeting.province(p), let topic = meeting.topic(t) else { return nil }
            return HistoryView.render(meeting, province: province, topic: topic, context: context)
        }
    }

    /// Every view of the meeting in reading order: agenda, overview, each topic, each province, then
    /// each panel, topic by topic in agenda order and province by province in display order.
    public static func allViews(of meeting: Meeting) -> [ViewID] {
        var views: [ViewID] = [.agenda, .overview]
        if !meeting.tasks.isEmpty { views.append(.tasks) }
        views += meeting.topics.map { .topic($0.id) }
        views += meeting.provinces.map { .province($0.id) }
        for topic in meeting.topics {
            views += meeting.provinces.map { .panel(province: $0.id, topic: topic.id) }
        }
        return views
    }
}
