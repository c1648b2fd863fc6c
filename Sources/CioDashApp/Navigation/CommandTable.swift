import CioDashRender
import CioDashCore

/// Every key binding of the dashboard, once: which keys run which command in which context, with the
/// help text in Vietnamese and English. The app core resolves each key through it once
/// (`command(for:in:)`); the help overlay, the footers (the dashboard's, the speaker view's, the
/// minutes form's) are drawn from it, and a test holds the README's key table to it.
public enum CommandTable {
    /// Where a key arrives: the mode's screen, or what is open on top of it. The app core's input
    /// chain (`InputChain`) decides the context; the table says what the key means there.
    public enum Context: Hashable, Sendable, CaseIterable {
        case browse, present
        /// The help overlay is open (`?`).
        case help
        /// A search or slide-number prompt is open: keys without a command here are typed text.
        case prompt
        /// The minutes form is open: keys without a command here are the form's text editing.
        case minutesForm
        /// `ciodash testcard`'s screen.
        case testCard

        public init(_ mode: NavigationState.Mode) { self = mode == .present ? .present : .browse }
    }

    /// Text in both interface languages: the one bilingual pair of the project.
    public typealias Text = BilingualText

    /// What a row's keys do in one mode.
    public struct Behaviour: Sendable {
        public var help: Text
        public var bindings: [(Key, Command)]
    }

    /// A footer hint: short key names and a word or two, in the order the footer shows them.
    public struct Hint: Sendable {
        public var keys: String
        public var text: Text
        public var order: Int
    }

    /// One line of the help and of the README's key table.
    public struct Row: Sendable {
        /// The keys as people read them: "Esc, Backspace".
        public var keys: Text
        public var browse: Behaviour?
        public var present: Behaviour?
        public var browseHint: Hint?
        public var presentHint: Hint?
        /// The keys of the help overlay, of a prompt, of the minutes form (nil: none in this row).
        public var help: Behaviour?
        public var prompt: Behaviour?
        public var form: Behaviour?
        public var testCard: Behaviour?
        /// The speaker view's footer, and the minutes form's key line.
        public var speakerHints: [Hint] = []
        public var formHints: [Hint] = []

        public func behaviour(_ mode: NavigationState.Mode) -> Behaviour? { mode == .present ? present : browse }
        public func hint(_ mode: NavigationState.Mode) -> Hint? { mode == .present ? presentHint : browseHint }

        public func behaviour(in context: Context) -> Behaviour? {
            switch context {
            case .browse: return browse
            case .present: return present
            case .help: return help
            case .prompt: return prompt
            case .minutesForm: return form
            case .testCard: return testCard
            }
        }

        /// The row's line in the help of `mode`: what its keys do there, or in what opens on top of it.
        func helpLine(_ mode: NavigationState.Mode) -> Behaviour? {
            behaviour(mode) ?? help ?? prompt ?? (mode == .present ? form : nil)
        }
    }

    private static func t(_ vi: String, _ en: String) -> Text { Text(vi: vi, en: en) }
    private static func c(_ ch: Character) -> Key { .character(ch) }
    /// Key names that read the same in both languages.
    private static func k(_ keys: String) -> Text { Text(vi: keys, en: keys) }
    private static func both(_ help: Text, _ bindings: [(Key, Command)]) -> (Behaviour, Behaviour) {
        (Behaviour(help: help, bindings: bindings), Behaviour(help: help, bindings: bindings))
    }
    /// A row that works the same in both modes; its hint shows in the presenter's footer only when
    /// `presenting` says so (the projector's footer has room for the slide keys first).
    private static func shared(_ keys: Text, _ help: Text, _ bindings: [(Key, Command)], hint: Hint? = nil,
                               presenting: Bool = false) -> Row {
        let (b, p) = both(help, bindings)
        return Row(keys: keys, browse: b, present: p, browseHint: hint, presentHint: presenting ? hint : nil)
    }

