import CioDashApp
import CioDashCore
import CioDashRender
import CioDashSamples
import Foundation
import Glibc
import XCTest
@testable import CioDashWeb

/// Waits (polling every 5 ms) until `condition` holds or `timeout` seconds pass; true if it held.
func eventually(timeout: Double = 5, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
        if condition() { return true }
        usleep(5_000)
    }
    return condition()
}

let testToken = ViewerToken.derive(code: "TESTC0DE42")

func webSettings() -> WebSettings {
    var s = WebSettings(host: "127.0.0.1", port: 0, token: testToken)
    s.heartbeat = 0.5
    s.headerDeadline = 1
    return s
}

func sampleMeeting() throws -> Meeting {
    try XCTUnwrap(MeetingLoader().load(folder: SampleMeetings.hue2019.path).meeting)
}

func share(_ revision: UInt64, slide: ViewID = .agenda, runningFor: Double? = nil, active: String? = nil) -> PresenterShare {
    PresenterShare(revision: revision, slide: slide, slideNumber: Int(revision) + 1, slideCount: 20, spent: [:],
                   activeTopic: active, runningFor: runningFor, paused: false, sessionDelta: 0, fingerprint: "f")
}

/// A web server on loopback with the sample meeting loaded and a first state, stopped by `stop`.
func startServer(_ settings: WebSettings = webSettings(), meeting: Meeting? = nil) throws -> (WebServer, Int) {
    let server = WebServer(settings: settings)
    let port = try server.start()
    server.publish(meeting: try meeting ?? sampleMeeting(), generation: 1)
    server.publish(share(1))
    return (server, port)
}

/// A browser speaking raw bytes on a blocking loopback socket, for what no browser would send.
final class RawClient {
    let fd: Int32

    init?(port: Int, receiveBuffer: Int32? = nil) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var addr = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: in_port_t(UInt16(port).bigEndian),
                               sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard ok == 0 else { close(fd); return nil }
    }

    deinit { close(fd) }

    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Everything that arrives until the server closes or `timeout` seconds pass; and whether it closed.
    func readUntilClosed(timeout: Double = 3) -> (text: String, closed: Bool) {
        var all: [UInt8] = []
        let end = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < end {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return (String(decoding: all, as: UTF8.self), true) }
            if n < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                return (String(decoding: all, as: UTF8.self), true)
            }
            all += buffer[..<n]
        }
        return (String(decoding: all, as: UTF8.self), false)
    }

    /// What arrives until `text` is in it or `timeout` passes.
    func read(until text: String, timeout: Double = 3) -> String {
        var all: [UInt8] = []
        let end = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < end {
            if String(decoding: all, as: UTF8.self).contains(text) { break }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            if n > 0 { all += buffer[..<n] }
        }
        return String(decoding: all, as: UTF8.self)
    }
}

/// One request, the whole answer (the server closes every connection after one).
func request(_ port: Int, _ target: String, method: String = "GET", version: String = "HTTP/1.1", headers: String = "") -> String {
    guard let client = RawClient(port: port) else { return "" }
    client.send("\(method) \(target) \(version)\r\nHost: 127.0.0.1\r\n\(headers)\r\n")
    return client.readUntilClosed().text
}

func status(_ response: String) -> Int? {
    let line = response.prefix { $0 != "\r" }.split(separator: " ")
    return line.count >= 2 ? Int(line[1]) : nil
}

func body(_ response: String) -> String {
    guard let r = response.range(of: "\r\n\r\n") else { return "" }
    return String(response[r.upperBound...])
}
