import BenchmarkSupport
import CioDashCore
import CioDashRender
import Foundation

// One stage on one folder, for callgrind (instruction counts) and /usr/bin/time (peak memory):
//   bench-probe load DIR            load and validate
//   bench-probe keys DIR [N]        N key presses of the benchmark's cycle at 240×70 (default 480):
//                                   median, 99th percentile and slowest time per key, by view
//   bench-probe render VIEW DIR     one view's body at width 100 (VIEW as for `snapshot --view`)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func meeting(_ folder: String) -> Meeting {
    let result = MeetingLoader().load(folder: folder)
    guard let meeting = result.meeting else { fail("bench-probe: \(folder) does not load") }
    return meeting
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch (arguments.first, arguments.count) {
case ("load", 2):
    let result = MeetingLoader().load(folder: arguments[1])
    print("\(result.meeting?.provinces.count ?? 0) provinces, \(result.errorCount) errors; previous meeting: \(result.meeting?.previous?.reports.count ?? 0) provinces")
case ("keys", 2), ("keys", 3):
    let session = KeySession(meeting: meeting(arguments[1]))
    let count = arguments.count == 3 ? Int(arguments[2]) ?? 480 : 480
    var times: [String: [Double]] = [:]
    var changed = 0
    for _ in 0..<count {
        let start = DispatchTime.now().uptimeNanoseconds
        changed += session.pressNext()
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let kind = String(session.state.view.description.prefix { $0 != ":" })
        times["all", default: []].append(ms)
        times[kind, default: []].append(ms)
    }
    print("\(count) keys at 240×70, \(changed) cells changed; time per key by the view it lands on:")
    if ProcessInfo.processInfo.environment["BENCH_PROBE_CHECKSUM"] != nil {
        // FNV-1a over every cell of every frame (scalar, width, role), to compare two builds' frames.
        let again = KeySession(meeting: session.meeting)
        var hash: UInt64 = 0xcbf29ce484222325
        func mix(_ v: UInt64) { hash = (hash ^ v) &* 0x100000001b3 }
        for _ in 0..<count {
            _ = again.pressNext()
            for cell in again.lastFrame?.cells ?? [] {
                mix(UInt64(cell.base.value)); mix(UInt64(cell.width))
                withUnsafeBytes(of: cell.role) { mix(UInt64($0[0])) }
            }
        }
        print("frames checksum \(String(hash, radix: 16))")
    }
    for (kind, list) in times.sorted(by: { $0.key < $1.key }) {
        let t = list.sorted()
        func q(_ p: Double) -> String { String(format: "%.3f", t[min(t.count - 1, Int(p * Double(t.count)))]) }
        print("  \(kind): \(t.count) keys, median \(q(0.5)) ms, p99 \(q(0.99)) ms, slowest \(q(1)) ms")
    }
case ("render", 3):
    let m = meeting(arguments[2])
    guard case .success(let view) = ViewResolver.resolve(arguments[1], in: m) else { fail("bench-probe: no view \(arguments[1])") }
    let body = ViewRenderer.body(view, meeting: m, context: RenderContext(language: m.language, width: 100))
    print("\(view): \(body?.grid.height ?? 0) rows")
default:
    fail("usage: bench-probe load DIR | keys DIR [N] | render VIEW DIR")
}