    public static let rows: [Row] = {
        let digits: [(Key, Command)] = "123456789".map { (c($0), .agendaItem) }
        return [
            Row(keys: k("↑ ↓ ← → / h j k l"),
                browse: Behaviour(help: t("di chuyển lựa chọn (tỉnh, chủ đề)", "move the selection (provinces, topics)"),
                                  bindings: [(.up, .moveUp), (c("k"), .moveUp), (.down, .moveDown), (c("j"), .moveDown),
                                             (.left, .moveLeft), (c("h"), .moveLeft), (.right, .moveRight), (c("l"), .moveRight)]),
                present: Behaviour(help: t("↑ ↓ cuộn (bảng xếp hạng: chọn tỉnh); ← → trang trước / tiếp",
                                           "↑ ↓ scroll (a ranking: select a province); ← → previous / next slide"),
                                   bindings: [(.up, .scrollUp), (c("k"), .scrollUp), (.down, .scrollDown), (c("j"), .scrollDown),
                                              (.left, .previousSlide), (c("h"), .previousSlide),
                                              (.right, .nextSlide), (c("l"), .nextSlide)]),
                browseHint: Hint(keys: "↑↓←→", text: t("chọn", "select"), order: 2),
                speakerHints: [Hint(keys: "→", text: t("tiếp", "next"), order: 2), Hint(keys: "←", text: t("lùi", "back"), order: 3),
                               Hint(keys: "↑↓", text: t("ghi chú", "notes"), order: 6)]),
            Row(keys: k("Enter"),
                browse: Behaviour(help: t("mở: ô tổng quan, dòng xếp hạng, tỉnh → chi tiết; chi tiết → qua các phiên họp; mục chương trình → chủ đề",
                                          "open: overview cell, ranking row, province → panel; panel → across meetings; agenda item → topic"),
                                  bindings: [(.enter, .open)]),
                present: Behaviour(help: t("trang tiếp; ở bảng xếp hạng: trang chi tiết của tỉnh đang chọn",
                                           "next slide; on a ranking: the selected province's panel"),
                                   bindings: [(.enter, .open)]),
                browseHint: Hint(keys: "Enter", text: t("mở", "open"), order: 3)),
            Row(keys: k("Esc, Backspace"),
                browse: Behaviour(help: t("quay lại", "back"), bindings: [(.escape, .back), (.backspace, .back)]),
                present: Behaviour(help: t("Backspace: trang trước; Esc: đóng thông tin phòng họp (i)",
                                           "Backspace: previous slide; Esc: close the room information (i)"),
                                   bindings: [(.backspace, .previousSlide), (.escape, .close)]),
                browseHint: Hint(keys: "Esc", text: t("quay lại", "back"), order: 4)),
            Row(keys: k("Tab, Shift-Tab"),
                browse: Behaviour(help: t("tổng quan → chủ đề → tỉnh", "overview → topic → province"),
                                  bindings: [(.tab, .nextView), (.backTab, .previousView)]),
                present: nil,
                browseHint: Hint(keys: "Tab", text: t("chuyển màn hình", "views"), order: 5)),
            Row(keys: k("Space, PgDn / PgUp"),
                browse: Behaviour(help: t("cuộn một trang", "scroll a page"),
                                  bindings: [(c(" "), .pageDown), (.pageDown, .pageDown), (.pageUp, .pageUp)]),
                present: Behaviour(help: t("trang tiếp / trước", "next / previous slide"),
                                   bindings: [(c(" "), .nextSlide), (.pageDown, .nextSlide), (.pageUp, .previousSlide)]),
                presentHint: Hint(keys: "Space PgUp", text: t("tiếp, lùi", "next, back"), order: 2)),
            Row(keys: k("] ["), browse: nil,
                present: Behaviour(help: t("chủ đề tiếp / trước", "next / previous topic"),
                                   bindings: [(c("]"), .nextTopic), (c("["), .previousTopic)]),
                presentHint: Hint(keys: "] [", text: t("chủ đề", "topic"), order: 3),
                speakerHints: [Hint(keys: "] [", text: t("chủ đề", "topic"), order: 4)]),
            Row(keys: k("g"), browse: nil,
                present: Behaviour(help: t("đến trang số…", "go to slide number…"), bindings: [(c("g"), .goToSlide)]),
                presentHint: Hint(keys: "g", text: t("trang", "slide"), order: 4)),
            Row(keys: k("t"), browse: nil,
                present: Behaviour(help: t("dừng / chạy đồng hồ chủ đề", "pause / resume the topic countdown"),
                                   bindings: [(c("t"), .toggleTimer)]),
                presentHint: Hint(keys: "t", text: t("dừng giờ", "pause"), order: 5),
                speakerHints: [Hint(keys: "t", text: t("dừng giờ", "pause"), order: 5)]),
            Row(keys: k("m"), browse: nil,
                present: Behaviour(help: t("ghi biên bản cho mục đang trình bày (kết luận, giao nhiệm vụ, ghi chú; ở trang chương trình: thành phần); Esc đóng, đã lưu",
                                           "take the minutes of the item on screen (conclusions, assignments, notes; on the agenda slide: attendance); Esc closes, already saved"),
                                   bindings: [(c("m"), .minutes)])),
            Row(keys: k("Esc, F2, F3"), browse: nil, present: nil,
                form: Behaviour(help: t("trong biểu mẫu biên bản: đóng (đã lưu); ẩn khỏi màn chiếu (chỉ hiện dòng đang gõ); ở thành phần: ghi có mặt các đơn vị đã vào phòng qua trình duyệt",
                                        "in the minutes form: close (already saved); hide it from the projector (only the line being typed shows); on the attendance: mark present the units that joined in a browser"),
                                bindings: [(.escape, .close), (.function(2), .hideForm), (.function(3), .confirmPresent)]),
                formHints: [Hint(keys: "Esc", text: t("đóng (đã lưu)", "close (saved)"), order: 0),
                            Hint(keys: "F2", text: t("ẩn khỏi màn chiếu", "hide from the projector"), order: 3)]),
            // The form's text keys: the editor's own (typed text, not commands), listed for the help.
            Row(keys: k("Tab, Enter, Ctrl-← →, Ctrl-W"), browse: nil, present: nil,
                form: Behaviour(help: t("trong biểu mẫu biên bản: ô tiếp (Shift-Tab ô trước), dòng mới, qua một từ, xóa một từ",
                                        "in the minutes form: next field (Shift-Tab the previous), new line, a word left / right, delete a word"),
                                bindings: []),
                formHints: [Hint(keys: "Tab", text: t("ô tiếp", "next field"), order: 1),
                            Hint(keys: "Enter", text: t("dòng mới", "new line"), order: 2),
                            Hint(keys: "Ctrl-←→", text: t("từ", "word"), order: 4),
                            Hint(keys: "Ctrl-W", text: t("xóa từ", "delete word"), order: 5)]),
            Row(keys: k("f"), browse: nil,
                present: Behaviour(help: t("khi theo dõi (ciodash follow): xem tự do / theo lại người trình bày",
                                           "when following (ciodash follow): browse on your own / follow the presenter again"),
                                   bindings: [(c("f"), .toggleFollow)])),
            Row(keys: k("i"), browse: nil,
                present: Behaviour(help: t("khi chia sẻ (present --share): địa chỉ để theo dõi, mã phòng chữ lớn, địa chỉ và mã QR cho trình duyệt; Esc đóng",
                                           "when sharing (present --share): the addresses to join, the room code large, the browsers' address and QR code; Esc closes"),
                                   bindings: [(c("i"), .roomInfo)])),
            Row(keys: k("1–9"),
                browse: Behaviour(help: t("mở mục N của chương trình", "open agenda item N"), bindings: digits),
                present: Behaviour(help: t("đến mục N của chương trình", "jump to agenda item N"), bindings: digits)),
            Row(keys: k("b"),
                browse: Behaviour(help: t("tình hình báo cáo: tỉnh nào đã gửi, khi nào, điền bao nhiêu chỉ số",
                                          "reporting board: who has reported, when, how many metrics filled"),
                                  bindings: [(c("b"), .reportingBoard)]),
                present: nil),
            Row(keys: k("u"),
                browse: Behaviour(help: t("đơn vị hành chính của các tỉnh: mã, hợp nhất từ tỉnh nào, trụ sở (sắp xếp năm 2025)",
                                          "the provinces as administrative units: code, what they were merged from, seat (the 2025 reorganisation)"),
                                  bindings: [(c("u"), .unitsView)]),
                present: nil),
            Row(keys: k("a"),
                browse: Behaviour(help: t("nhiệm vụ hội đồng đã giao và kết quả thực hiện, theo tỉnh và theo phiên giao",
                                          "the tasks the council assigned and what became of them, by province and by meeting"),
                                  bindings: [(c("a"), .tasksView)]),
                present: nil),
            shared(k("Home / End"), t("đầu / cuối", "top / bottom"), [(.home, .top), (.end, .bottom)]),
            shared(t("/ rồi n", "/ then n"), t("tìm tỉnh, chủ đề (gõ không dấu được), kết quả tiếp theo; chữ dán vào chỉ để tìm",
                                 "search provinces and topics (no diacritics needed), next match; a paste is search text, never keys"),
                   [(c("/"), .search), (c("n"), .nextMatch)],
                   hint: Hint(keys: "/", text: t("tìm", "search"), order: 6)),
            Row(keys: k("Enter, Esc, Backspace"), browse: nil, present: nil,
                prompt: Behaviour(help: t("trong ô tìm (/) hay ô số trang (g): nhận, bỏ, xóa chữ vừa gõ",
                                          "in the search (/) or slide-number (g) prompt: take it, cancel, delete the last character"),
                                  bindings: [(.enter, .confirm), (.escape, .close), (.backspace, .deleteBackward)])),
            shared(k("s"), t("lưu màn hình thành văn bản vào ./ciodash-snapshots/ (không vào thư mục phiên họp)",
                          "save this view as text in ./ciodash-snapshots/ (never inside the meeting folder)"),
                   [(c("s"), .save)], hint: Hint(keys: "s", text: t("lưu", "save"), order: 7)),
            shared(k("r"), t("tải lại thư mục (tự tải lại khi tệp thay đổi xong; tệp bỗng mất quá nửa nội dung giữ số liệu cũ đến khi bấm r)",
                          "reload the folder (also by itself once a changed file settles; a file that lost most of its content keeps its last good data until r)"), [(c("r"), .reload)]),
            shared(k("L"), t("Tiếng Việt ↔ English", "Tiếng Việt ↔ English"), [(c("L"), .toggleLanguage)],
                   hint: Hint(keys: "L", text: t("English", "Tiếng Việt"), order: 8)),
            {
                var help = shared(k("?"), t("trợ giúp", "help"), [(c("?"), .help)], hint: Hint(keys: "?", text: t("trợ giúp", "help"), order: 0),
                                  presenting: true)
                help.speakerHints = [Hint(keys: "?", text: t("trợ giúp", "help"), order: 7)]
                return help
            }(),
            Row(keys: k("↑ ↓ PgUp PgDn"), browse: nil, present: nil,
                help: Behaviour(help: t("trong trợ giúp: cuộn khi trợ giúp dài hơn màn hình; phím khác đóng trợ giúp",
                                        "in this help: scroll when it is taller than the screen; any other key closes it"),
                                bindings: [(.up, .scrollUp), (.down, .scrollDown), (.pageUp, .pageUp), (.pageDown, .pageDown)])),
            {
                // Ctrl-C quits whatever is open; q and Q are typed text in a prompt or the minutes form.
                var quit = shared(k("q, Q, Ctrl-C"), t("thoát", "quit"), [(c("q"), .quit), (c("Q"), .quit), (.interrupt, .quit)],
                                  hint: Hint(keys: "q", text: t("thoát", "quit"), order: 1), presenting: true)
                quit.help = quit.browse
                quit.prompt = Behaviour(help: quit.browse!.help, bindings: [(.interrupt, .quit)])
                quit.form = quit.prompt
                quit.speakerHints = [Hint(keys: "q", text: t("thoát", "quit"), order: 8)]
                quit.testCard = Behaviour(help: quit.browse!.help, bindings: [(c("q"), .quit), (.escape, .quit), (.interrupt, .quit)])
                return quit
            }(),
            // `ciodash testcard` only: not in the dashboard's help nor in the README's key table.
            Row(keys: k("Space, r"), browse: nil, present: nil,
                testCard: Behaviour(help: t("bật / tắt ô đánh dấu; vẽ lại toàn màn hình", "mark / unmark the cell; repaint every cell"),
                                    bindings: [(c(" "), .markCell), (c("r"), .repaint)])),
        ]
    }()

