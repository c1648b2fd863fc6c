import CioDashCore

/// How a panel words an earlier figure of a unit merged in 2025: combined figures say they are
/// computed, side-by-side figures name each predecessor, and missing predecessors are named.
enum EarlierFigureText {
    /// The sentence for the panel's detail line, or nil when the figure needs none (same unit, none).
    static func describe(_ figure: EarlierFigure, current: Double, metric: Metric, since date: LocalDate,
                         language: Language) -> String? {
        let vi = language == .vi
        let when = (vi ? "Kỳ trước (" : "Previous meeting (") + Labels.forLanguage(language).date(date) + ")"
        func value(_ v: Double) -> String { MetricFormat.value(v, metric: metric, language: language) }
        func name(_ id: String) -> String { UnitsCatalogue.formerName(id) }
        var text: String
        switch figure {
        case .reported, .none:
            return nil
        case let .combined(total, rule, parts):
            let names = parts.map { name($0.id) }.joined(separator: " + ")
            let how = switch (rule, vi) {
            case (.sum, true): "tổng"
            case (.sum, false): "sum"
            case (_, true): "trung bình"
            case (_, false): "mean"
            }
            text = "\(when): \(names), \(how) \(value(total))"
            text += vi ? " (số tính gộp, không phải số báo cáo)" : " (computed, not a reported figure)"
            if let change = MetricFormat.change(current: current, previous: total, metric: metric, language: language) {
                text += vi ? "; thay đổi \(change) so với số tính gộp" : "; change \(change) against the computed figure"
            }
        case let .sideBySide(parts):
            let shown = parts.filter(\.inMeeting).map { part in
                name(part.id) + " " + (part.value.map(value) ?? (vi ? "không báo cáo chỉ số này" : "did not report this"))
            }
            text = "\(when): " + shown.joined(separator: " · ")
            text += vi ? " (từng đơn vị cũ, không cộng gộp)" : " (each former unit, not combined)"
        }
        let missing = figure.missingUnits.map(name)
        if !missing.isEmpty {
            text += vi ? "; phiên họp trước không có \(missing.joined(separator: ", "))"
                       : "; the previous meeting had no file for \(missing.joined(separator: ", "))"
        }
        return text
    }
}
