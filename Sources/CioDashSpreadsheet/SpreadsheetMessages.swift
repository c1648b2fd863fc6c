import CioDashCore

/// Every sentence `template` and `import` say, in Vietnamese and English.
public enum SpreadsheetMessages {
    public struct Text: Hashable, Sendable {
        public var vi: String
        public var en: String
        public func `in`(_ language: Language) -> String { language == .en ? en : vi }
        public init(vi: String, en: String) {
            self.vi = vi
            self.en = en
        }
    }

    /// `"text"`, clipped to 60 characters so that a hostile value cannot flood a message.
    static func quote(_ text: String) -> String {
        let scalars = text.unicodeScalars
        if scalars.count <= 60 { return "\"\(text)\"" }
        return "\"" + String(String.UnicodeScalarView(scalars.prefix(59))) + "…\""
    }

    static func mib(_ bytes: Int) -> String { bytes < 1 << 20 ? "\(bytes) bytes" : "\(bytes >> 20) MiB" }

    // MARK: The workbook

    public static func failure(_ failure: XLSXFailure) -> Text {
        switch failure {
        case .unreadable(let reason):
            return Text(vi: "không đọc được tệp: \(reason)", en: "the file cannot be read: \(reason)")
        case .tooLarge(let size, let limit):
            return Text(vi: "tệp lớn \(mib(size)), quá giới hạn \(mib(limit)), nên không được đọc",
                        en: "the file is \(mib(size)), more than the \(mib(limit)) limit, so it is not read")
        case .encrypted:
            return Text(vi: "tệp được đặt mật khẩu (mã hóa) hoặc là tệp .xls cũ; hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx",
                        en: "the workbook is password-protected (encrypted) or an old .xls; remove the password and save it as .xlsx")
        case .notZip:
            return Text(vi: "đây không phải tệp .xlsx (không phải tệp nén zip); hãy lưu lại dưới dạng Sổ làm việc Excel (.xlsx)",
                        en: "this is not an .xlsx file (not a zip archive); save it as an Excel Workbook (.xlsx)")
        case .corruptZip(let reason):
            return Text(vi: "tệp .xlsx bị hỏng (không mở được tệp nén: \(reason)); hãy lưu lại hoặc gửi lại tệp",
                        en: "the .xlsx file is damaged (the zip cannot be opened: \(reason)); save or send it again")
        case .missingPart(let part):
            return Text(vi: "tệp .xlsx thiếu phần \(quote(part)), nên không phải sổ làm việc hợp lệ",
                        en: "the .xlsx file lacks the part \(quote(part)), so it is not a valid workbook")
        case .entryTooLarge(let entry, let limit):
            return Text(vi: "phần \(quote(entry)) giải nén ra hơn \(mib(limit)) (có thể là bom nén); đã dừng đọc",
                        en: "the part \(quote(entry)) unpacks to more than \(mib(limit)) (a zip bomb?); reading stopped")
        case .totalTooLarge(let limit):
            return Text(vi: "tệp giải nén ra tổng cộng hơn \(mib(limit)) (có thể là bom nén); đã dừng đọc",
                        en: "the file unpacks to more than \(mib(limit)) in all (a zip bomb?); reading stopped")
        case .malformedXML(let part, let line, let reason):
            return Text(vi: "phần \(quote(part)) dòng \(line) không phải XML hợp lệ (\(reason))",
                        en: "the part \(quote(part)) is not valid XML at line \(line) (\(reason))")
        case .noSheet(let name):
            return Text(vi: "sổ làm việc không có trang \(quote(name)); hãy dùng biểu mẫu do ciodash template tạo, không đổi tên trang",
                        en: "the workbook has no sheet \(quote(name)); use the form ciodash template made, without renaming sheets")
        case .tooManyRows(let sheet, let limit):
            return Text(vi: "trang \(quote(sheet)) có hơn \(limit) dòng; một biểu mẫu chỉ có vài chục dòng, nên đã dừng đọc",
                        en: "the sheet \(quote(sheet)) has more than \(limit) rows; a form has a few dozen, so reading stopped")
        case .tooManySharedStrings(let limit):
            return Text(vi: "sổ làm việc có hơn \(limit) chuỗi văn bản, nên không được đọc",
                        en: "the workbook holds more than \(limit) text strings, so it is not read")
        }
    }

