import CioDashCore

/// One province across all agenda topics.
public enum ProvinceView {
    public static func render(_ meeting: Meeting, province: ProvinceReport, context: RenderContext) -> ViewBody {
        let labels = context.labels
        let width = max(1, context.width)
        var grid = Grid(width: width, height: 0)
        var y = ProvinceHeading.draw(in: &grid, province: province, width: width, labels: labels, whole: context.wholeText)
        var items: [SelectableItem] = []
        if province.notReported {
            return NotReportedPage.render(meeting, province: province, grid: grid, y: y, context: context)
        }
        if province.isBroken {
            y = ProvinceHeading.drawBroken(in: &grid, y: y, width: width, province: province, labels: labels)
            _ = TasksView.drawOwn(in: &grid, y: y, width: width, meeting: meeting, province: province.id, context: context)
            return ViewBody(grid: grid)
        }
        for (i, topic) in meeting.topics.enumerated() {
            y += 1
            let top = y
            y = Box.labelledRule(in: &grid, y: y, width: width, label: "\(i + 1). \(topic.title(in: context.language))",
                                 whole: context.wholeText)
            if let report = province.topics[topic.id] {
                y = ReportSection.draw(in: &grid, y: y, width: width, meeting: meeting, province: province, topic: topic,
                                       report: report, labels: labels, language: context.language, detailed: false,
                                       wholeText: context.wholeText)
            } else {
                grid.ensureRow(y)
                grid.put("– " + labels.noReport, x: 0, y: y, role: .muted)
                y += 1
            }
            items.append(SelectableItem(rows: top..<y, marks: [RoleMark(.selected, x: 0, y: top, width: width)]))
        }
        y = TasksView.drawOwn(in: &grid, y: y, width: width, meeting: meeting, province: province.id, context: context)
        return ViewBody(grid: grid, items: items)
    }
}

/// The lines that open a province's views: name, code, region, data date, source.
enum ProvinceHeading {
    static func draw(in grid: inout Grid, province: ProvinceReport, width: Int, labels: Labels, whole: Bool = false) -> Int {
        var y = 0
        grid.ensureRow(y)
        var title = province.name
        if let code = province.code { title += " (\(code))" }
        for line in whole ? TextLayout.wrap(title, width: width) : [title] {
            grid.ensureRow(y)
            grid.put(line, x: 0, y: y, maxWidth: width, role: .title)
            y += 1
        }
        var facts: [String] = []
        if let region = province.region { facts.append(region) }
        if let reported = province.reported { facts.append(labels.reported + " " + labels.date(reported)) }
        if let source = province.source { facts.append(labels.reportedBy + ": " + source) }
        for line in TextLayout.wrap(facts.joined(separator: " · "), width: width) where !facts.isEmpty {
            grid.ensureRow(y)
            grid.put(line, x: 0, y: y, role: .muted)
            y += 1
        }
        if let signature = province.signature, signature.verdict != .unsigned {
            let (text, role) = signatureLine(signature, language: labels.language)
            for line in TextLayout.wrap(text, width: width) {
                grid.ensureRow(y)
                grid.put(line, x: 0, y: y, role: role)
                y += 1
            }
        }
        return y
    }

    /// Where the figures come from: "√ Số liệu từ báo cáo có chữ ký số hợp lệ · người ký … · ký lúc …",
    /// or why the signature does not vouch for them.
    static func signatureLine(_ record: SignatureRecord, language: Language) -> (String, StyleRole) {
        let vi = language == .vi
        var parts: [String] = []
        let role: StyleRole
        if !record.dataIntact {
            parts.append(vi ? "× Tệp đã bị sửa sau khi nhập từ báo cáo có chữ ký: chữ ký không còn bảo đảm số liệu"
                            : "× The file was edited after its signed return was imported: the signature no longer vouches for the figures")
            role = .error
        } else {
            switch record.verdict {
            case .valid:
                parts.append(vi ? "√ Số liệu từ báo cáo có chữ ký số hợp lệ" : "√ Figures from a return with a valid digital signature")
                role = .normal
            case .revocationNotChecked:
                parts.append(vi ? "‼ Số liệu từ báo cáo có chữ ký số; không kiểm tra được thu hồi"
                                : "‼ Figures from a signed return; revocation not checked")
                role = .warning
            default:
                parts.append(vi ? "× Chữ ký số của báo cáo không hợp lệ" : "× The return's digital signature is invalid")
                role = .error
            }
        }
        parts += record.facts(language)
        return (TextSanitizer.line(parts.joined(separator: " · ")), role)
    }

    static func drawBroken(in grid: inout Grid, y start: Int, width: Int, province: ProvinceReport, labels: Labels) -> Int {
        var y = start + 1
        for line in TextLayout.wrap("‼ " + labels.brokenFile(province), width: width) {
            grid.ensureRow(y)
            grid.put(line, x: 0, y: y, role: .error)
            y += 1
        }
        return y
    }
}

