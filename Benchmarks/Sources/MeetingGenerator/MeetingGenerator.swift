import Foundation

/// Writes synthetic `ciodash/1` meeting folders for benchmarks: N provinces × T topics × M metrics,
/// Vietnamese names and long texts, a third of the files in NFD (and some with CRLF or a byte-order
/// mark), and a `previous` chain of K earlier meetings.
///
/// The output depends only on the shape and the seed, so that two runs measure the same bytes.
public struct MeetingGenerator: Sendable {
    /// What to generate.
    public struct Shape: Hashable, Sendable, CustomStringConvertible {
        public var provinces: Int
        public var topics: Int
        public var metrics: Int
        /// Earlier meetings chained by `previous:` behind the newest one.
        public var previousMeetings: Int
        public var seed: UInt64

        public init(provinces: Int, topics: Int = 10, metrics: Int = 20, previousMeetings: Int = 2, seed: UInt64 = 2019) {
            self.provinces = max(1, provinces)
            self.topics = max(1, min(topics, 99))
            self.metrics = max(1, min(metrics, 99))
            self.previousMeetings = max(0, previousMeetings)
            self.seed = seed
        }

        /// `p63-t10-m20-k2-s2019`: the folder name under a cache directory.
        public var description: String {
            "p\(provinces)-t\(topics)-m\(metrics)-k\(previousMeetings)-s\(seed)"
        }
    }

    public let shape: Shape

    public init(shape: Shape) {
        self.shape = shape
    }

    /// Writes the newest meeting to `root/meeting-0` and earlier ones to `root/meeting-1` … and
    /// returns the newest meeting's folder. Existing files are overwritten.
    @discardableResult
    public func write(to root: String) throws -> String {
        for k in 0...shape.previousMeetings {
            try writeMeeting(index: k, folder: root + "/meeting-\(k)")
        }
        return root + "/meeting-0"
    }

    /// The folder for `shape` under `cache`, generated once and reused (a marker file says it is complete).
    public static func cachedFolder(_ shape: Shape, cache: String) throws -> String {
        let root = cache + "/" + shape.description
        let marker = root + "/.complete"
        if FileManager.default.fileExists(atPath: marker) { return root + "/meeting-0" }
        try? FileManager.default.removeItem(atPath: root)
        let folder = try MeetingGenerator(shape: shape).write(to: root)
        try Data().write(to: URL(fileURLWithPath: marker))
        return folder
    }

    // MARK: One meeting

