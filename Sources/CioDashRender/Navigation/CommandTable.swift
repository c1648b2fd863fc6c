import CioDashCore

/// Every key binding of the dashboard, once: which keys run which command in which mode, with the
/// help text in Vietnamese and English. The navigator dispatches through it, the help overlay and
/// the footer hints are drawn from it, and a test holds the README's key table to it.
public enum CommandTable {
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

        public func behaviour(_ mode: NavigationState.Mode) -> Behaviour? { mode == .present ? present : browse }
        public func hint(_ mode: NavigationState.Mode) -> Hint? { mode == .present ? presentHint : browseHint }
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
                browseHint: Hint(keys: "↑↓←→", text: t("chọn", "select"), order: 2)),
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
                present: Behaviour(help: t("Backspace: trang trước", "Backspace: previous slide"),
                                   bindings: [(.backspace, .previousSlide)]),
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
                presentHint: Hint(keys: "] [", text: t("chủ đề", "topic"), order: 3)),
            Row(keys: k("g"), browse: nil,
                present: Behaviour(help: t("đến trang số…", "go to slide number…"), bindings: [(c("g"), .goToSlide)]),
                presentHint: Hint(keys: "g", text: t("trang", "slide"), order: 4)),
            Row(keys: k("t"), browse: nil,
                present: Behaviour(help: t("dừng / chạy đồng hồ chủ đề", "pause / resume the topic countdown"),
                                   bindings: [(c("t"), .toggleTimer)]),
                presentHint: Hint(keys: "t", text: t("dừng giờ", "pause"), order: 5)),
            Row(keys: k("m"), browse: nil,
                present: Behaviour(help: t("ghi biên bản cho mục đang trình bày (kết luận, giao nhiệm vụ, ghi chú; ở trang chương trình: thành phần); Esc đóng, đã lưu",
                                           "take the minutes of the item on screen (conclusions, assignments, notes; on the agenda slide: attendance); Esc closes, already saved"),
                                   bindings: [(c("m"), .minutes)])),
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
            shared(k("Home / End"), t("đầu / cuối", "top / bottom"), [(.home, .top), (.end, .bottom)]),
            shared(t("/ rồi n", "/ then n"), t("tìm tỉnh, chủ đề (gõ không dấu được), kết quả tiếp theo; chữ dán vào chỉ để tìm",
                                 "search provinces and topics (no diacritics needed), next match; a paste is search text, never keys"),
                   [(c("/"), .search), (c("n"), .nextMatch)],
                   hint: Hint(keys: "/", text: t("tìm", "search"), order: 6)),
            shared(k("s"), t("lưu màn hình thành văn bản vào ./ciodash-snapshots/ (không vào thư mục phiên họp)",
                          "save this view as text in ./ciodash-snapshots/ (never inside the meeting folder)"),
                   [(c("s"), .save)], hint: Hint(keys: "s", text: t("lưu", "save"), order: 7)),
            shared(k("r"), t("tải lại thư mục (tự tải lại khi tệp thay đổi xong; tệp bỗng mất quá nửa nội dung giữ số liệu cũ đến khi bấm r)",
                          "reload the folder (also by itself once a changed file settles; a file that lost most of its content keeps its last good data until r)"), [(c("r"), .reload)]),
            shared(k("L"), t("Tiếng Việt ↔ English", "Tiếng Việt ↔ English"), [(c("L"), .toggleLanguage)],
                   hint: Hint(keys: "L", text: t("English", "Tiếng Việt"), order: 8)),
            shared(k("?"), t("trợ giúp", "help"), [(c("?"), .help)], hint: Hint(keys: "?", text: t("trợ giúp", "help"), order: 0),
                   presenting: true),
            shared(k("q, Q, Ctrl-C"), t("thoát", "quit"), [(c("q"), .quit), (c("Q"), .quit), (.interrupt, .quit)],
                   hint: Hint(keys: "q", text: t("thoát", "quit"), order: 1), presenting: true),
        ]
    }()

    private static let browseBindings = bindings(.browse)
    private static let presentBindings = bindings(.present)

    private static func bindings(_ mode: NavigationState.Mode) -> [Key: Command] {
        var map: [Key: Command] = [:]
        for row in rows {
            for (key, command) in row.behaviour(mode)?.bindings ?? [] where map[key] == nil { map[key] = command }
        }
        return map
    }

    /// The command `key` runs in `mode`, if any.
    public static func command(for key: Key, mode: NavigationState.Mode) -> Command? {
        mode == .present ? presentBindings[key] : browseBindings[key]
    }

    /// The help overlay's lines for a mode: keys and what they do, in `language`.
    public static func help(mode: NavigationState.Mode, language: Language) -> [(keys: String, text: String)] {
        rows.compactMap { row in row.behaviour(mode).map { (row.keys(language), $0.help(language)) } }
    }

    /// The footer line for a mode, in `language`: the hints in their order, as many whole hints as
    /// fit in `width` columns (none is cut mid-word; every key is in the help, which `?` opens and
    /// which always fits first).
    public static func footer(mode: NavigationState.Mode, language: Language, width: Int = .max) -> String {
        let separator = " · "
        var line = ""
        var used = 0
        for hint in rows.compactMap({ $0.hint(mode) }).sorted(by: { $0.order < $1.order }) {
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
        rows.map { row in
            let browse = row.browse?.help.en ?? ""
            let present = row.present?.help.en ?? ""
            return [row.keys.en, browse, !browse.isEmpty && present == browse ? "same" : present]
        }
    }
}
