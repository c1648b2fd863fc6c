import CioDashCore

/// Everything the program knows about one kind of view, in one value: its name (read and written,
/// the inverse of each other), its title, how it draws, what its report holds, where its rows lead,
/// what it selects and whether a meeting has it. Each view's file defines its kind (`TasksView.kind`);
/// `ViewKinds.swift` registers them. The program asks `view.kind` instead of switching over `ViewID`.
public struct ViewKind: Sendable {
    /// The name before the colon: `tasks`, `panel` (`panel:da-nang/smart-city`).
    public let name: String
    /// What the text after the colon names: nothing, a topic, a province, or both (`da-nang/smart-city`).
    public let about: Subject
    /// Whether `--view` offers the kind (the closing slide needs a running session).
    let offered: Bool
    /// The view's name in the interface language, with the data's names.
    let title: @Sendable (_ view: ViewID, _ meeting: Meeting, _ labels: Labels, _ language: Language) -> String
    /// The body with nothing selected, or nil when the view names nothing in the meeting.
    let render: @Sendable (_ view: ViewID, _ meeting: Meeting, _ context: RenderContext) -> ViewBody?
    /// Adds the view's blocks and figures to `report`; false when the view has no report.
    let report: @Sendable (_ view: ViewID, _ context: ViewReportBuilder.Context, _ report: inout ViewReport) -> Bool
    /// Where each selectable row of a drawn body leads, as Enter would go.
    let links: @Sendable (_ view: ViewID, _ body: ViewBody, _ meeting: Meeting) -> [ViewLink]
    /// Whether the meeting has what the view names.
    let exists: @Sendable (_ view: ViewID, _ index: MeetingIndex) -> Bool
    /// The row the browsing selection is on, as the view numbers its items (nil: nothing selectable).
    let selectedRow: @Sendable (_ view: ViewID, _ index: MeetingIndex, _ state: ViewSelection) -> Int?
    /// What an arrow or Enter does inside the view while browsing: it changes the state (the
    /// selection, the scroll, a sibling view), or returns the view Enter opens.
    let browse: @Sendable (_ view: ViewID, _ move: ViewMove, _ index: MeetingIndex, _ state: inout ViewSelection) -> ViewID?
    /// Where the view stands in Tab's cycle overview → topic → province.
    public let tab: TabPlace
    /// What the view lists, so that a search match is selected in it, not opened.
    public let lists: Lists
    /// How the view behaves as the presenter's slide.
    public let slide: SlideTraits
    /// The views a document holding this one links to above it (a panel: its province, topic, history).
    let around: @Sendable (_ view: ViewID) -> [ViewID]
    /// The view whose tables hold this view's, linked to instead of a second copy (a panel's province).
    let tablesIn: @Sendable (_ view: ViewID) -> ViewID?
    /// Whether a document holding this view gets the search index of every province and topic.
    public let indexed: Bool

