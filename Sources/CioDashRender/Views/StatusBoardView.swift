import CioDashCore

/// The reporting board: every province of the meeting, whether its file has arrived and when, how many
/// of the agenda's metrics it filled, its problems, and a stale or after-the-meeting report. The same
/// grid is `ciodash status`, `--view status` and the dashboard's board.
public enum StatusBoardView {
    public static func render(_ meeting: Meeting, context: RenderContext) -> ViewBody {
        let words = Words(context.language)
        let labels = context.labels
        let board = ReportingBoard(meeting)
        let width = max(1, context.width)
        var grid = Grid(width: width, height: 0)
        var y = 0
        func text(_ s: String, role: StyleRole) { grid.putWrapped(s, y: &y, role: role) }
        // No title line: the screen's header, a snapshot's facts and `ciodash status` each name the meeting once.
        text(words.summary(board), role: board.withErrorsCount > 0 ? .warning : .muted)
        y += 1
        // name | state | reported | file time | filled | errors/warnings | signature | note
        // Below 120 columns the file's time gives way to the name and the notes; the signature column
        // only when some return was imported with a signature record.
        let signed = board.rows.contains { $0.signature != nil }
        // Each column as wide as its header and its longest word, so that no word of the board is cut.
        func fit(_ texts: [String]) -> Int { (texts.map { DisplayWidth.of($0) }.max() ?? 0) + 1 }
        let states = ["● " + words.received, "◐ " + words.withErrors, "○ " + labels.notReported, "‼ " + labels.brokenFileWord]
        let columns = [fit(states + [words.state]), fit([labels.reported, labels.date(meeting.date)]),
                       width < 120 ? 0 : fit([words.fileTime, words.time(0, offset: context.utcOffset, labels: labels)]),
                       fit([words.filled, "10/10"]), fit([words.problems, "10/10"]), signed ? 19 : 0]
        let nameWidth = max(14, min(22, width - columns.reduce(0, +) - 12))
        let widths = [nameWidth] + columns
        func row(_ cells: [String], roles: [StyleRole]) {
            grid.ensureRow(y)
            var x = 0
            for (i, cell) in cells.enumerated() where x < width {
                let w = i < widths.count ? widths[i] : width - x
                if w == 0 { continue }
                grid.put(cell, x: x, y: y, maxWidth: max(1, min(w - 1, width - x)), role: roles[min(i, roles.count - 1)])
                x += w
            }
        }
        row([labels.province, words.state, labels.reported, words.fileTime, words.filled, words.problems, words.signature, words.note],
            roles: [.header])
        y += 1
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        var items: [SelectableItem] = []
        for r in board.rows {
            let state: String
            var stateRole = StyleRole.normal
            switch r.state {
            case .received: state = "● " + words.received
            case .receivedWithErrors: state = "◐ " + words.withErrors; stateRole = .warning
            case .notReported: state = "○ " + labels.notReported; stateRole = .muted
            case .broken: state = "‼ " + labels.brokenFileWord; stateRole = .error
            }
            var notes: [String] = []
            if r.stale { notes.append(words.stale) }
            if r.afterMeeting { notes.append(words.afterMeeting) }
            let problems = r.state == .notReported ? "" : "\(r.errors)/\(r.warnings)"
            let filled = !r.state.hasFigures ? "" : (r.asked > 0 ? "\(r.filled)/\(r.asked)" : "—")
            let (signature, signatureRole) = words.signature(r.signature)
            row([r.name, state, r.reported.map(labels.date) ?? "", r.fileTime.map { words.time($0, offset: context.utcOffset, labels: labels) } ?? "",
                 filled, problems, signature, notes.joined(separator: ", ")],
                roles: [.normal, stateRole, .normal, .muted, .normal, r.errors > 0 ? .error : .normal, signatureRole, .error])
            items.append(SelectableItem(rows: y..<(y + 1), marks: [RoleMark(.selected, x: 0, y: y, width: width)]))
            y += 1
        }
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        text(words.legend + " · " + words.zone(context.utcOffset), role: .muted)
        let details = signatureDetails(board, language: context.language)
        if !details.isEmpty {
            y += 1
            text(words.signaturesHeading, role: .header)
            for line in details { text(line, role: .muted) }
        }
        return ViewBody(grid: grid, items: items)
    }

    /// One line per signed return: the province, the verdict, who signed, when, the certificate's
    /// period (TT 15/2025 asks a verifier to report it) and the reasons. The board and its reports both say these.
    static func signatureDetails(_ board: ReportingBoard, language: Language) -> [String] {
        board.rows.compactMap { row in
            guard let record = row.signature, record.verdict != .unsigned else { return nil }
            var line = ([row.name + ": " + record.word(language)] + record.facts(language)).joined(separator: " · ")
            let reasons = record.reasons.map { language == .vi ? $0.text.vi : $0.text.en }
            if !reasons.isEmpty { line += " — " + reasons.joined(separator: "; ") }
            return TextSanitizer.line(line)
        }
    }

