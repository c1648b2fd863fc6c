/// The registry of view kinds: adding a view is its file (its `kind` and its `ViewID` names) and
/// one line below (`ViewIDTests` holds that every view a kind makes is registered and round-trips).
extension ViewKind {
    /// Every kind, in the order `ViewResolver` lists them.
    public static let all: [ViewKind] = [
        OverviewView.kind,
        AgendaView.kind,
        StatusBoardView.kind,
        UnitsView.kind,
        TasksView.kind,
        ClosingView.kind,
        TopicView.kind,
        ProvinceView.kind,
        PanelView.kind,
        HistoryView.kind,
    ]

    /// The kind called `name`.
    static let named: [String: ViewKind] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}
