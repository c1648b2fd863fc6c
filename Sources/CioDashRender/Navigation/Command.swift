/// What a key asks the dashboard to do; `CommandTable` says which keys mean which command in which mode.
public enum Command: String, Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, moveLeft, moveRight
    case open, back
    case nextView, previousView
    case pageDown, pageUp, scrollUp, scrollDown, top, bottom
    case nextSlide, previousSlide, nextTopic, previousTopic, goToSlide, toggleTimer
    /// A digit 1–9: agenda item N.
    case agendaItem
    /// The reporting board: who has reported.
    case reportingBoard
    case search, nextMatch, save, reload, toggleLanguage, help, quit
    /// Open the minutes editor for the agenda item on screen (the app core handles it).
    case minutes
    /// A follower: browse on your own / follow the presenter again (handled by the app core).
    case toggleFollow
    /// A sharing presenter: the addresses to join and the room code (handled by the app core).
    case roomInfo
}
