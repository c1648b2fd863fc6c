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
}
