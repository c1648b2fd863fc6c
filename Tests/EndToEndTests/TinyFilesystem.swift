import Foundation
import Glibc
import XCTest

/// A 64 KiB tmpfs mounted at a fresh folder, for a full disk or a read-only folder that root cannot
/// write either (chmod does not stop root). Skips the test where mounting is not allowed.
final class TinyFilesystem {
    let path: String
    private var mounted = false

    init() throws {
        path = NSTemporaryDirectory() + "ciodash-tinyfs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tmpfs", path, "tmpfs", 0, "size=64k,mode=0755") == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: path)
            throw XCTSkip("cannot mount a tmpfs here (\(reason)); AtomicFileTests cover the error path with an impossible path")
        }
        mounted = true
    }

    deinit {
        if mounted { umount2(path, Int32(MNT_DETACH)) }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Fills the file system with one file, to the last byte.
    func fill() {
        let fd = open(path + "/filler", O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 0x2E, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        close(fd)
    }

    /// Makes the file system read-only.
    func remountReadOnly() throws {
        guard mount("tmpfs", path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), "size=64k") == 0 else {
            throw XCTSkip("cannot remount the tmpfs read-only: \(String(cString: strerror(errno)))")
        }
    }

    /// Every name in it, sorted: a temporary or partial file would show here.
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}
