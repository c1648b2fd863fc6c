import Benchmark
import CioDashCore
import CioDashRender
import Foundation
import MeetingGenerator

// One benchmark per stage and meeting size: load+validate, each view's render, the whole
// `snapshot --view all` text, and a key press (update + compose + grid diff) at 240×70.
// Sizes: the 19-province sample, then generated 63, 630, 1,000 and 10,000 provinces × 10 topics ×
// 20 metrics with one previous meeting. CIODASH_BENCH_SIZES="19,63" picks some; generated folders
// are cached in CIODASH_BENCH_DATA (default /tmp/ciodash-bench-data) and reused.

/// A meeting folder to measure.
struct DataSet: Sendable {
    var label: String
    var provinces: Int

    /// The sample for 19, a generated folder otherwise.
    func folder() throws -> String {
        if provinces == 19 { return DataSet.repositoryRoot + "/fixtures/hue-2019" }
        let cache = ProcessInfo.processInfo.environment["CIODASH_BENCH_DATA"] ?? "/tmp/ciodash-bench-data"
        return try MeetingGenerator.cachedFolder(.init(provinces: provinces, topics: 10, metrics: 20, previousMeetings: 1),
                                                 cache: cache)
    }

    /// Benchmarks/Benchmarks/CioDashBenchmarks/ → the repository.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static var selected: [DataSet] {
        let sizes = ProcessInfo.processInfo.environment["CIODASH_BENCH_SIZES"] ?? "19,63,630,1000,10000"
        return sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map {
            DataSet(label: $0 == 19 ? "19 sample" : "\($0)×10×20", provinces: $0)
        }
    }
}

/// Loads a data set once for the render benchmarks; a folder that does not load is a failed run.
func loadMeeting(_ set: DataSet) throws -> Meeting {
    let result = MeetingLoader().load(folder: try set.folder())
    guard let meeting = result.meeting, result.errorCount == 0 else {
        throw BenchmarkDataError(message: "\(set.label): \(result.errorCount) errors loading the data set")
    }
    return meeting
}

struct BenchmarkDataError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Fewer iterations for the big sizes, where one iteration takes seconds.
func configuration(_ set: DataSet, heavy: Bool = false) -> Benchmark.Configuration {
    let big = set.provinces >= 1000 || (heavy && set.provinces >= 630)
    return .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                 warmupIterations: big ? 0 : 1,
                 maxDuration: .seconds(big ? 60 : 5),
                 maxIterations: big ? (heavy ? 1 : 3) : 50)
}

/// The key presses a presenter makes browsing: rows, columns, a panel, the topic and province views,
/// paging, the language; the cycle ends where it began.
let keyCycle: [Key] = [
    .down, .down, .down, .right, .right, .enter, .escape, .tab, .down, .down, .enter, .escape, .tab, .down,
    .tab, .pageDown, .pageUp, .up, .up, .up, .left, .left, .character("L"), .character("L"),
]

/// Cells that differ between two frames, as the terminal painter decides what to send.
func changedCells(_ old: Grid?, _ new: Grid) -> Int {
    guard let old, old.width == new.width, old.height == new.height else { return new.width * new.height }
    var changed = 0
    for i in 0..<new.cells.count where old.cells[i] != new.cells[i] { changed += 1 }
    return changed
}

/// The dashboard's loop without a terminal: one key, the next state, the frame, the diff.
final class KeySession {
    let meeting: Meeting
    let navigator: Navigator
    var state: NavigationState
    var previous: Grid?
    var next = 0
    let clock = ScreenComposer.Clock(now: 0, wall: "08:30")

    init(meeting: Meeting) {
        self.meeting = meeting
        navigator = Navigator(meeting: meeting)
        state = NavigationState(language: meeting.language)
        _ = press(nil)
    }

    /// Handles one key (nil: just draw) and returns the number of cells that changed.
    func press(_ key: Key?) -> Int {
        if let key { state = navigator.update(state, key, now: 0).0 }
        let frame = ScreenComposer.compose(meeting: meeting, state: state, deck: navigator.deck, width: 240, height: 70,
                                           clock: clock)
        state.scroll = frame.scroll
        state.pageSize = max(1, frame.viewport)
        let changed = changedCells(previous, frame.grid)
        previous = frame.grid
        return changed
    }

    func pressNext() -> Int {
        defer { next = (next + 1) % keyCycle.count }
        return press(keyCycle[next])
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.timeUnits = .milliseconds

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
        for (name, view) in views {
            Benchmark("render \(name) \(set.label)", configuration: configuration(set)) { benchmark, meeting in
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
