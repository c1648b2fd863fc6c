import CioDashCore

/// Every interface string, in Vietnamese and English. Data text (names, titles) is not here.
public struct Labels: Sendable {
    public let overview, agenda, topic, province, panel, help: String
    public let statusLong: [ReportStatus: String]
    public let statusShort: [ReportStatus: String]
    public let totals, rank, status, value, target, change, source, reported, previous, unit: String
    public let summary, highlights, obstacles, metrics, illustrative, reportedFigure: String
    public let minutes, time, total, noReport, brokenFile, noData, headline: String
    public let council, meeting, view, dataAsOf, generatedAt, date, venue, chairs: String
    public let tooSmall, need: String
    public let provinces, topics, legend, since: String
    public let slide, timeLeft, overrun, paused, lastFiveMinutes, lastMinute: String
    public let searchPrompt, noMatch, noSuchSlide, snapshotSaved, snapshotFailed, reloaded, reloadFailed: String

    public static func forLanguage(_ language: Language) -> Labels { language == .vi ? vi : en }

    public static let vi = Labels(
        overview: "Tổng quan", agenda: "Chương trình", topic: "Chủ đề", province: "Tỉnh/thành", panel: "Chi tiết",
        help: "Trợ giúp",
        statusLong: [.onTrack: "đúng tiến độ", .atRisk: "có rủi ro", .behind: "chậm",
                     .notStarted: "chưa triển khai", .unknown: "chưa rõ"],
        statusShort: [.onTrack: "đúng", .atRisk: "rủi ro", .behind: "chậm", .notStarted: "chưa", .unknown: "?"],
        totals: "Tổng", rank: "#", status: "Tình trạng", value: "Giá trị", target: "Mục tiêu", change: "Thay đổi",
        source: "Nguồn", reported: "Số liệu đến", previous: "Kỳ trước", unit: "Đơn vị",
        summary: "Tóm tắt", highlights: "Điểm nổi bật", obstacles: "Vướng mắc", metrics: "Chỉ số",
        illustrative: "minh họa", reportedFigure: "đã công bố",
        minutes: "phút", time: "Thời gian", total: "Tổng cộng", noReport: "chưa báo cáo",
        brokenFile: "tệp lỗi", noData: "không có số liệu", headline: "Chỉ số chính",
        council: "Hội đồng", meeting: "Phiên họp", view: "Màn hình", dataAsOf: "Số liệu đến", generatedAt: "Tạo lúc",
        date: "Ngày", venue: "Địa điểm", chairs: "Chủ trì",
        tooSmall: "Cửa sổ quá nhỏ", need: "cần", provinces: "tỉnh/thành", topics: "chủ đề", legend: "Chú giải", since: "so với",
        slide: "Trang", timeLeft: "còn", overrun: "quá giờ", paused: "tạm dừng",
        lastFiveMinutes: "5 phút cuối", lastMinute: "phút cuối",
        searchPrompt: "Tìm", noMatch: "không tìm thấy", noSuchSlide: "không có trang này", snapshotSaved: "Đã lưu", snapshotFailed: "Không lưu được",
        reloaded: "Đã tải lại", reloadFailed: "Tải lại lỗi, giữ số liệu cũ"
    )

    public static let en = Labels(
        overview: "Overview", agenda: "Agenda", topic: "Topic", province: "Province", panel: "Panel", help: "Help",
        statusLong: [.onTrack: "on track", .atRisk: "at risk", .behind: "behind",
                     .notStarted: "not started", .unknown: "unknown"],
        statusShort: [.onTrack: "on", .atRisk: "risk", .behind: "late", .notStarted: "none", .unknown: "?"],
        totals: "Totals", rank: "#", status: "Status", value: "Value", target: "Target", change: "Change",
        source: "Source", reported: "Data as of", previous: "Previous", unit: "Unit",
        summary: "Summary", highlights: "Highlights", obstacles: "Obstacles", metrics: "Metrics",
        illustrative: "illustrative", reportedFigure: "reported",
        minutes: "min", time: "Time", total: "Total", noReport: "no report",
        brokenFile: "broken file", noData: "no data", headline: "Headline",
        council: "Council", meeting: "Meeting", view: "View", dataAsOf: "Data as of", generatedAt: "Generated at",
        date: "Date", venue: "Venue", chairs: "Chairs",
        tooSmall: "Terminal too small", need: "need", provinces: "provinces", topics: "topics", legend: "Legend", since: "vs",
        slide: "Slide", timeLeft: "left", overrun: "overrun", paused: "paused",
        lastFiveMinutes: "last 5 minutes", lastMinute: "last minute",
        searchPrompt: "Search", noMatch: "no match", noSuchSlide: "no such slide", snapshotSaved: "Saved", snapshotFailed: "Could not save",
        reloaded: "Reloaded", reloadFailed: "Reload failed, keeping last good data"
    )
}
