import CioDashCore
import CioDashRender

extension ViewMove {
    /// The move a command makes inside a view, or nil for a command that is not one.
    public init?(_ command: Command) {
        switch command {
        case .moveUp: self = .vertical(-1)
        case .moveDown: self = .vertical(1)
        case .moveLeft: self = .horizontal(-1)
        case .moveRight: self = .horizontal(1)
        case .open: self = .open
        default: return nil
        }
    }
}

/// The index's lookups for the whole navigation state: the selection's, and what the mode adds.
extension MeetingIndex {
    /// The selected row of the state's view, as the view numbers its items (nil: nothing selectable).
    public func selectedRow(_ state: NavigationState) -> Int? {
        // The presenter selects only where the slide says so (a ranking: the row Enter opens).
        guard state.mode == .browse || state.view.kind.slide.contains(.selectsRow) else { return nil }
        return selectedRow(state.selection)
    }

    public func selectedColumn(_ state: NavigationState) -> Int? { selectedColumn(state.selection) }
    public func selectedProvince(_ state: NavigationState) -> String? { selectedProvince(state.selection) }
    public func selectedTopic(_ state: NavigationState) -> String? { selectedTopic(state.selection) }

    public func province(after s: NavigationState, by d: Int, from: String? = nil) -> String? {
        province(after: s.selection, by: d, from: from)
    }

    public func topic(after s: NavigationState, by d: Int, from: String? = nil) -> String? {
        topic(after: s.selection, by: d, from: from)
    }
}
