/// The registry of view kinds: adding a view is its file (with its `kind`), its case of `ViewID`,
/// and one line in each list below (the switch is checked by the compiler, the list by `ViewIDTests`).
extension ViewKind {
    /// Every kind, in the order `ViewResolver` lists them.
    public static let all: [ViewKind] = [
        OverviewView.kind,
        AgendaView.kind,
        StatusBoardView.kind,
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

extension ViewID {
    /// The description of this view's kind.
    public var kind: ViewKind {
        switch self {
        case .overview: return OverviewView.kind
        case .agenda: return AgendaView.kind
        case .status: return StatusBoardView.kind
        case .tasks: return TasksView.kind
        case .closing: return ClosingView.kind
        case .topic: return TopicView.kind
        case .province: return ProvinceView.kind
        case .panel: return PanelView.kind
        case .history: return HistoryView.kind
        }
    }
}
