import CioDashCore

/// One province across all agenda topics.
public enum ProvinceView {
    public static func render(_ meeting: Meeting, province: ProvinceReport, context: RenderContext) -> ViewBody {
        let labels = context.labels
        let width = max(1, context.width)
        var grid = Grid(width: width, height: 0)
        var y = ProvinceHeading.draw(in: &grid, province: province, width: width, labels: labels, whole: context.wholeText)
        var items: [SelectableItem] = []
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

    /// Where the figures come from: "✓ Số liệu từ báo cáo có chữ ký số hợp lệ · người ký … · ký lúc …",
    /// or why the signature does not vouch for them.
    static func signatureLine(_ record: SignatureRecord, language: Language) -> (String, StyleRole) {
        let vi = language == .vi
        var parts: [String] = []
        let role: StyleRole
        if !record.dataIntact {
            parts.append(vi ? "✗ Tệp đã bị sửa sau khi nhập từ báo cáo có chữ ký: chữ ký không còn bảo đảm số liệu"
                            : "✗ The file was edited after its signed return was imported: the signature no longer vouches for the figures")
            role = .error
        } else {
            switch record.verdict {
            case .valid:
                parts.append(vi ? "✓ Số liệu từ báo cáo có chữ ký số hợp lệ" : "✓ Figures from a return with a valid digital signature")
                role = .normal
            case .revocationNotChecked:
                parts.append(vi ? "‼ Số liệu từ báo cáo có chữ ký số; không kiểm tra được thu hồi"
                                : "‼ Figures from a signed return; revocation not checked")
                role = .warning
            default:
                parts.append(vi ? "✗ Chữ ký số của báo cáo không hợp lệ" : "✗ The return's digital signature is invalid")
                role = .error
            }
        }
        if let signer = record.signer { parts.append((vi ? "người ký " : "signer ") + signer) }
        if let at = record.signedAt { parts.append((vi ? "ký lúc " : "signed ") + at) }
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