    private func writeMeeting(index k: Int, folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        let date = meetingDate(k)
        try write(meetingFile(index: k, date: date), to: folder + "/meeting.yaml")
        let ids = (0..<shape.provinces).map(provinceID)
        // Province files are independent: write them on every core.
        let failure = FailureBox()
        DispatchQueue.concurrentPerform(iterations: shape.provinces) { p in
            var text = provinceFile(p, meeting: k, date: date)
            if p % 3 == 1 { text = text.decomposedStringWithCanonicalMapping }
            if p % 7 == 3 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            var bytes = Array(text.utf8)
            if p % 11 == 5 { bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: folder + "/provinces/" + ids[p] + ".yaml"))
            } catch {
                failure.record(error)
            }
        }
        if let error = failure.error { throw error }
        try write(metricsCSV(meeting: k, ids: ids), to: folder + "/metrics.csv")
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// 27 July 2019 for the newest meeting, a year earlier for each previous one.
    private func meetingDate(_ k: Int) -> (year: Int, month: Int, day: Int) { (2019 - k, 7, 27) }

    private func iso(_ d: (year: Int, month: Int, day: Int), minusDays: Int = 0) -> String {
        // Reports are dated within July of the meeting's year, so plain day arithmetic is enough.
        let day = max(1, d.day - minusDays)
        return String(format: "%04d-%02d-%02d", d.year, d.month, day)
    }

    private func meetingFile(index k: Int, date: (year: Int, month: Int, day: Int)) -> String {
        var y = YAMLWriter()
        y.comment("Dữ liệu tổng hợp cho đo hiệu năng ciodash (\(shape)); mọi số liệu là minh họa.")
        y.field("format", "ciodash/1", quoted: false)
        y.field("council", "Hội đồng Giám đốc CNTT (CIO) các cơ quan nhà nước khu vực miền Trung – Tây Nguyên")
        y.field("title", "Phiên họp thường kỳ năm \(date.year) của Hội đồng CIO (dữ liệu đo hiệu năng)")
        y.field("date", iso(date), quoted: false)
        y.field("start", "08:00")
        y.field("venue", Self.venues[k % Self.venues.count])
        y.line("chairs:")
        y.item("Ông Nguyễn Văn Chủ Trì, Thứ trưởng Bộ Thông tin và Truyền thông")
        y.item("Bà Trần Thị Đồng Chủ Trì, Phó Chủ tịch UBND tỉnh nơi đăng cai")
        y.field("language", "vi", quoted: false)
        if k < shape.previousMeetings { y.field("previous", "../meeting-\(k + 1)") }
        y.line("topics:")
        for t in 0..<shape.topics {
            let topic = Self.topic(t)
            y.line("  - id: " + topic.id)
            y.line("    title: " + YAMLWriter.quote(topic.title))
            y.line("    title_en: " + YAMLWriter.quote(topic.titleEN))
            y.line("    minutes: \(15 + (t * 7) % 20)")
            y.line("    headline: " + metricID(0))
        }
        // No `provinces:` list: the loader orders them by Vietnamese name, as for an archive.
        return y.text
    }

    private func provinceFile(_ p: Int, meeting k: Int, date: (year: Int, month: Int, day: Int)) -> String {
        var rng = SplitMix64(seed: shape.seed &+ UInt64(p) &* 0x9E37_79B9 &+ UInt64(k) &* 0x85EB_CA6B)
        let name = provinceName(p)
        var y = YAMLWriter()
        y.comment("Báo cáo tổng hợp (minh họa) của \(name) cho phiên họp năm \(date.year).")
        y.field("format", "ciodash/1", quoted: false)
        y.field("id", provinceID(p), quoted: false)
        y.field("name", name)
        y.field("code", String(format: "%02d", p % 96 + 1))
        y.field("region", Self.regions[p % Self.regions.count])
        y.field("reported", iso(date, minusDays: 1 + rng.below(20)), quoted: false)
        y.field("source", "Sở Thông tin và Truyền thông " + name)
        y.line("topics:")
        for t in 0..<shape.topics {
            let topic = Self.topic(t)
            y.line("  \(topic.id):")
            y.line("    status: " + Self.statuses[rng.below(Self.statuses.count)])
            y.line("    summary: " + YAMLWriter.quote(sentences(&rng, count: 1, about: name)))
            y.line("    metrics:")
            for m in 0..<shape.metrics {
                let isShare = m % 3 == 0
                let value = isShare ? Double(rng.below(1001)) / 10 : Double(rng.below(5000))
                y.line("      - id: " + metricID(m))
                y.line("        label: " + YAMLWriter.quote(metricLabel(m, topic: t, isShare: isShare)))
                y.line("        value: " + number(value))
                if m % 3 == 0 {
                    let target = isShare ? min(100, value + Double(rng.below(300)) / 10) : value + Double(rng.below(1000))
                    y.line("        target: " + number(target))
                }
                y.line("        unit: " + YAMLWriter.quote(isShare ? "%" : Self.units[m % Self.units.count]))
                if m % 4 == 0 { y.line("        previous: " + number(max(0, value - Double(rng.below(300)) / 10))) }
                if m % 5 == 0 { y.line("        source: " + YAMLWriter.quote("Sở TT&TT " + name + ", quý II/\(date.year)")) }
                y.line("        illustrative: true")
            }
            y.line("    highlights:")
            y.line("      - " + YAMLWriter.quote(sentences(&rng, count: 1, about: name)))
            y.line("    issues:")
            for _ in 0..<(1 + rng.below(2)) { y.line("      - " + YAMLWriter.quote(phrase(&rng))) }
        }
        return y.text
    }

    /// One row per province overriding a figure of the first topic, as a secretariat's spreadsheet would.
    private func metricsCSV(meeting k: Int, ids: [String]) -> String {
        var out = "province,topic,metric,label,value,target,unit,previous,source\n"
        let topic = Self.topic(0).id
        let metric = metricID(min(1, shape.metrics - 1))
        for (p, id) in ids.enumerated() {
            out += "\(id),\(topic),\(metric),,\(100 + (p * 37 + k * 11) % 900),,,,\"Bảng tổng hợp của Văn phòng Hội đồng, \(2019 - k)\"\n"
        }
        return out
    }

    // MARK: Names and text

    private func metricID(_ m: Int) -> String { String(format: "chi-so-%02d", m + 1) }

    /// The same label for a metric id in every province, as an agenda's metric definitions give it.
    private func metricLabel(_ m: Int, topic t: Int, isShare: Bool) -> String {
        let labels = isShare ? Self.shareLabels : Self.countLabels
        return labels[(m + t) % labels.count]
    }

    private func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }

    func provinceName(_ p: Int) -> String {
        let base = Self.provinceNames[p % Self.provinceNames.count]
        return p < Self.provinceNames.count ? base : base + " \(p / Self.provinceNames.count + 1)"
    }

    func provinceID(_ p: Int) -> String {
        let base = Self.slug(Self.provinceNames[p % Self.provinceNames.count])
        return p < Self.provinceNames.count ? base : base + "-\(p / Self.provinceNames.count + 1)"
    }

    private func sentences(_ rng: inout SplitMix64, count: Int, about name: String) -> String {
        var parts: [String] = []
        for i in 0..<count {
            let opening = Self.openings[rng.below(Self.openings.count)]
            let body = Self.phrases[rng.below(Self.phrases.count)]
            let tail = Self.tails[rng.below(Self.tails.count)]
            parts.append(i == 0 ? "\(opening) \(name), \(body) \(tail)." : "\(body.capitalizedFirst) \(tail).")
        }
        return parts.joined(separator: " ")
    }

    /// One obstacle: a phrase without the province's name.
    private func phrase(_ rng: inout SplitMix64) -> String {
        Self.phrases[rng.below(Self.phrases.count)].capitalizedFirst
    }

    static func slug(_ name: String) -> String {
        var out = ""
        var dash = false
        for s in name.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if s.properties.generalCategory == .nonspacingMark { continue }
            let c: Character? = s == "đ" ? "d" : (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) ? Character(s) : nil)
            if let c {
                if dash && !out.isEmpty { out.append("-") }
                out.append(c)
                dash = false
            } else {
                dash = true
            }
        }
        return out
    }

    static func topic(_ t: Int) -> (id: String, title: String, titleEN: String) {
        if t < topics.count { return topics[t] }
        return ("chu-de-\(t + 1)", "Chủ đề bổ sung số \(t + 1) về chuyển đổi số", "Additional digital transformation topic \(t + 1)")
    }

    static let topics: [(id: String, title: String, titleEN: String)] = [
        ("smart-city", "Phát triển dịch vụ đô thị thông minh (ĐTTM)", "Smart-city services"),
        ("public-service-portal", "Cổng dịch vụ công và bưu chính công ích", "Public service portal and public postal service"),
        ("information-security", "Công tác đảm bảo an toàn thông tin (ATTT)", "Information security"),
        ("digital-signatures", "Triển khai chữ ký số", "Digital signatures"),
        ("e-government", "Xây dựng Chính quyền điện tử", "E-government architecture"),
        ("shared-data", "Cơ sở dữ liệu dùng chung và chia sẻ dữ liệu", "Shared databases and data exchange"),
        ("broadband-cloud", "Hạ tầng băng rộng và điện toán đám mây", "Broadband and cloud infrastructure"),
        ("it-workforce", "Nhân lực công nghệ thông tin trong cơ quan nhà nước", "IT workforce in state agencies"),
        ("document-management", "Hệ thống quản lý văn bản và điều hành", "Document management and executive systems"),
        ("online-payment", "Thanh toán trực tuyến phí, lệ phí thủ tục hành chính", "Online payment of administrative fees"),
    ]

    static let provinceNames = [
        "An Giang", "Bà Rịa – Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
        "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
        "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
        "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
        "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
        "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
        "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
        "Tiền Giang", "TP. Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    ]

    static let regions = ["Bắc Trung Bộ", "Duyên hải Nam Trung Bộ", "Tây Nguyên", "Đồng bằng sông Hồng",
                          "Trung du và miền núi phía Bắc", "Đông Nam Bộ", "Đồng bằng sông Cửu Long"]
    static let venues = ["TP. Huế, Thừa Thiên Huế", "TP. Pleiku, Gia Lai", "TP. Đà Nẵng", "TP. Quy Nhơn, Bình Định"]
    static let statuses = ["on-track", "on-track", "at-risk", "behind", "not-started", "unknown"]
    static let units = ["hệ thống", "dịch vụ", "thủ tục", "hồ sơ", "cán bộ", "camera", "điểm"]

    static let shareLabels = [
        "Tỷ lệ hạng mục ĐTTM đã triển khai",
        "Tỷ lệ TTHC trực tuyến mức độ 3, 4",
        "Tỷ lệ hồ sơ nộp trực tuyến",
        "Tỷ lệ hệ thống được duyệt cấp độ ATTT",
        "Tỷ lệ văn bản đi được ký số",
        "Tỷ lệ cơ quan kết nối trục liên thông",
    ]
    static let countLabels = [
        "Dịch vụ ĐTTM đang vận hành",
        "Cán bộ chuyên trách ATTT được đào tạo",
        "Chứng thư số chuyên dùng đã cấp",
        "Cơ sở dữ liệu đã chia sẻ",
        "Camera kết nối về trung tâm điều hành",
    ]

    static let openings = [
        "Trong sáu tháng đầu năm, tại", "Theo báo cáo của Sở Thông tin và Truyền thông tại",
        "Qua kiểm tra thực tế ở các sở, ngành và địa phương thuộc", "Căn cứ kế hoạch ứng dụng công nghệ thông tin của",
    ]
    static let phrases = [
        "việc triển khai các nền tảng dùng chung đã đạt kết quả bước đầu nhưng mức độ khai thác còn thấp",
        "hệ thống một cửa điện tử được kết nối với Cổng dịch vụ công và bưu chính công ích ở cả ba cấp",
        "kinh phí bố trí cho ứng dụng công nghệ thông tin chưa tương xứng với nhiệm vụ được giao",
        "đội ngũ cán bộ chuyên trách còn mỏng, thường xuyên kiêm nhiệm và chưa được đào tạo bài bản",
        "trung tâm giám sát, điều hành đô thị thông minh đã tích hợp dữ liệu camera và phản ánh hiện trường",
        "việc ký số văn bản đi trên hệ thống quản lý văn bản và điều hành đã trở thành nền nếp",
    ]
    static let tails = [
        "theo đúng lộ trình đã đề ra", "so với cùng kỳ năm trước", "cần được tháo gỡ trong thời gian tới",
        "với sự hỗ trợ của Bộ Thông tin và Truyền thông", "đề nghị Hội đồng xem xét, kiến nghị",
    ]
}

/// A few lines of YAML built as text; every data string is double-quoted.
struct YAMLWriter {
    var text = ""

    mutating func line(_ s: String) { text += s + "\n" }
    mutating func comment(_ s: String) { line("# " + s) }
    mutating func item(_ s: String) { line("  - " + Self.quote(s)) }
    mutating func field(_ key: String, _ value: String, quoted: Bool = true) {
        line(key + ": " + (quoted ? Self.quote(value) : value))
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Sebastiano Vigna's SplitMix64: a small, fast, seedable generator, so that data is reproducible.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}

/// The first error from the concurrent writers.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: Error?

    func record(_ e: Error) {
        lock.lock()
        if error == nil { error = e }
        lock.unlock()
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