    // One map per context, built once: a key press is one hash lookup.
    private static let browseBindings = bindings(.browse)
    private static let presentBindings = bindings(.present)
    private static let helpBindings = bindings(.help)
    private static let promptBindings = bindings(.prompt)
    private static let formBindings = bindings(.minutesForm)
    private static let testCardBindings = bindings(.testCard)

    private static func bindings(_ context: Context) -> [Key: Command] {
        var map: [Key: Command] = [:]
        for row in rows {
            for (key, command) in row.behaviour(in: context)?.bindings ?? [] where map[key] == nil { map[key] = command }
        }
        return map
    }

    /// The command `key` runs in `context`, if any: the one place a key becomes a command.
    public static func command(for key: Key, in context: Context) -> Command? {
        switch context {
        case .browse: return browseBindings[key]
        case .present: return presentBindings[key]
        case .help: return helpBindings[key]
        case .prompt: return promptBindings[key]
        case .minutesForm: return formBindings[key]
        case .testCard: return testCardBindings[key]
        }
    }

    /// The command `key` runs on the screen of `mode`, if any.
    public static func command(for key: Key, mode: NavigationState.Mode) -> Command? {
        command(for: key, in: Context(mode))
    }

    /// The help overlay's lines for a mode: keys and what they do, in `language` (the keys of what
    /// opens on top of the screen, the help itself, a prompt, the minutes form, included).
    public static func help(mode: NavigationState.Mode, language: Language) -> [(keys: String, text: String)] {
        rows.compactMap { row in row.helpLine(mode).map { (row.keys(language), $0.help(language)) } }
    }