    /// What a view's rows or columns are: provinces, topics.
    public struct Lists: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let provinces = Lists(rawValue: 1)
        public static let topics = Lists(rawValue: 2)
    }

    /// What a view does as a slide on the projector.
    public struct SlideTraits: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// It shows the session's planned and spent times (drawn again each second).
        public static let sessionTimes = SlideTraits(rawValue: 1)
        /// It is drawn for the screen's height, leaving parts out to fit.
        public static let fitsHeight = SlideTraits(rawValue: 2)
        /// A sharing presenter's join address is shown under it.
        public static let joinLine = SlideTraits(rawValue: 4)
        /// The presenter's arrows select a row and Enter opens it, as when browsing (a ranking).
        public static let selectsRow = SlideTraits(rawValue: 8)
    }

    /// Tab cycles overview → topic → province → overview (Shift-Tab the other way); a view stands
    /// at one of the three places, or aside (both keys go to the overview).
    public enum TabPlace: Sendable { case overview, topic, province, aside }

    /// What a view's name carries after the colon: the province and topic it is about.
    public enum Subject: Sendable { case nothing, topic, province, provinceAndTopic }

    /// A kind whose name takes an argument after the colon.
    init(name: String, about: Subject,
         title: @escaping @Sendable (ViewID, Meeting, Labels, Language) -> String,
         render: @escaping @Sendable (ViewID, Meeting, RenderContext) -> ViewBody?,
         report: @escaping @Sendable (ViewID, ViewReportBuilder.Context, inout ViewReport) -> Bool,
         links: @escaping @Sendable (ViewID, ViewBody, Meeting) -> [ViewLink] = { _, _, _ in [] },
         exists: @escaping @Sendable (ViewID, MeetingIndex) -> Bool = ViewKind.namesWhatTheMeetingHas,
         selectedRow: @escaping @Sendable (ViewID, MeetingIndex, ViewSelection) -> Int? = { _, _, _ in nil },
         browse: @escaping @Sendable (ViewID, ViewMove, MeetingIndex, inout ViewSelection) -> ViewID?,
         tab: TabPlace, lists: Lists = [], slide: SlideTraits = [],
         around: @escaping @Sendable (ViewID) -> [ViewID] = { _ in [] },
         tablesIn: @escaping @Sendable (ViewID) -> ViewID? = { _ in nil }, indexed: Bool = false) {
        self.name = name
        self.about = about
        self.offered = true
        self.title = title
        self.render = render
        self.report = report
        self.links = links
        self.exists = exists
        self.selectedRow = selectedRow
        self.browse = browse
        self.tab = tab
        self.lists = lists
        self.slide = slide
        self.around = around
        self.tablesIn = tablesIn
        self.indexed = indexed
    }

    /// A kind that is one view, named by its name alone (`agenda`, `tasks`).
    /// `offered`: whether `--view` takes it (the closing slide needs a running session).
    init(name: String, offered: Bool = true,
         title: @escaping @Sendable (Meeting, Labels, Language) -> String,
         render: @escaping @Sendable (Meeting, RenderContext) -> ViewBody?,
         report writeReport: @escaping @Sendable (ViewReportBuilder.Context, inout ViewReport) -> Bool,
         links: @escaping @Sendable (ViewBody, Meeting) -> [ViewLink] = { _, _ in [] },
         selectedRow: @escaping @Sendable (MeetingIndex, ViewSelection) -> Int? = { _, _ in nil },
         browse: @escaping @Sendable (ViewMove, MeetingIndex, inout ViewSelection) -> ViewID? = { _, _, _ in nil },
         tab: TabPlace = .aside, lists: Lists = [], slide: SlideTraits = [], indexed: Bool = false) {
        self.name = name
        self.about = .nothing
        self.offered = offered
        self.title = { _, meeting, labels, language in title(meeting, labels, language) }
        self.render = { _, meeting, context in render(meeting, context) }
        self.report = { _, context, report in writeReport(context, &report) }
        self.links = { _, body, meeting in links(body, meeting) }
        self.exists = { _, _ in true }
        self.selectedRow = { _, index, state in selectedRow(index, state) }
        self.browse = { _, move, index, state in browse(move, index, &state) }
        self.tab = tab
        self.lists = lists
        self.slide = slide
        self.around = { _ in [] }
        self.tablesIn = { _ in nil }
        self.indexed = indexed
    }

    /// What a user types for it in `--view`, as the resolver lists it (nil: not offered there).
    public var form: String? {
        guard offered else { return nil }
        switch about {
        case .nothing: return name
        case .topic: return name + ":<topic-id>"
        case .province: return name + ":<province-id>"
        case .provinceAndTopic: return name + ":<province-id>/<topic-id>"
        }
    }

    /// The view a user's `--view` text names, names without diacritics accepted (`province:hue`),
    /// given the trimmed text after the colon (nil when there is none); nil when the text is not
    /// of this kind's form.
    func resolve(_ text: String?, _ meeting: Meeting) -> Result<ViewID, ViewResolver.Failure>? {
        guard offered else { return nil }
        switch (about, text) {
        case (.nothing, nil): return .success(ViewID(name: name))
        case (.topic, let text?): return ViewResolver.topic(text, in: meeting).map { ViewID(name: name, topic: $0) }
        case (.province, let text?): return ViewResolver.province(text, in: meeting).map { ViewID(name: name, province: $0) }
        case (.provinceAndTopic, let text?):
            return ViewResolver.pair(text, in: meeting) { ViewID(name: name, province: $0, topic: $1) }
        default: return nil
        }
    }

    /// The view named by the text after the colon (nil when there is none), or nil.
    func parse(_ text: String?) -> ViewID? {
        switch about {
        case .nothing: return text == nil ? ViewID(name: name) : nil
        case .topic: return text.flatMap { $0.isEmpty ? nil : ViewID(name: name, topic: $0) }
        case .province: return text.flatMap { $0.isEmpty ? nil : ViewID(name: name, province: $0) }
        case .provinceAndTopic:
            return text.flatMap(Self.pair).map { ViewID(name: name, province: $0.province, topic: $0.topic) }
        }
    }

    /// Whether the meeting has the province and the topic a view names (those it names).
    @Sendable static func namesWhatTheMeetingHas(_ view: ViewID, _ index: MeetingIndex) -> Bool {
        (view.provinceID.map { index.provinceNumber($0) != nil } ?? true)
            && (view.topicID.map { index.topicNumber($0) != nil } ?? true)
    }

    /// ← → on a view of one province × topic (a panel, a history): the same view of the province
    /// `d` places on in display order.
    static func sameViewOfNextProvince(_ view: ViewID, by d: Int, _ index: MeetingIndex, _ s: inout ViewSelection) {
        guard let pid = view.provinceID, let p = index.province(after: s, by: d, from: pid), p != pid else { return }
        s.view = ViewID(name: view.name, province: p, topic: view.topicID)
        s.province = p
        s.scroll = 0
    }

    /// A view to read: the arrows up and down scroll it.
    static func scroll(_ move: ViewMove, _ state: inout ViewSelection) {
        if case .vertical(let d) = move { state.scroll = max(0, state.scroll + d); state.followSelection = false }
    }

    /// `da-nang/smart-city` → ("da-nang", "smart-city"), split at the last slash; nil if either is empty.
    static func pair(_ text: String) -> (province: String, topic: String)? {
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let p = String(text[..<slash]), t = String(text[text.index(after: slash)...])
        return p.isEmpty || t.isEmpty ? nil : (p, t)
    }

    /// A list with a row per province of the meeting, each leading to its province (the board, the
    /// units): where its rows lead, which is selected, and what ↑ ↓ and Enter do in it.
    enum ProvinceRows {
        @Sendable static func links(_ body: ViewBody, _ meeting: Meeting) -> [ViewLink] {
            ViewKind.rowLinks(body, meeting.provinces) { .province($0.id) }
        }

        @Sendable static func selectedRow(_ index: MeetingIndex, _ s: ViewSelection) -> Int? {
            index.provinceNumber(index.selectedProvince(s)) ?? 0
        }

        @Sendable static func browse(_ move: ViewMove, _ index: MeetingIndex, _ s: inout ViewSelection) -> ViewID? {
            switch move {
            case .vertical(let d): s.province = index.province(after: s, by: d); s.followSelection = true
            case .open: return index.selectedProvince(s).map { .province($0) }
            case .horizontal: break
            }
            return nil
        }
    }

    /// One link per item, the whole width, each to `target` of the matching element.
    static func rowLinks<S: Sequence>(_ body: ViewBody, _ elements: S, _ target: (S.Element) -> ViewID) -> [ViewLink] {
        zip(body.items, elements).map { item, element in
            ViewLink(row: item.rows.lowerBound, columns: 0..<body.grid.width, target: target(element))
        }
    }
}

/// An arrow or Enter inside a view: the part of a command a view's kind decides.
public enum ViewMove: Equatable, Sendable {
    case vertical(Int), horizontal(Int), open
}

extension ViewID {
    /// The views a document holding this one links to above it.
    public var around: [ViewID] { kind.around(self) }
    /// The view whose tables hold this view's, if any.
    public var tablesIn: ViewID? { kind.tablesIn(self) }

    /// What `move` does inside this view while browsing (its kind decides): the selection changed
    /// in place, or the view Enter opens.
    public func browse(_ move: ViewMove, index: MeetingIndex, selection: inout ViewSelection) -> ViewID? {
        kind.browse(self, move, index, &selection)
    }
}