    // MARK: The form's content

    static let notAForm = Text(
        vi: "không tìm thấy dòng tiêu đề của biểu mẫu (ô A: \(quote(FormLayout.header[0]))); hãy dùng biểu mẫu do ciodash template tạo",
        en: "the form's header row (cell A: \(quote(FormLayout.header[0]))) is missing; use the form ciodash template made")
    static let noProvinceID = Text(vi: "biểu mẫu không ghi mã tỉnh (\(FormLayout.provinceIDLabel))",
                                   en: "the form gives no province id (\(FormLayout.provinceIDLabel))")
    static func unknownProvince(_ id: String) -> Text {
        Text(vi: "mã tỉnh \(quote(id)) không có trong thư mục phiên họp (provinces/)",
             en: "province id \(quote(id)) is not in the meeting folder (provinces/)")
    }
    static func unknownTopic(_ id: String) -> Text {
        Text(vi: "chủ đề \(quote(id)) không có trong chương trình phiên họp", en: "topic \(quote(id)) is not on the meeting's agenda")
    }
    static func unknownMetric(_ topic: String, _ id: String) -> Text {
        Text(vi: "chỉ tiêu \(quote(id)) không được hỏi trong chủ đề \(quote(topic)); dòng này bị bỏ qua",
             en: "metric \(quote(id)) is not asked under topic \(quote(topic)); the row is ignored")
    }
    static func notANumber(_ text: String) -> Text {
        Text(vi: "giá trị \(quote(text)) không phải là số; ghi số không kèm đơn vị, ví dụ 45 hoặc 0,6045",
             en: "value \(quote(text)) is not a number; write a number without its unit, e.g. 45 or 0.6045")
    }
    /// `a` is the reading with a thousands separator, `b` the decimal one. Each is written as its
    /// reader would write it (812345; 812,345 in Vietnamese), so that the two readings look different.
    static func ambiguousNumber(_ text: String, _ a: Double, _ b: Double) -> Text {
        let whole = YAMLText.number(a), decimal = NumberFormatting.format(b, language: .vi, maxFractionDigits: 6)
        return Text(vi: "giá trị \(quote(text)) đọc được hai cách: \(whole) (có dấu ngăn cách hàng nghìn) hoặc \(decimal) "
                        + "(số thập phân); hãy ghi số dưới dạng ô số, hoặc gõ \(whole) hay \(decimal) không có dấu ngăn cách hàng nghìn",
                    en: "value \(quote(text)) reads two ways: \(whole) (with a thousands separator) or \(YAMLText.number(b)) "
                        + "(with a decimal mark); enter it as a number cell, not as text")
    }
    /// A % row given `62%`: read as 62, said so.
    static func percentSignDropped(_ text: String, _ value: Double) -> Text {
        Text(vi: "giá trị \(quote(text)) có dấu %; đọc là \(NumberFormatting.format(value, language: .vi, maxFractionDigits: 6)) "
                + "(đơn vị của dòng này đã là %); lần sau chỉ ghi số",
             en: "value \(quote(text)) has a % sign; read as \(YAMLText.number(value)) (this row's unit is already %); next time write the number only")
    }
    /// A status written in other words that name one status (`chậm tiến độ`): read as that one, said so.
    static func statusReadAs(_ text: String, _ word: String) -> Text {
        Text(vi: "trạng thái \(quote(text)) được đọc là \"\(word)\"; lần sau hãy chọn trong danh sách",
             en: "status \(quote(text)) is read as \"\(word)\"; next time pick it from the list")
    }
    static func negative(_ value: Double) -> Text {
        Text(vi: "giá trị \(YAMLText.number(value)) là số âm; số liệu phải từ 0 trở lên",
             en: "value \(YAMLText.number(value)) is negative; figures must be 0 or more")
    }
    static func notFinite(_ value: Double, item: String?) -> Text {
        let shown = value.isNaN ? "NaN" : value < 0 ? "-∞" : "∞"
        let vi = item.map { " của \($0)" } ?? "", en = item.map { " for \($0)" } ?? ""
        return Text(vi: "giá trị\(vi) là \(shown) (không phải số, vô cực, hoặc lớn quá 1,8e308), không phải số liệu; hãy ghi số liệu",
                    en: "the value\(en) is \(shown) (not a number, infinite, or past 1.8e308), not a figure; enter the figure")
    }
    static func textTooLong(_ length: Int, limit: Int, item: String?) -> Text {
        let vi = item.map { " của \($0)" } ?? "", en = item.map { " for \($0)" } ?? ""
        return Text(vi: "văn bản\(vi) dài \(length) ký tự, quá giới hạn \(limit) ký tự của tệp trạng thái; hãy rút gọn",
                    en: "the text\(en) is \(length) characters long, more than a status file's \(limit)-character limit; shorten it")
    }
    static func errorValue(_ code: String) -> Text {
        Text(vi: "ô chứa lỗi \(quote(code)) của công thức; hãy ghi số liệu", en: "the cell holds the formula error \(quote(code)); enter the figure")
    }
    static func formulaUsed(_ shown: String) -> Text {
        Text(vi: "ô chứa công thức; dùng giá trị đã lưu \(quote(shown)), công thức không được tính lại",
             en: "the cell holds a formula; its saved value \(quote(shown)) is used, the formula is not evaluated")
    }
    static func formulaLike(_ text: String) -> Text {
        Text(vi: "văn bản \(quote(text)) bắt đầu như một công thức; được giữ nguyên là văn bản, không bao giờ chạy như công thức",
             en: "the text \(quote(text)) looks like a formula; it is kept as text and never run as one")
    }
    static func unknownStatus(_ text: String) -> Text {
        let choices = StatusWords.choices.joined(separator: ", ")
        return Text(vi: "trạng thái \(quote(text)) không có trong danh sách; chọn một trong: \(choices)",
                    en: "status \(quote(text)) is not known; pick one of: \(choices)")
    }
    static func badDate(_ text: String) -> Text {
        Text(vi: "ngày \(quote(text)) không hợp lệ; ghi theo dạng ngày/tháng/năm (26/07/2019) hoặc YYYY-MM-DD (2019-07-26)",
             en: "date \(quote(text)) is not valid; write it day first, DD/MM/YYYY (26/07/2019), or as YYYY-MM-DD (2019-07-26)")
    }
    static let notText = Text(vi: "ô này phải là văn bản", en: "this cell must hold text")
    static func badCell(_ raw: String) -> Text {
        Text(vi: "ô có nội dung không đọc được (\(quote(raw)))", en: "the cell's content cannot be read (\(quote(raw)))")
    }
    static func badReference(_ reference: String) -> Text {
        Text(vi: "văn bản trong ô có tham chiếu \(quote(reference)) không phải thực thể của XML (&amp; &lt; &gt; &quot; &apos;) "
                + "hay một ký tự hợp lệ; hãy gõ lại ô này trong Excel và lưu lại",
             en: "the cell's text has the reference \(quote(reference)), which is none of XML's own entities (&amp; &lt; &gt; "
                + "&quot; &apos;) nor a valid character; type the cell again in Excel and save")
    }
    static func badEscape(_ escape: String) -> Text {
        Text(vi: "văn bản trong ô có mã \(quote(escape)) chỉ là một nửa ký tự; hãy gõ lại ô này trong Excel và lưu lại",
             en: "the cell's text has the escape \(quote(escape)), which is half a character; type the cell again in Excel and save")
    }
    static let emptyValue = Text(vi: "chưa điền giá trị; số liệu cũ được giữ nguyên",
                                 en: "no value filled in; the earlier figure is kept")
    static func yamlNotForm(_ reason: String) -> Text {
        Text(vi: "tệp không phải biểu mẫu trạng thái của tỉnh: \(reason)", en: "the file is not a province status form: \(reason)")
    }
    static func formatNotSupported(_ ext: String) -> Text {
        Text(vi: "không đọc được tệp dạng \(quote(ext)); dùng .xlsx, .csv, .yaml hoặc .json",
             en: "files of type \(quote(ext)) are not read; use .xlsx, .csv, .yaml or .json")
    }