    /// The help's last row when it is taller than the screen: how many lines are left below
    /// (`linesBelow`, 0 at the end) and the keys that scroll it.
    public static func helpScrollHint(language: Language, linesBelow more: Int) -> String {
        if more > 0 {
            return language == .vi ? "… còn \(more) dòng: ↓ PgDn cuộn xuống" : "… \(more) more lines: ↓ PgDn scroll down"
        }
        return language == .vi ? "↑ PgUp cuộn lên · phím khác đóng trợ giúp" : "↑ PgUp scroll up · any other key closes"
    }

    /// The footer line for a mode, in `language`: the hints in their order, as many whole hints as
    /// fit in `width` columns (none is cut mid-word; every key is in the help, which `?` opens and
    /// which always fits first).
    public static func footer(mode: NavigationState.Mode, language: Language, width: Int = .max) -> String {
        line(rows.compactMap { $0.hint(mode) }, language: language, width: width)
    }

    /// The speaker view's footer: the keys that drive the presenter, the notes' scroll, help and quit.
    public static func speakerFooter(language: Language, width: Int = .max) -> String {
        line(rows.flatMap(\.speakerHints), language: language, width: width)
    }

    /// The minutes form's line of keys, most needed first, as many whole ones as fit in `width`.
    public static func formKeys(language: Language, width: Int = .max) -> String {
        line(rows.flatMap(\.formHints), language: language, width: width)
    }

    /// Hints in their order, as many whole ones as fit in `width` columns.
    static func line(_ hints: [Hint], language: Language, width: Int) -> String {
        let separator = " · "
        var line = ""
        var used = 0
        for hint in hints.sorted(by: { $0.order < $1.order }) {
            let text = hint.keys + " " + hint.text(language)
            let needed = DisplayWidth.of(text) + (line.isEmpty ? 0 : DisplayWidth.of(separator))
            if used + needed > width { break }
            line += (line.isEmpty ? "" : separator) + text
            used += needed
        }
        return line
    }

    /// The README's key table (English): keys, browsing, presenting; "same" where presenting does
    /// what browsing does.
    public static func readmeRows() -> [[String]] {
        rows.filter { row in row.browse ?? row.present ?? row.help ?? row.prompt ?? row.form != nil }.map { row in
            let browse = (row.browse ?? row.help ?? row.prompt)?.help.en ?? ""
            let present = (row.present ?? row.help ?? row.prompt ?? row.form)?.help.en ?? ""
            return [row.keys.en, browse, !browse.isEmpty && present == browse ? "same" : present]
        }
    }
}
