/// Where things are on the form's sheet, shared by the writer and the reader so that they agree.
/// Labels are bilingual and locked; the reader finds rows by them, not by fixed row numbers.
public enum FormLayout {
    public static let instructionsSheet = "Hướng dẫn"
    public static let formSheet = "Biểu mẫu"

    public static let provinceIDLabel = "Mã tỉnh (province id)"
    public static let provinceNameLabel = "Tỉnh/thành (province)"
    public static let meetingLabel = "Phiên họp (meeting)"
    public static let reportedLabel = "Số liệu đến ngày (figures as of, YYYY-MM-DD)"
    public static let sourceLabel = "Đơn vị báo cáo (reported by)"

    /// The table's header, column A onwards.
    public static let header = [
        "Mã chủ đề (topic)", "Mã chỉ tiêu (metric)", "Nội dung (item)", "Đơn vị (unit)", "Mục tiêu (target)",
        "Kỳ trước (last meeting)", "Giá trị / trạng thái (value / status)", "Nguồn / tóm tắt (source / summary)",
    ]

    // 1-based columns, as cell references count them.
    public static let topicColumn = 1
    public static let metricColumn = 2
    public static let labelColumn = 3
    public static let unitColumn = 4
    public static let targetColumn = 5
    public static let previousColumn = 6
    public static let valueColumn = 7
    public static let sourceColumn = 8

    /// The instructions sheet, Vietnamese first, English after.
    public static let instructions = [
        "Hướng dẫn điền biểu mẫu",
        "1. Mở trang \"Biểu mẫu\". Chỉ điền vào các ô nền vàng; các ô khác đã được khóa.",
        "2. Cột \"Giá trị\": ghi số liệu mới bằng số (ví dụ 45 hoặc 0,6045), không kèm đơn vị. Để trống nếu chưa có số liệu.",
        "3. Cột \"Nguồn\": ghi nguồn của số liệu (văn bản, báo cáo, ngày). Để trống nếu là số liệu của Sở.",
        "4. Dòng chủ đề: chọn trạng thái trong danh sách (đúng tiến độ, có rủi ro, chậm, chưa triển khai, chưa rõ) và ghi tóm tắt ngắn.",
        "5. Ghi ngày số liệu (YYYY-MM-DD) ở đầu trang, lưu tệp .xlsx và gửi lại cho Văn phòng Hội đồng. Không đổi tên trang, không thêm dòng.",
        "",
        "How to fill in this form",
        "1. Open the \"Biểu mẫu\" sheet. Fill in only the yellow cells; the others are locked.",
        "2. \"Value\" column: the new figure as a number (e.g. 45 or 0.6045), without its unit. Leave it empty if there is none yet.",
        "3. \"Source\" column: where the figure comes from (document, report, date). Leave it empty for the department's own figures.",
        "4. Topic rows: pick the status from the list and write a short summary.",
        "5. Write the date the figures are as of (YYYY-MM-DD) at the top, save as .xlsx and send it back to the secretariat. Do not rename sheets or add rows.",
    ]
}
