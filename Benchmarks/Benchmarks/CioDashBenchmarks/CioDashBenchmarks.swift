import Benchmark
import BenchmarkSupport
import CioDashCore
import CioDashRender
import Foundation

// One benchmark per stage and meeting size: load+validate, each view's render, the whole
// `snapshot --view all` text, and a key press (update + compose + grid diff) at 240×70.
// The sizes and data are described in BenchmarkSupport.

/// Fewer iterations for the big sizes, where one iteration takes seconds.
func configuration(_ set: DataSet, heavy: Bool = false) -> Benchmark.Configuration {
    let big = set.provinces >= 1000 || (heavy && set.provinces >= 630)
    return .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                 warmupIterations: big ? 0 : 1,
                 maxDuration: .seconds(big ? 60 : 5),
                 maxIterations: big ? (heavy ? 1 : 3) : 50)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.timeUnits = .milliseconds
    roomBenchmarks()

    for set in DataSet.selected {
        Benchmark("load+validate \(set.label)", configuration: configuration(set)) { benchmark, folder in
            for _ in benchmark.scaledIterations {
                blackHole(MeetingLoader().load(folder: folder))
            }
        } setup: {
            try set.folder()
        }

        let views: [(String, (Meeting) -> ViewID)] = [
            ("agenda", { _ in .agenda }),
            ("overview", { _ in .overview }),
            ("topic", { .topic($0.topics[0].id) }),
            ("province", { .province($0.provinces[0].id) }),
            ("panel", { .panel(province: $0.provinces[0].id, topic: $0.topics[0].id) }),
        ]
        var renderConfiguration = configuration(set)
        renderConfiguration.timeUnits = .microseconds
        for (name, view) in views {
            Benchmark("render \(name) \(set.label)", configuration: renderConfiguration) { benchmark, meeting in
                let id = view(meeting)
                let context = RenderContext(language: meeting.language, width: 100)
                for _ in benchmark.scaledIterations {
                    blackHole(ViewRenderer.body(id, meeting: meeting, context: context))
                }
            } setup: {
                try loadMeeting(set)
            }
        }

        Benchmark("snapshot all text \(set.label)", configuration: configuration(set, heavy: true)) { benchmark, meeting in
            let snapshot = Snapshot(meeting: meeting, language: meeting.language, width: 100, generatedAt: 0)
            for _ in benchmark.scaledIterations {
                blackHole(snapshot.text(for: ViewRenderer.allViews(of: meeting)))
            }
        } setup: {
            try loadMeeting(set)
        }

        var keyConfiguration = configuration(set)
        keyConfiguration.maxIterations = set.provinces >= 1000 ? 48 : 480
        keyConfiguration.timeUnits = .microseconds
        Benchmark("key press 240x70 \(set.label)", configuration: keyConfiguration) { benchmark, session in
            for _ in benchmark.scaledIterations {
                blackHole(session.pressNext())
            }
        } setup: {
            KeySession(meeting: try loadMeeting(set))
        }
    }
}

/// The meeting room on loopback (the 2019 sample), with 1 and 200 followers: a presenter's state
/// change until every follower has decoded it, until follower 0 has drawn its frame from it, and
/// the presenter's own key at 240×70 while the followers are attached. CIODASH_BENCH_ROOM=0 skips them.
func roomBenchmarks() {
    guard ProcessInfo.processInfo.environment["CIODASH_BENCH_ROOM"] != "0" else { return }
    var room = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal], warmupIterations: 5,
                                       maxDuration: .seconds(20), maxIterations: 400)
    room.timeUnits = .microseconds
    for followers in [1, 200] {
        Benchmark("room state → decoded by all, \(followers) followers", configuration: room) { benchmark, link in
            for _ in benchmark.scaledIterations { link.change() }
        } setup: {
            try RoomLatency(meeting: try loadMeeting(DataSet(label: "19 sample", provinces: 19)), followers: followers)
        }
        Benchmark("room state → follower frame 80x24, \(followers) followers", configuration: room) { benchmark, link in
            for _ in benchmark.scaledIterations { blackHole(link.changeToFrame()) }
        } setup: {
            try RoomLatency(meeting: try loadMeeting(DataSet(label: "19 sample", provinces: 19)), followers: followers)
        }
    }
    var keys = room
    keys.maxIterations = 480
    for followers in [0, 200] {
        Benchmark("room presenter key 240x70, \(followers) followers", configuration: keys) { benchmark, link in
            for _ in benchmark.scaledIterations { blackHole(link.presenterKey()) }
        } setup: {
            try RoomLatency(meeting: try loadMeeting(DataSet(label: "19 sample", provinces: 19)), followers: followers)
        }
    }
}
