import XCTest
@testable import CioDashCore
import CioDashTestSupport

final class UnitsCatalogueTests: XCTestCase {
    private let meeting2019 = LocalDate(year: 2019, month: 7, day: 27)!
    private let meeting2026 = LocalDate(year: 2026, month: 11, day: 20)!

    /// Every unit of 1 July 2025 on: code, id, name, kind and predecessors, as the sources give them.
    func testThe34UnitsAndWhatEachWasMadeOf() {
        let expected: [(String, String, String, AdministrativeUnit.Kind, Set<String>)] = [
            ("01", "ha-noi", "Hà Nội", .city, ["ha-noi"]),
            ("04", "cao-bang", "Cao Bằng", .province, ["cao-bang"]),
            ("08", "tuyen-quang", "Tuyên Quang", .province, ["tuyen-quang", "ha-giang"]),
            ("11", "dien-bien", "Điện Biên", .province, ["dien-bien"]),
            ("12", "lai-chau", "Lai Châu", .province, ["lai-chau"]),
            ("14", "son-la", "Sơn La", .province, ["son-la"]),
            ("15", "lao-cai", "Lào Cai", .province, ["lao-cai", "yen-bai"]),
            ("19", "thai-nguyen", "Thái Nguyên", .province, ["thai-nguyen", "bac-kan"]),
            ("20", "lang-son", "Lạng Sơn", .province, ["lang-son"]),
            ("22", "quang-ninh", "Quảng Ninh", .province, ["quang-ninh"]),
            ("24", "bac-ninh", "Bắc Ninh", .province, ["bac-ninh", "bac-giang"]),
            ("25", "phu-tho", "Phú Thọ", .province, ["phu-tho", "vinh-phuc", "hoa-binh"]),
            ("31", "hai-phong", "Hải Phòng", .city, ["hai-phong", "hai-duong"]),
            ("33", "hung-yen", "Hưng Yên", .province, ["hung-yen", "thai-binh"]),
            ("37", "ninh-binh", "Ninh Bình", .province, ["ninh-binh", "ha-nam", "nam-dinh"]),
            ("38", "thanh-hoa", "Thanh Hóa", .province, ["thanh-hoa"]),
            ("40", "nghe-an", "Nghệ An", .province, ["nghe-an"]),
            ("42", "ha-tinh", "Hà Tĩnh", .province, ["ha-tinh"]),
            ("44", "quang-tri", "Quảng Trị", .province, ["quang-tri", "quang-binh"]),
            ("46", "hue", "Huế", .city, ["hue"]),
            ("48", "da-nang", "Đà Nẵng", .city, ["da-nang", "quang-nam"]),
            ("51", "quang-ngai", "Quảng Ngãi", .province, ["quang-ngai", "kon-tum"]),
            ("52", "gia-lai", "Gia Lai", .province, ["gia-lai", "binh-dinh"]),
            ("56", "khanh-hoa", "Khánh Hòa", .province, ["khanh-hoa", "ninh-thuan"]),
            ("66", "dak-lak", "Đắk Lắk", .province, ["dak-lak", "phu-yen"]),
            ("68", "lam-dong", "Lâm Đồng", .province, ["lam-dong", "dak-nong", "binh-thuan"]),
            ("75", "dong-nai", "Đồng Nai", .province, ["dong-nai", "binh-phuoc"]),
            ("79", "ho-chi-minh", "Hồ Chí Minh", .city, ["ho-chi-minh", "binh-duong", "ba-ria-vung-tau"]),
            ("80", "tay-ninh", "Tây Ninh", .province, ["tay-ninh", "long-an"]),
            ("82", "dong-thap", "Đồng Tháp", .province, ["dong-thap", "tien-giang"]),
            ("86", "vinh-long", "Vĩnh Long", .province, ["vinh-long", "ben-tre", "tra-vinh"]),
            ("91", "an-giang", "An Giang", .province, ["an-giang", "kien-giang"]),
            ("92", "can-tho", "Cần Thơ", .city, ["can-tho", "soc-trang", "hau-giang"]),
            ("96", "ca-mau", "Cà Mau", .province, ["ca-mau", "bac-lieu"]),
        ]
        let units = UnitsCatalogue.units(on: meeting2026)
        XCTAssertEqual(units.count, 34)
        XCTAssertEqual(units.filter { $0.kind == .city }.count, 6, "28 provinces and 6 centrally-run cities")
        for (code, id, name, kind, predecessors) in expected {
            guard let unit = UnitsCatalogue.unit(id: id, on: meeting2026) else {
                XCTFail("no unit \(id) in 2026"); continue
            }
            XCTAssertEqual(unit.code, code, id)
            XCTAssertTrue(Self.sameScalars(unit.name, name), "\(id): \(unit.name)")
            XCTAssertEqual(unit.kind, kind, id)
            XCTAssertEqual(Set(unit.predecessors), predecessors, id)
            XCTAssertEqual(UnitsCatalogue.unit(code: code, on: meeting2026)?.id, id, "code \(code) in 2026")
        }
        XCTAssertEqual(Set(units.map(\.id)), Set(expected.map(\.1)))
    }

