import Foundation
import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// Issue 16, classes 6, 9, 10 and 1: the watch is bounded, a file reloads once it stopped changing,
/// a file that lost most of its content or an unreadable provinces/ keeps the last good data, and
/// the load runs off the screen's thread.
final class LiveReloadTests: XCTestCase {
    private typealias Stamp = SettleGate.Stamp

    func testAFileSettlesAfterOneQuietPollWithTheSameStamp() {
        var gate = SettleGate()
        var stamps: [String: Stamp] = ["provinces/hue.yaml": Stamp(size: 100, seconds: 1, nanoseconds: 0)]
        XCTAssertEqual(gate.poll(changed: ["provinces/hue.yaml"]) { stamps[$0] }, [], "just changed: wait")
        // Still being written: it grew since the last poll.
        stamps["provinces/hue.yaml"] = Stamp(size: 180, seconds: 2, nanoseconds: 0)
        XCTAssertEqual(gate.poll(changed: ["provinces/hue.yaml"]) { stamps[$0] }, [], "changed again: wait")
        stamps["provinces/hue.yaml"] = Stamp(size: 200, seconds: 2, nanoseconds: 500)
        XCTAssertEqual(gate.poll(changed: []) { stamps[$0] }, [], "grew without an event (a scan missed it): wait")
        XCTAssertEqual(gate.poll(changed: []) { stamps[$0] }, ["provinces/hue.yaml"], "quiet and the same: reload")
        XCTAssertFalse(gate.isWaiting)
        XCTAssertEqual(gate.poll(changed: []) { stamps[$0] }, [], "handed out once")
    }

    func testADeletedFileSettlesToo() {
        var gate = SettleGate()
        XCTAssertEqual(gate.poll(changed: ["provinces/gone.yaml"]) { _ in nil }, [])
        XCTAssertEqual(gate.poll(changed: []) { _ in nil }, ["provinces/gone.yaml"])
    }

    // MARK: ReloadKeeper

    private func folder() throws -> TestFolder {
        try TestFolder([
            "meeting.yaml": sampleMeeting,
            "provinces/thua-thien-hue.yaml": provinceFile(),
            "provinces/da-nang.yaml": provinceFile(id: "da-nang", name: "Đà Nẵng"),
        ])
    }

    func testAFileThatLostMostOfItsContentKeepsTheLastGoodData() throws {
        let f = try folder()
        let shown = try XCTUnwrap(f.load().meeting)
        var keeper = ReloadKeeper(shown: shown, sizes: ReloadKeeper.sizes(of: shown, folder: f.path))
        // Cut at a line boundary: still valid YAML, one topic left, no figures.
        let text = provinceFile()
        let cut = try XCTUnwrap(text.range(of: "    metrics:"))
        try f.write("provinces/thua-thien-hue.yaml", String(text[..<cut.lowerBound]))
        let fresh = f.load()
        XCTAssertEqual(fresh.meeting?.province("thua-thien-hue")?.isBroken, false, "the cut file is valid YAML")
        let (meeting, kept) = keeper.merge(fresh: fresh, shown: shown, asked: false, sizes: ReloadKeeper.sizes(of: fresh.meeting, folder: f.path))
        XCTAssertEqual(kept.map(\.file), ["provinces/thua-thien-hue.yaml"])
        XCTAssertTrue(kept[0].description(in: .en).contains("press r to accept"), kept[0].description(in: .en))
        XCTAssertEqual(meeting?.province("thua-thien-hue"), shown.province("thua-thien-hue"), "the last good report")

        // Asked for with r: taken as it is.
        let (accepted, none) = keeper.merge(fresh: fresh, shown: shown, asked: true, sizes: ReloadKeeper.sizes(of: fresh.meeting, folder: f.path))
        XCTAssertEqual(none, [])
        XCTAssertEqual(accepted?.province("thua-thien-hue"), fresh.meeting?.province("thua-thien-hue"))
    }

    func testUnreadableOrMissingProvincesFolderKeepsEveryProvince() throws {
        let f = try folder()
        let shown = try XCTUnwrap(f.load().meeting)
        var keeper = ReloadKeeper(shown: shown, sizes: ReloadKeeper.sizes(of: shown, folder: f.path))
        try FileManager.default.moveItem(atPath: f.file("provinces"), toPath: f.file("provinces-syncing"))
        let fresh = f.load()
        XCTAssertTrue(fresh.provincesNotRead)
        let (meeting, kept) = keeper.merge(fresh: fresh, shown: shown, asked: true, sizes: ReloadKeeper.sizes(of: fresh.meeting, folder: f.path))
        XCTAssertEqual(meeting?.provinces.map(\.id), shown.provinces.map(\.id), "every province is still shown")
        XCTAssertEqual(kept, [ReloadKeeper.Kept(file: "provinces/", reason: .notRead)])
        try FileManager.default.moveItem(atPath: f.file("provinces-syncing"), toPath: f.file("provinces"))
        XCTAssertFalse(f.load().provincesNotRead)
    }

