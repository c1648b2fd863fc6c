/// What a view's kind reads and moves while browsing: the view shown, the province and topic
/// selected in it (by id, so a reload or another topic's ranking keeps them) and its scroll. The
/// app's navigation state holds one (`NavigationState.selection`) besides what only it knows.
public struct ViewSelection: Equatable, Sendable {
    /// What is shown.
    public var view: ViewID
    /// The selected province by id (overview row, topic ranking row, province and panel views); nil
    /// selects the first.
    public var province: String?
    /// The selected topic by id (overview column, province view row, agenda row); nil selects the first.
    public var topic: String?
    /// First body row shown; the screen clamps it and keeps the selection visible.
    public var scroll = 0
    /// Set by selection moves, cleared by explicit scrolling, so PgDn is not undone by the next frame.
    public var followSelection = true

    public init(view: ViewID, province: String? = nil, topic: String? = nil) {
        self.view = view
        self.province = province
        self.topic = topic
    }
}