    func testThe63UnitsOf2019AndTheirCodes() {
        let units = UnitsCatalogue.units(on: meeting2019)
        XCTAssertEqual(units.count, 63)
        XCTAssertEqual(Set(units.map(\.code)).count, 63, "one unit per code")
        // This region's 19, as in shared/DOMAIN.md.
        let region = ["38": "thanh-hoa", "40": "nghe-an", "42": "ha-tinh", "44": "quang-binh", "45": "quang-tri",
                      "46": "thua-thien-hue", "48": "da-nang", "49": "quang-nam", "51": "quang-ngai",
                      "52": "binh-dinh", "54": "phu-yen", "56": "khanh-hoa", "58": "ninh-thuan", "60": "binh-thuan",
                      "62": "kon-tum", "64": "gia-lai", "66": "dak-lak", "67": "dak-nong", "68": "lam-dong"]
        for (code, id) in region {
            XCTAssertEqual(UnitsCatalogue.unit(code: code, on: meeting2019)?.id, id, "code \(code) in 2019")
        }
        let earlyIn2025 = LocalDate(year: 2025, month: 3, day: 1)!
        XCTAssertEqual(UnitsCatalogue.unit(code: "46", on: earlyIn2025)?.id, "hue", "Huế is a city from 1 Jan 2025")
        XCTAssertEqual(UnitsCatalogue.units(on: earlyIn2025).count, 63)
        XCTAssertEqual(UnitsCatalogue.units(on: UnitsCatalogue.lastDayOf63).count, 63)
        XCTAssertEqual(UnitsCatalogue.units(on: UnitsCatalogue.firstDayOf34).count, 34)
    }

    /// Every former unit went into exactly one unit of 1 July 2025; nothing was lost or counted twice.
    func testEveryFormerUnitHasExactlyOneSuccessor() {
        let former = UnitsCatalogue.units(on: UnitsCatalogue.lastDayOf63)
        let after = UnitsCatalogue.units(on: UnitsCatalogue.firstDayOf34)
        for unit in former {
            let containing = after.filter { $0.predecessors.contains(unit.id) }
            XCTAssertEqual(containing.count, 1, "\(unit.id) is in \(containing.map(\.id))")
        }
        XCTAssertEqual(after.map(\.predecessors.count).reduce(0, +), 63)
        XCTAssertEqual(after.filter(\.isMerged).count, 23)
        XCTAssertEqual(UnitsCatalogue.successor(of: "thua-thien-hue")?.id, "hue")
        XCTAssertEqual(UnitsCatalogue.predecessors(of: UnitsCatalogue.unit(id: "lam-dong", on: meeting2026)!).map(\.name),
                       ["Lâm Đồng", "Đắk Nông", "Bình Thuận"])
        for unit in after {
            XCTAssertTrue(unit.predecessors.contains(unit.seatIn ?? ""), "\(unit.id)'s seat is in one of its parts")
        }
    }

    /// Ids are the name without diacritics, lower case, words joined by hyphens.
    func testIdsFollowTheSamplesConvention() {
        for unit in UnitsCatalogue.all {
            let folded = SearchKey.fold(unit.name).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                .joined(separator: "-")
            XCTAssertEqual(unit.id, folded, unit.name)
        }
    }

