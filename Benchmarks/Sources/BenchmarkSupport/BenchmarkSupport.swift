import CioDashCore
import CioDashRender
import CioDashApp
import Foundation
import MeetingGenerator

// What the benchmarks and bench-probe share: the data sets and the dashboard's key loop without a
// terminal. Sizes: the 19-province sample, then generated N provinces × 10 topics × 20 metrics
// with one previous meeting. CIODASH_BENCH_SIZES="19,63" picks some; generated folders are cached
// in CIODASH_BENCH_DATA (default /tmp/ciodash-bench-data) and reused.

/// A meeting folder to measure.
public struct DataSet: Sendable {
    public var label: String
    public var provinces: Int

    public init(label: String, provinces: Int) {
        self.label = label
        self.provinces = provinces
    }

    /// The sample for 19, a generated folder otherwise.
    public func folder() throws -> String {
        if provinces == 19 { return DataSet.repositoryRoot + "/fixtures/hue-2019" }
        let cache = ProcessInfo.processInfo.environment["CIODASH_BENCH_DATA"] ?? "/tmp/ciodash-bench-data"
        return try MeetingGenerator.cachedFolder(.init(provinces: provinces, topics: 10, metrics: 20, previousMeetings: 1),
                                                 cache: cache)
    }

    /// Benchmarks/Sources/BenchmarkSupport/ → the repository.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    public static var selected: [DataSet] {
        let sizes = ProcessInfo.processInfo.environment["CIODASH_BENCH_SIZES"] ?? "19,63,630,1000,10000"
        return sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map {
            DataSet(label: $0 == 19 ? "19 sample" : "\($0)×10×20", provinces: $0)
        }
    }
}

/// Loads a data set once for the render benchmarks; a folder that does not load is a failed run.
public func loadMeeting(_ set: DataSet) throws -> Meeting {
    let result = MeetingLoader().load(folder: try set.folder())
    guard let meeting = result.meeting, result.errorCount == 0 else {
        throw BenchmarkDataError(message: "\(set.label): \(result.errorCount) errors loading the data set")
    }
    return meeting
}

public struct BenchmarkDataError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The key presses a presenter makes browsing: rows, columns, a panel, the topic and province views,
/// paging, the language; the cycle ends where it began.
public let keyCycle: [Key] = [
    .down, .down, .down, .right, .right, .enter, .escape, .tab, .down, .down, .enter, .escape, .tab, .down,
    .tab, .pageDown, .pageUp, .up, .up, .up, .left, .left, .character("L"), .character("L"),
]

/// The cells the terminal painter sends between two frames: its own rule (`GridDiff`).
public func changedCells(_ old: Grid?, _ new: Grid) -> Int {
    GridDiff(from: old, to: new).positions.count
}

/// The dashboard's loop without a terminal: one key through the app core, the frame, the diff.
public final class KeySession {
    public let meeting: Meeting
    public private(set) var app: AppState
    public var state: NavigationState { app.navigation }
    private var previous: Grid?
    /// The last frame drawn.
    public var lastFrame: Grid? { previous }
    private var next = 0
    /// As the dashboard does: the body kept between keys, drawn again when the view changes.
    private let bodies = ViewBodyCache()

    public init(meeting: Meeting) {
        self.meeting = meeting
        app = AppCore.start(meeting: meeting, mode: .browse, language: meeting.language,
                            clock: ScreenComposer.Clock(now: 0, wall: "08:30"))
        _ = press(nil)
    }

    /// Handles one key (nil: just draw) and returns the number of cells that changed.
    public func press(_ key: Key?) -> Int {
        if let key { app = AppCore.update(app, .key(key)).0 }
        let frame = app.frame(width: 240, height: 70, cache: bodies)
        let changed = changedCells(previous, frame.grid)
        previous = frame.grid
        return changed
    }

    /// The next key of `keyCycle`.
    public func pressNext() -> Int {
        defer { next = (next + 1) % keyCycle.count }
        return press(keyCycle[next])
    }
}
