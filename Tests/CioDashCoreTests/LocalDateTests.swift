import XCTest
@testable import CioDashCore

final class LocalDateTests: XCTestCase {
    func testParsesStrictISODates() {
        XCTAssertEqual(LocalDate(iso: "2019-07-27"), LocalDate(year: 2019, month: 7, day: 27))
        XCTAssertEqual(LocalDate(iso: "2020-02-29")?.day, 29)
        for bad in ["2019-02-29", "2019-7-27", "2019-07-27x", "19-07-27", "2019/07/27", "2019-13-01", "2019-04-31",
                    "", "२०१९-०७-२७", "2019-07-2７"] {
            XCTAssertNil(LocalDate(iso: bad), bad)
        }
    }

    func testDaysBetweenDates() throws {
        let meeting = try XCTUnwrap(LocalDate(iso: "2019-07-27"))
        XCTAssertEqual(meeting.days(since: try XCTUnwrap(LocalDate(iso: "2019-05-28"))), 60)
        XCTAssertEqual(meeting.days(since: try XCTUnwrap(LocalDate(iso: "2018-07-27"))), 365)
        XCTAssertEqual(try XCTUnwrap(LocalDate(iso: "2020-03-01")).days(since: try XCTUnwrap(LocalDate(iso: "2020-02-28"))), 2)
        XCTAssertEqual(try XCTUnwrap(LocalDate(iso: "2000-03-01")).days(since: try XCTUnwrap(LocalDate(iso: "1900-03-01"))), 36_525, "1900 is no leap year, 2000 is")
    }

    func testOrderAndDescription() throws {
        XCTAssertLessThan(try XCTUnwrap(LocalDate(iso: "2018-12-31")), try XCTUnwrap(LocalDate(iso: "2019-01-01")))
        XCTAssertEqual(LocalDate(year: 7, month: 3, day: 5)?.description, "0007-03-05")
    }
}
