import CioDashApp
import CioDashCore
import CioDashNet
import CioDashRender
import Foundation

/// libFuzzer entry point over the follower's decoder of what a presenter sends, and the screen a
/// state leads to (issue 28).
///
/// An input is two header bytes and a payload:
/// - byte 0, bit 0: the message's kind, 0 a state (JSON), 1 a folder; bit 1: English;
/// - byte 1: the screen's width, 20 + the byte (20–275 cells), 24 lines;
/// - the rest: the payload, as it comes out of an authenticated frame.
///
/// A state that `FollowerMessage.decode` lets through is applied to a follower of the Huế sample
/// as the follower applies it, and its screen drawn when it arrives and 7 days later. Traps on: a
/// state let through with a problem, a folder path outside the layout, and any drawn scalar a
/// terminal would act on.
@_cdecl("LLVMFuzzerTestOneInput")
public func followerFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 2 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let payload = Array(bytes[2...])
    switch FollowerMessage.decode(kind: bytes[0] & 1 == 0 ? 1 : 2, payload[...]) {
    case .state(let share):
        precondition(share.problem == nil, "a state with a problem was let through")
        FollowerScreen.shared.draw(share, english: bytes[0] & 2 != 0, width: 20 + Int(bytes[1]))
    case .folder(let files):
        precondition(files.files.allSatisfy { FolderFiles.isAllowed($0.path) }, "a path outside the layout")
    default:
        break
    }
    return 0
}

/// A follower of the Huế sample, made once.
final class FollowerScreen {
    static let shared = FollowerScreen()

    private let meeting: Meeting
    private let topics: Set<String>

    private init() {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/hue-2019")
        guard let loaded = MeetingLoader().load(folder: sample.path).meeting else {
            fatalError("the Huế sample is missing under \(sample.path)")
        }
        meeting = loaded
        topics = Set(loaded.topics.map(\.id))
    }

    func draw(_ share: PresenterShare, english: Bool, width: Int) {
        let now = 1_000.0
        var app = AppCore.start(meeting: meeting, mode: .present, language: english ? .en : .vi,
                                clock: .init(now: now, wall: "08:00"))
        app.follow = FollowState(presenter: "127.0.0.1:7420", ownFingerprint: nil)
        // As `FollowLink` hands it to the app core.
        app = AppCore.update(app, .remote(.presenterState(share.keepingTopics(topics), receivedAt: now))).0
        for later in [now + 1, now + PresenterShare.maxDuration] {
            app = AppCore.update(app, .tick(.init(now: later, wall: "08:00"))).0
            checkSafe(app.frame(width: width, height: 24).grid.lines.joined(separator: "\n"))
        }
    }

    /// Traps when `text` holds a scalar a terminal would act on (C0 other than a line break, DEL, C1).
    private func checkSafe(_ text: String) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) {
                fatalError("the screen contains the control character U+\(String(v, radix: 16, uppercase: true))")
            }
        }
    }
}
