import NIOCore
import NIOPosix

/// A host and port as typed on the command line: `HOST`, `HOST:PORT`, `:PORT`, `PORT`, `[v6]:PORT`.
public struct LinkAddress: Equatable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Nil when the text is not an address (a port outside 1–65535, say).
    public init?(_ text: String, defaultHost: String, defaultPort: Int = ShareSettings.defaultPort) {
        var host = defaultHost, port = defaultPort
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let p = Int(rest.dropFirst()) else { return nil }
                port = p
            }
        } else if let p = Int(text) {
            port = p
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            let h = String(text[..<colon])
            guard let p = Int(text[text.index(after: colon)...]) else { return nil }
            if !h.isEmpty { host = h }
            port = p
        } else if !text.isEmpty {
            host = text
        }
        guard (1...65535).contains(port), !host.isEmpty,
              host.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Where followers can reach a presenter listening here: its own host when it names one,
    /// otherwise each non-loopback IPv4 address of this machine (loopback when it has none).
    public func joinAddresses() -> [String] {
        guard host == "0.0.0.0" || host == "::" else { return [description] }
        let devices = (try? System.enumerateDevices()) ?? []
        var found: [String] = []
        for device in devices {
            guard case .v4? = device.address, let ip = device.address?.ipAddress, !ip.hasPrefix("127."),
                  !found.contains(ip) else { continue }
            found.append(ip)
        }
        return (found.isEmpty ? ["127.0.0.1"] : found).map { LinkAddress(host: $0, port: port).description }
    }
}