    /// The board's own words, in Vietnamese and English.
    struct Words {
        let state, received, withErrors, fileTime, filled, problems, note, stale, afterMeeting, legend, signature: String
        let signaturesHeading: String
        let language: Language

        init(_ language: Language) {
            self.language = language
            if language == .vi {
                (state, received, fileTime, filled, problems, note) = ("Tình trạng", "đã nhận", "Tệp lưu lúc", "Đã điền", "Lỗi/CB", "Ghi chú")
                withErrors = "có lỗi"
                (stale, afterMeeting) = ("số liệu cũ", "sau ngày họp")
                legend = "Đã điền: số chỉ số đã điền trên số chỉ số chương trình yêu cầu (khai báo, hoặc chỉ số chính của chủ đề) · Lỗi/CB: lỗi/cảnh báo của ciodash check · Chữ ký: kết quả kiểm tra chữ ký số khi nhập (√ hợp lệ; × không hợp lệ, hoặc tệp bị sửa sau khi ký; ‼ không kiểm tra được thu hồi; chưa ký)"
                signature = "Chữ ký"
                signaturesHeading = "Chữ ký số của các báo cáo"
            } else {
                (state, received, fileTime, filled, problems, note) = ("State", "received", "File saved", "Filled", "Err/warn", "Note")
                withErrors = "has errors"
                (stale, afterMeeting) = ("stale", "after the meeting")
                legend = "Filled: metrics filled of those the agenda asks (declared, else each topic's headline) · Err/warn: errors/warnings of ciodash check · Signature: the digital signature's check at import (√ valid; × invalid, or the file edited after signing; ‼ revocation not checked; unsigned)"
                signature = "Signature"
                signaturesHeading = "The returns' digital signatures"
            }
        }

        /// The signature cell: a mark and the verdict's word, or nothing for a file with no record.
        func signature(_ record: SignatureRecord?) -> (String, StyleRole) {
            // Short words that fit the column; the legend and the reports say them in full.
            guard let record else { return ("", .muted) }
            let vi = language == .vi
            guard record.dataIntact else { return (vi ? "× sửa sau khi ký" : "× edited", .error) }
            switch record.verdict {
            case .valid: return ("√ " + record.verdict.word(language), .normal)
            case .invalid: return ("× " + record.verdict.word(language), .error)
            case .revocationNotChecked: return (vi ? "‼ chưa rõ thu hồi" : "‼ revoc. unchecked", .warning)
            case .unsigned: return (record.verdict.word(language), .muted)
            }
        }

        /// "Đã nhận 12/15 báo cáo; 1 có lỗi; 2 chưa báo cáo": a file with errors is not received.
        func summary(_ board: ReportingBoard) -> String {
            let (received, total, bad, missing) = (board.receivedCount, board.rows.count, board.withErrorsCount, board.notReportedCount)
            if language == .vi {
                return "Đã nhận \(received)/\(total) báo cáo" + (bad > 0 ? "; \(bad) có lỗi" : "") + "; \(missing) chưa báo cáo"
            }
            return "\(received) of \(total) reports received" + (bad > 0 ? "; \(bad) with errors" : "") + "; \(missing) not yet reported"
        }

        /// `27/07/2019 15:05`: the file time in the board's date style, `offset` seconds east of UTC.
        func time(_ seconds: Int64, offset: Int?, labels: Labels) -> String {
            let local = seconds + Int64(offset ?? 0)
            let days = Int(local.quotient(dividingBy: 86_400)), rest = Int(local - Int64(days) * 86_400)
            let epoch = LocalDate(year: 1970, month: 1, day: 1)!
            let date = LocalDate.fromDayNumber(epoch.dayNumber + days)
            func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return (date.map(labels.date) ?? "") + " " + pad(rest / 3600) + ":" + pad(rest % 3600 / 60)
        }

        /// Which clock the times are on: `giờ địa phương (UTC+7)`, `times in UTC`.
        func zone(_ offset: Int?) -> String {
            guard let offset, offset != 0 else { return language == .vi ? "giờ UTC" : "times in UTC" }
            let sign = offset < 0 ? "−" : "+", hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
            let shown = "UTC\(sign)\(hours)" + (minutes > 0 ? ":\(minutes < 10 ? "0" : "")\(minutes)" : "")
            return language == .vi ? "giờ địa phương (\(shown))" : "local time (\(shown))"
        }
    }
}

private extension Int64 {
    /// Floor division, so that times before 1970 land on the right day.
    func quotient(dividingBy d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}

extension StatusBoardView {
    /// `status`: the reporting board; each province's row leads to the province.
    static let kind = ViewKind(
        name: "status",
        title: { _, labels, _ in labels.language == .vi ? "Tình hình báo cáo" : "Reporting board" },
        render: { meeting, context in render(meeting, context: context) },
        report: { context, report in context.status(into: &report); return true },
        links: ViewKind.ProvinceRows.links, selectedRow: ViewKind.ProvinceRows.selectedRow,
        browse: ViewKind.ProvinceRows.browse,
        lists: .provinces)
}

extension ViewID {
    /// The reporting board: who has reported, when, and how completely.
    public static let status = ViewID(StatusBoardView.kind)
}
