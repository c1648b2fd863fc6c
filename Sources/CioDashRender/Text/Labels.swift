import CioDashCore

/// Every interface string, in Vietnamese and English. Data text (names, titles) is not here.
public struct Labels: Sendable {
    public let language: Language
    public let overview, agenda, topic, province, panel, help: String
    public let statusLong: [ReportStatus: String]
    public let statusShort: [ReportStatus: String]
    public let totals, rank, status, value, target, change, source, reported, previous, unit: String
    public let summary, highlights, obstacles, metrics, illustrative, reportedFigure, file, reportedBy: String
    public let minutes, time, total, noReport, noData, headline: String
    public let council, meeting, view, dataAsOf, generatedAt, date, venue, chairs: String
    public let tooSmall, need: String
    public let provinces, topics, legend, since: String
    public let slide, timeLeft, overrun, paused, lastFiveMinutes, lastMinute: String
    public let closing, session, planned, actual, difference, onTime, behindBy, aheadBy: String
    public let searchPrompt, noMatch, noSuchSlide, snapshotSaved, snapshotFailed, reloaded, reloadFailed: String
    /// Said on the status line while the folder is read again.
    public let reloading: String

    public static func forLanguage(_ language: Language) -> Labels { language == .vi ? vi : en }

    public static let vi = Labels(
        language: .vi,
        overview: "Tổng quan", agenda: "Chương trình", topic: "Chủ đề", province: "Tỉnh/thành", panel: "Chi tiết",
        help: "Trợ giúp",
        statusLong: [.onTrack: "đúng tiến độ", .atRisk: "có rủi ro", .behind: "chậm",
                     .notStarted: "chưa triển khai", .unknown: "chưa rõ"],
        statusShort: [.onTrack: "đúng", .atRisk: "rủi ro", .behind: "chậm", .notStarted: "chưa", .unknown: "?"],
        totals: "Tổng", rank: "#", status: "Tình trạng", value: "Giá trị", target: "Mục tiêu", change: "Thay đổi",
        source: "Nguồn", reported: "Số liệu đến", previous: "Kỳ trước", unit: "Đơn vị",
        summary: "Tóm tắt", highlights: "Điểm nổi bật", obstacles: "Vướng mắc", metrics: "Chỉ số",
        illustrative: "minh họa", reportedFigure: "đã công bố", file: "Tệp", reportedBy: "Đơn vị báo cáo",
        minutes: "phút", time: "Thời gian", total: "Tổng cộng", noReport: "chưa báo cáo",
        noData: "không có số liệu", headline: "Chỉ số chính",
        council: "Hội đồng", meeting: "Phiên họp", view: "Màn hình", dataAsOf: "Số liệu đến", generatedAt: "Tạo lúc",
        date: "Ngày", venue: "Địa điểm", chairs: "Chủ trì",
        tooSmall: "Cửa sổ quá nhỏ", need: "cần", provinces: "tỉnh/thành", topics: "chủ đề", legend: "Chú giải", since: "so với",
        slide: "Trang", timeLeft: "còn", overrun: "quá giờ", paused: "tạm dừng",
        lastFiveMinutes: "5 phút cuối", lastMinute: "phút cuối",
        closing: "Tổng kết thời gian", session: "Cả phiên", planned: "Kế hoạch", actual: "Thực tế", difference: "Chênh",
        onTime: "đúng giờ", behindBy: "chậm", aheadBy: "sớm",
        searchPrompt: "Tìm", noMatch: "không tìm thấy", noSuchSlide: "không có trang này", snapshotSaved: "Đã lưu", snapshotFailed: "Không lưu được",
        reloaded: "Đã tải lại", reloadFailed: "Tải lại lỗi, giữ số liệu cũ",
        reloading: "đang đọc lại thư mục…"
    )

