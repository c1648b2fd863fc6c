import CioDashCore

/// The words of the minutes documents and the minutes editor, in Vietnamese and English.
public struct MinutesLabels: Sendable {
    public let language: Language
    var vi: Bool { language == .vi }

    public static func forLanguage(_ language: Language) -> MinutesLabels { MinutesLabels(language: language) }

    // Document headings. The form's headings are in capitals (see MinutesDocument).
    var nation: String { vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIETNAM" }
    var motto: String { vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness" }
    var minutesNumber: String { vi ? "Số: …/BB-…" : "No.: …/BB-…" }
    var noticeNumber: String { vi ? "Số: …/TB-…" : "No.: …/TB-…" }
    var minutesTitle: String { vi ? "BIÊN BẢN" : "MINUTES" }
    var noticeTitle: String { vi ? "THÔNG BÁO" : "NOTICE" }
    /// "Thừa Thiên Huế, ngày 27 tháng 7 năm 2019": Phụ lục I writes a 0 before a day below 10 and
    /// before the months 1 and 2 only.
    func placeDate(_ place: String?, _ d: LocalDate) -> String {
        let month = d.month <= 2 ? two(d.month) : "\(d.month)"
        if vi { return (place ?? "…") + ", ngày \(two(d.day)) tháng \(month) năm \(d.year)" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return (place ?? "…") + ", \(d.day) \(months[d.month - 1]) \(d.year)"
    }

    var timeStarted: String { vi ? "Thời gian bắt đầu" : "Time started" }
    var venue: String { vi ? "Địa điểm" : "Venue" }
    var attendance: String { vi ? "Thành phần tham dự" : "Attendance" }
    var chair: String { vi ? "Chủ trì (chủ tọa)" : "Chair" }
    var secretary: String { vi ? "Thư ký (người ghi biên bản)" : "Secretary (minute-taker)" }
    var content: String { vi ? "Nội dung" : "Proceedings" }
    var absent: String { vi ? "Vắng mặt" : "Absent" }
    var unmatchedAbsent: String { vi ? "Vắng mặt (không khớp tên tỉnh nào, ghi như đã nhập)" : "Absent (matching no province, as typed)" }
    var guests: String { vi ? "Thành phần khác" : "Also attending" }
    var discussion: String { vi ? "Ý kiến thảo luận" : "Discussion" }
    var conclusions: String { vi ? "Kết luận" : "Conclusions" }
    var assignments: String { vi ? "Giao nhiệm vụ" : "Assignments" }
    var attendanceHeader: [String] { vi ? ["STT", "Tỉnh, thành phố", "Tham dự"] : ["No.", "Province", "Attendance"] }
    var presentMark: String { vi ? "Có mặt" : "Present" }
    var absentMark: String { vi ? "Vắng mặt" : "Absent" }
    var taskHeader: [String] { vi ? ["STT", "Đơn vị", "Nội dung", "Thời hạn"] : ["No.", "Province or body", "Task", "By"] }
    var noticeTaskHeader: [String] { vi ? ["Nhiệm vụ", "Thời hạn", "Nội dung họp"] : ["Task", "By", "Agenda item"] }
    var none: String { vi ? "Không có." : "None." }
    var notRecorded: String { vi ? "(chưa ghi)" : "(not recorded)" }
    var time: String { vi ? "Thời gian" : "Time" }
    var status: String { vi ? "Tình hình (số tỉnh)" : "Status (provinces)" }
    var over: String { vi ? "quá" : "over by" }
    var under: String { vi ? "sớm" : "under by" }
    var paused: String { vi ? "tạm dừng" : "paused" }
    var first: String { vi ? "cao nhất" : "highest" }
    var last: String { vi ? "thấp nhất" : "lowest" }
    var secretarySign: String { vi ? "THƯ KÝ" : "SECRETARY" }
    var chairSign: String { vi ? "CHỦ TỌA" : "CHAIR" }
    var signerTitle: String { vi ? "(Chức vụ người ký)" : "(Title of the signatory)" }
    var signHint: String { vi ? "(Ký, ghi rõ họ tên)" : "(Signature, full name)" }
    var endNotRecorded: String { vi ? "Thời gian kết thúc: (chưa ghi)." : "Time ended: (not recorded)." }
    var theChair: String { vi ? "chủ tọa" : "the chair" }
    var concludedAs: String { vi ? "Kết luận" : "Conclusions" }
    var tasksByProvince: String { vi ? "Nhiệm vụ giao các tỉnh, thành phố và cơ quan" : "Tasks by province and body" }
    var noDeadline: String { vi ? "(chưa định)" : "(not set)" }
    var unassigned: String { vi ? "(chưa ghi đơn vị)" : "(no province or body given)" }
    var recipients: String { vi ? "Nơi nhận" : "To" }

    func provincesPresent(_ n: Int, of total: Int) -> String {
        vi ? "Các tỉnh, thành phố có mặt: \(n)/\(total)." : "Provinces present: \(n) of \(total)."
    }

    /// A duration in words: "25 phút", "1 phút 11 giây", "1 giờ 5 phút" / "1 minute 11 seconds".
    func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        let parts = [(s / 3600, "giờ", "hour"), (s % 3600 / 60, "phút", "minute"), (s % 60, "giây", "second")]
            .filter { $0.0 > 0 }
        guard !parts.isEmpty else { return vi ? "0 giây" : "0 seconds" }
        return parts.map { n, viWord, enWord in "\(n) " + (vi ? viWord : enWord + (n == 1 ? "" : "s")) }.joined(separator: " ")
    }

    func plannedStart(_ start: String, date: String) -> String {
        vi ? "\(start), ngày \(date) (theo chương trình; đồng hồ chưa chạy)" : "\(start) on \(date) (as planned; the clock was not run)"
    }

    func moment(hour: Int, minute: Int, date: String) -> String {
        vi ? "\(two(hour)) giờ \(two(minute)), ngày \(date)" : "\(two(hour)):\(two(minute)) on \(date)"
    }

    func endedAt(_ moment: String) -> String {
        vi ? "Cuộc họp kết thúc vào \(moment)./." : "The meeting ended at \(moment)."
    }

    func plannedActual(planned: String?, actual: String?) -> String {
        let p = planned ?? "—", a = actual ?? (vi ? "chưa trình bày" : "not presented")
        return vi ? "dự kiến \(p); thực tế \(a)" : "planned \(p); actual \(a)"
    }

    func ranking(_ metric: String) -> String { vi ? "Xếp hạng theo \(metric)" : "Ranking by \(metric)" }

    func noticeSubject(chair: String, meeting: String) -> String {
        vi ? "Kết luận của \(chair) tại \(meeting)" : "Conclusions of \(chair) at the \(meeting)"
    }

    func noticeOpening(date: String, venue: String?, council: String, chair: String, present: Int) -> String {
        if vi {
            return "Ngày \(date)" + (venue.map { ", tại \($0)" } ?? "") + ", \(council) đã họp"
                + (chair.isEmpty ? "" : " dưới sự chủ trì của \(chair)") + ", với sự tham dự của \(present) tỉnh, thành phố. "
                + "Sau khi nghe báo cáo và ý kiến thảo luận, chủ tọa kết luận như sau:"
        }
        return "On \(date)" + (venue.map { ", in \($0)" } ?? "") + ", the \(council) met"
            + (chair.isEmpty ? "" : ", chaired by \(chair)") + ", with \(present) provinces present. "
            + "Having heard the reports and the discussion, the chair concluded as follows:"
    }

    /// "Nơi nhận": every province of the meeting, each body given a task, the file copy.
    func recipientLines(provinces: [String], bodies: [String]) -> [String] {
        [(vi ? "Các tỉnh, thành phố: " : "Provinces: ") + provinces.joined(separator: ", ") + ";"]
            + bodies.map { $0 + ";" } + [vi ? "Lưu: VT, hồ sơ." : "File copy."]
    }

    public func journalFailed(_ reason: String) -> String {
        vi ? "Không ghi được nhật ký biên bản: \(reason). Nội dung vẫn giữ, sẽ ghi lại khi ghi được."
            : "Could not write the minutes journal: \(reason). What is typed is kept and written once the disk has room."
    }

    public func journalRepaired(problems: Int, copy: String?) -> String {
        vi ? "nhật ký biên bản có \(problems) dòng không đọc được" + (copy.map { "; bản gốc giữ ở \($0)" } ?? "")
            : "\(problems) line(s) of the minutes journal could not be read" + (copy.map { "; the original is kept at \($0)" } ?? "")
    }

    public func journalSetAside(_ moved: String) -> String {
        vi ? "bắt đầu nhật ký biên bản mới; nhật ký cũ giữ ở \(moved)" : "a fresh minutes journal begun; the old one is kept at \(moved)"
    }

    public var minutesOff: String {
        vi ? "Chưa ghi biên bản: chạy lại với --take-minutes (hoặc --minutes TỆP)" : "Minutes are off: start again with --take-minutes (or --minutes FILE)"
    }

    // The editor.
    var editorTitle: String { vi ? "Biên bản" : "Minutes" }
    /// The attendance form's line for units browsers announced (`--web`): those the minutes still
    /// have absent are offered, with their count of browsers; the secretary confirms with F3.
    public func joinedInBrowser(offered: [(name: String, browsers: Int)], announced: Int) -> String? {
        guard announced > 0 else { return nil }
        guard !offered.isEmpty else {
            return vi ? "Đã vào phòng qua trình duyệt: \(announced) đơn vị, đều đã ghi có mặt"
                      : "Joined in a browser: \(announced) units, all marked present"
        }
        let list = offered.map { "\($0.name) (\($0.browsers))" }.joined(separator: ", ")
        return vi ? "Đã vào phòng qua trình duyệt, chưa ghi có mặt: \(list) · F3 xác nhận có mặt"
                  : "Joined in a browser, not yet marked present: \(list) · F3 confirm present"
    }

    /// Said once F3 confirmed them.
    public func markedPresent(_ names: [String]) -> String {
        (vi ? "biên bản: đã ghi có mặt " : "minutes: marked present ") + names.joined(separator: ", ")
    }


    func fieldLabel(_ field: MinutesField) -> String {
        switch field {
        case .chair: return vi ? "Chủ trì (chủ tọa)" : "Chair"
        case .secretary: return vi ? "Thư ký" : "Secretary"
        case .absent: return vi ? "Tỉnh vắng mặt (cách nhau bằng dấu phẩy; mặc định: mọi tỉnh có tệp đều có mặt)"
            : "Provinces absent (separated by commas; by default every province with a file is present)"
        case .guests: return vi ? "Thành phần khác" : "Also attending"
        case .conclusions: return vi ? "Kết luận" : "Conclusions"
        case .notes: return vi ? "Ghi chú thảo luận" : "Notes of the discussion"
        case .assignment(_, let row, let part):
            switch part {
            case .who: return vi ? "Giao nhiệm vụ \(row) · Đơn vị (tỉnh hoặc cơ quan)" : "Assignment \(row) · Province or body"
            case .what: return vi ? "Giao nhiệm vụ \(row) · Nội dung" : "Assignment \(row) · Task"
            case .due: return vi ? "Giao nhiệm vụ \(row) · Thời hạn" : "Assignment \(row) · By when"
            }
        }
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
