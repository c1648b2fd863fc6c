/// Every sentence the loader says, in one place and in both languages, so that wording stays
/// consistent, `check --lang vi|en` can print either, and tests and the README can quote it. Values
/// from files are quoted and clipped (see `quote`), never trusted.
enum LoadMessages {
    typealias Text = BilingualText

    static let statusList = ReportStatus.allCases.map(\.rawValue).joined(separator: ", ")
    static let statusWordsVI = StatusWords.choices.joined(separator: ", ")
    static let csvHeader = "province,topic,metric,label,value,target,unit,previous,source"

    /// `"text"`, clipped to 60 characters so that a hostile value cannot flood a message.
    static func quote(_ text: String) -> String {
        var clipped = Substring(text)
        if text.unicodeScalars.count > 60 {
            clipped = Substring(String(String.UnicodeScalarView(text.unicodeScalars.prefix(59)))) + "…"
        }
        return "\"\(clipped)\""
    }

    /// "1,234" (English) or "1.234" (Vietnamese) for counts in messages.
    static func count(_ n: Int, _ group: Character = ",") -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 && ch != "-" { out.append(group) }
            out.append(ch)
        }
        return out
    }

    static func countVI(_ n: Int) -> String { count(n, ".") }

    static func mebibytes(_ bytes: Int, decimal: Character = ".") -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10)\(decimal)\(tenths % 10) MiB"
    }

    /// The Vietnamese for the kinds of value `wrongKind` names.
    static func kindVI(_ english: String) -> String {
        [
            "a single value": "một giá trị đơn", "a list": "một danh sách", "a mapping": "một bảng khóa: giá trị",
            "a list of agenda topics": "một danh sách chủ đề của chương trình",
            "a list of metric definitions": "một danh sách định nghĩa chỉ tiêu", "a list of metrics": "một danh sách chỉ tiêu",
            "a list of province ids": "một danh sách mã tỉnh", "a list of tasks": "một danh sách nhiệm vụ",
            "a mapping from task id to report": "một bảng từ mã nhiệm vụ đến báo cáo",
            "a mapping from topic id to report": "một bảng từ mã chủ đề đến báo cáo",
            "a mapping of fields": "một bảng các trường (khóa: giá trị)", "a number": "một số", "text": "văn bản",
        ][english] ?? english
    }

    // MARK: Folder and files

    /// The reason a folder or file cannot be read, as the end of a sentence.
    static func reasonVI(_ english: String) -> String {
        [
            "it does not exist": "không tồn tại", "it is not a folder": "không phải thư mục",
            "permission denied": "không có quyền đọc",
            "it is a symbolic link that loops back on itself": "là liên kết tượng trưng vòng lại chính nó",
            "out of memory": "hết bộ nhớ",
        ][english] ?? english
    }

    static func folderUnreadable(_ reason: String) -> Text {
        Text(vi: "không đọc được thư mục phiên họp: \(reasonVI(reason))", en: "the meeting folder cannot be read: \(reason)")
    }
    static let noMeetingFile = Text(
        vi: "thư mục không có meeting.yaml, meeting.yml hay meeting.json, nên không có chương trình phiên họp",
        en: "the folder has no meeting.yaml, meeting.yml or meeting.json, so there is no agenda")
    static func badSlides(_ found: String) -> Text {
        Text(vi: "slides \"\(found)\" không phải panels, ranking, none hay một danh sách mã tỉnh; chủ đề hiện mọi bảng tỉnh",
             en: "slides \"\(found)\" is not panels, ranking, none or a list of province ids; the topic gets every panel")
    }
    static func slidesUnknownProvince(_ topic: String, _ province: String) -> Text {
        Text(vi: "slides của chủ đề \"\(topic)\" nêu tỉnh \"\(province)\", tỉnh này không có tệp trong provinces/; không có trang cho tỉnh đó",
             en: "the slides of topic \"\(topic)\" name province \"\(province)\", which has no file in provinces/; it gets no slide")
    }
    static func otherMeetingFile(used: String, ignored: String) -> Text {
        Text(vi: "có cả \(used) và \(ignored); dùng \(used), tệp này bị bỏ qua",
             en: "both \(used) and \(ignored) exist; \(used) is used and this file is ignored")
    }
    static let noProvincesFolder = Text(vi: "thư mục không có thư mục con provinces/, nên không hiện tỉnh nào",
                                        en: "the folder has no provinces/ folder, so no province is shown")
    static func provincesFolderUnreadable(_ reason: String) -> Text {
        Text(vi: "không đọc được thư mục provinces/: \(reasonVI(reason))", en: "the provinces/ folder cannot be read: \(reason)")
    }
    static let fileNameNotUTF8 = Text(
        vi: "tên tệp không phải văn bản UTF-8 hợp lệ (các byte lỗi hiện dạng <..>), nên không đọc được; hãy đổi tên tệp",
        en: "the file name is not valid UTF-8 text (shown with <..> for the bad bytes), so it cannot be read; rename the file")
    static func fileNameNotAnID(_ name: String, suggestion: String, ext: String) -> Text {
        Text(vi: "tên tệp \(quote(name)) không phải mã tỉnh (chữ thường không dấu, chữ số và dấu gạch nối); hãy đổi tên thành "
                + "\(suggestion).\(ext) (tạm đọc là tỉnh \(suggestion))",
             en: "the file name \(quote(name)) is not a province id (lower-case letters without diacritics, digits and hyphens); "
                + "rename it to \(suggestion).\(ext) (read as province \(suggestion) until then)")
    }
    static let notAStatusFile = Text(vi: "đây không phải tệp .yaml hay .json nên bị bỏ qua",
                                     en: "this is not a .yaml or .json file and is ignored")
    static func sameProvinceTwice(_ other: String) -> Text {
        Text(vi: "tỉnh này còn có tệp \(other), tệp đó được dùng; hãy xóa một trong hai",
             en: "this province also has the file \(other), which is used instead; remove one of them")
    }
    static func tooManyFiles(_ limit: Int) -> Text {
        Text(vi: "provinces/ có hơn \(countVI(limit)) tệp; chỉ đọc \(countVI(limit)) tệp đầu",
             en: "provinces/ holds more than \(count(limit)) files; only the first \(count(limit)) are read")
    }
    static let fileIsFolder = Text(vi: "đây là thư mục, không phải tệp", en: "this is a folder, not a file")
    static let fileNotRegular = Text(vi: "đây không phải tệp thông thường", en: "this is not a regular file")
    static let fileMissing = Text(vi: "tệp không tồn tại", en: "the file does not exist")
    static let filePermission = Text(vi: "không đọc được tệp: không có quyền đọc", en: "the file cannot be read: permission denied")
    static let fileLoop = Text(vi: "tệp là liên kết tượng trưng vòng lại chính nó", en: "the file is a symbolic link that loops back on itself")
    static func fileUnreadable(_ reason: String) -> Text {
        Text(vi: "không đọc được tệp: \(reasonVI(reason))", en: "the file cannot be read: \(reason)")
    }
    static func fileTooLarge(_ size: Int, limit: Int) -> Text {
        Text(vi: "tệp lớn \(mebibytes(size, decimal: ",")), quá giới hạn \(mebibytes(limit, decimal: ",")), nên không được đọc",
             en: "the file is \(mebibytes(size)), more than the \(mebibytes(limit)) limit, so it is not read")
    }

    // MARK: YAML and JSON text

    static let emptyFile = Text(vi: "tệp trống", en: "the file is empty")
    static func notUTF8(_ byte: Int) -> Text {
        Text(vi: "tệp không phải văn bản UTF-8 hợp lệ (byte 0x\(hex(byte, 2))); hãy lưu dạng UTF-8",
             en: "the file is not valid UTF-8 text (byte 0x\(hex(byte, 2))); save it as UTF-8")
    }
    static let nulByte = Text(vi: "tệp chứa byte NUL nên không phải văn bản (có thể là tệp nhị phân hoặc UTF-16)",
                              en: "the file contains a NUL byte, so it is not text (perhaps a binary or UTF-16 file)")
    static func controlCharacter(_ value: Int) -> Text {
        Text(vi: "tệp chứa ký tự điều khiển U+\(hex(value, 4)), YAML không cho phép",
             en: "the file contains the control character U+\(hex(value, 4)), which YAML does not allow")
    }
    /// The parser's own words (libyaml's, in English) stay as they are in both languages.
    static func syntax(_ problem: String, context: String?, contextLine: Int?) -> Text {
        var vi = "lỗi cú pháp YAML: \(problem)"
        var en = "YAML syntax error: \(problem)"
        if let context, let contextLine {
            vi += " (\(context), bắt đầu ở dòng \(contextLine))"
            en += " (\(context) that starts at line \(contextLine))"
        }
        return Text(vi: vi, en: en)
    }
    static let tabIndentation = Text(vi: "ở đây dùng ký tự tab để thụt lề; YAML chỉ cho phép dấu cách",
                                     en: "a tab is used for indentation here; YAML allows only spaces")
    static let severalDocuments = Text(vi: "tệp có hơn một tài liệu YAML (---); hãy gộp tất cả vào một",
                                       en: "the file holds more than one YAML document (---); put everything in one")
    static func tooDeep(_ limit: Int) -> Text {
        Text(vi: "các giá trị lồng nhau sâu hơn \(limit) cấp", en: "values are nested more than \(limit) levels deep")
    }
    static func tooManyAliased(_ limit: Int) -> Text {
        Text(vi: "neo và bí danh (anchor, alias) mở rộng ra hơn \(countVI(limit)) giá trị, nên tệp bị từ chối",
             en: "anchors and aliases expand to more than \(count(limit)) values, so the file is refused")
    }
    static func undefinedAlias(_ name: String) -> Text {
        Text(vi: "bí danh *\(name) không trỏ tới neo &\(name) nào được định nghĩa trước nó",
             en: "alias *\(name) refers to no anchor &\(name) defined before it")
    }
    static func stringTooLong(_ length: Int, limit: Int) -> Text {
        Text(vi: "một giá trị văn bản dài \(countVI(length)) ký tự, quá giới hạn \(countVI(limit)) ký tự; giá trị này bị bỏ",
             en: "a text value is \(count(length)) characters long, more than the \(count(limit))-character limit; it is left out")
    }
    static func duplicateKey(_ key: String, firstLine: Int) -> Text {
        Text(vi: "khóa \(quote(key)) xuất hiện hai lần trong cùng bảng (lần đầu ở dòng \(firstLine)); lần này bị bỏ qua",
             en: "key \(quote(key)) appears twice in this mapping (first at line \(firstLine)); this one is ignored")
    }
    static func controlInText(_ control: Unicode.Scalar) -> Text {
        let shown = TextSanitizer.line(String(control))
        return Text(vi: "văn bản chứa ký tự điều khiển U+\(hex(Int(control.value), 4)) (hiện là \(shown)), có thể chiếm quyền "
                        + "điều khiển màn hình; hãy xóa nó",
                    en: "the text contains the control character U+\(hex(Int(control.value), 4)) (shown as \(shown)), "
                        + "which could take over a terminal; remove it")
    }
    static func invisibleInText(_ character: Unicode.Scalar) -> Text {
        let shown = quote(TextSanitizer.line(String(character)))
        let code = hex(Int(character.value), 4)
        if TextSanitizer.isNoncharacter(character.value) {
            return Text(vi: "văn bản chứa U+\(code), một mã không phải ký tự (noncharacter) (hiện là \(shown)), không hợp lệ "
                            + "trong báo cáo SVG/HTML; hãy xóa nó",
                        en: "the text contains the noncharacter U+\(code) (shown as \(shown)), which is not valid in an "
                            + "SVG or HTML report; remove it")
        }
        let separator = character.value < 0xE0000
        return Text(vi: "văn bản chứa \(separator ? "ký tự ngắt dòng hoặc ngắt đoạn" : "ký tự thẻ ẩn") U+\(code) (hiện là \(shown)); "
                        + "hãy xóa nó hoặc dùng xuống dòng thông thường",
                    en: "the text contains the \(separator ? "line or paragraph separator" : "invisible tag character") U+\(code) "
                        + "(shown as \(shown)); remove it or use an ordinary line break")
    }
    static let complexKey = Text(vi: "khóa của bảng phải là một giá trị đơn, không phải danh sách hay bảng",
                                 en: "a mapping key must be a single value, not a list or mapping")

    // MARK: Fields

    static let rootNotMapping = Text(vi: "tệp phải chứa một bảng các trường (khóa: giá trị) ở cấp ngoài cùng",
                                     en: "the file must hold a mapping of fields (key: value) at the top level")
    static let missingFormat = Text(vi: "thiếu trường bắt buộc \"format\"; dòng đầu nên là format: ciodash/1",
                                    en: "required field \"format\" is missing; the first line should be format: ciodash/1")
    static func otherFormat(_ format: String) -> Text {
        Text(vi: "format là \(quote(format)), nhưng phiên bản ciodash này chỉ đọc ciodash/1",
             en: "format is \(quote(format)), but this version of ciodash reads only ciodash/1")
    }
    static func missingField(_ key: String) -> Text {
        Text(vi: "thiếu trường bắt buộc \(quote(key))", en: "required field \(quote(key)) is missing")
    }
    static func emptyField(_ key: String) -> Text {
        Text(vi: "trường bắt buộc \(quote(key)) để trống", en: "required field \(quote(key)) is empty")
    }
    static func wrongKind(_ key: String, expected: String, found: String) -> Text {
        Text(vi: "\(quote(key)) phải là \(kindVI(expected)), không phải \(kindVI(found))",
             en: "\(quote(key)) must be \(expected), not \(found)")
    }
    static func unknownKey(_ key: String, suggestion: String?) -> Text {
        if key == "<<" {
            return Text(vi: "không hỗ trợ khóa gộp (<<); hãy viết đầy đủ các trường",
                        en: "merge keys (<<) are not supported; write the fields out")
        }
        if let suggestion {
            return Text(vi: "khóa lạ \(quote(key)) bị bỏ qua; có phải là \(quote(suggestion))?",
                        en: "unknown key \(quote(key)) is ignored; did you mean \(quote(suggestion))?")
        }
        return Text(vi: "khóa lạ \(quote(key)) bị bỏ qua", en: "unknown key \(quote(key)) is ignored")
    }
    static func idMismatch(_ id: String, fileID: String) -> Text {
        Text(vi: "id \(quote(id)) không khớp tên tệp (cho mã \(quote(fileID))); dùng tên tệp",
             en: "id \(quote(id)) does not match the file name, which gives \(quote(fileID)); the file name is used")
    }
    static func unknownStatus(_ status: String) -> Text {
        Text(vi: "trạng thái \(quote(status)) không có trong danh sách; dùng một trong: \(statusWordsVI) (hoặc \(statusList))",
             en: "status \(quote(status)) is not known; use one of \(statusList)")
    }
    static func malformedDate(_ key: String, _ text: String) -> Text {
        Text(vi: "\(key) \(quote(text)) không phải ngày hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ 2019-07-27",
             en: "\(key) \(quote(text)) is not a valid date; write it as YYYY-MM-DD, e.g. 2019-07-27")
    }
    static func malformedTime(_ text: String) -> Text {
        Text(vi: "giờ bắt đầu \(quote(text)) phải ghi dạng HH:MM, ví dụ 08:00", en: "start time \(quote(text)) must be written HH:MM, e.g. 08:00")
    }
    static func unknownLanguage(_ text: String) -> Text {
        Text(vi: "ngôn ngữ \(quote(text)) không được hỗ trợ; dùng vi hoặc en", en: "language \(quote(text)) is not known; use vi or en")
    }
    static func notWholeMinutes(_ text: String) -> Text {
        Text(vi: "minutes \(quote(text)) phải là số phút nguyên, từ 0 trở lên",
             en: "minutes \(quote(text)) must be a whole number of minutes, 0 or more")
    }
    static func notBoolean(_ key: String, _ text: String) -> Text {
        Text(vi: "\(key) phải là true hoặc false, không phải \(quote(text))", en: "\(key) must be true or false, not \(quote(text))")
    }
    static func badTopicID(_ id: String) -> Text {
        Text(vi: "mã chủ đề \(quote(id)) chỉ được dùng chữ thường a-z, chữ số và dấu gạch nối",
             en: "topic id \(quote(id)) may use only lower-case letters a-z, digits and hyphens")
    }
    static func duplicateTopic(_ id: String, firstLine: Int) -> Text {
        Text(vi: "mã chủ đề \(quote(id)) xuất hiện hai lần trong chương trình (lần đầu ở dòng \(firstLine)); lần này bị bỏ qua",
             en: "topic id \(quote(id)) appears twice in the agenda (first at line \(firstLine)); this one is ignored")
    }
    static func topicWithoutMinutes(_ id: String) -> Text {
        Text(vi: "chủ đề \(quote(id)) không có minutes (số phút dành cho chủ đề); người trình bày sẽ không có giờ đếm ngược cho nó",
             en: "topic \(quote(id)) has no minutes (its time budget); the presenter's countdown has none for it")
    }
    static func headlineNotReported(_ metric: String, topic: String) -> Text {
        Text(vi: "không tỉnh nào báo cáo chỉ tiêu chính \(quote(metric)) của chủ đề \(quote(topic)); kiểm tra lại mã chỉ tiêu",
             en: "no province reports the headline metric \(quote(metric)) of topic \(quote(topic)); check its id")
    }
    static func badMetricID(_ id: String) -> Text {
        Text(vi: "mã chỉ tiêu \(quote(id)) phải gồm chữ thường, chữ số và dấu gạch nối",
             en: "metric id \(quote(id)) must be lower-case letters, digits and hyphens")
    }
    static func badDecimals(_ text: String) -> Text {
        Text(vi: "\"decimals\" phải là số nguyên từ 0 đến 10, không phải \(quote(text))",
             en: "\"decimals\" must be a whole number from 0 to 10, not \(quote(text))")
    }
    static func unknownCombine(_ text: String) -> Text {
        Text(vi: "combine \(quote(text)) không được hỗ trợ; dùng sum, mean hoặc none",
             en: "combine \(quote(text)) is not known; use sum, mean or none")
    }
    static func metricNotDeclared(_ id: String, topic: String) -> Text {
        Text(vi: "chỉ tiêu \(quote(id)) không nằm trong các chỉ tiêu chương trình khai báo cho chủ đề \(quote(topic)); kiểm tra lại mã",
             en: "metric \(quote(id)) is not among the metrics the agenda declares for topic \(quote(topic)); check its id")
    }
    static func duplicateMetric(_ id: String, topic: String, firstLine: Int) -> Text {
        Text(vi: "mã chỉ tiêu \(quote(id)) xuất hiện hai lần trong chủ đề \(quote(topic)) (lần đầu ở dòng \(firstLine)); lần này bị bỏ qua",
             en: "metric id \(quote(id)) appears twice in topic \(quote(topic)) (first at line \(firstLine)); this one is ignored")
    }
    static func notListItemText(_ key: String) -> Text {
        Text(vi: "mỗi mục của \(quote(key)) phải là văn bản", en: "each item of \(quote(key)) must be text")
    }

    /// A helpful sentence for a value that should be a number.
    static func notANumber(_ key: String, _ text: String, quoted: Bool) -> Text {
        if quoted, case .number = ScalarText.number(text) {
            if text.contains(".") && ScalarText.looksLikeThousands(text, separator: ".") {
                let plain = text.filter { $0 != "." }
                return Text(vi: "\(key) \(quote(text)) là văn bản, không phải số; ghi số không có dấu ngoặc kép và không có dấu "
                                + "phân cách hàng nghìn (\(plain) thay cho \(text) theo cách viết tiếng Việt)",
                            en: "\(key) \(quote(text)) is text, not a number; write numbers without quotes and without "
                                + "thousands separators (\(plain) for \(text) in Vietnamese notation)")
            }
            return Text(vi: "\(key) \(quote(text)) là văn bản, không phải số; ghi không có dấu ngoặc kép",
                        en: "\(key) \(quote(text)) is text, not a number; write it without quotes")
        }
        let hint = ScalarText.suggestedNumber(text).map { " (\($0))" } ?? ""
        if text.contains("%") {
            return Text(vi: "\(key) \(quote(text)) không phải số; chỉ ghi số\(hint) và đặt % vào unit",
                        en: "\(key) \(quote(text)) is not a number; write the number alone\(hint) and put % in unit")
        }
        if text.contains(",") {
            return Text(vi: "\(key) \(quote(text)) không phải số; trong tệp dùng dấu chấm cho phần thập phân và không dùng dấu "
                            + "phân cách hàng nghìn\(hint)",
                        en: "\(key) \(quote(text)) is not a number; use a dot for decimals and no thousands separator\(hint)")
        }
        return Text(vi: "\(key) \(quote(text)) không phải số", en: "\(key) \(quote(text)) is not a number")
    }
    static func negativeTarget(_ value: Double) -> Text {
        Text(vi: "mục tiêu \(formatted(value)) là số âm; mục tiêu là con số cần đạt, từ 0 trở lên, nên bị bỏ qua",
             en: "target \(formatted(value)) is negative; a target is the figure to reach, 0 or more, so it is ignored")
    }
    static func notFinite(_ key: String, _ text: String) -> Text {
        Text(vi: "\(key) \(quote(text)) không phải số hữu hạn", en: "\(key) \(quote(text)) is not a finite number")
    }

    // MARK: Cross-checks (warnings)

    static func shareOutOfRange(_ key: String, _ value: Double) -> Text {
        Text(vi: "\(key) \(formatted(value)) nằm ngoài khoảng 0–100 dù đơn vị là % (một tỷ lệ)",
             en: "\(key) \(formatted(value)) lies outside 0–100 although the unit is % (a share)")
    }
    static func reportAfterMeeting(_ reported: LocalDate, _ meeting: LocalDate) -> Text {
        Text(vi: "ngày số liệu \(reported.vietnamese) sau ngày họp \(meeting.vietnamese); báo cáo ghi số liệu tính đến một ngày trước phiên họp",
             en: "reported \(reported) is after the meeting's date \(meeting); a report gives the figures as of a day before the meeting")
    }
    static func listedWithoutFile(_ id: String) -> Text {
        Text(vi: "tỉnh \(quote(id)) có trong danh sách nhưng chưa có tệp provinces/\(id).yaml hay .json (chưa báo cáo)",
             en: "province \(quote(id)) is listed but has no file provinces/\(id).yaml or .json")
    }
    static func badProvinceID(_ id: String) -> Text {
        Text(vi: "mã tỉnh \(quote(id)) trong danh sách provinces chỉ được dùng chữ thường a-z, chữ số và dấu gạch nối; bị bỏ qua",
             en: "province id \(quote(id)) in the provinces list may use only lower-case letters a-z, digits and hyphens; it is left out")
    }
    static func listedTwice(_ id: String) -> Text {
        Text(vi: "tỉnh \(quote(id)) có hai lần trong danh sách", en: "province \(quote(id)) is listed twice")
    }
    static let notListed = Text(
        vi: "tỉnh này không có trong danh sách provinces của tệp phiên họp; được hiện sau các tỉnh có trong danh sách",
        en: "this province is not in the provinces list of the meeting file; it is shown after the listed ones")
    static func missingAgendaTopic(_ topic: String) -> Text {
        Text(vi: "tỉnh không báo cáo gì về chủ đề \(quote(topic)) của chương trình",
             en: "the province reports nothing on agenda topic \(quote(topic))")
    }
    static func topicNotOnAgenda(_ topic: String) -> Text {
        Text(vi: "chủ đề \(quote(topic)) không có trong chương trình phiên họp nên không được hiện",
             en: "topic \(quote(topic)) is not on the meeting's agenda and is not shown")
    }
    static func staleReport(_ reported: LocalDate, days: Int) -> Text {
        Text(vi: "báo cáo ghi ngày \(reported.vietnamese), \(days) ngày trước phiên họp (quá 60 ngày)",
             en: "the report is dated \(reported), \(days) days before the meeting (more than 60)")
    }
    static func previousUnusable(_ path: String, _ reason: Text) -> Text {
        Text(vi: "không dùng được phiên họp trước \(quote(path)): \(reason.vi)",
             en: "the previous meeting \(quote(path)) cannot be used: \(reason.en)")
    }
    static func inPreviousMeeting(_ message: Text) -> Text {
        Text(vi: "(phiên họp trước) \(message.vi)", en: "(previous meeting) \(message.en)")
    }
    static func previousNotSent(_ path: String) -> Text {
        Text(vi: "người trình bày không gửi phiên họp trước \(quote(path)): không có cột thay đổi và số kỳ trước; mở bản sao thư mục của mình để xem",
             en: "the presenter did not send the previous meeting \(quote(path)): no changes and no earlier figures; open your own copy of the folder to see them")
    }

    static func previousCycle(_ path: String) -> Text {
        Text(vi: "phiên họp trước \(quote(path)) là chính phiên này hoặc một phiên đã có trong chuỗi các phiên trước; chuỗi dừng ở đây",
             en: "the previous meeting \(quote(path)) is this meeting or one already in the chain of previous meetings; the chain stops here")
    }
    static func previousTooDeep(_ limit: Int) -> Text {
        Text(vi: "chuỗi các phiên họp trước dài hơn \(countVI(limit)) phiên; các phiên sớm hơn không được đọc",
             en: "the chain of previous meetings is longer than \(count(limit)); the earlier ones are not read")
    }
    static func previousNotEarlier(_ path: String, _ date: LocalDate, _ later: LocalDate) -> Text {
        Text(vi: "phiên họp trước \(quote(path)) họp ngày \(date.vietnamese), không trước ngày \(later.vietnamese); chuỗi dừng ở đây",
             en: "the previous meeting \(quote(path)) is dated \(date), not before \(later); the chain stops here")
    }

    // MARK: metrics.csv

    static let csvEmpty = Text(vi: "metrics.csv trống; cần ít nhất dòng tiêu đề \(csvHeader)",
                               en: "metrics.csv is empty; it needs at least the header line \(csvHeader)")
    static func csvMissingColumns(_ names: [String]) -> Text {
        let list = names.joined(separator: ", ")
        return Text(vi: "metrics.csv thiếu cột \(list); dòng tiêu đề phải là \(csvHeader)",
                    en: "metrics.csv lacks the column\(names.count == 1 ? "" : "s") \(list); the header must be \(csvHeader)")
    }
    static func csvUnknownColumn(_ name: String) -> Text {
        Text(vi: "metrics.csv có cột lạ \(quote(name)); dòng tiêu đề phải là \(csvHeader)",
             en: "metrics.csv has the unknown column \(quote(name)); the header must be \(csvHeader)")
    }
    static func csvDuplicateColumn(_ name: String) -> Text {
        Text(vi: "metrics.csv có cột \(quote(name)) hai lần", en: "metrics.csv has the column \(quote(name)) twice")
    }
    static func csvFieldCount(_ found: Int, expected: Int) -> Text {
        Text(vi: "dòng này có \(found) ô nhưng dòng tiêu đề có \(expected); dòng bị bỏ qua",
             en: "this row has \(found) field\(found == 1 ? "" : "s") but the header has \(expected); the row is ignored")
    }
    static func csvQuoting(_ problem: CSVRecords.Problem) -> Text {
        switch problem {
        case .strayQuote:
            return Text(vi: "dấu ngoặc kép (\") nằm trong một ô không bắt đầu bằng dấu ngoặc kép; hãy bao cả ô trong dấu ngoặc kép "
                            + "và nhân đôi dấu bên trong (\"\"); dòng bị bỏ qua",
                        en: "a quote (\") inside a cell that does not start with one; quote the whole cell and double "
                            + "the quote (\"\"); the row is ignored")
        case .undoubledQuote:
            return Text(vi: "dấu ngoặc kép bên trong ô có ngoặc kép phải được nhân đôi (\"\"); dòng bị bỏ qua",
                        en: "a quote inside a quoted cell must be doubled (\"\"); the row is ignored")
        case .unterminatedQuote:
            return Text(vi: "dấu ngoặc kép này không bao giờ được đóng; dòng bị bỏ qua và đọc tiếp từ dòng sau",
                        en: "this quote is never closed; the row is ignored and reading goes on at the next line")
        }
    }
    static func csvUnknownProvince(_ id: String) -> Text {
        Text(vi: "tỉnh \(quote(id)) không có tệp trong provinces/; dòng bị bỏ qua",
             en: "province \(quote(id)) has no file in provinces/; the row is ignored")
    }
    static func csvUnknownTopic(_ id: String) -> Text {
        Text(vi: "chủ đề \(quote(id)) không có trong chương trình phiên họp; dòng bị bỏ qua",
             en: "topic \(quote(id)) is not on the meeting's agenda; the row is ignored")
    }
    static func csvEmptyCell(_ column: String) -> Text {
        Text(vi: "ô \(column) để trống; dòng bị bỏ qua", en: "the \(column) cell is empty; the row is ignored")
    }
    static func csvNewMetricNeedsLabel(_ id: String) -> Text {
        Text(vi: "chỉ tiêu \(quote(id)) là chỉ tiêu mới nên dòng cần có label; dòng bị bỏ qua",
             en: "metric \(quote(id)) is new, so the row needs a label; the row is ignored")
    }
    static func csvNotText(_ kind: CSVText.Failure.Kind) -> Text {
        switch kind {
        case .nulByte: return nulByte
        case .notUTF8(let byte):
            let text = notUTF8(byte)
            return Text(vi: text.vi + " (trong Excel: Lưu thành, \"CSV UTF-8\")", en: text.en + " (in Excel: Save As, \"CSV UTF-8\")")
        case .badUTF16:
            return Text(vi: "tệp bắt đầu như văn bản UTF-16 nhưng bị cắt hoặc hỏng; hãy lưu lại dạng \"CSV UTF-8\"",
                        en: "the file starts as UTF-16 text but is cut short or damaged; save it again as \"CSV UTF-8\"")
        case .utf16WithoutBOM:
            return Text(vi: "tệp có vẻ là văn bản UTF-16 thiếu dấu thứ tự byte (BOM); hãy lưu lại dạng \"CSV UTF-8\"",
                        en: "the file looks like UTF-16 text without its byte-order mark; save it again as \"CSV UTF-8\"")
        }
    }
    static func ambiguousNumber(_ key: String, _ text: String, _ a: Double, _ b: Double) -> Text {
        Text(vi: "\(key) \(quote(text)) đọc được hai cách: \(formatted(a)) (dấu phân cách hàng nghìn) hoặc \(formatted(b)) (dấu thập phân); "
                + "hãy ghi không có dấu phân cách hàng nghìn (\(formatted(a))) hoặc ghi thêm chữ số thập phân (\(decimalsShown(b)))",
             en: "\(key) \(quote(text)) reads two ways: \(formatted(a)) (a thousands separator) or \(formatted(b)) (a decimal mark); "
                + "write it without thousands separators (\(formatted(a))) or with more decimals (\(decimalsShown(b)))")
    }
    static func csvNotBoolean(_ text: String) -> Text {
        Text(vi: "illustrative \(quote(text)) không phải true hay false; dòng bị bỏ qua",
             en: "illustrative \(quote(text)) is not true or false; the row is ignored")
    }
    static func csvRepeatedRow(firstLine: Int) -> Text {
        Text(vi: "dòng này lặp lại chỉ tiêu của dòng \(firstLine) và thay thế nó",
             en: "this row repeats the metric of line \(firstLine) and overrides it")
    }

    // MARK: Helpers

    static func hex(_ v: Int, _ digits: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// 1.349 written so that it cannot read as a thousands group: 1.3490.
    static func decimalsShown(_ value: Double) -> String {
        let text = formatted(value)
        return text.contains(".") ? text + "0" : text
    }

    static func formatted(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

// The `signature:` block of a province file.
extension LoadMessages {
    static func signatureVerdictUnknown(_ text: String) -> Text {
        Text(vi: "kết quả kiểm tra chữ ký \(quote(text)) không rõ; cần valid, invalid, revocation-not-checked hoặc unsigned",
             en: "unknown signature verdict \(quote(text)); expected valid, invalid, revocation-not-checked or unsigned")
    }
    static func signatureReasonUnknown(_ text: String) -> Text {
        Text(vi: "lý do \(quote(text)) không rõ, bỏ qua", en: "unknown reason \(quote(text)), ignored")
    }
    static let signatureDataEdited = Text(
        vi: "tệp đã bị sửa sau khi nhập từ báo cáo có chữ ký (SHA-256 của số liệu không còn khớp data_sha256): số liệu không còn được chữ ký bảo đảm",
        en: "the file was edited after its signed return was imported (the data's SHA-256 no longer matches data_sha256): the signature no longer vouches for these figures")
}
