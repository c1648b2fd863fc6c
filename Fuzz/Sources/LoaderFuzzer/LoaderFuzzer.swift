import CioDashCore
import CioDashRender
import Foundation

/// libFuzzer entry point over the loader and the renderer.
///
/// An input is two header bytes and a file:
/// - byte 0, bits 0–1: which file the rest becomes in a small meeting folder built from the Huế
///   sample — 0 `provinces/quang-tri.yaml`, 1 `provinces/quang-tri.json`, 2 `meeting.yaml`,
///   3 `metrics.csv`; the other files stay valid so that the renderer gets a meeting to draw;
///   bit 2: English instead of the meeting's language; bit 3: Markdown instead of text;
///   bit 4: the folder is also read as the earlier meeting of a later one (figures only, texts passed
///   over unread), whose overview is drawn with its trends;
/// - byte 1: the width, 1 + the byte (1–256 cells);
/// - the rest: the file's bytes.
///
/// After loading, the views are drawn at that width (a `Snapshot` at 20 cells or more, the bare views
/// below that): every view when the agenda was fuzzed, otherwise the agenda, overview and topics and
/// the fuzzed province's own views (the others' do not change). The output is checked for any scalar
/// a terminal would obey: that is the escape-safety property, so a violation traps like a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 2 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    FuzzFolder.shared.run(target: Int(bytes[0] & 3), english: bytes[0] & 4 != 0, markdown: bytes[0] & 8 != 0,
                          asEarlier: bytes[0] & 16 != 0, width: 1 + Int(bytes[1]), file: Array(bytes[2...]))
    return 0
}

/// The meeting folder the inputs are written into: one per process, in a temporary directory.
final class FuzzFolder {
    static let shared = FuzzFolder()

    let path: String
    /// A later meeting whose `previous:` is `path`.
    private let later: String
    private let sample: URL
    private let meeting: [UInt8]
    private let metrics: [UInt8]
    private var dirty: String?

    private init() {
        sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/hue-2019")
        let shm = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        path = shm + "ciodash-fuzz-\(getpid())"
        later = path + "-later"
        // The sample agenda without `previous:` (one folder per input is enough), one other province
        // and its CSV rows.
        let agenda = (try? String(contentsOf: sample.appendingPathComponent("meeting.yaml"), encoding: .utf8)) ?? ""
        meeting = Array(agenda.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("previous:") }.joined(separator: "\n").utf8)
        let csv = (try? String(contentsOf: sample.appendingPathComponent("metrics.csv"), encoding: .utf8)) ?? ""
        metrics = Array(csv.split(separator: "\n").enumerated()
            .filter { $0.offset == 0 || $0.element.hasPrefix("da-nang,") }
            .map { $0.element + "\n" }.joined().utf8)
        precondition(!meeting.isEmpty && !metrics.isEmpty, "the Huế sample is missing under \(sample.path)")

        try? FileManager.default.createDirectory(atPath: path + "/provinces", withIntermediateDirectories: true)
        for id in ["da-nang"] {
            let province = sample.appendingPathComponent("provinces/\(id).yaml")
            write("provinces/\(id).yaml", Array((try? Data(contentsOf: province)) ?? Data()))
        }
        write("meeting.yaml", meeting)
        write("metrics.csv", metrics)
        try? FileManager.default.createDirectory(atPath: later + "/provinces", withIntermediateDirectories: true)
        let laterAgenda = String(decoding: meeting, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("date:") ? "date: 2030-01-01" : String($0) }.joined(separator: "\n") + "\nprevious: \(path)\n"
        FileManager.default.createFile(atPath: later + "/meeting.yaml", contents: Data(laterAgenda.utf8))
        FileManager.default.createFile(atPath: later + "/provinces/da-nang.yaml",
                                       contents: try? Data(contentsOf: sample.appendingPathComponent("provinces/da-nang.yaml")))
        atexit {
            try? FileManager.default.removeItem(atPath: FuzzFolder.shared.path)
            try? FileManager.default.removeItem(atPath: FuzzFolder.shared.later)
        }
    }

    func run(target: Int, english: Bool, markdown: Bool, asEarlier: Bool, width: Int, file: [UInt8]) {
        restore()
        let name = ["provinces/quang-tri.yaml", "provinces/quang-tri.json", "meeting.yaml", "metrics.csv"][target]
        write(name, file)
        dirty = name

        if asEarlier {
            let result = MeetingLoader().load(folder: later)
            for diagnostic in result.diagnostics {
                checkSafe(TextSanitizer.line(diagnostic.description), "a diagnostic of the later meeting")
            }
            if let meeting = result.meeting {
                let snapshot = Snapshot(meeting: meeting, language: english ? .en : meeting.language, width: max(width, 200),
                                        generatedAt: 0)
                checkSafe(snapshot.text(for: [.overview]), "the later meeting's overview")
            }
        }
        let result = MeetingLoader().load(folder: path)
        for diagnostic in result.diagnostics {
            checkSafe(TextSanitizer.line(diagnostic.description), "a diagnostic")
        }
        guard let meeting = result.meeting else { return }
        let views = ViewRenderer.allViews(of: meeting).filter { view in
            guard view.name == "province" || view.name == "panel", let id = view.provinceID else { return true }
            return target == 2 || id == "quang-tri"
        }
        let language = english ? Language.en : meeting.language
        if width >= 20 {
            let snapshot = Snapshot(meeting: meeting, language: language, width: width, generatedAt: 0)
            checkSafe(markdown ? snapshot.markdown(for: views) : snapshot.text(for: views), "a snapshot")
        } else {
            let context = RenderContext(language: language, width: width)
            for view in views {
                guard let body = ViewRenderer.body(view, meeting: meeting, context: context) else { continue }
                checkSafe(body.grid.lines.joined(separator: "\n"), "view \(view) at width \(width)")
            }
        }
    }

    /// Puts back the file the last input replaced.
    private func restore() {
        switch dirty {
        case "meeting.yaml": write("meeting.yaml", meeting)
        case "metrics.csv": write("metrics.csv", metrics)
        case let name?: unlink(path + "/" + name)
        case nil: break
        }
        dirty = nil
    }

    private func write(_ relative: String, _ bytes: [UInt8]) {
        let fd = open(path + "/" + relative, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        precondition(fd >= 0, "cannot write \(path)/\(relative)")
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, bytes.count - done) }
            precondition(n > 0, "short write to \(path)/\(relative)")
            done += n
        }
        close(fd)
    }

    /// Traps when `text` holds a scalar a terminal would act on (C0 other than a line break, DEL, C1).
    private func checkSafe(_ text: String, _ what: String) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) {
                fatalError("\(what) contains the control character U+\(String(v, radix: 16, uppercase: true))")
            }
        }
    }
}
