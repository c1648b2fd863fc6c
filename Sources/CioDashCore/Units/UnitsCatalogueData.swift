// The bundled table of Vietnam's provincial-level units. Sources and what was not confirmed:
// README.md beside this file. Names are NFC; ids follow the samples' convention.

extension UnitsCatalogue {
    /// The last day of the 63 units: the new provincial governments worked from 1 July 2025
    /// (Nghị quyết 202/2025/QH15, passed and in force 12 June 2025).
    public static let lastDayOf63 = LocalDate(year: 2025, month: 6, day: 30)!
    public static let firstDayOf34 = LocalDate(year: 2025, month: 7, day: 1)!
    /// Thừa Thiên Huế became the centrally-run Thành phố Huế (Nghị quyết 175/2024/QH15).
    static let hueBecameCity = LocalDate(year: 2025, month: 1, day: 1)!
    static let lastDayOfThuaThienHue = LocalDate(year: 2024, month: 12, day: 31)!

    /// The 63 units before 1 July 2025 (with Thừa Thiên Huế's change to Thành phố Huế on 1 Jan 2025),
    /// by their codes of that period.
    static let before: [AdministrativeUnit] = {
        let rows: [(String, String, String, AdministrativeUnit.Kind)] = [
            ("01", "ha-noi", "Hà Nội", .city), ("02", "ha-giang", "Hà Giang", .province),
            ("04", "cao-bang", "Cao Bằng", .province), ("06", "bac-kan", "Bắc Kạn", .province),
            ("08", "tuyen-quang", "Tuyên Quang", .province), ("10", "lao-cai", "Lào Cai", .province),
            ("11", "dien-bien", "Điện Biên", .province), ("12", "lai-chau", "Lai Châu", .province),
            ("14", "son-la", "Sơn La", .province), ("15", "yen-bai", "Yên Bái", .province),
            ("17", "hoa-binh", "Hòa Bình", .province), ("19", "thai-nguyen", "Thái Nguyên", .province),
            ("20", "lang-son", "Lạng Sơn", .province), ("22", "quang-ninh", "Quảng Ninh", .province),
            ("24", "bac-giang", "Bắc Giang", .province), ("25", "phu-tho", "Phú Thọ", .province),
            ("26", "vinh-phuc", "Vĩnh Phúc", .province), ("27", "bac-ninh", "Bắc Ninh", .province),
            ("30", "hai-duong", "Hải Dương", .province), ("31", "hai-phong", "Hải Phòng", .city),
            ("33", "hung-yen", "Hưng Yên", .province), ("34", "thai-binh", "Thái Bình", .province),
            ("35", "ha-nam", "Hà Nam", .province), ("36", "nam-dinh", "Nam Định", .province),
            ("37", "ninh-binh", "Ninh Bình", .province), ("38", "thanh-hoa", "Thanh Hóa", .province),
            ("40", "nghe-an", "Nghệ An", .province), ("42", "ha-tinh", "Hà Tĩnh", .province),
            ("44", "quang-binh", "Quảng Bình", .province), ("45", "quang-tri", "Quảng Trị", .province),
            ("48", "da-nang", "Đà Nẵng", .city), ("49", "quang-nam", "Quảng Nam", .province),
            ("51", "quang-ngai", "Quảng Ngãi", .province), ("52", "binh-dinh", "Bình Định", .province),
            ("54", "phu-yen", "Phú Yên", .province), ("56", "khanh-hoa", "Khánh Hòa", .province),
            ("58", "ninh-thuan", "Ninh Thuận", .province), ("60", "binh-thuan", "Bình Thuận", .province),
            ("62", "kon-tum", "Kon Tum", .province), ("64", "gia-lai", "Gia Lai", .province),
            ("66", "dak-lak", "Đắk Lắk", .province), ("67", "dak-nong", "Đắk Nông", .province),
            ("68", "lam-dong", "Lâm Đồng", .province), ("70", "binh-phuoc", "Bình Phước", .province),
            ("72", "tay-ninh", "Tây Ninh", .province), ("74", "binh-duong", "Bình Dương", .province),
            ("75", "dong-nai", "Đồng Nai", .province), ("77", "ba-ria-vung-tau", "Bà Rịa – Vũng Tàu", .province),
            ("79", "ho-chi-minh", "Hồ Chí Minh", .city), ("80", "long-an", "Long An", .province),
            ("82", "tien-giang", "Tiền Giang", .province), ("83", "ben-tre", "Bến Tre", .province),
            ("84", "tra-vinh", "Trà Vinh", .province), ("86", "vinh-long", "Vĩnh Long", .province),
            ("87", "dong-thap", "Đồng Tháp", .province), ("89", "an-giang", "An Giang", .province),
            ("91", "kien-giang", "Kiên Giang", .province), ("92", "can-tho", "Cần Thơ", .city),
            ("93", "hau-giang", "Hậu Giang", .province), ("94", "soc-trang", "Sóc Trăng", .province),
            ("95", "bac-lieu", "Bạc Liêu", .province), ("96", "ca-mau", "Cà Mau", .province),
        ]
        var units = rows.map { code, id, name, kind in
            AdministrativeUnit(id: id, name: name, code: code, kind: kind, from: nil, until: lastDayOf63,
                               predecessors: [], seatIn: nil, seatConfirmed: .none)
        }
        // Code 46 was one unit under two names in this period.
        units.append(AdministrativeUnit(id: "thua-thien-hue", name: "Thừa Thiên Huế", code: "46", kind: .province,
                                        from: nil, until: lastDayOfThuaThienHue, predecessors: [], seatIn: nil,
                                        seatConfirmed: .none))
        units.append(AdministrativeUnit(id: "hue", name: "Huế", code: "46", kind: .city, from: hueBecameCity,
                                        until: lastDayOf63, predecessors: [], seatIn: nil, seatConfirmed: .none))
        return units
    }()

