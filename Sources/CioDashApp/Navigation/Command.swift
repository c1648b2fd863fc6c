import CioDashRender
/// What a key asks the dashboard to do; `CommandTable` says which keys mean which command in which
/// context. A key is turned into a command once (`CommandTable.command(for:in:)`), and a speaker
/// view or a follower sends the same command over the network: every handler sees commands, never keys.
public enum Command: String, Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, moveLeft, moveRight
    case open, back
    case nextView, previousView
    case pageDown, pageUp, scrollUp, scrollDown, top, bottom
    case nextSlide, previousSlide, nextTopic, previousTopic, goToSlide, toggleTimer
    /// A digit 1–9: agenda item N (the digit is the key's).
    case agendaItem
    /// The reporting board: who has reported.
    case reportingBoard
    /// The tasks view: what the council assigned and what became of it.
    case tasksView
    /// The administrative units: the provinces across the 2025 reorganisation.
    case unitsView
    case search, nextMatch, save, reload, toggleLanguage, help, quit
    /// Open the minutes editor for the agenda item on screen (the app core handles it).
    case minutes
    /// A follower: browse on your own / follow the presenter again (handled by the app core).
    case toggleFollow
    /// A sharing presenter: the addresses to join and the room code (handled by the app core).
    case roomInfo
    /// Close what is open on top of the screen: a prompt, the minutes form, the room's information.
    case close
    /// A prompt: take what was typed.
    case confirm
    /// A prompt: delete the last character typed.
    case deleteBackward
    /// The minutes form: show only the line being typed on the projector, or the whole form again.
    case hideForm
    /// The attendance form: mark present the units browsers announced.
    case confirmPresent
    /// The test card: switch its one marked cell on or off (a one-cell change, to see redraws).
    case markCell
    /// The test card: paint every cell again.
    case repaint
}
