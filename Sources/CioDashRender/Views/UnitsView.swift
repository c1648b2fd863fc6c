import CioDashCore

/// The administrative units of the meeting's provinces, as the catalogue knows them on the meeting's
/// date: each unit's code, the former provinces a unit of 1 July 2025 on was made of and where its
/// seat is; for a meeting before that date, the unit each province became part of. The council
/// compares figures across the 2025 reorganisation, and this says which units compare with which.
public enum UnitsView {
    /// One province of the meeting, as the catalogue knows it.
    struct Row {
        var name: String
        var code: String
        var madeOf: String
        var seat: String
        var note: String
    }

    static func rows(_ meeting: Meeting, language: Language) -> [Row] {
        let words = Words(language)
        let labels = Labels.forLanguage(language)
        let later = meeting.date < UnitsCatalogue.firstDayOf34
        return meeting.provinces.map { province in
            let name = TextSanitizer.line(province.name)
            guard let unit = UnitsCatalogue.unit(id: province.id, on: meeting.date) else {
                return Row(name: name, code: "", madeOf: "", seat: "", note: words.notInCatalogue)
            }
            var row = Row(name: name, code: unit.code, madeOf: "", seat: "", note: "")
            if unit.isMerged {
                row.madeOf = UnitsCatalogue.predecessors(of: unit).map(\.name).joined(separator: ", ")
                row.seat = unit.seatIn.map(UnitsCatalogue.formerName) ?? ""
                if unit.seatConfirmed == .notConfirmed, !row.seat.isEmpty { row.seat += " " + words.unconfirmed }
            }
            if later, let successor = UnitsCatalogue.successor(of: unit.id) {
                if successor.isMerged {
                    row.note = words.partOf(successor.name, since: labels.date(UnitsCatalogue.firstDayOf34))
                } else if successor.id != unit.id {
                    // Thừa Thiên Huế became Thành phố Huế: the same unit under another name.
                    let since = UnitsCatalogue.all.filter { $0.id == successor.id }.compactMap(\.from).min() ?? UnitsCatalogue.firstDayOf34
                    row.note = words.became(successor.fullName(language), since: labels.date(since))
                }
            }
            return row
        }
    }

    public static func render(_ meeting: Meeting, context: RenderContext) -> ViewBody {
        let words = Words(context.language)
        let rows = rows(meeting, language: context.language)
        let width = max(1, context.width)
        var grid = Grid(width: width, height: 0)
        var y = 0
        func text(_ s: String, role: StyleRole) { grid.putWrapped(s, y: &y, role: role) }
        text(words.summary(meeting, labels: context.labels), role: .muted)
        y += 1
        // Name and code first; what a unit was made of takes the room that is left, the seat and the
        // note wrap under it rather than being cut.
        let nameWidth = min(24, max(DisplayWidth.of(context.labels.province), rows.map { DisplayWidth.of($0.name) }.max() ?? 0) + 1)
        let codeWidth = DisplayWidth.of(words.code) + 1
        let restX = min(width, nameWidth + codeWidth)
        let restWidth = max(1, width - restX)
        grid.ensureRow(y)
        grid.put(context.labels.province, x: 0, y: y, maxWidth: max(1, min(nameWidth - 1, width)), role: .header)
        if restX > nameWidth { grid.put(words.code, x: nameWidth, y: y, maxWidth: codeWidth - 1, role: .header) }
        if restX < width { grid.put(words.details, x: restX, y: y, maxWidth: restWidth, role: .header) }
        y += 1
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        var items: [SelectableItem] = []
        for row in rows {
            let top = y
            var details: [(String, StyleRole)] = []
            if !row.madeOf.isEmpty { details.append((words.madeOf + ": " + row.madeOf, .normal)) }
            if !row.seat.isEmpty { details.append((words.seat + ": " + row.seat, .muted)) }
            if !row.note.isEmpty { details.append((row.note, row.code.isEmpty ? .warning : .normal)) }
            if details.isEmpty { details.append((words.unchanged, .muted)) }
            let lines = details.flatMap { detail in TextLayout.wrap(detail.0, width: restWidth).map { ($0, detail.1) } }
            for (i, line) in lines.enumerated() {
                grid.ensureRow(y)
                if i == 0 {
                    grid.put(row.name, x: 0, y: y, maxWidth: max(1, min(nameWidth - 1, width)))
                    if restX > nameWidth { grid.put(row.code, x: nameWidth, y: y, maxWidth: codeWidth - 1) }
                }
                if restX < width { grid.put(line.0, x: restX, y: y, maxWidth: restWidth, role: line.1) }
                y += 1
            }
            items.append(SelectableItem(rows: top..<y, marks: [RoleMark(.selected, x: 0, y: top, width: min(width, nameWidth))]))
        }
        Box.rule(in: &grid, x: 0, y: y, width: width)
        y += 1
        text(words.source, role: .muted)
        return ViewBody(grid: grid, items: items)
    }