    public static let en = Labels(
        language: .en,
        overview: "Overview", agenda: "Agenda", topic: "Topic", province: "Province", panel: "Panel", help: "Help",
        statusLong: [.onTrack: "on track", .atRisk: "at risk", .behind: "behind",
                     .notStarted: "not started", .unknown: "unknown"],
        statusShort: [.onTrack: "on", .atRisk: "risk", .behind: "late", .notStarted: "none", .unknown: "?"],
        totals: "Totals", rank: "#", status: "Status", value: "Value", target: "Target", change: "Change",
        source: "Source", reported: "Data as of", previous: "Previous", unit: "Unit",
        summary: "Summary", highlights: "Highlights", obstacles: "Obstacles", metrics: "Metrics",
        illustrative: "illustrative", reportedFigure: "reported", file: "File", reportedBy: "Reported by",
        minutes: "min", time: "Time", total: "Total", noReport: "no report",
        noData: "no data", headline: "Headline",
        council: "Council", meeting: "Meeting", view: "View", dataAsOf: "Data as of", generatedAt: "Generated at",
        date: "Date", venue: "Venue", chairs: "Chairs",
        tooSmall: "Terminal too small", need: "need", provinces: "provinces", topics: "topics", legend: "Legend", since: "vs",
        slide: "Slide", timeLeft: "left", overrun: "overrun", paused: "paused",
        lastFiveMinutes: "last 5 minutes", lastMinute: "last minute",
        closing: "Time summary", session: "Session", planned: "Planned", actual: "Actual", difference: "Difference",
        onTime: "on time", behindBy: "behind", aheadBy: "ahead",
        searchPrompt: "Search", noMatch: "no match", noSuchSlide: "no such slide", snapshotSaved: "Saved", snapshotFailed: "Could not save",
        reloaded: "Reloaded", reloadFailed: "Reload failed, keeping last good data",
        reloading: "reading the folder again…"
    )
}

extension Labels {
    /// The history view's title word: one province × topic over the meetings of the chain.
    public var acrossMeetings: String { language == .vi ? "qua các phiên họp" : "across meetings" }

    /// A date as the interface's readers write it: 27/07/2019 in Vietnamese, ISO 2019-07-27 in English
    /// (files and machine output keep ISO).
    public func date(_ date: LocalDate) -> String {
        guard language == .vi else { return date.description }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }

    /// Where a problem is, in the interface language: "meeting.yaml, dòng 3, cột 5" / "meeting.yaml:3:5".
    public func place(file: String, line: Int?, column: Int?) -> String {
        guard let line else { return file }
        if language == .vi { return file + ", dòng \(line)" + (column.map { ", cột \($0)" } ?? "") }
        return file + ":\(line)" + (column.map { ":\($0)" } ?? "")
    }

    /// The two words for a broken status file, where a table cell has no room for the place.
    public var brokenFileWord: String { language == .vi ? "tệp lỗi" : "broken file" }

    /// "chưa báo cáo" for a listed province without a file, else `brokenFileWord`.
    public func brokenWord(_ province: ProvinceReport) -> String { province.notReported ? notReported : brokenFileWord }

    public var notReported: String { language == .vi ? "chưa báo cáo" : "not yet reported" }

    /// What a broken status file shows: the place and the loader's sentence in the screen's language.
    public func brokenFile(_ province: ProvinceReport) -> String {
        if province.notReported { return notReported }
        guard language == .vi else { return "broken file: " + (province.brokenReason ?? "") }
        var text = "tệp lỗi"
        if let line = province.brokenLine { text += " ở dòng \(line)" + (province.brokenColumn.map { ", cột \($0)" } ?? "") }
        guard let sentence = province.brokenText?.vi else { return text + "; chạy 'ciodash check' để xem chi tiết" }
        return text + ": " + sentence
    }
}

extension Labels {
    /// "Các mục đã họp (3/5)" / "Items held (3 of 5)": what the session's figures are summed over.
    public func itemsHeld(_ held: Int, of count: Int) -> String {
        language == .vi ? "Các mục đã họp (\(held)/\(count))" : "Items held (\(held) of \(count))"
    }

    /// "Đã họp 3/5 mục" / "Held 3 of 5": the same, where a line is short (the speaker view).
    public func itemsHeldShort(_ held: Int, of count: Int) -> String {
        language == .vi ? "Đã họp \(held)/\(count) mục" : "Held \(held) of \(count)"
    }

    /// "Chưa họp (2)" / "Not held (2)": the closing slide's row of the items not held.
    public func notHeldRow(_ count: Int) -> String {
        language == .vi ? "Chưa họp (\(count))" : "Not held (\(count))"
    }

    /// "chưa họp: 2 mục (kế hoạch 50:00)" / "not held: 2 items (planned 50:00)".
    public func notHeldSummary(_ count: Int, planned: String) -> String {
        language == .vi ? "chưa họp: \(count) mục (kế hoạch \(planned))"
            : "not held: \(count) item\(count == 1 ? "" : "s") (planned \(planned))"
    }
}