    static func csvNotText(_ kind: CSVText.Failure.Kind) -> Text {
        switch kind {
        case .nulByte:
            return Text(vi: "tệp chứa byte NUL nên không phải văn bản; hãy lưu lại dạng \"CSV UTF-8\"",
                        en: "the file contains a NUL byte, so it is not text; save it again as \"CSV UTF-8\"")
        case .notUTF8(let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return Text(vi: "tệp không phải văn bản UTF-8 hợp lệ (byte 0x\(hex)); trong Excel chọn Lưu thành \"CSV UTF-8\"",
                        en: "the file is not valid UTF-8 text (byte 0x\(hex)); in Excel, Save As \"CSV UTF-8\"")
        case .badUTF16:
            return Text(vi: "tệp bắt đầu như văn bản UTF-16 nhưng bị cắt hoặc hỏng; hãy lưu lại dạng \"CSV UTF-8\"",
                        en: "the file starts as UTF-16 text but is cut short or damaged; save it again as \"CSV UTF-8\"")
        case .utf16WithoutBOM:
            return Text(vi: "tệp có vẻ là văn bản UTF-16 thiếu dấu thứ tự byte (BOM); hãy lưu lại dạng \"CSV UTF-8\"",
                        en: "the file looks like UTF-16 text without its byte-order mark; save it again as \"CSV UTF-8\"")
        }
    }

    static let csvQuoting = Text(
        vi: "dấu ngoặc kép (\") đặt sai: một ô có dấu ngoặc kép phải được bao cả ô và nhân đôi dấu bên trong (\"\"); hãy lưu lại từ Excel",
        en: "a misplaced quote (\"): a cell with quotes must be quoted whole, with inner quotes doubled (\"\"); save it again from Excel")

    // MARK: Writing

    static func newerFile(_ path: String) -> Text {
        Text(vi: "\(path) không do ciodash import ghi và đã được sửa sau khi biểu mẫu này được lưu; không thay thế (dùng --force để thay)",
             en: "\(path) was not written by ciodash import and was changed after this form was saved; it is not replaced (use --force to replace it)")
    }
    static func editedSinceImport(_ path: String) -> Text {
        Text(vi: "\(path) đã được sửa tay sau lần nhập trước (nội dung khác với tệp ciodash import đã ghi); không thay thế, "
                + "để không mất phần sửa (xem lại tệp, rồi dùng --force để thay)",
             en: "\(path) was edited by hand since the last import (it differs from what ciodash import wrote); it is not "
                + "replaced, so the edit is not lost (look at the file, then use --force to replace it)")
    }
    static func otherStatusFile(_ name: String, id: String, file: String) -> Text {
        let expected = MeetingFolderLayout.statusFile(id)
        return Text(vi: "\(name) đang được đọc từ \(file), không phải \(expected); hãy đổi tên (hoặc chuyển) tệp đó "
                        + "thành \(expected) rồi nhập lại; không ghi tệp này",
                    en: "\(name) is read from \(file), not \(expected); rename (or convert) that file to "
                        + "\(expected), then import again; this file is not written")
    }
    /// A path that would leave its folder (`ContainedFile`), in these messages' type.
    static func contained(_ failure: ContainedFile.Failure) -> Text { Text(vi: failure.text.vi, en: failure.text.en) }
    static func loaderRefused(_ diagnostic: String) -> Text {
        Text(vi: "tệp tạo ra không qua được kiểm tra: \(diagnostic)", en: "the file made from the form fails the check: \(diagnostic)")
    }
    static func roundTripMismatch(_ what: String) -> Text {
        Text(vi: "tệp tạo ra đọc lại không khớp (\(what)); không ghi", en: "the file made reads back differently (\(what)); not written")
    }
    public static func sameProvinceTwice(_ id: String) -> Text {
        Text(vi: "tỉnh \(quote(id)) có hơn một biểu mẫu trong lần nhập này", en: "province \(quote(id)) has more than one form in this import")
    }
}