    func testABrokenFileKeepsItsLastGoodReportAndGrowthIsTaken() throws {
        let f = try folder()
        let shown = try XCTUnwrap(f.load().meeting)
        var keeper = ReloadKeeper(shown: shown, sizes: ReloadKeeper.sizes(of: shown, folder: f.path))
        try f.write("provinces/da-nang.yaml", "format: ciodash/1\nid: da-nang\nname: [\n")
        let broken = f.load()
        let (meeting, kept) = keeper.merge(fresh: broken, shown: shown, asked: false, sizes: ReloadKeeper.sizes(of: broken.meeting, folder: f.path))
        XCTAssertEqual(kept, [ReloadKeeper.Kept(file: "provinces/da-nang.yaml", reason: .broken)])
        XCTAssertEqual(meeting?.province("da-nang"), shown.province("da-nang"))

        try f.write("provinces/da-nang.yaml", provinceFile(id: "da-nang", name: "Đà Nẵng mới"))
        let fresh = f.load()
        let (grown, none) = keeper.merge(fresh: fresh, shown: shown, asked: false, sizes: ReloadKeeper.sizes(of: fresh.meeting, folder: f.path))
        XCTAssertEqual(none, [])
        XCTAssertEqual(grown?.province("da-nang")?.name, "Đà Nẵng mới")
    }

    // MARK: FolderWatch

    /// Polls until `condition` holds on what settled, at most `seconds`.
    private func poll(_ watch: FolderWatch, seconds: Double = 5, until condition: ([String]) -> Bool) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var seen: [String] = []
        while Date() < deadline {
            seen += watch.poll()
            if condition(seen) { return seen }
            usleep(50_000)
        }
        return seen
    }

    func testNotificationsNameTheChangedFileOnceItSettled() throws {
        let f = try folder()
        let watch = FolderWatch(folder: f.path)
        XCTAssertTrue(watch.usesNotifications, "inotify on Linux")
        XCTAssertEqual(watch.poll(), [], "nothing changed")
        try f.write("provinces/da-nang.yaml", provinceFile(id: "da-nang", name: "Đà Nẵng 2"))
        XCTAssertEqual(watch.poll(), [], "not settled in the poll that saw the change")
        XCTAssertEqual(poll(watch) { !$0.isEmpty }, ["provinces/da-nang.yaml"])
        try f.write("metrics.csv", "province,topic,metric,label,value,target,unit,previous,source\n")
        XCTAssertEqual(poll(watch) { !$0.isEmpty }, ["metrics.csv"])
        try f.write("provinces/.da-nang.yaml.swp", "x")
        XCTAssertEqual(poll(watch, seconds: 0.5) { !$0.isEmpty }, [], "hidden files are not watched")
    }

    func testTheWatchFollowsASwappedProvincesFolder() throws {
        let f = try folder()
        let watch = FolderWatch(folder: f.path)
        try FileManager.default.moveItem(atPath: f.file("provinces"), toPath: f.file("old"))
        try FileManager.default.copyItem(atPath: f.file("old"), toPath: f.file("provinces"))
        XCTAssertTrue(poll(watch) { $0.contains("provinces/") }.contains("provinces/"))
        try f.write("provinces/kon-tum.yaml", provinceFile(id: "kon-tum", name: "Kon Tum"))
        XCTAssertTrue(poll(watch) { $0.contains("provinces/kon-tum.yaml") }.contains("provinces/kon-tum.yaml"),
                      "the new provinces/ is watched")
    }

    func testTheScanIsBoundedByTheFileLimit() throws {
        let f = try folder()
        for i in 0..<50 { try f.write("provinces/p\(i).yaml", "x") }
        let small = FolderSignature(folder: f.path, limit: 10)
        let all = FolderSignature(folder: f.path, limit: 1_000)
        XCTAssertLessThanOrEqual(small.changedFiles(since: FolderSignature(folder: "/nonexistent")).count, 10 + 2)
        XCTAssertEqual(all.changedFiles(since: FolderSignature(folder: "/nonexistent")).count, 52 + 2)
    }

    // MARK: BackgroundLoad

    func testTheLoadRunsOffTheCallingThreadAndARequestDuringItIsNotLost() throws {
        let f = try folder()
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let calls = Counter()
        let path = f.path
        let loader = BackgroundLoad {
            if calls.increment() == 1 { started.signal(); release.wait() }
            return MeetingLoader().load(folder: path)
        }
        loader.start(asked: false, changed: ["provinces/da-nang.yaml"])
        XCTAssertEqual(started.wait(timeout: .now() + 5), .success)
        // The caller is free while the load runs: it returned at once and can ask again.
        XCTAssertTrue(loader.isBusy)
        XCTAssertNil(loader.take())
        loader.start(asked: true, changed: ["metrics.csv"])
        release.signal()
        var done: BackgroundLoad.Done?
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let d = loader.take() { done = d }
            if done != nil && !loader.isBusy { if let d = loader.take() { done = d }; break }
            usleep(10_000)
        }
        XCTAssertEqual(calls.value, 2, "the request made during the load ran after it")
        XCTAssertEqual(done?.asked, true)
        XCTAssertNotNil(done?.result.meeting)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() -> Int { lock.withLock { count += 1; return count } }
    var value: Int { lock.withLock { count } }
}