    /// The view's own words, in Vietnamese and English.
    struct Words {
        let code, details, madeOf, seat, note, unchanged, notInCatalogue, unconfirmed, source: String
        let language: Language

        init(_ language: Language) {
            self.language = language
            let labels = Labels.forLanguage(language)
            let (until, from) = (labels.date(UnitsCatalogue.lastDayOf63), labels.date(UnitsCatalogue.firstDayOf34))
            if language == .vi {
                (code, details, madeOf, seat, note) = ("Mã", "Sắp xếp năm 2025", "hợp nhất từ", "trụ sở", "ghi chú")
                unchanged = "không thay đổi"
                notInCatalogue = "không có trong danh mục đơn vị hành chính"
                unconfirmed = "(chưa xác nhận)"
                source = "Theo danh mục đơn vị hành chính cấp tỉnh đi kèm ciodash (63 đơn vị đến \(until), 34 đơn vị từ \(from))."
            } else {
                (code, details, madeOf, seat, note) = ("Code", "The 2025 reorganisation", "merged from", "seat", "note")
                unchanged = "unchanged"
                notInCatalogue = "not in the catalogue of administrative units"
                unconfirmed = "(not confirmed)"
                source = "From the catalogue of provincial-level units bundled with ciodash (63 units until \(until), 34 from \(from))."
            }
        }

        /// "từ 01/07/2025 thuộc tỉnh Gia Lai mới".
        func partOf(_ name: String, since date: String) -> String {
            language == .vi ? "từ \(date) thuộc \(name) (sau sắp xếp)" : "part of \(name) from \(date) (after the reorganisation)"
        }

        /// "từ 01/07/2025 là Thành phố Huế".
        func became(_ name: String, since date: String) -> String {
            language == .vi ? "từ \(date) là \(name)" : "\(name) from \(date)"
        }

        /// "Đơn vị hành chính ngày 15/11/2025: 34 tỉnh, thành phố".
        func summary(_ meeting: Meeting, labels: Labels) -> String {
            let period = meeting.date < UnitsCatalogue.firstDayOf34 ? 63 : 34
            return language == .vi
                ? "Đơn vị hành chính cấp tỉnh ngày \(labels.date(meeting.date)) (cả nước \(period) đơn vị); \(meeting.provinces.count) đơn vị trong phiên họp"
                : "Provincial-level units on \(labels.date(meeting.date)) (\(period) in the country); \(meeting.provinces.count) in this meeting"
        }
    }
}

extension UnitsView {
    /// `units`: the meeting's provinces as administrative units; each row leads to its province.
    static let kind = ViewKind(
        name: "units",
        title: { _, labels, _ in labels.language == .vi ? "Đơn vị hành chính" : "Administrative units" },
        render: { meeting, context in render(meeting, context: context) },
        report: { context, report in
            let words = Words(context.language)
            // Headers in sentence case; on screen the same words start a line's detail in lower case.
            func header(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
            var table = ReportTable(header: [context.labels.province, words.code, header(words.madeOf), header(words.seat),
                                             header(words.note)], numeric: [])
            for row in rows(context.meeting, language: context.language) {
                table.rows.append([row.name, row.code, row.madeOf, row.seat, row.note])
            }
            report.blocks.append(.paragraph(words.summary(context.meeting, labels: context.labels)))
            report.blocks.append(.table(table))
            report.blocks.append(.paragraph(words.source))
            return true
        },
        links: ViewKind.ProvinceRows.links, selectedRow: ViewKind.ProvinceRows.selectedRow,
        browse: ViewKind.ProvinceRows.browse,
        lists: .provinces)
}

extension ViewID {
    /// The meeting's provinces as administrative units, across the 2025 reorganisation.
    public static let units = ViewID(UnitsView.kind)
}
