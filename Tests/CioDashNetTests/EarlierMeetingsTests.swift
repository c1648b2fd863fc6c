import CioDashCore
import Foundation
import Glibc
import XCTest
@testable import CioDashNet

/// Issue 26 item 16: a follower without its own folder is sent the earlier meetings of the
/// `previous:` chain (when it asks: hello flag 2), bounded and checked like the folder itself; an
/// older follower never sees them, and a hostile presenter can write nothing outside the copy.
final class EarlierMeetingsTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "ciodash-earlier-\(UUID().uuidString)"
        for folder in ["now", "before", "long-ago"] {
            try FileManager.default.createDirectory(atPath: root + "/\(folder)/provinces", withIntermediateDirectories: true)
            try Data("format: ciodash/1\ntitle: \(folder)\n".utf8).write(to: URL(fileURLWithPath: root + "/\(folder)/meeting.yaml"))
            try Data("id: hue\n".utf8).write(to: URL(fileURLWithPath: root + "/\(folder)/provinces/hue.yaml"))
        }
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func read() throws -> FolderFiles {
        guard case .success(let files) = FolderFiles.read(folder: root + "/now", earlier: [root + "/before", root + "/long-ago"])
        else { throw XCTSkip("unreadable") }
        return files
    }

    func testItem16TheEarlierMeetingsAreReadUnderTheirNumberAndLeaveTheFingerprintAlone() throws {
        let files = try read()
        XCTAssertEqual(files.files.map(\.path), ["meeting.yaml", "provinces/hue.yaml"])
        XCTAssertEqual(files.earlierFiles.map(\.path), ["earlier/1/meeting.yaml", "earlier/1/provinces/hue.yaml",
                                                        "earlier/2/meeting.yaml", "earlier/2/provinces/hue.yaml"])
        guard case .success(let alone) = FolderFiles.read(folder: root + "/now") else { return XCTFail() }
        XCTAssertEqual(files.fingerprint, alone.fingerprint, "a follower's own copy is compared with the meeting folder alone")
        XCTAssertEqual(FolderFiles.decode(files.encoded(withEarlier: true)[...]), files)
        XCTAssertEqual(FolderFiles.decode(files.encoded(withEarlier: false)[...]), alone, "an older follower gets the folder alone")
    }

    func testItem16OnlyPlainEarlierPathsAreTakenAndTheRestLeftOutAndSaid() {
        for good in ["earlier/1/meeting.yaml", "earlier/4/provinces/hue.yaml", "earlier/2/metrics.csv"] {
            XCTAssertTrue(FolderFiles.isAllowed(good), good)
        }
        for bad in ["earlier/0/meeting.yaml", "earlier/5/meeting.yaml", "earlier/01/meeting.yaml", "earlier/+1/meeting.yaml",
                    "earlier/1/../../x", "earlier/1/earlier/1/meeting.yaml", "earlier/1/provinces/.hidden", "earlier/1",
                    "earlier/1/", "earlier//meeting.yaml", "earlier/1/provinces/a/b", "earlier/1/notes.txt",
                    "earlier/1/provinces/a\u{1B}[2J"] {
            XCTAssertFalse(FolderFiles.isAllowed(bad), bad)
        }
        let hostile = FolderFiles(files: [.init(path: "meeting.yaml", bytes: [1])],
                                  earlierFiles: [.init(path: "earlier/9/meeting.yaml", bytes: [2]),
                                                 .init(path: "earlier/1/../../../etc/x", bytes: [3]),
                                                 .init(path: "earlier/1/meeting.yaml", bytes: [4])])
        let taken = FolderFiles.decode(hostile.encoded(withEarlier: true)[...])
        XCTAssertEqual(taken?.files.map(\.path), ["meeting.yaml"])
        XCTAssertEqual(taken?.earlierFiles.map(\.path), ["earlier/1/meeting.yaml"])
        XCTAssertEqual(Set(taken?.left.map(\.path) ?? []), ["earlier/9/meeting.yaml", "earlier/1/../../../etc/x"])
    }

    func testItem16AMessageWithMoreFilesThanTheMeetingsMayHoldIsRefused() {
        var bytes: [UInt8] = []
        let count = (FolderFiles.maxFiles + MeetingFolderLayout.topLevelFiles.count) * (1 + FolderFiles.maxEarlierMeetings) + 1
        bytes.appendBigEndian(UInt32(count))
        XCTAssertNil(FolderFiles.decode(bytes[...]), "the count is refused before any file is read")
    }

    func testItem16TheEarlierMeetingsThatDoNotFitTheCapAreNotSent() throws {
        let big = [UInt8](repeating: 65, count: FolderFiles.maxTotalBytes - 100)
        try Data(big).write(to: URL(fileURLWithPath: root + "/before/provinces/da-nang.yaml"))
        var limits = LoadLimits.default
        limits.maxFileSize = big.count
        guard case .success(let files) = FolderFiles.read(folder: root + "/now", earlier: [root + "/long-ago", root + "/before", root + "/long-ago"],
                                                          limits: limits) else { return XCTFail() }
        XCTAssertEqual(Set(files.earlierFiles.map { $0.path.split(separator: "/")[1] }), ["1"],
                       "the first meeting that would pass the cap ends the chain sent")
    }

    func testItem16AReceivedCopyWritesTheEarlierMeetingsInsideItselfAndRemovesThemWhenGone() throws {
        let received = try ReceivedFolder()
        defer { received.remove() }
        let files = try read()
        XCTAssertEqual(received.replace(with: files), [])
        XCTAssertEqual(try String(contentsOfFile: received.earlierMeetingsFolder + "/2/meeting.yaml", encoding: .utf8),
                       "format: ciodash/1\ntitle: long-ago\n")
        guard case .success(let alone) = FolderFiles.read(folder: root + "/now") else { return XCTFail() }
        XCTAssertEqual(received.replace(with: alone), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: received.earlierMeetingsFolder + "/1/meeting.yaml"),
                       "an earlier meeting no longer sent is removed")
    }

    func testItem16OnlyAFollowerThatAsksIsSentTheEarlierMeetings() throws {
        let server = PresenterServer(settings: testSettings())
        let port = try server.start()
        defer { server.stop() }
        let files = try read()
        server.publish(folder: files)
        func follower(wantsEarlier: Bool) -> FollowerProbe {
            let client = FollowerClient(target: .init(host: "127.0.0.1", port: port, code: testCode, wantsFolder: true,
                                                      wantsEarlier: wantsEarlier))
            client.start()
            return FollowerProbe(client)
        }
        let new = follower(wantsEarlier: true), old = follower(wantsEarlier: false)
        defer { new.client.stop(); old.client.stop() }
        XCTAssertTrue(eventually { new.poll().contains(.folder(files)) }, "\(new.poll())")
        guard case .success(let alone) = FolderFiles.read(folder: root + "/now") else { return XCTFail() }
        XCTAssertTrue(eventually { old.poll().contains(.folder(alone)) }, "a follower that does not ask gets the folder alone")
    }

    func testItem16TheHelloFlagIsReadOnlyWithTheFolderFlag() {
        let nonce = LinkKeys.nonce()
        for (flags, folder, earlier) in [(UInt8(0), false, false), (1, true, false), (2, false, false), (3, true, true)] {
            var body = Hello(version: linkProtocolVersion, role: .follower, wantsFolder: false, nonce: nonce).body
            body[8] = flags   // tag, "CIOD", version (2), role, then the flags
            let hello = try? Hello.parse(body).get()
            XCTAssertEqual(hello?.wantsFolder, folder, "flags \(flags)")
            XCTAssertEqual(hello?.wantsEarlier, earlier, "flags \(flags)")
        }
    }
}
