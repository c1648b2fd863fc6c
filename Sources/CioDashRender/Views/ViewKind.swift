import CioDashCore

/// Everything the program knows about one kind of view, in one value: its name (read and written,
/// the inverse of each other), its title, how it draws, what its report holds, where its rows lead,
/// what it selects and whether a meeting has it. Each view's file defines its kind (`TasksView.kind`);
/// `ViewKinds.swift` registers them. The program asks `view.kind` instead of switching over `ViewID`.
public struct ViewKind: Sendable {
    /// The name before the colon: `tasks`, `panel` (`panel:da-nang/smart-city`).
    public let name: String
    /// The view named by the text after the colon (nil for a kind without one), or nil.
    let parse: @Sendable (_ argument: String?) -> ViewID?
    /// What a user types for it in `--view`, as the resolver lists it (nil: not offered there).
    public let form: String?
    /// The view a user's `--view` text names, names without diacritics accepted (`province:hue`),
    /// given the trimmed text after the colon (nil when there is none); nil when the text is not
    /// of this kind's form.
    let resolve: @Sendable (_ argument: String?, _ meeting: Meeting) -> Result<ViewID, ViewResolver.Failure>?
    /// The text after the colon for `view`, or nil for a kind without one.
    let argument: @Sendable (_ view: ViewID) -> String?
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
    let selectedRow: @Sendable (_ view: ViewID, _ index: MeetingIndex, _ state: NavigationState) -> Int?
    /// The province and topic that opening the view points the selection at (nil: left as they are).
    let selects: @Sendable (_ view: ViewID) -> (province: String?, topic: String?)
    /// What an arrow or Enter does inside the view while browsing: it changes the state (the
    /// selection, the scroll, a sibling view), or returns the view Enter opens.
    let browse: @Sendable (_ view: ViewID, _ move: ViewMove, _ index: MeetingIndex, _ state: inout NavigationState) -> ViewID?
    /// Where the view stands in Tab's cycle overview → topic → province.
    public let tab: TabPlace

    /// Tab cycles overview → topic → province → overview (Shift-Tab the other way); a view stands
    /// at one of the three places, or aside (both keys go to the overview).
    public enum TabPlace: Sendable { case overview, topic, province, aside }

    /// A kind whose name takes an argument after the colon.
    init(name: String, form: String,
         parse: @escaping @Sendable (String) -> ViewID?,
         resolve: @escaping @Sendable (String, Meeting) -> Result<ViewID, ViewResolver.Failure>?,
         argument: @escaping @Sendable (ViewID) -> String,
         title: @escaping @Sendable (ViewID, Meeting, Labels, Language) -> String,
         render: @escaping @Sendable (ViewID, Meeting, RenderContext) -> ViewBody?,
         report: @escaping @Sendable (ViewID, ViewReportBuilder.Context, inout ViewReport) -> Bool,
         links: @escaping @Sendable (ViewID, ViewBody, Meeting) -> [ViewLink] = { _, _, _ in [] },
         exists: @escaping @Sendable (ViewID, MeetingIndex) -> Bool,
         selectedRow: @escaping @Sendable (ViewID, MeetingIndex, NavigationState) -> Int? = { _, _, _ in nil },
         selects: @escaping @Sendable (ViewID) -> (province: String?, topic: String?),
         browse: @escaping @Sendable (ViewID, ViewMove, MeetingIndex, inout NavigationState) -> ViewID?,
         tab: TabPlace) {
        self.name = name
        self.parse = { text in text.flatMap { $0.isEmpty ? nil : parse($0) } }
        self.form = form
        self.resolve = { text, meeting in text.flatMap { resolve($0, meeting) } }
        self.argument = argument
        self.title = title
        self.render = render
        self.report = report
        self.links = links
        self.exists = exists
        self.selectedRow = selectedRow
        self.selects = selects
        self.browse = browse
        self.tab = tab
    }

    /// A kind that is one view, named by its name alone (`agenda`, `tasks`).
    /// `offered`: whether `--view` takes it (the closing slide needs a running session).
    init(name: String, view: ViewID, offered: Bool = true,
         title: @escaping @Sendable (Meeting, Labels, Language) -> String,
         render: @escaping @Sendable (Meeting, RenderContext) -> ViewBody?,
         report writeReport: @escaping @Sendable (ViewReportBuilder.Context, inout ViewReport) -> Bool,
         links: @escaping @Sendable (ViewBody, Meeting) -> [ViewLink] = { _, _ in [] },
         selectedRow: @escaping @Sendable (MeetingIndex, NavigationState) -> Int? = { _, _ in nil },
         browse: @escaping @Sendable (ViewMove, MeetingIndex, inout NavigationState) -> ViewID? = { _, _, _ in nil },
         tab: TabPlace = .aside) {
        self.name = name
        self.parse = { $0 == nil ? view : nil }
        self.form = offered ? name : nil
        self.resolve = { text, _ in text == nil && offered ? .success(view) : nil }
        self.argument = { _ in nil }
        self.title = { _, meeting, labels, language in title(meeting, labels, language) }
        self.render = { _, meeting, context in render(meeting, context) }
        self.report = { _, context, report in writeReport(context, &report) }
        self.links = { _, body, meeting in links(body, meeting) }
        self.exists = { _, _ in true }
        self.selectedRow = { _, index, state in selectedRow(index, state) }
        self.selects = { _ in (nil, nil) }
        self.browse = { _, move, index, state in browse(move, index, &state) }
        self.tab = tab
    }

    /// A view to read: the arrows up and down scroll it.
    static func scroll(_ move: ViewMove, _ state: inout NavigationState) {
        if case .vertical(let d) = move { state.scroll = max(0, state.scroll + d); state.followSelection = false }
    }

    /// `da-nang/smart-city` → ("da-nang", "smart-city"), split at the last slash; nil if either is empty.
    static func pair(_ text: String) -> (province: String, topic: String)? {
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let p = String(text[..<slash]), t = String(text[text.index(after: slash)...])
        return p.isEmpty || t.isEmpty ? nil : (p, t)
    }

    /// One link per item, the whole width, each to `target` of the matching element.
    static func rowLinks<S: Sequence>(_ body: ViewBody, _ elements: S, _ target: (S.Element) -> ViewID) -> [ViewLink] {
        zip(body.items, elements).map { item, element in
            ViewLink(row: item.rows.lowerBound, columns: 0..<body.grid.width, target: target(element))
        }
    }
}

/// An arrow or Enter inside a view: the part of a key a view's kind decides.
public enum ViewMove: Equatable, Sendable {
    case vertical(Int), horizontal(Int), open

    /// The move a command makes, or nil for a command that is not one.
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

extension ViewID {
    /// What `move` does inside this view while browsing (its kind decides): the state changed in
    /// place, or the view Enter opens.
    public func browse(_ move: ViewMove, index: MeetingIndex, state: inout NavigationState) -> ViewID? {
        kind.browse(self, move, index, &state)
    }
}
