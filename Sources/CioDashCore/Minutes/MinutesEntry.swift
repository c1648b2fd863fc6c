/// One line of the minutes journal after its header.
public enum MinutesEntry: Hashable, Sendable {
    /// The whole text of a field (a checkpoint, a field cleared, or a hand edit).
    case set(MinutesField, String, at: Double)
    /// A change to a field's text by Unicode scalar offsets.
    case edit(MinutesField, TextEdit, at: Double)
    case clock(MinutesClockEvent)

    public var at: Double {
        switch self {
        case .set(_, _, let at), .edit(_, _, let at): return at
        case .clock(let event): return event.at
        }
    }
}


