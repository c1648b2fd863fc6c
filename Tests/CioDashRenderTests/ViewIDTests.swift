import XCTest
@testable import CioDashRender
import CioDashCore
import CioDashSamples
import CioDashTestSupport

/// A view's name is written by `description` and read back by `init?(description:)`, exactly, for
/// every kind: the room link and the browsers' addresses carry views by these names.
final class ViewIDTests: XCTestCase {
    func testEveryKindOfViewReadsBackFromItsName() {
        let views: [ViewID] = [.agenda, .overview, .closing, .status, .tasks, .topic("smart-city"), .province("da-nang"),
                               .panel(province: "da-nang", topic: "smart-city"), .history(province: "da-nang", topic: "smart-city")]
        var kinds = Set<String>()
        for view in views {
            // Adding a kind of view without adding it above stops this switch from compiling.
            switch view {
            case .agenda, .overview, .closing, .status, .tasks, .topic, .province, .panel, .history:
                kinds.insert(String(view.description.prefix { $0 != ":" }))
            }
            XCTAssertEqual(ViewID(description: view.description), view, "\(view.description) reads back")
        }
        XCTAssertEqual(kinds.count, views.count, "one example of each kind")
    }

    func testNamesThatAreNotExactlyAViewAreRefused() {
        for text in ["", "Overview", "topic:", "panel:da-nang", "panel:/smart-city", "history:da-nang/", "board", "status:x"] {
            XCTAssertNil(ViewID(description: text), text.debugDescription)
        }
    }

    /// The registry is the one list of kinds: every kind of `ViewID` is in it once, under the name
    /// its views are written with, and the registered kind is the one the view reports.
    func testEveryKindIsRegisteredOnceUnderTheNameItsViewsCarry() {
        let views: [ViewID] = [.agenda, .overview, .closing, .status, .tasks, .topic("smart-city"), .province("da-nang"),
                               .panel(province: "da-nang", topic: "smart-city"), .history(province: "da-nang", topic: "smart-city")]
        let registered = ViewKind.all.map(\.name)
        XCTAssertEqual(Set(registered).count, registered.count, "no name registered twice: \(registered)")
        XCTAssertEqual(Set(registered), Set(views.map { String($0.description.prefix { $0 != ":" }) }))
        for view in views {
            XCTAssertEqual(view.kind.name, String(view.description.prefix { $0 != ":" }), view.description)
            XCTAssertEqual(ViewKind.named[view.kind.name]?.name, view.kind.name, view.description)
        }
    }

    /// What people type for `--view` is read through the same registry: every view of a meeting
    /// resolves from its own name, and the forms offered are the registered kinds' forms.
    func testTheResolverReadsEveryViewOfAMeetingFromItsNameThroughTheRegistry() throws {
        let meeting = try MeetingFixture.sample(SampleMeetings.council2026)
        // The board and the tasks are not in every meeting's list of views, yet always named.
        let views = ViewRenderer.allViews(of: meeting).filter { $0 != .tasks } + [.status, .tasks]
        XCTAssertEqual(Set(views.map(\.kind.name)).count, ViewKind.all.count - 1, "every kind but the closing slide is in the meeting")
        for view in views {
            XCTAssertEqual(try ViewResolver.resolve(view.description, in: meeting).get(), view, view.description)
        }
        XCTAssertEqual(ViewResolver.validViewForms, ["overview", "agenda", "status", "tasks", "topic:<topic-id>",
                                                     "province:<province-id>", "panel:<province-id>/<topic-id>",
                                                     "history:<province-id>/<topic-id>", "all"])
        for text in ["closing", "overview:", "topic", "panel:da-nang", "board"] {
            guard case .failure(.unknownView) = ViewResolver.resolve(text, in: meeting) else {
                return XCTFail("\(text) is not a view a user can ask for")
            }
        }
    }
}
