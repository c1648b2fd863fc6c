/// The outcome of an effect, fed back as an event.
public enum EffectResult: Equatable, Sendable {
    /// A snapshot was written at this path (as shown to the user).
    case snapshotSaved(String)
    /// A snapshot could not be written; why, in a sentence.
    case snapshotFailed(String)
    /// The minutes journal could not be written; why.
    case minutesFailed(String)
    /// The command log (`--command-log`) could not be written; why. Said once: the log stops.
    case commandLogFailed(String)
    /// The shell started reading the folder again (for `.reloadFolder`, or a `.checkFolder` that
    /// found a change); `.folderReloaded` follows.
    case reloadStarted
}