    func testAFormerUnitAtA2026MeetingIsToldWhereItWent() {
        let findings = UnitsCatalogue.findings(id: "kon-tum", code: "62", on: meeting2026)
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.message(.en),
                       "Kon Tum has been part of Quảng Ngãi (formed from Kon Tum and Quảng Ngãi) since 1 July 2025; a meeting of this date uses the file id \"quang-ngai\" (unit code 51)")
        XCTAssertEqual(findings.first?.message(.vi),
                       "Kon Tum đã nhập vào Tỉnh Quảng Ngãi (hợp nhất từ Kon Tum và Quảng Ngãi) từ ngày 01/07/2025; phiên họp này dùng mã tệp \"quang-ngai\" (mã đơn vị 51)")
        let lamDong = UnitsCatalogue.findings(id: "binh-thuan", code: nil, on: meeting2026)
        XCTAssertEqual(lamDong.first?.message(.en).hasPrefix("Bình Thuận has been part of Lâm Đồng (formed from Lâm Đồng, Đắk Nông and Bình Thuận) since"), true,
                       lamDong.first?.message(.en) ?? "no finding")
    }

    func testHueAcrossItsTwoNames() {
        XCTAssertEqual(UnitsCatalogue.findings(id: "thua-thien-hue", code: "46", on: meeting2026).first?.message(.en),
                       "Thừa Thiên Huế has been the centrally-run city of Huế since 1 January 2025; use the file id \"hue\"")
        XCTAssertEqual(UnitsCatalogue.findings(id: "hue", code: "46", on: meeting2019).first?.message(.en),
                       "Thành phố Huế exists only from 1 January 2025; a meeting before that uses the file id \"thua-thien-hue\"")
        XCTAssertEqual(UnitsCatalogue.findings(id: "thua-thien-hue", code: "46", on: meeting2019), [])
        XCTAssertEqual(UnitsCatalogue.findings(id: "hue", code: "46", on: meeting2026), [])
    }

    func testACodeOfTheOtherPeriodIsFlaggedWithBothMeanings() {
        // Gia Lai keeps its 2019 code 64 in a 2026 file.
        let stale = UnitsCatalogue.findings(id: "gia-lai", code: "64", on: meeting2026)
        XCTAssertEqual(stale.first?.message(.en),
                       "code 64 is not Gia Lai's on the meeting's date (Gia Lai's code is 52); before 1 July 2025 64 was Gia Lai's")
        // A 2019 Gia Lai file with 2026's code: 52 was Bình Định's then.
        let early = UnitsCatalogue.findings(id: "gia-lai", code: "52", on: meeting2019)
        XCTAssertEqual(early.first?.message(.en),
                       "code 52 is not Gia Lai's on the meeting's date (Gia Lai's code is 64); on that date 52 is Bình Định's; from 1 July 2025 52 is Gia Lai's")
        XCTAssertEqual(early.first?.message(.vi),
                       "mã 52 không phải mã của Gia Lai vào ngày họp (mã của Gia Lai là 64); vào ngày đó mã 52 là của Bình Định; từ ngày 01/07/2025 mã 52 là của Gia Lai")
        let quangTri = UnitsCatalogue.findings(id: "quang-tri", code: "45", on: meeting2026)
        XCTAssertEqual(quangTri.first?.message(.en),
                       "code 45 is not Quảng Trị's on the meeting's date (Quảng Trị's code is 44); before 1 July 2025 45 was Quảng Trị's")
        XCTAssertEqual(UnitsCatalogue.findings(id: "ha-tinh", code: "99", on: meeting2026).first?.message(.en),
                       "code 99 is not Hà Tĩnh's on the meeting's date (Hà Tĩnh's code is 42); no provincial unit has had code 99")
    }

    func testRightCodesAndUnknownIdsSayNothing() {
        XCTAssertEqual(UnitsCatalogue.findings(id: "gia-lai", code: "64", on: meeting2019), [])
        XCTAssertEqual(UnitsCatalogue.findings(id: "gia-lai", code: "52", on: meeting2026), [])
        XCTAssertEqual(UnitsCatalogue.findings(id: "gia-lai", code: nil, on: meeting2026), [])
        XCTAssertEqual(UnitsCatalogue.findings(id: "bo-khoa-hoc-va-cong-nghe", code: "99", on: meeting2026), [],
                       "ids the catalogue does not know are allowed")
    }

    private static func sameScalars(_ a: String, _ b: String) -> Bool {
        Array(a.unicodeScalars) == Array(b.unicodeScalars)
    }
}

