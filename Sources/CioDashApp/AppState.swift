import CioDashCore
import CioDashRender

/// Everything the live dashboard is a function of: the meeting (with its index), the navigation
/// state, the standing notice, and the last time the clock said.
public struct AppState: Sendable {
    /// Rebuilt only when the meeting is replaced.
    public internal(set) var navigator: Navigator
    public var navigation: NavigationState
    /// A standing warning (errors in the folder, a reload that kept old data).
    public internal(set) var notice: String?
    /// Counts meeting replacements, so a shell can tell a frame may differ.
    public internal(set) var generation = 0
    public internal(set) var clock: ScreenComposer.Clock
    /// The minutes being taken, when the presenter keeps a journal.
    public internal(set) var minutes: MinutesState?
    /// Journal entries of the start (the first slide's clock), handed out with the first update.
    var pendingMinutes: [MinutesEntry] = []
    /// Set when this screen follows a presenter (`ciodash follow`).
    public var follow: FollowState?
    /// Set when this presenter shares its screen (`ciodash present --share`).
    public var share: ShareState?
    /// When the folder was last looked at (monotonic seconds).
    var lastFolderCheck: Double
    /// The reload rule's memory: each province file's size when it was last taken as good.
    var keeper: ReloadKeeper

    public var meeting: Meeting { navigator.meeting }

    /// The folder is being read again (a big folder takes seconds; keys are answered meanwhile).
    public internal(set) var reloading = false

    /// The status line's standing text: a follower's link, a reload under way, then the folder's warning.
    var standingLine: String? {
        let parts = [follow?.status(navigation.language), reloading ? Labels.forLanguage(navigation.language).reloading : nil,
                     notice].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
    public var index: MeetingIndex { navigator.index }

    /// Provinces browsers announced that the minutes still have absent: offered to the secretary.
    var announcedAbsent: [ProvinceReport] {
        guard let announced = share?.announced, !announced.isEmpty, let record = minutes?.record else { return [] }
        return MinutesAttendance(meeting: meeting, record: record).announcedAbsent(announced)
    }

    /// The attendance form's line of units announced from browsers, if any.
    var browsersLine: String? {
        let announced = share?.announced.filter { $0.value > 0 } ?? [:]
        let offered = announcedAbsent.map { (name: $0.name, browsers: announced[$0.id] ?? 0) }
        return MinutesLabels.forLanguage(navigation.language).joinedInBrowser(offered: offered, announced: announced.count)
    }

    init(meeting: Meeting, navigation: NavigationState, notice: String?, clock: ScreenComposer.Clock, sizes: [String: Int64] = [:]) {
        navigator = Navigator(meeting: meeting)
        keeper = ReloadKeeper(shown: meeting, sizes: sizes)
        self.navigation = navigation
        self.notice = notice
        self.clock = clock
        lastFolderCheck = clock.now
    }

    /// The screen for this state; the scroll the screen settled on and the page size are kept.
    /// `cache` holds view bodies between frames of the same meeting (`generation`).
    public mutating func frame(width: Int, height: Int, cache: ViewBodyCache? = nil) -> ScreenComposer.Frame {
        if let follow, follow.speaker, follow.attached {
            // The speaker view: the presenter's slide small, the countdown large, the notes.
            let frame = SpeakerView.compose(navigator: navigator, state: navigation, width: width, height: height, clock: clock,
                                            notice: standingLine, notesScroll: follow.notesScroll, cache: cache)
            self.follow?.notesScroll = frame.scroll
            return frame
        }
        let fits = width >= ScreenComposer.minimumWidth && height >= ScreenComposer.minimumHeight
        // A sharing presenter's agenda slide ends with the join line, in rows of its own under the agenda.
        let joinLine = share.map { !$0.showInfo && navigation.view.kind.slide.contains(.joinLine) && !navigation.showHelp && fits } ?? false
        var frame = ScreenComposer.compose(navigator: navigator, state: navigation, width: width, height: height,
                                           clock: clock, notice: standingLine, cache: cache,
                                           reservedRows: joinLine ? RoomInfoOverlay.compactHeight : 0)
        if let share, share.showInfo || joinLine, !navigation.showHelp, fits {
            RoomInfoOverlay.draw(on: &frame.grid, addresses: share.addresses, code: share.code,
                                 followers: share.followers, language: navigation.language, compact: !share.showInfo,
                                 web: share.webAddress.map { .init(address: $0, code: share.webCode, viewers: share.viewers) })
        }
        navigation.scroll = frame.scroll
        navigation.pageSize = max(1, frame.viewport)
        guard let editor = minutes?.editor else { return frame }
        var framed = frame
        let textWidth = MinutesEditorView.draw(editor, on: &framed.grid, top: height - 2 - frame.viewport,
                                               meeting: meeting, language: navigation.language, browsers: browsersLine,
                                               keyLine: { [language = navigation.language] in CommandTable.formKeys(language: language, width: $0) })
        minutes?.textWidth = textWidth
        return framed
    }
}
