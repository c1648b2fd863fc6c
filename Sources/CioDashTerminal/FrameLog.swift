import Glibc

/// Frame timings for measurements, written only when `CIODASH_FRAME_LOG` names a file.
///
/// Lines: `first-frame <unix time in ns>` once, after the first frame reached the terminal (compare
/// with the launch time taken by the caller, e.g. `date +%s%N`), then for every frame
/// `frame <ns spent in paint> cells=<cells written> full=<0|1>`, followed by ` key=<ns>` on the first
/// frame after a key: the time from the key being read to that frame reaching the terminal, which
/// covers navigation, composing the screen and painting it.
final class FrameLog {
    private let fd: Int32
    private var firstFrameLogged = false
    private var keyReadAt: Int64?

    init?(environmentVariable: String = "CIODASH_FRAME_LOG") {
        guard let path = getenv(environmentVariable), path.pointee != 0 else { return nil }
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
    }

    deinit { close(fd) }

    static func now(_ clock: clockid_t) -> Int64 {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    /// Notes that a key was just read; the next `frame` reports how long its redraw took.
    func keyRead() {
        keyReadAt = Self.now(CLOCK_MONOTONIC)
    }

    func frame(started: Int64, cells: Int, full: Bool) {
        let ended = Self.now(CLOCK_MONOTONIC)
        if !firstFrameLogged {
            firstFrameLogged = true
            append("first-frame \(Self.now(CLOCK_REALTIME))\n")
        }
        let key = keyReadAt.map { " key=\(ended - $0)" } ?? ""
        keyReadAt = nil
        append("frame \(ended - started) cells=\(cells) full=\(full ? 1 : 0)\(key)\n")
    }

    private func append(_ line: String) {
        var line = line
        line.withUTF8 { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}
