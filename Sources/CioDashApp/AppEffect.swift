import CioDashCore
import CioDashRender

/// The only I/O the app core asks for; the shell carries it out and may answer with an event.
public enum AppEffect: Equatable, Sendable {
    case quit
    /// Read the folder again now (`r`); answer with `.folderReloaded(_, changed: [])`.
    case reloadFolder
    /// See whether a file of the folder changed; if so, answer with `.folderReloaded`.
    case checkFolder
    /// Write `view` as text in `language`; answer with `.effectFinished`.
    case saveSnapshot(ViewID, Language)
    /// Write these entries to the minutes journal, durably, before the next key; a failure is
    /// answered with `.effectFinished(.minutesFailed)`.
    case recordMinutes([MinutesEntry])
    /// The terminal changed size: repaint every cell.
    case repaintAll
    /// The speaker view: send this slide command to the presenter (it never moves the speaker
    /// view itself; the presenter's new state does).
    case drivePresenter(Command)
}
