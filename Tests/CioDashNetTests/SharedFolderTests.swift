import CioDashCore
import Foundation
import Glibc
import XCTest
@testable import CioDashNet

/// What a presenter shares of its meeting folder, and how a follower takes and writes it (issue 28):
/// only the folder's own regular files, read with a hard cap; odd names left out and said, the
/// rest sent and taken; received folders written off the screen's thread, latest only.
final class SharedFolderTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "ciodash-share-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/provinces", withIntermediateDirectories: true)
        try write("meeting.yaml", "format: ciodash/1\n")
        try write("provinces/hue.yaml", "id: hue\n")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + path))
    }

    private func link(_ path: String, to target: String) {
        XCTAssertEqual(symlink(target, folder + "/" + path), 0, "symlink \(path)")
    }

    private func read(limits: LoadLimits = .default) throws -> FolderFiles {
        let result = FolderFiles.read(folder: folder, limits: limits)
        guard case .success(let files) = result else { throw XCTSkip("unexpected \(result)") }
        return files
    }

    private var paths: (FolderFiles) -> [String] = { $0.files.map(\.path) }

    // MARK: Item 5: links out of the folder

    func testLinksAreNotFollowedNeitherOutOfTheFolderNorInsideIt() throws {
        let outside = NSTemporaryDirectory() + "ciodash-private-\(UUID().uuidString)"
        try Data("SECRET=1\n".utf8).write(to: URL(fileURLWithPath: outside))
        defer { unlink(outside) }
        link("provinces/private.yaml", to: outside)
        link("provinces/environ.yaml", to: "/proc/self/environ")
        link("provinces/inside.yaml", to: "hue.yaml")
        link("metrics.csv", to: outside)
        let files = try read()
        XCTAssertEqual(paths(files), ["meeting.yaml", "provinces/hue.yaml"], "only the folder's own regular files")
        XCTAssertFalse(files.files.contains { String(decoding: $0.bytes, as: UTF8.self).contains("SECRET") })
        XCTAssertEqual(Set(files.left.map(\.path)), ["metrics.csv", "provinces/private.yaml", "provinces/environ.yaml", "provinces/inside.yaml"])
        XCTAssertTrue(files.left.allSatisfy { $0.reason == .link }, "\(files.left)")
    }

    func testAProvincesFolderThatIsALinkIsNotFollowed() throws {
        try FileManager.default.removeItem(atPath: folder + "/provinces")
        link("provinces", to: "/etc")
        let files = try read()
        XCTAssertEqual(paths(files), ["meeting.yaml"])
        XCTAssertEqual(files.left, [FolderFiles.Left(path: "provinces", reason: .link)])
    }

    func testOtherKindsOfFileAreLeftOutAndTheRestSent() throws {
        XCTAssertEqual(mkfifo(folder + "/provinces/fifo.yaml", 0o600), 0)
        try FileManager.default.createDirectory(atPath: folder + "/provinces/dir.yaml", withIntermediateDirectories: false)
        let files = try read()
        XCTAssertEqual(paths(files), ["meeting.yaml", "provinces/hue.yaml"], "a FIFO does not hang the read")
        XCTAssertEqual(files.left.map(\.reason), [.notRegular, .notRegular])
    }

    // MARK: Item 4: a hard cap while reading

    func testAProcFileIsReadOnlyUpToTheCapWhateverItsSizeSays() throws {
        let fd = open("/proc/self/pagemap", O_RDONLY)
        guard fd >= 0 else { throw XCTSkip("no /proc/self/pagemap here") }
        defer { close(fd) }
        var info = stat()
        XCTAssertEqual(fstat(fd, &info), 0)
        XCTAssertEqual(info.st_size, 0, "stat says nothing of its size (the old cap summed stat sizes)")
        let bytes = try XCTUnwrap(FolderFiles.readCapped(fd, cap: 1 << 20))
        XCTAssertGreaterThan(bytes.count, 1 << 20, "more than the cap says it is too large")
        XCTAssertLessThanOrEqual(bytes.count, (1 << 20) + (64 << 10), "and reading stopped there (of a file of gigabytes)")
    }

    func testAFileOverTheLoadersLimitIsLeftOutAndTheRestSent() throws {
        try write("provinces/big.yaml", String(repeating: "x", count: 101))
        var limits = LoadLimits.default
        limits.maxFileSize = 100
        let files = try read(limits: limits)
        XCTAssertEqual(paths(files), ["meeting.yaml", "provinces/hue.yaml"])
        XCTAssertEqual(files.left, [FolderFiles.Left(path: "provinces/big.yaml", reason: .tooLarge)])
    }

    func testAFolderOverTheTotalCapIsTooLargeToSend() throws {
        var limits = LoadLimits.default
        limits.maxFileSize = FolderFiles.maxTotalBytes
        for i in 0..<3 { try write("provinces/p\(i).yaml", String(repeating: "x", count: 6 << 20)) }
        XCTAssertEqual(FolderFiles.read(folder: folder, limits: limits).failure, .tooLarge)
    }

    // MARK: Item 14: odd names

    func testOddNamesAreLeftOutAndSaidAndTheRestSentAndTaken() throws {
        try write("provinces/a\\b.yaml", "id: ab\n")
        try write("provinces/ctl\u{1}.yaml", "id: ctl\n")
        let nfc = "provinces/Hu\u{1EBF}.yaml", nfd = "provinces/Hue\u{302}\u{301}.yaml"
        try write(nfc, "id: nfc\n")
        try write(nfd, "id: nfd\n")
        let raw = Array((folder + "/provinces/caf").utf8) + [0xE9] + Array(".yaml".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o600) } }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)

        let files = try read()
        XCTAssertEqual(Set(paths(files)), ["meeting.yaml", "provinces/hue.yaml", nfc, nfd],
                       "both spellings of one name are two files, as on the presenter's disk")
        XCTAssertEqual(files.files.filter { $0.path == nfc }.count, 2, "(Swift's == sees one name twice: the bytes differ)")
        XCTAssertEqual(Set(files.left.map(\.path)), ["provinces/a\\b.yaml", "provinces/ctl\u{1}.yaml", "provinces/caf<E9>.yaml"])
        XCTAssertTrue(files.left.allSatisfy { $0.reason == .badName })

        // Sent and taken: the follower gets the rest, and hears what was left out.
        let back = try XCTUnwrap(FolderFiles.decode(files.encoded[...]))
        XCTAssertEqual(back, files)
        XCTAssertEqual(back.fingerprint, files.fingerprint)
    }

    func testAFollowerTakesTheRestOfAFolderWithANameItRefuses() throws {
        // What a presenter without the check sent: a name with a backslash among the files.
        var message: [UInt8] = []
        message.appendBigEndian(UInt32(3))
        for (path, bytes) in [("meeting.yaml", "format: ciodash/1\n"), ("provinces/a\\b.yaml", "x"), ("provinces/hue.yaml", "id: hue\n")] {
            message.appendBigEndian(UInt16(path.utf8.count))
            message += Array(path.utf8)
            message.appendBigEndian(UInt32(bytes.utf8.count))
            message += Array(bytes.utf8)
        }
        let files = try XCTUnwrap(FolderFiles.decode(message[...]), "the message is taken")
        XCTAssertEqual(files.files.map(\.path), ["meeting.yaml", "provinces/hue.yaml"])
        XCTAssertEqual(files.left, [FolderFiles.Left(path: "provinces/a\\b.yaml", reason: .badName)])
        // A path out of the folder is never taken.
        XCTAssertFalse(FolderFiles.isAllowed("provinces/../x"))
        XCTAssertFalse(FolderFiles.isAllowed("../meeting.yaml"))
    }

    // MARK: Item 12: written off the screen's thread

    func testAFolderIsWrittenOffTheCallingThreadWhichGoesOnMeanwhile() throws {
        let received = try ReceivedFolder()
        defer { received.remove() }
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let callingThread = pthread_self()
        let writes = NIOLockedCounter()
        let writer = ReceivedFolderWriter(folder: received, minimumInterval: 0) { files in
            writes.add(pthread_equal(pthread_self(), callingThread) != 0 ? 1000 : 1)
            started.signal()
            // Held until the test has gone on; bounded so a wrong design fails instead of hanging.
            _ = release.wait(timeout: .now() + 10)
            return received.replace(with: files)
        }
        let many = FolderFiles(files: (0..<5_000).map { .init(path: "provinces/p\($0).yaml", bytes: Array("id: p\($0)\n".utf8)) })
        writer.submit(many)
        XCTAssertEqual(started.wait(timeout: .now() + 10), .success, "the write started")
        // The calling thread (the screen's) is free while the folder is being written: it goes on
        // taking folders (resends), none of which waits for the disk.
        var later: [FolderFiles] = []
        for i in 0..<50 {
            let next = FolderFiles(files: [.init(path: "meeting.yaml", bytes: Array("format: ciodash/1\n#\(i)\n".utf8))])
            later.append(next)
            writer.submit(next)
        }
        XCTAssertFalse(writer.isIdle, "the first write is still going on")
        release.signal()
        release.signal()
        // Writing 5,000 files takes seconds on a loaded machine: wait for the condition, with a bound
        // only against a hang.
        XCTAssertTrue(eventually(timeout: 120) { writer.isIdle }, "both writes finished")
        XCTAssertEqual(writes.value, 2, "not on the calling thread, and only the first and the latest folder are written")
        let meeting = try String(contentsOfFile: received.path + "/meeting.yaml", encoding: .utf8)
        XCTAssertEqual(meeting, "format: ciodash/1\n#49\n", "the latest folder is what the follower has")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: received.path + "/provinces"), [],
                       "the latest folder replaced the first whole")
        XCTAssertEqual(writer.outcomes.drain().count, 2)
    }

    func testResendsAreWrittenAtMostOnceAnInterval() throws {
        let received = try ReceivedFolder()
        defer { received.remove() }
        let writes = NIOLockedCounter()
        let writer = ReceivedFolderWriter(folder: received, minimumInterval: 0.5) { files in
            writes.add(1)
            return received.replace(with: files)
        }
        let started = Date()
        for i in 0..<200 {
            writer.submit(FolderFiles(files: [.init(path: "meeting.yaml", bytes: Array("#\(i)\n".utf8))]))
            if i % 20 == 0 { usleep(50_000) }  // resent over about half a second
        }
        XCTAssertTrue(eventually(timeout: 10) { writer.isIdle })
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThanOrEqual(writes.value, Int(elapsed / 0.5) + 2, "\(writes.value) writes in \(elapsed) s")
        XCTAssertEqual(try String(contentsOfFile: received.path + "/meeting.yaml", encoding: .utf8), "#199\n")
    }
}

/// A counter several threads add to.
final class NIOLockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
