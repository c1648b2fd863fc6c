import CioDashApp
import CioDashRender
import Foundation
import Glibc
import NIOCore
import XCTest
@testable import CioDashNet

/// Waits (polling every 5 ms) until `condition` holds or `timeout` seconds pass; true if it held.
func eventually(timeout: Double = 5, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
        if condition() { return true }
        usleep(5_000)
    }
    return condition()
}

/// Collects a follower's events as they come, for tests to wait on.
final class FollowerProbe {
    let client: FollowerClient
    private(set) var events: [FollowerLinkEvent] = []

    init(_ client: FollowerClient) { self.client = client }

    func poll() -> [FollowerLinkEvent] {
        events += client.inbox.drain()
        return events
    }

    var lastState: PresenterShare? {
        for case .state(let s, _) in poll().reversed() { return s }
        return nil
    }

    var refusal: RejectReason? {
        for case .refused(let r) in poll() { return r }
        return nil
    }

    func has(_ event: FollowerLinkEvent) -> Bool { poll().contains(event) }
}

func share(_ revision: UInt64, slide: ViewID = .agenda, fingerprint: String = "") -> PresenterShare {
    PresenterShare(revision: revision, slide: slide, slideNumber: Int(revision) + 1,
                   slideCount: max(200, Int(revision) + 1), spent: [:],
                   activeTopic: nil, runningFor: nil, paused: false, sessionDelta: 0, fingerprint: fingerprint)
}

let testCode = try! RoomCode(typed: "TEST-CODE-42")

func testSettings(_ code: RoomCode = testCode) -> ShareSettings {
    var s = ShareSettings(host: "127.0.0.1", port: 0, code: code)
    s.heartbeat = 0.5
    return s
}

/// A peer speaking raw bytes on a blocking socket, for what no ciodash follower would send.
final class RawPeer {
    let fd: Int32

    init?(port: Int, from local: String? = nil, receiveBuffer: Int32? = nil) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        if let local {
            var addr = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr(local)), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
            let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            guard bound == 0 else { close(fd); return nil }
        }
        var addr = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: in_port_t(UInt16(port).bigEndian),
                               sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard ok == 0 else { close(fd); return nil }
    }

    /// A connected socket (one `accept` gave).
    init?(adopting descriptor: Int32) {
        guard descriptor >= 0 else { return nil }
        fd = descriptor
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func sendFrame(_ body: [UInt8]) {
        var out: [UInt8] = []
        out.appendBigEndian(UInt32(body.count))
        send(out + body)
    }

    /// Everything that arrives until the peer closes or `timeout` seconds pass; and whether it closed.
    func readUntilClosed(timeout: Double = 3) -> (bytes: [UInt8], closed: Bool) {
        var all: [UInt8] = []
        let end = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < end {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return (all, true) }
            if n < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                return (all, true)
            }
            all += buffer[..<n]
        }
        return (all, false)
    }

    /// One frame body, or nil after `timeout`.
    func readFrame(timeout: Double = 3) -> [UInt8]? {
        var pending: [UInt8] = []
        let end = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < end {
            if pending.count >= 4 {
                let length = pending[0..<4].reduce(0) { $0 << 8 | Int($1) }
                if pending.count >= 4 + length { return Array(pending[4..<(4 + length)]) }
            }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { pending += buffer[..<n] } else if n == 0 { return nil }
        }
        return nil
    }

    /// Does the handshake by hand with `code`; the frame that ended it (welcome or reject).
    func handshake(code: RoomCode, role: LinkRole = .follower) -> [UInt8]? {
        let nonce = LinkKeys.nonce()
        sendFrame(Hello(version: linkProtocolVersion, role: role, wantsFolder: false, nonce: nonce).body)
        guard let reply = readFrame() else { return nil }
        guard let challenge = Challenge.parse(reply) else { return reply }
        sendFrame(ProofFrame(tag: .proof, mac: LinkKeys.proof(.follower, code: code, role: role, followerNonce: nonce,
                                                               presenterNonce: challenge.nonce)).body)
        return readFrame()
    }
}

/// The reject reason in a frame body, if it is a reject frame.
func rejectReason(_ body: [UInt8]?) -> RejectReason? {
    body.flatMap(RejectFrame.parse)?.reason
}

/// The reject reason in the first frame of raw bytes.
func rejectReason(inStream bytes: [UInt8]) -> RejectReason? {
    guard bytes.count >= 4 else { return nil }
    let length = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
    guard bytes.count >= 4 + length else { return nil }
    return rejectReason(Array(bytes[4..<(4 + length)]))
}

/// A presenter that knows the code but sends what no ciodash presenter would: it listens on
/// loopback, does the presenter's half of the handshake by hand, then seals any payload.
final class HostilePresenter {
    let fd: Int32
    let port: Int

    init?() {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { return nil }
        var addr = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")),
                               sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, size) == 0 && listen(listener, 8) == 0 && getsockname(listener, $0, &size) == 0
            }
        }
        guard bound else { close(listener); return nil }
        fd = listener
        port = Int(UInt16(bigEndian: addr.sin_port))
    }

    deinit { close(fd) }

    /// One joined follower, to send sealed messages to.
    final class Session {
        let peer: RawPeer
        var sealer: MessageSealer

        init(peer: RawPeer, sealer: MessageSealer) {
            self.peer = peer
            self.sealer = sealer
        }

        func send(_ kind: SealedKind, _ payload: [UInt8]) {
            var all: [UInt8] = []
            for var part in sealer.seal(kind, ByteBuffer(bytes: payload), allocator: ByteBufferAllocator()) {
                all += part.readBytes(length: part.readableBytes)!
            }
            peer.send(all)
        }

        func send(_ share: PresenterShare) { send(.state, Array(try! JSONEncoder().encode(share))) }
        func send(json: String) { send(.state, Array(json.utf8)) }
    }

    /// Waits (up to 5 s) for a follower and joins it with `code`; nil when none came or it failed.
    func accept(code: RoomCode = testCode) -> Session? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 5000) == 1 else { return nil }
        let client = Glibc.accept(fd, nil, nil)
        guard client >= 0, let peer = RawPeer(adopting: client),
              case .success(let hello)? = peer.readFrame().map(Hello.parse) else { return nil }
        let nonce = LinkKeys.nonce()
        peer.sendFrame(Challenge(nonce: nonce).body)
        guard let proof = peer.readFrame().flatMap({ ProofFrame.parse($0, as: .proof) }),
              LinkKeys.verify(proof.mac, .follower, code: code, role: hello.role, followerNonce: hello.nonce, presenterNonce: nonce)
        else { return nil }
        peer.sendFrame(ProofFrame(tag: .welcome, mac: LinkKeys.proof(.presenter, code: code, role: hello.role,
                                                                       followerNonce: hello.nonce, presenterNonce: nonce)).body)
        let keys = LinkKeys(code: code, followerNonce: hello.nonce, presenterNonce: nonce)
        return Session(peer: peer, sealer: MessageSealer(key: keys.toFollower))
    }
}
