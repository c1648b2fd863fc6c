import Dispatch
import Foundation
import XCTest
@testable import CioDashCore

/// A snapshot file is complete or absent: never over an existing file unless asked, never partial,
/// and a full disk or a read-only folder is a clear error that leaves no temporary file behind.
final class AtomicFileTests: XCTestCase {
    private var folder: String!
    private var mounted: String?

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "ciodash-atomic-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let mounted { umount2(mounted, Int32(MNT_DETACH)) }
        mounted = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }

    /// Names in `folder` other than `expected`: temporary files left behind would show here.
    private func leftovers(in directory: String, besides expected: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { !expected.contains($0) }.sorted()
    }

    private func assertWriteFails(_ data: [UInt8], to path: String, overwrite: Bool, _ expected: AtomicFile.Failure,
                                  file: StaticString = #filePath, line: UInt = #line) {
        do {
            try AtomicFile.write(data, to: path, overwrite: overwrite)
            XCTFail("expected \(expected), but the write succeeded", file: file, line: line)
        } catch {
            XCTAssertEqual(error, expected, file: file, line: line)
        }
    }

    /// A tmpfs of `size` at a fresh folder (tests run as root); skips where mounting is not allowed.
    private func mountTmpfs(size: String) throws -> String {
        let point = folder + "/mnt"
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        guard mount("tmpfs", point, "tmpfs", 0, "size=\(size),mode=0755") == 0 else {
            throw XCTSkip("cannot mount a tmpfs here (\(String(cString: strerror(errno)))); the full-disk and "
                          + "read-only cases need one, testImpossiblePathIsAClearError covers the error path")
        }
        mounted = point
        return point
    }

    // MARK: No clobbering

    func testNewFileIsWrittenWhole() throws {
        let path = folder + "/snapshot.txt"
        let data = Array("Tổng quan\n".utf8)
        try AtomicFile.write(data, to: path, overwrite: false)
        XCTAssertEqual(contents(path), data)
        XCTAssertEqual(try leftovers(in: folder, besides: ["snapshot.txt"]), [])
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        let mask = umask(0)
        umask(mask)
        XCTAssertEqual(mode, 0o666 & ~Int(mask), "readable like any file the user creates, not mkstemp's 0600")
    }

    func testExistingFileIsKeptWithoutOverwrite() throws {
        let path = folder + "/minutes.txt"
        try Data("biên bản\n".utf8).write(to: URL(fileURLWithPath: path))
        assertWriteFails(Array("new".utf8), to: path, overwrite: false, .exists(path))
        XCTAssertEqual(contents(path), Array("biên bản\n".utf8))
        XCTAssertEqual(try leftovers(in: folder, besides: ["minutes.txt"]), [])
        XCTAssertEqual(AtomicFile.Failure.exists(path).description, "\(path) already exists; use --force to overwrite it")
    }

    func testOverwriteReplacesTheFileWhole() throws {
        let path = folder + "/minutes.txt"
        try Data(repeating: 0x78, count: 100_000).write(to: URL(fileURLWithPath: path))
        try AtomicFile.write(Array("short\n".utf8), to: path, overwrite: true)
        XCTAssertEqual(contents(path), Array("short\n".utf8))
        XCTAssertEqual(try leftovers(in: folder, besides: ["minutes.txt"]), [])
    }

    /// `-o /dev/null` once replaced the device with a regular file (found while benchmarking, as root).
    func testDeviceIsWrittenIntoNotReplaced() throws {
        try AtomicFile.write(Array("bỏ đi\n".utf8), to: "/dev/null", overwrite: false)
        try AtomicFile.write(Array("bỏ đi\n".utf8), to: "/dev/null", overwrite: true)
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a character device")
        XCTAssertEqual(try leftovers(in: folder, besides: []), [])
    }

    func testFifoIsWrittenInto() throws {
        let path = folder + "/pipe"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        // A reader on the other end, as `ciodash snapshot -o pipe` would have.
        let cat = Process()
        cat.executableURL = URL(fileURLWithPath: "/bin/cat")
        cat.arguments = [path]
        let output = Pipe()
        cat.standardOutput = output
        try cat.run()
        try AtomicFile.write(Array("Tổng quan\n".utf8), to: path, overwrite: false)
        let received = output.fileHandleForReading.readDataToEndOfFile()
        cat.waitUntilExit()
        XCTAssertEqual(Array(received), Array("Tổng quan\n".utf8))
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
    }

    func testSymbolicLinkStaysALinkAndItsFileIsReplaced() throws {
        let target = folder + "/real.txt", link = folder + "/latest.txt"
        try Data("cũ\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        assertWriteFails(Array("mới\n".utf8), to: link, overwrite: false, .exists(link))
        try AtomicFile.write(Array("mới\n".utf8), to: link, overwrite: true)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertEqual(contents(target), Array("mới\n".utf8))
        XCTAssertEqual(try leftovers(in: folder, besides: ["real.txt", "latest.txt"]), [])
    }

    /// The refusal rests on link(), which fails if the name exists, not on the check made first: a
    /// dangling symbolic link is invisible to that check (access follows links) yet holds the name,
    /// as a file created by someone else between the check and the link would.
    func testNameTakenAfterTheCheckIsNotOverwritten() throws {
        let path = folder + "/snapshot.txt"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder + "/elsewhere.txt")
        assertWriteFails(Array("new".utf8), to: path, overwrite: false, .exists(path))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path), folder + "/elsewhere.txt")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/elsewhere.txt"), "nothing written through the link")
        XCTAssertEqual(try leftovers(in: folder, besides: ["snapshot.txt"]), [])
    }

    func testConcurrentWritersOneWinsWhole() throws {
        let maskBefore = umask(0o022)
        umask(maskBefore)
        let path = folder + "/snapshot.txt"
        // Many small writes, so that writers overlap at every step (the umask race needed that).
        let writers = 64
        let payloads = (0..<writers).map { Array(String(repeating: "\($0)-", count: 1_000).utf8) }
        let outcomes = UnsafeMutableBufferPointer<Bool>.allocate(capacity: writers)
        defer { outcomes.deallocate() }
        DispatchQueue.concurrentPerform(iterations: writers) { i in
            outcomes[i] = (try? AtomicFile.write(payloads[i], to: path, overwrite: false)) != nil
        }
        let winners = outcomes.indices.filter { outcomes[$0] }
        XCTAssertEqual(winners.count, 1, "exactly one writer creates the file; the others are told it exists")
        if let winner = winners.first { XCTAssertEqual(contents(path), payloads[winner], "the winner's bytes, whole") }
        XCTAssertEqual(try leftovers(in: folder, besides: ["snapshot.txt"]), [])
        let maskAfter = umask(maskBefore)
        XCTAssertEqual(maskAfter, maskBefore, "the process's umask is not the writers' to change")
    }

    // MARK: Failures

    /// A folder is refused before any temporary file is made (the full-disk test covers the
    /// removal of a temporary file when a write fails part way).
    func testFolderIsRefusedAndNothingIsLeft() throws {
        let path = folder + "/taken"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        assertWriteFails(Array("x".utf8), to: path, overwrite: true, .cannotWrite(path, reason: "it is a folder"))
        assertWriteFails(Array("x".utf8), to: path, overwrite: false, .cannotWrite(path, reason: "it is a folder"))
        XCTAssertEqual(try leftovers(in: folder, besides: ["taken"]), [])
    }

    func testImpossiblePathIsAClearError() throws {
        let file = folder + "/notes.txt"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let path = file + "/snapshot.txt"
        assertWriteFails(Array("x".utf8), to: path, overwrite: false, .cannotWrite(path, reason: "Not a directory"))
        XCTAssertEqual(AtomicFile.Failure.cannotWrite(path, reason: "Not a directory").description,
                       "cannot write \(path): Not a directory")
    }

    func testFullDiskIsAClearErrorAndLeavesNothingBehind() throws {
        let disk = try mountTmpfs(size: "64k")
        let path = disk + "/snapshot.txt"
        let big = [UInt8](repeating: 0x41, count: 256 << 10)
        assertWriteFails(big, to: path, overwrite: false, .cannotWrite(path, reason: "No space left on device"))
        XCTAssertEqual(try leftovers(in: disk, besides: []), [], "no partial file, no temporary file")

        // Over an existing file: it stays as it was.
        let old = Array("the previous snapshot\n".utf8)
        try AtomicFile.write(old, to: path, overwrite: false)
        assertWriteFails(big, to: path, overwrite: true, .cannotWrite(path, reason: "No space left on device"))
        XCTAssertEqual(contents(path), old)
        XCTAssertEqual(try leftovers(in: disk, besides: ["snapshot.txt"]), [])
    }

    func testReadOnlyFolderIsAClearError() throws {
        let disk = try mountTmpfs(size: "64k")
        let path = disk + "/snapshot.txt"
        let old = Array("kept\n".utf8)
        try AtomicFile.write(old, to: path, overwrite: false)
        guard mount("tmpfs", disk, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), "size=64k") == 0 else {
            throw XCTSkip("cannot remount the tmpfs read-only: \(String(cString: strerror(errno)))")
        }
        assertWriteFails(Array("x".utf8), to: disk + "/new.txt", overwrite: false,
                         .cannotWrite(disk + "/new.txt", reason: "Read-only file system"))
        assertWriteFails(Array("x".utf8), to: path, overwrite: true, .cannotWrite(path, reason: "Read-only file system"))
        XCTAssertEqual(contents(path), old)
    }

    // MARK: Issue 16, class 13

    func testDanglingLinkWithForceStaysALink() throws {
        let target = folder + "/minutes/today.txt", link = folder + "/latest.txt"
        try FileManager.default.createDirectory(atPath: folder + "/minutes", withIntermediateDirectories: true)
        XCTAssertEqual(symlink("minutes/today.txt", link), 0)
        assertWriteFails(Array("mới\n".utf8), to: link, overwrite: false, .exists(link))
        try AtomicFile.write(Array("mới\n".utf8), to: link, overwrite: true)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "minutes/today.txt",
                       "the link is kept, pointing where it pointed")
        XCTAssertEqual(contents(target), Array("mới\n".utf8), "the file it names is created")
        XCTAssertEqual(try leftovers(in: folder, besides: ["minutes", "latest.txt"]), [])
    }

    func testLinkLoopIsAClearError() throws {
        let a = folder + "/a", b = folder + "/b"
        XCTAssertEqual(symlink(b, a), 0)
        XCTAssertEqual(symlink(a, b), 0)
        assertWriteFails(Array("x".utf8), to: a, overwrite: true,
                         .cannotWrite(a, reason: "its symbolic links loop back on themselves"))
    }

    func testFifoWithoutReaderFailsInsteadOfBlocking() throws {
        let path = folder + "/pipe"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        let start = DispatchTime.now().uptimeNanoseconds
        assertWriteFails(Array("x".utf8), to: path, overwrite: false,
                         .cannotWrite(path, reason: "it is a pipe that nobody is reading"))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        XCTAssertLessThan(seconds, 10, "gave up after the wait, not never")
    }
}
