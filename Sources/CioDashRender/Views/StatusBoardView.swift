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
        func text(_ s: String, role: StyleRole) {
            for line in TextLayout.wrap(s, width: width) {
                grid.ensureRow(y)
                grid.put(line, x: 0, y: y, role: role)
                y += 1
            }
        }
        text(meeting.title + " · " + labels.date(meeting.date), role: .title)
        text(words.summary(board), role: board.withErrorsCount > 0 ? .warning : .muted)
        y += 1
        // name | state | reported | file time | filled | errors/warnings | signature | note
        // Below 120 columns the file's time gives way to the name and the notes; the signature column
        // only when some return was imported with a signature record.
        let signed = board.rows.contains { $0.signature != nil }
        let columns = [16, 12, width < 120 ? 0 : 17, 8, 8, signed ? 19 : 0]
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
            row([r.name, state, r.reported.map(labels.date) ?? "", r.fileTime.map { words.time($0, labels: labels) } ?? "",
                 filled, problems, signature, notes.joined(separator: ", ")],
                roles: [.normal, stateRole, .normal, .muted, .normal, r.errors > 0 ? .error : .normal, signatureRole, .error])
            items.append(SelectableItem(rows: y..<(y + 1), marks: [RoleMark(.selected, x: 0, y: y, width: width)]))
            y += 1
        }
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        text(words.legend, role: .muted)
        return ViewBody(grid: grid, items: items)
    }

    /// The board's own words, in Vietnamese and English.
    struct Words {
        let state, received, withErrors, fileTime, filled, problems, note, stale, afterMeeting, legend, signature: String
        let language: Language

        init(_ language: Language) {
            self.language = language
            if language == .vi {
                (state, received, fileTime, filled, problems, note) = ("Tình trạng", "đã nhận", "Tệp lưu lúc", "Đã điền", "Lỗi/CB", "Ghi chú")
                withErrors = "có lỗi"
                (stale, afterMeeting) = ("số liệu cũ", "sau ngày họp")
                legend = "Đã điền: số chỉ số đã điền trên số chỉ số chương trình yêu cầu (khai báo, hoặc chỉ số chính của chủ đề) · Lỗi/CB: lỗi/cảnh báo của ciodash check · Chữ ký: kết quả kiểm tra chữ ký số khi nhập (✓ hợp lệ; ✗ không hợp lệ, hoặc tệp bị sửa sau khi ký; ‼ không kiểm tra được thu hồi; chưa ký) · giờ UTC"
                signature = "Chữ ký"
            } else {
                (state, received, fileTime, filled, problems, note) = ("State", "received", "File saved", "Filled", "Err/warn", "Note")
                withErrors = "has errors"
                (stale, afterMeeting) = ("stale", "after the meeting")
                legend = "Filled: metrics filled of those the agenda asks (declared, else each topic's headline) · Err/warn: errors/warnings of ciodash check · Signature: the digital signature's check at import (✓ valid; ✗ invalid, or the file edited after signing; ‼ revocation not checked; unsigned) · times in UTC"
                signature = "Signature"
            }
        }

        /// The signature cell: a mark and the verdict's word, or nothing for a file with no record.
        func signature(_ record: SignatureRecord?) -> (String, StyleRole) {
            // Short words that fit the column; the legend and the reports say them in full.
            guard let record else { return ("", .muted) }
            let vi = language == .vi
            guard record.dataIntact else { return (vi ? "✗ sửa sau khi ký" : "✗ edited", .error) }
            switch record.verdict {
            case .valid: return ("✓ " + record.verdict.word(language), .normal)
            case .invalid: return ("✗ " + record.verdict.word(language), .error)
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

        /// `27/07/2019 08:05 UTC`: the file time in the board's date style.
        func time(_ seconds: Int64, labels: Labels) -> String {
            let days = Int(seconds.quotient(dividingBy: 86_400)), rest = Int(seconds - Int64(days) * 86_400)
            let epoch = LocalDate(year: 1970, month: 1, day: 1)!
            let date = LocalDate.fromDayNumber(epoch.dayNumber + days)
            func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return (date.map(labels.date) ?? "") + " " + pad(rest / 3600) + ":" + pad(rest % 3600 / 60)
        }
    }
}

private extension Int64 {
    /// Floor division, so that times before 1970 land on the right day.
    func quotient(dividingBy d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
