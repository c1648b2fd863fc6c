import CioDashCore

/// Writes a `ReturnForm` as a `provinces/<id>.yaml` skeleton: every topic and metric asked, each value
/// left empty (`value:`) for the province to fill in, last meeting's value and the target in comments.
public enum ReturnFormYAML {
    public static func text(_ form: ReturnForm) -> String {
        var out = "# Biểu mẫu báo cáo (return form): \(oneLine(form.meetingTitle)), \(form.meetingDate)\n"
        out += "# Điền giá trị (value:) bằng số, trạng thái: đúng tiến độ | có rủi ro | chậm | chưa triển khai | chưa rõ.\n"
        out += "# Fill in each value as a number; an empty value means no figure yet.\n"
        out += "format: ciodash/1\n"
        out += "id: \(form.provinceID)\n"
        out += "name: \(YAMLText.quoted(form.provinceName))\n"
        out += "reported: \(form.reported?.description ?? "")\n"
        out += "source: \(form.source.map(YAMLText.quoted) ?? "")\n"
        out += "topics:\n"
        for topic in form.topics {
            out += "  \(topic.id):   # \(oneLine(topic.title))\n"
            out += "    status: \(topic.status.map { YAMLText.quoted(StatusWords.vietnamese[$0]!) } ?? "")\n"
            out += "    summary: \(topic.summary.map(YAMLText.quoted) ?? "")\n"
            if topic.items.isEmpty { continue }
            out += "    metrics:\n"
            for item in topic.items {
                out += "      - id: \(item.id)\n"
                var notes: [String] = []
                if let unit = item.unit { notes.append("đơn vị \(oneLine(unit))") }
                if let target = item.target { notes.append("mục tiêu \(YAMLText.number(target))") }
                if let previous = item.previous { notes.append("kỳ trước \(YAMLText.number(previous))") }
                out += "        label: \(YAMLText.quoted(item.label))\n"
                out += "        value:" + (notes.isEmpty ? "\n" : "   # \(notes.joined(separator: ", "))\n")
                out += "        source:\n"
            }
        }
        return out + tasksBlock(form)
    }

    /// Comments end at a line break; a title with one must not spill into the YAML.
    static func oneLine(_ text: String) -> String {
        TextSanitizer.line(text).replacingOccurrences(of: "\n", with: " ")
    }
}