/// The catalogue's findings reach `check` with the file's place.
final class UnitsCatalogueLoaderTests: XCTestCase {
    func testA2026MeetingListingKonTumIsToldItIsPartOfQuangNgai() throws {
        let meeting = sampleMeeting.replacingOccurrences(of: "date: 2019-07-27", with: "date: 2026-11-20")
            .replacingOccurrences(of: "provinces: [thua-thien-hue, da-nang]", with: "provinces: [kon-tum, gia-lai]")
        var konTum = provinceFile(id: "kon-tum", name: "Kon Tum", reported: "2026-11-01")
        konTum = konTum.replacingOccurrences(of: "code: \"\"", with: "code: \"62\"")
        var giaLai = provinceFile(id: "gia-lai", name: "Gia Lai", reported: "2026-11-01")
        giaLai = giaLai.replacingOccurrences(of: "code: \"\"", with: "code: \"64\"")
        let folder = try TestFolder(["meeting.yaml": meeting, "provinces/kon-tum.yaml": konTum,
                                     "provinces/gia-lai.yaml": giaLai])
        let result = folder.load()
        let expected = [
            Diagnostic(.warning, file: folder.file("provinces/kon-tum.yaml"), line: 2, column: 5,
                       message: BilingualText(both: "Kon Tum has been part of Quảng Ngãi (formed from Kon Tum and Quảng Ngãi) since 1 July 2025; a meeting of this date uses the file id \"quang-ngai\" (unit code 51)")),
            Diagnostic(.warning, file: folder.file("provinces/gia-lai.yaml"), line: 4, column: 7,
                       message: BilingualText(both: "code 64 is not Gia Lai's on the meeting's date (Gia Lai's code is 52); before 1 July 2025 64 was Gia Lai's")),
        ]
        for diagnostic in expected {
            XCTAssertTrue(result.diagnostics.map(\.description).contains(diagnostic.description),
                          "expected \(diagnostic)\nfound:\n" + result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        XCTAssertEqual(result.meeting?.provinces.count, 2, "a finding is a warning: both provinces still load")
    }
}

/// A 2026 meeting compared with the 2019 one: renamed units find their old figures, merged units
/// show none from the earlier meeting (no combined figure passes for a reported one).
final class AcrossTheMergerTests: XCTestCase {
    func testCounterpartsOfThe34In2019() {
        let map = UnitsCatalogue.counterparts(at: LocalDate(year: 2026, month: 11, day: 20)!,
                                              in: LocalDate(year: 2019, month: 7, day: 27)!)
        XCTAssertEqual(map["hue"], .same("thua-thien-hue"))
        XCTAssertEqual(map["thanh-hoa"], .same("thanh-hoa"))
        XCTAssertEqual(map["gia-lai"], .merged(["gia-lai", "binh-dinh"]))
        XCTAssertEqual(map["lam-dong"], .merged(["lam-dong", "dak-nong", "binh-thuan"]))
        XCTAssertEqual(map.count, 34)
        XCTAssertEqual(UnitsCatalogue.counterparts(at: LocalDate(year: 2019, month: 7, day: 27)!,
                                                   in: LocalDate(year: 2018, month: 7, day: 20)!), [:],
                       "between two meetings of the same period every id keeps its meaning")
        XCTAssertEqual(UnitsCatalogue.counterparts(at: LocalDate(year: 2025, month: 3, day: 1)!,
                                                   in: LocalDate(year: 2024, month: 7, day: 1)!), ["hue": .same("thua-thien-hue")])
        XCTAssertEqual(UnitsCatalogue.counterparts(at: LocalDate(year: 2019, month: 7, day: 27)!,
                                                   in: LocalDate(year: 2026, month: 1, day: 1)!), [:])
    }

    func testA2026MeetingComparesHueWithThuaThienHueAndNotGiaLaiWithTheOldGiaLai() throws {
        let meeting2026 = sampleMeeting.replacingOccurrences(of: "date: 2019-07-27", with: "date: 2026-11-20")
            .replacingOccurrences(of: "provinces: [thua-thien-hue, da-nang]", with: "provinces: [hue, gia-lai]")
            .replacingOccurrences(of: "language: vi", with: "language: vi\nprevious: ../2019")
        func file(_ id: String, _ name: String, code: String, value: Int, reported: String) -> String {
            provinceFile(id: id, name: name, reported: reported)
                .replacingOccurrences(of: "code: \"\"", with: "code: \"\(code)\"")
                .replacingOccurrences(of: "code: \"46\"", with: "code: \"\(code)\"")
                .replacingOccurrences(of: "value: 10", with: "value: \(value)")
        }
        let root = try TestFolder([
            "2026/meeting.yaml": meeting2026,
            "2026/provinces/hue.yaml": file("hue", "Huế", code: "46", value: 30, reported: "2026-11-01"),
            "2026/provinces/gia-lai.yaml": file("gia-lai", "Gia Lai", code: "52", value: 20, reported: "2026-11-01"),
            "2019/meeting.yaml": sampleMeeting.replacingOccurrences(of: "provinces: [thua-thien-hue, da-nang]",
                                                                    with: "provinces: [thua-thien-hue, gia-lai]"),
            "2019/provinces/thua-thien-hue.yaml": file("thua-thien-hue", "Thừa Thiên Huế", code: "46", value: 10,
                                                       reported: "2019-07-01"),
            "2019/provinces/gia-lai.yaml": file("gia-lai", "Gia Lai", code: "64", value: 7, reported: "2019-07-01"),
        ])
        let result = MeetingLoader().load(folder: root.path + "/2026")
        XCTAssertEqual(result.diagnostics, [])
        let meeting = try XCTUnwrap(result.meeting)
        let metric = try XCTUnwrap(meeting.province("hue")?.topics["smart-city"]?.metric("ioc-services"))
        XCTAssertEqual(meeting.previousValue(province: "hue", topic: "smart-city", metric: metric), 10,
                       "Huế of 2026 is Thừa Thiên Huế of 2019")
        let giaLai = try XCTUnwrap(meeting.province("gia-lai")?.topics["smart-city"]?.metric("ioc-services"))
        XCTAssertNil(meeting.previousValue(province: "gia-lai", topic: "smart-city", metric: giaLai),
                     "the new Gia Lai (with Bình Định) is not compared with the old Gia Lai's 7")
    }
}
