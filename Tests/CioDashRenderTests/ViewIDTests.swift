import Foundation
import XCTest
@testable import CioDashRender
import CioDashCore
import CioDashSamples
import CioDashTestSupport

/// A view's name is written by `description` and read back by `init?(description:)`, exactly, for
/// every kind: the room link and the browsers' addresses carry views by these names.
final class ViewIDTests: XCTestCase {
    /// One view of each registered kind, made by the kind from a name it reads.
    static func exampleViews() -> [ViewID] {
        ViewKind.all.map { kind in
            switch kind.about {
            case .nothing: return kind.parse(nil)!
            case .topic: return kind.parse("smart-city")!
            case .province: return kind.parse("da-nang")!
            case .provinceAndTopic: return kind.parse("da-nang/smart-city")!
            }
        }
    }

    func testEveryKindOfViewReadsBackFromItsName() {
        let views = Self.exampleViews()
        XCTAssertEqual(views.count, ViewKind.all.count)
        for view in views {
            XCTAssertEqual(ViewID(description: view.description), view, "\(view.description) reads back")
            XCTAssertEqual(String(view.description.prefix { $0 != ":" }), view.kind.name, view.description)
        }
    }

    /// The names the views' files give their views are of the kinds registered under those names.
    func testTheNamedViewsAreOfTheirRegisteredKinds() {
        let named: [(ViewID, String)] = [(.agenda, "agenda"), (.overview, "overview"), (.closing, "closing"),
                                         (.status, "status"), (.units, "units"), (.tasks, "tasks"), (.topic("smart-city"), "topic:smart-city"),
                                         (.province("da-nang"), "province:da-nang"),
                                         (.panel(province: "da-nang", topic: "smart-city"), "panel:da-nang/smart-city"),
                                         (.history(province: "da-nang", topic: "smart-city"), "history:da-nang/smart-city")]
        for (view, text) in named {
            XCTAssertEqual(view.description, text)
            XCTAssertEqual(ViewID(description: text), view, text)
        }
        XCTAssertEqual(Set(named.map(\.0.kind.name)), Set(ViewKind.all.map(\.name)), "one named view per registered kind")
    }

    func testNamesThatAreNotExactlyAViewAreRefused() {
        for text in ["", "Overview", "topic:", "panel:da-nang", "panel:/smart-city", "history:da-nang/", "board", "status:x"] {
            XCTAssertNil(ViewID(description: text), text.debugDescription)
        }
    }

    /// The registry is the one list of kinds: every kind is in it once, under the name its views
    /// are written with.
    func testEveryKindIsRegisteredOnceUnderTheNameItsViewsCarry() {
        let registered = ViewKind.all.map(\.name)
        XCTAssertEqual(Set(registered).count, registered.count, "no name registered twice: \(registered)")
        for view in Self.exampleViews() {
            XCTAssertEqual(ViewKind.named[view.name]?.name, view.kind.name, view.description)
        }
    }

    /// A kind defined in a view's file but left out of the registry would name views nothing can
    /// find: every `ViewKind(name: …)` in the sources is registered.
    func testEveryKindDefinedInTheSourcesIsRegistered() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources/CioDashRender")
        let pattern = try NSRegularExpression(pattern: #"ViewKind\(\s*name:\s*"([^"]+)""#)
        var defined = Set<String>()
        for file in FileManager.default.enumerator(atPath: sources.path)?.compactMap({ $0 as? String }) ?? [] where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                defined.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        XCTAssertGreaterThanOrEqual(defined.count, 9, "the view files are where the test looks")
        XCTAssertEqual(defined, Set(ViewKind.all.map(\.name)), "each kind defined is registered in ViewKinds.swift")
    }

    /// What people type for `--view` is read through the same registry: every view of a meeting
    /// resolves from its own name, and the forms offered are the registered kinds' forms.
    func testTheResolverReadsEveryViewOfAMeetingFromItsNameThroughTheRegistry() throws {
        let meeting = try MeetingFixture.sample(SampleMeetings.council2026)
        // The views a kind names by its name alone (the board, the units, the tasks) are not all in every
        // meeting's list of views, yet always named.
        let named = ViewKind.all.filter { $0.about == .nothing && $0.form != nil }.compactMap { $0.parse(nil) }
        let views = ViewRenderer.allViews(of: meeting).filter { !named.contains($0) } + named
        XCTAssertEqual(Set(views.map(\.kind.name)).count, ViewKind.all.count - 1, "every kind but the closing slide is in the meeting")
        for view in views {
            XCTAssertEqual(try ViewResolver.resolve(view.description, in: meeting).get(), view, view.description)
        }
        XCTAssertEqual(ViewResolver.validViewForms, ["overview", "agenda", "status", "units", "tasks", "topic:<topic-id>",
                                                     "province:<province-id>", "panel:<province-id>/<topic-id>",
                                                     "history:<province-id>/<topic-id>", "all"])
        for text in ["closing", "overview:", "topic", "panel:da-nang", "board"] {
            guard case .failure(.unknownView) = ViewResolver.resolve(text, in: meeting) else {
                return XCTFail("\(text) is not a view a user can ask for")
            }
        }
    }

    /// A kind says both where its rows lead (links, in the HTML report) and what Enter opens; the two
    /// agree for every selectable row of every view of the meeting.
    func testEnterOpensWhereTheSelectedRowLinks() throws {
        let meeting = try MeetingFixture.sample(SampleMeetings.council2026)
        let index = MeetingIndex(meeting: meeting)
        var checked = 0
        for view in ViewRenderer.allViews(of: meeting) + [.status, .units] {
            for province in meeting.provinces.prefix(6) {
                for topic in meeting.topics.prefix(3) {
                    let state = ViewSelection(view: view, province: province.id, topic: topic.id)
                    guard let row = index.selectedRow(state) else { continue }
                    let column = index.selectedColumn(state)
                    let context = RenderContext(language: .vi, width: 160, selectedRow: row, selectedColumn: column)
                    let body = try XCTUnwrap(ViewRenderer.body(view, meeting: meeting, context: context))
                    let item = try XCTUnwrap(body.items.indices.contains(row) ? body.items[row] : nil, "\(view) row \(row)")
                    let x = item.columns.map { $0.x0 + (column ?? 0) * $0.step } ?? 0
                    let link = ViewLinks.links(view, body: body, meeting: meeting)
                        .first { $0.row == item.rows.lowerBound && $0.columns.contains(x) }
                    var after = state
                    XCTAssertEqual(view.browse(.open, index: index, selection: &after), link?.target, "\(view) \(province.id) \(topic.id)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 50, "rows of the overview, the board, the agenda, each topic and each province")
    }
}
