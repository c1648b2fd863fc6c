// The room in browsers on loopback (issue 22): one presenter's web side and N Server-Sent Events
// viewers (raw sockets read by this process, as N browsers would each read their own), the 2019
// sample. Each change: the presenter's key through its app core, its state published as ShareLink
// does, and the clock stops for each viewer when its socket has the event (`id: REVISION`).
// Then the presenter's key → 240×70 frame → publish, with the viewers attached and read meanwhile.
//
//   swift run -c release web-viewers [VIEWERS] [CHANGES]      (from Benchmarks/)
import CioDashApp
import CioDashCore
import CioDashRender
import CioDashWeb
import Foundation
import Glibc

let arguments = CommandLine.arguments
let viewerCount = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
let changes = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/hue-2019").path

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Resident memory of this process, in KiB.
func residentKiB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func ms(_ s: Double) -> String { String(format: "%.2f", s * 1000) }

guard let meeting = MeetingLoader().load(folder: folder).meeting else { fatalError("cannot load \(folder)") }
var settings = WebSettings(host: "127.0.0.1", port: 0, token: ViewerToken.derive(code: "BENCHR00M1"))
settings.maxViewers = max(settings.maxViewers, viewerCount)
settings.maxConnections = max(settings.maxConnections, viewerCount + 64)
let server = WebServer(settings: settings)
let port = try server.start()
var presenter = AppCore.start(meeting: meeting, mode: .present, language: .vi, clock: .init(now: 0, wall: "08:00"))
var revision: UInt64 = 1
var forward = true
server.publish(meeting: meeting, generation: presenter.generation)
server.publish(PresenterShare(presenter, revision: revision, fingerprint: "bench"))

/// The presenter's next slide, back and forth through the deck, so every step changes the state.
func step() {
    if presenter.navigation.view == .closing { forward = false }
    if presenter.navigation.view == .agenda { forward = true }
    presenter = AppCore.update(presenter, .key(forward ? .right : .left)).0
}

func publish() {
    revision += 1
    server.publish(PresenterShare(presenter, revision: revision, fingerprint: "bench"))
}

// The viewers: nonblocking sockets that asked for the stream.
let rssBefore = residentKiB()
var fds: [pollfd] = []
var pending: [[UInt8]] = []
for _ in 0..<viewerCount {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var addr = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: in_port_t(UInt16(port).bigEndian),
                           sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
    let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    precondition(ok == 0, "connect failed")
    let request = Array("GET /j/\(settings.token)/events HTTP/1.1\r\nHost: bench\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
    pending.append([])
}
let joinDeadline = now() + 60
while server.viewerCount() < viewerCount && now() < joinDeadline { usleep(10_000) }
precondition(server.viewerCount() == viewerCount, "only \(server.viewerCount()) of \(viewerCount) viewers joined")

var buffer = [UInt8](repeating: 0, count: 65536)
/// Reads what viewer `i` has; true when its stream holds `marker`.
func drain(_ i: Int, looking marker: [UInt8]?) -> Bool {
    var found = false
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(fds[i].fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        pending[i] += buffer[..<n]
    }
    if let marker, pending[i].count >= marker.count {
        found = pending[i].withUnsafeBufferPointer { all in
            (0...(all.count - marker.count)).contains { start in memcmp(all.baseAddress! + start, marker, marker.count) == 0 }
        }
    }
    if pending[i].count > 8192 { pending[i].removeFirst(pending[i].count - 4096) }
    return found
}
// Everything sent so far (the first state, the heartbeat) is read first.
usleep(200_000)
for i in 0..<viewerCount { _ = drain(i, looking: nil); pending[i] = [] }
let rssAfter = residentKiB()

// 1. Presenter key → event in every viewer's socket.
var perViewer: [Double] = []
var lastViewer: [Double] = []
for _ in 0..<changes {
    step()
    let start = now()
    publish()
    let marker = Array("id: \(revision)\n".utf8)
    var waiting = Set(0..<viewerCount)
    var latest = 0.0
    while !waiting.isEmpty {
        for i in fds.indices { fds[i].revents = 0 }
        _ = poll(&fds, nfds_t(fds.count), 1000)
        let at = now()
        for i in waiting where fds[i].revents != 0 {
            if drain(i, looking: marker) {
                waiting.remove(i)
                perViewer.append(at - start)
                latest = at - start
                pending[i] = []
            }
        }
        precondition(now() - start < 10, "a viewer did not get revision \(revision)")
    }
    lastViewer.append(latest)
}

// 2. The presenter's key → frame at 240×70 → publish, the viewers attached and read by a thread.
let reading = NSLock()
var stopReading = false
let reader = Thread {
    var local = fds
    var scratch = [UInt8](repeating: 0, count: 65536)
    while true {
        reading.lock(); let stop = stopReading; reading.unlock()
        if stop { break }
        _ = poll(&local, nfds_t(local.count), 50)
        for i in local.indices where local[i].revents != 0 {
            while scratch.withUnsafeMutableBytes({ recv(local[i].fd, $0.baseAddress, $0.count, 0) }) > 0 {}
        }
    }
}
reader.start()
let bodies = ViewBodyCache()
var keyTimes: [Double] = []
for _ in 0..<480 {
    let start = now()
    step()
    _ = presenter.frame(width: 240, height: 70, cache: bodies)
    publish()
    keyTimes.append(now() - start)
}
reading.lock(); stopReading = true; reading.unlock()
usleep(100_000)
let stillAttached = server.viewerCount()
server.stop()

print("| \(viewerCount) viewers, \(changes) changes | p50 | p90 | p99 | max |")
print("|---|---|---|---|---|")
print("| key → event in a viewer's socket (every viewer × change), ms | \(ms(percentile(perViewer, 0.5))) | \(ms(percentile(perViewer, 0.9))) | \(ms(percentile(perViewer, 0.99))) | \(ms(percentile(perViewer, 1))) |")
print("| key → event in the last viewer's socket (per change), ms | \(ms(percentile(lastViewer, 0.5))) | \(ms(percentile(lastViewer, 0.9))) | \(ms(percentile(lastViewer, 0.99))) | \(ms(percentile(lastViewer, 1))) |")
print("| presenter key 240×70 (update, frame, publish), viewers attached, ms (480 keys) | \(ms(percentile(keyTimes, 0.5))) | \(ms(percentile(keyTimes, 0.9))) | \(ms(percentile(keyTimes, 0.99))) | \(ms(percentile(keyTimes, 1))) |")
print("")
print("resident memory: \(rssBefore) KiB before the viewers, \(rssAfter) KiB with \(viewerCount) attached: "
      + String(format: "%.1f", Double(rssAfter - rssBefore) / Double(viewerCount)) + " KiB per viewer (server and test client in one process)")
print("viewers still attached after the keys: \(stillAttached) of \(viewerCount)")
