import CioDashCore
import CioDashRender

/// The minutes part of the app's state: the record so far (as the journal holds it), the open
/// form if any, and when the running clock was last said to be alive.
public struct MinutesState: Sendable {
    public internal(set) var record: MinutesRecord
    public internal(set) var editor: MinutesEditor?
    /// Cells of text in a form row, written back by each frame (up/down move by it).
    public var textWidth = 60
    /// Wall time of the last clock entry written while an item ran.
    var lastAlive: Double = 0

    /// While an item runs, the journal is told so this often (seconds): a crash loses at most this.
    public static let aliveInterval = 15.0

    public init(record: MinutesRecord) {
        self.record = record
    }
}
