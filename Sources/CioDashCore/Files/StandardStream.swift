#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Standard output and standard error (or any descriptor), written with checked `write(2)` calls.
///
/// `FileHandle.write` traps when the descriptor is closed or the disk is full, and `print` loses the
/// error in a stdio buffer; every command writes its output through here instead, so that a failed
/// write is a value the command turns into a message and exit status 1.
public struct StandardStream: Sendable {
    public let descriptor: Int32
    /// "standard output", for messages.
    public let name: String

    public static let output = StandardStream(descriptor: 1, name: "standard output")
    public static let error = StandardStream(descriptor: 2, name: "standard error")

    /// Why a write did not complete, as a sentence.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var stream: String
        public var reason: String
        /// Both languages: it is said before any `--lang` may be known to the caller.
        public var description: String {
            let vi = stream == "standard output" ? "đầu ra chuẩn" : stream == "standard error" ? "đầu ra lỗi" : stream
            return "không ghi được vào \(vi): \(reason) / cannot write to \(stream): \(reason)"
        }
    }

    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Writes every byte, or throws saying why not (a closed stream, a full disk, a broken pipe).
    public func write(_ bytes: [UInt8]) throws(Failure) {
        if Self.closedAtStart(descriptor) { throw Failure(stream: name, reason: "it is closed") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Self.systemWrite(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(stream: name, reason: String(cString: strerror(errno)))
            }
            written += n
        }
    }

    public func write(_ text: String) throws(Failure) { try write(Array(text.utf8)) }

    /// Puts /dev/null on standard input, output and error where they are closed, so that no file the
    /// program opens later gets descriptor 0, 1 or 2 (output meant for the screen would land in it);
    /// writes to a stream that was closed still fail, with "it is closed". Call once, first thing.
    public static func claimClosedDescriptors() {
        var closed: UInt8 = 0
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
            closed |= 1 << UInt8(fd)
        }
        closedMask.store(closed, ordering: .sequentiallyConsistent)
    }

    static func closedAtStart(_ fd: Int32) -> Bool {
        guard (0...2).contains(fd) else { return false }
        return closedMask.load(ordering: .sequentiallyConsistent) & (1 << UInt8(fd)) != 0
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }
}

private let closedMask = Atomic<UInt8>(0)
