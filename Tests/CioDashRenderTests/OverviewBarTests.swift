import CioDashCore
import CioDashSamples
import XCTest
@testable import CioDashRender

/// Issue 26 item 10: the overview's bars compare provinces. Every row of a column gets its bar in the
/// same cells and against the same scale, whether or not it has a "+change" figure.
final class OverviewBarTests: XCTestCase {
    private static let barCells: Set<Character> = ["█", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "░", "┊"]
    private static let eighths: [Character: Int] = ["█": 8, "▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7]

    /// The first run of bar characters in `cells`: its first index, its length and its filled eighths.
    private func bar(in cells: [Character]) -> (start: Int, width: Int, filled: Int)? {
        guard let start = cells.firstIndex(where: { Self.barCells.contains($0) }) else { return nil }
        var end = start
        while end < cells.count && Self.barCells.contains(cells[end]) { end += 1 }
        let filled = cells[start..<end].reduce(0) { $0 + (Self.eighths[$1] ?? 0) }
        return (start, end - start, filled)
    }

    func testEveryRowOfAColumnHasTheSameBarAndScaleAt80To240Columns() throws {
        let result = MeetingLoader().load(folder: SampleMeetings.council2026.path)
        let meeting = try XCTUnwrap(result.meeting)
        XCTAssertNotNil(meeting.previous, "the sample compares with 2019, so some rows have a change and some not")
        var sawChangeBesideNone = false
        for width in [80, 120, 160, 240] {
            for language in Language.allCases {
                let body = OverviewView.render(meeting, context: RenderContext(language: language, width: width))
                let (nameWidth, columnWidth) = OverviewView.columnWidths(meeting, width: width)
                for (col, topic) in meeting.topics.enumerated() {
                    guard let headline = topic.headline else { continue }
                    let x0 = nameWidth + col * columnWidth + 1
                    var bars: [(province: String, value: Double, start: Int, width: Int, filled: Int, change: Bool)] = []
                    for (province, item) in zip(meeting.provinces, body.items) {
                        guard let metric = province.topics[topic.id]?.metric(headline), metric.value.isFinite else { continue }
                        let y = item.rows.lowerBound
                        let cells = (x0..<min(width, x0 + columnWidth - 1)).map { Character(body.grid[$0, y].base) }
                        guard let found = bar(in: cells) else { continue }
                        let change = meeting.previousValue(province: province.id, topic: topic.id, metric: metric) != nil
                        bars.append((province.name, metric.value, found.start, found.width, found.filled, change))
                    }
                    guard let first = bars.first else { continue }
                    if bars.contains(where: \.change) && bars.contains(where: { !$0.change }) { sawChangeBesideNone = true }
                    for b in bars {
                        XCTAssertEqual(b.start, first.start, "\(width) \(language) \(topic.id): \(b.province)'s bar starts where \(first.province)'s does")
                        XCTAssertEqual(b.width, first.width, "\(width) \(language) \(topic.id): \(b.province)'s bar is as wide as \(first.province)'s")
                    }
                    // One scale: a larger figure never has a shorter bar.
                    for a in bars { for b in bars where a.value > b.value {
                        XCTAssertGreaterThanOrEqual(a.filled, b.filled,
                            "\(width) \(language) \(topic.id): \(a.province) \(a.value) is drawn shorter than \(b.province) \(b.value)")
                    } }
                }
            }
        }
        XCTAssertTrue(sawChangeBesideNone, "some column has rows with and without a change figure")
    }
}