/// A listed province that has not reported yet: not an empty page, but its figures of the previous
/// meeting (across the 2025 mergers, as the agenda's `combine` rule says), and the command that makes
/// its return form.
enum NotReportedPage {
    static func render(_ meeting: Meeting, province: ProvinceReport, grid start: Grid, y top: Int, context: RenderContext) -> ViewBody {
        let labels = context.labels, vi = context.language == .vi
        let width = max(1, context.width)
        var grid = start
        var y = top + 1
        func text(_ s: String, role: StyleRole, indent: Int = 0) {
            for line in TextLayout.wrap(s, width: max(1, width - indent)) {
                grid.ensureRow(y)
                grid.put(line, x: indent, y: y, role: role)
                y += 1
            }
        }
        text("○ " + labels.notReported, role: .warning)
        let folder = meeting.folder.isEmpty ? (vi ? "<thư mục phiên họp>" : "<meeting folder>") : meeting.folder
        text((vi ? "Biểu mẫu báo cáo cho tỉnh này: " : "The return form for this province: ")
             + "ciodash template \(folder) \(province.id) -o forms/", role: .muted)
        var items: [SelectableItem] = []
        guard let previous = meeting.previous else {
            y += 1
            text(vi ? "Không có phiên họp trước (previous:) để hiện số liệu kỳ trước."
                    : "No previous meeting (previous:) to show earlier figures from.", role: .muted)
            return ViewBody(grid: grid)
        }
        func number(_ v: Double) -> String { NumberFormatting.format(v, language: context.language, maxFractionDigits: 2) }
        func name(_ id: String) -> String { UnitsCatalogue.formerName(id) }
        for (i, topic) in meeting.topics.enumerated() {
            y += 1
            let first = y
            y = Box.labelledRule(in: &grid, y: y, width: width, label: "\(i + 1). \(topic.title(in: context.language))",
                                 whole: context.wholeText)
            // The metrics the agenda asks, else those the unit (or its parts) reported then.
            var ids = topic.metrics.map(\.id)
            if ids.isEmpty, let headline = topic.headline { ids = [headline] }
            var shown = 0
            for id in ids {
                let definition = topic.definition(id)
                let figure = previous.earlier(province: province.id, topic: topic.id, metric: id, combine: definition?.combine ?? .none)
                let label = definition.map { vi ? $0.label : ($0.labelEN ?? $0.label) } ?? id
                let unit = definition?.unit.map { $0 == "%" ? "%" : " " + $0 } ?? ""
                let then = (vi ? "Kỳ trước (" : "Last meeting (") + labels.date(previous.date) + "): "
                switch figure {
                case .reported(let v):
                    text("\(label): " + then + number(v) + unit, role: .normal)
                case .combined(let v, let rule, let parts):
                    let how = rule == .sum ? (vi ? "tổng của " : "sum of ") : (vi ? "trung bình của " : "mean of ")
                    text("\(label): " + then + number(v) + unit + " (" + how + parts.map { name($0.id) }.joined(separator: " + ") + ")",
                         role: .normal)
                case .sideBySide(let parts):
                    let each = parts.map { name($0.id) + " " + ($0.value.map { number($0) + unit } ?? "—") }
                    text("\(label): " + then + each.joined(separator: "; "), role: .normal)
                case .none:
                    continue
                }
                shown += 1
            }
            if shown == 0 { text("– " + (vi ? "không có số liệu kỳ trước" : "no figure from the last meeting"), role: .muted) }
            items.append(SelectableItem(rows: first..<y, marks: [RoleMark(.selected, x: 0, y: first, width: width)]))
        }
        return ViewBody(grid: grid, items: items)
    }
}

extension ProvinceView {
    /// `province:<id>`: the province on every topic, and its own tasks; each topic leads to the panel.
    static let kind = ViewKind(
        name: "province", about: .province,
        title: { view, meeting, _, _ in
            guard let p = view.provinceID else { return "" }
            return meeting.province(p)?.name ?? p
        },
        render: { view, meeting, context in
            guard let id = view.provinceID, let province = meeting.province(id) else { return nil }
            return render(meeting, province: province, context: context)
        },
        report: { view, context, report in
            guard let id = view.provinceID, let province = context.meeting.province(id) else { return false }
            context.provinceFacts(province, into: &report)
            for (i, topic) in context.meeting.topics.enumerated() {
                report.blocks.append(.heading(level: 3, text: "\(i + 1). " + ViewReportBuilder.clean(topic.title(in: context.language))))
                context.section(province, topic, into: &report)
            }
            report.blocks += TasksView.ownReport(context.meeting, province: id, language: context.language)
            return true
        },
        links: { view, body, meeting in
            guard let id = view.provinceID else { return [] }
            return ViewKind.rowLinks(body, meeting.topics) { .panel(province: id, topic: $0.id) }
        },
        selectedRow: { _, index, state in index.topicNumber(index.selectedTopic(state)) ?? 0 },
        browse: { view, move, index, s in
            guard let id = view.provinceID else { return nil }
            switch move {
            case .vertical(let d): s.topic = index.topic(after: s, by: d); s.followSelection = true
            case .horizontal(let d):
                if let p = index.province(after: s, by: d, from: id), p != id { s.view = .province(p); s.province = p; s.scroll = 0 }
            case .open: return index.selectedTopic(s).map { .panel(province: id, topic: $0) }
            }
            return nil
        },
        tab: .province, indexed: true)
}

extension ViewID {
    /// One province across the topics.
    public static func province(_ id: String) -> ViewID { ViewID(ProvinceView.kind, province: id) }
}