    /// The 34 units from 1 July 2025, by their codes of Quyết định 19/2025/QĐ-TTg (as given by
    /// third-party datasets), each with the units it was made of and where its seat is.
    static let after: [AdministrativeUnit] = {
        typealias C = AdministrativeUnit.SeatConfirmation
        let rows: [(String, String, String, AdministrativeUnit.Kind, [String], String, C)] = [
            // The 11 units that were not merged (Nghị quyết 60-NQ/TW, part I).
            ("01", "ha-noi", "Hà Nội", .city, ["ha-noi"], "ha-noi", .unchanged),
            ("04", "cao-bang", "Cao Bằng", .province, ["cao-bang"], "cao-bang", .unchanged),
            ("11", "dien-bien", "Điện Biên", .province, ["dien-bien"], "dien-bien", .unchanged),
            ("12", "lai-chau", "Lai Châu", .province, ["lai-chau"], "lai-chau", .unchanged),
            ("14", "son-la", "Sơn La", .province, ["son-la"], "son-la", .unchanged),
            ("20", "lang-son", "Lạng Sơn", .province, ["lang-son"], "lang-son", .unchanged),
            ("22", "quang-ninh", "Quảng Ninh", .province, ["quang-ninh"], "quang-ninh", .unchanged),
            ("38", "thanh-hoa", "Thanh Hóa", .province, ["thanh-hoa"], "thanh-hoa", .unchanged),
            ("40", "nghe-an", "Nghệ An", .province, ["nghe-an"], "nghe-an", .unchanged),
            ("42", "ha-tinh", "Hà Tĩnh", .province, ["ha-tinh"], "ha-tinh", .unchanged),
            ("46", "hue", "Huế", .city, ["hue"], "hue", .unchanged),
            // The 23 merged units (part II), predecessors in the order the resolution names them.
            ("08", "tuyen-quang", "Tuyên Quang", .province, ["tuyen-quang", "ha-giang"], "tuyen-quang", .twoSources),
            ("15", "lao-cai", "Lào Cai", .province, ["lao-cai", "yen-bai"], "yen-bai", .twoSources),
            ("19", "thai-nguyen", "Thái Nguyên", .province, ["bac-kan", "thai-nguyen"], "thai-nguyen", .twoSources),
            ("25", "phu-tho", "Phú Thọ", .province, ["vinh-phuc", "phu-tho", "hoa-binh"], "phu-tho", .twoSources),
            ("24", "bac-ninh", "Bắc Ninh", .province, ["bac-ninh", "bac-giang"], "bac-giang", .twoSources),
            ("33", "hung-yen", "Hưng Yên", .province, ["hung-yen", "thai-binh"], "hung-yen", .twoSources),
            ("31", "hai-phong", "Hải Phòng", .city, ["hai-duong", "hai-phong"], "hai-phong", .twoSources),
            ("37", "ninh-binh", "Ninh Bình", .province, ["ha-nam", "ninh-binh", "nam-dinh"], "ninh-binh", .twoSources),
            ("44", "quang-tri", "Quảng Trị", .province, ["quang-binh", "quang-tri"], "quang-binh", .twoSources),
            ("48", "da-nang", "Đà Nẵng", .city, ["quang-nam", "da-nang"], "da-nang", .twoSources),
            ("51", "quang-ngai", "Quảng Ngãi", .province, ["kon-tum", "quang-ngai"], "quang-ngai", .oneSource),
            ("52", "gia-lai", "Gia Lai", .province, ["gia-lai", "binh-dinh"], "binh-dinh", .twoSources),
            ("56", "khanh-hoa", "Khánh Hòa", .province, ["ninh-thuan", "khanh-hoa"], "khanh-hoa", .twoSources),
            ("68", "lam-dong", "Lâm Đồng", .province, ["lam-dong", "dak-nong", "binh-thuan"], "lam-dong", .twoSources),
            ("66", "dak-lak", "Đắk Lắk", .province, ["dak-lak", "phu-yen"], "dak-lak", .twoSources),
            ("79", "ho-chi-minh", "Hồ Chí Minh", .city, ["ba-ria-vung-tau", "binh-duong", "ho-chi-minh"], "ho-chi-minh", .notConfirmed),
            ("75", "dong-nai", "Đồng Nai", .province, ["dong-nai", "binh-phuoc"], "dong-nai", .notConfirmed),
            ("80", "tay-ninh", "Tây Ninh", .province, ["tay-ninh", "long-an"], "long-an", .twoSources),
            ("92", "can-tho", "Cần Thơ", .city, ["can-tho", "soc-trang", "hau-giang"], "can-tho", .notConfirmed),
            ("86", "vinh-long", "Vĩnh Long", .province, ["ben-tre", "vinh-long", "tra-vinh"], "vinh-long", .notConfirmed),
            ("82", "dong-thap", "Đồng Tháp", .province, ["tien-giang", "dong-thap"], "tien-giang", .notConfirmed),
            ("96", "ca-mau", "Cà Mau", .province, ["bac-lieu", "ca-mau"], "ca-mau", .notConfirmed),
            ("91", "an-giang", "An Giang", .province, ["an-giang", "kien-giang"], "kien-giang", .twoSources),
        ]
        return rows.map { code, id, name, kind, predecessors, seat, confirmed in
            AdministrativeUnit(id: id, name: name, code: code, kind: kind, from: firstDayOf34, until: nil,
                               predecessors: predecessors, seatIn: seat, seatConfirmed: confirmed)
        }
    }()
}
