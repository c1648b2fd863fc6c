/// The link's frames, byte by byte (docs/network.md shows the same table).
///
/// Every frame on the wire is a 4-byte big-endian length and that many bytes of body; the first
/// body byte says what it is. Before the handshake ends only the small clear frames below pass;
/// after it, only `sealed` frames, each authenticated with the session key of its direction.
enum WireTag: UInt8 {
    /// Follower → presenter: magic, version, role, flags, follower nonce.
    case hello = 0x01
    /// Presenter → follower: version, presenter nonce.
    case challenge = 0x02
    /// Follower → presenter: the follower's proof of the code.
    case proof = 0x03
    /// Presenter → follower: the presenter's proof of the code; the link is open.
    case welcome = 0x04
    /// Either way: why the link is refused or closed (a reason number and a readable sentence).
    case reject = 0x05
    case sealed = 0x10
}

/// What an authenticated frame carries.
enum SealedKind: UInt8 {
    /// The presenter's whole state (JSON of `PresenterShare`).
    case state = 1
    /// The meeting folder's files (`FolderFiles` encoding).
    case folder = 2
    /// The presenter is quitting.
    case bye = 3
    /// The folder is too large to send; the follower needs its own copy.
    case folderUnavailable = 4
    /// Follower → presenter: still here.
    case ping = 10
    /// Speaker view → presenter: a command (`SpeakerCommand`).
    case command = 11
}

/// Who joins: a delegate's follower, or the presenter's own speaker view (which may drive the slides).
public enum LinkRole: UInt8, Sendable {
    case follower = 1
    case speaker = 2
}

/// The protocol version a hello names; a presenter refuses any other.
public let linkProtocolVersion: UInt16 = 1
let helloMagic: [UInt8] = Array("CIOD".utf8)

struct Hello: Equatable {
    var version: UInt16
    var role: LinkRole
    /// The follower has no copy of the folder and wants the files (flag 1).
    var wantsFolder: Bool
    var nonce: [UInt8]
    /// With the files, the earlier meetings of the `previous:` chain too (flag 2; a presenter
    /// that does not know the flag ignores it and sends the folder alone).
    var wantsEarlier = false

    init(version: UInt16, role: LinkRole, wantsFolder: Bool, nonce: [UInt8], wantsEarlier: Bool = false) {
        self.version = version
        self.role = role
        self.wantsFolder = wantsFolder
        self.nonce = nonce
        self.wantsEarlier = wantsEarlier
    }

    var body: [UInt8] {
        var b: [UInt8] = [WireTag.hello.rawValue] + helloMagic
        b.appendBigEndian(version)
        b += [role.rawValue, (wantsFolder ? 1 : 0) | (wantsEarlier ? 2 : 0)] + nonce
        return b
    }

    /// A hello, or what is wrong with it: another version is told apart from garbage.
    static func parse(_ body: [UInt8]) -> Result<Hello, RejectReason> {
        var r = ByteReader(body[...])
        guard r.byte() == WireTag.hello.rawValue, r.bytes(4) == helloMagic[...], let version = r.uint16() else {
            return .failure(.malformed)
        }
        guard version == linkProtocolVersion else { return .failure(.unsupportedVersion) }
        guard let roleByte = r.byte(), let role = LinkRole(rawValue: roleByte), let flags = r.byte(),
              let nonce = r.bytes(LinkKeys.nonceLength), r.isAtEnd else { return .failure(.malformed) }
        return .success(Hello(version: version, role: role, wantsFolder: flags & 1 != 0, nonce: Array(nonce),
                              wantsEarlier: flags & 1 != 0 && flags & 2 != 0))
    }
}

struct Challenge: Equatable {
    var nonce: [UInt8]

    var body: [UInt8] {
        var b: [UInt8] = [WireTag.challenge.rawValue]
        b.appendBigEndian(linkProtocolVersion)
        return b + nonce
    }

    static func parse(_ body: [UInt8]) -> Challenge? {
        var r = ByteReader(body[...])
        guard r.byte() == WireTag.challenge.rawValue, r.uint16() == linkProtocolVersion,
              let nonce = r.bytes(LinkKeys.nonceLength), r.isAtEnd else { return nil }
        return Challenge(nonce: Array(nonce))
    }
}

/// `proof` and `welcome` frames: one tag and a MAC.
struct ProofFrame: Equatable {
    var tag: WireTag
    var mac: [UInt8]

    var body: [UInt8] { [tag.rawValue] + mac }

    static func parse(_ body: [UInt8], as tag: WireTag) -> ProofFrame? {
        var r = ByteReader(body[...])
        guard r.byte() == tag.rawValue, let mac = r.bytes(LinkKeys.tagLength), r.isAtEnd else { return nil }
        return ProofFrame(tag: tag, mac: Array(mac))
    }
}

/// A refusal: the reason's number for a ciodash peer, then a sentence in both languages for a
/// person who connected with another tool (`nc`, a browser).
struct RejectFrame: Equatable {
    var reason: RejectReason

    var body: [UInt8] {
        var b: [UInt8] = [WireTag.reject.rawValue, reason.rawValue]
        b.appendBigEndian(linkProtocolVersion)
        return b + Array(("\nciodash: " + reason.text(.vi) + " / " + reason.text(.en) + "\n").utf8)
    }

    static func parse(_ body: [UInt8]) -> RejectFrame? {
        guard body.count >= 4, body[0] == WireTag.reject.rawValue else { return nil }
        return RejectFrame(reason: RejectReason(rawValue: body[1]) ?? .malformed)
    }
}

/// Reads big-endian numbers and byte runs off a frame body, answering nil past its end.
struct ByteReader {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { bytes.isEmpty }

    mutating func byte() -> UInt8? { bytes.popFirst() }

    mutating func bytes(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, bytes.count >= n else { return nil }
        defer { bytes = bytes.dropFirst(n) }
        return bytes.prefix(n)
    }

    mutating func uint16() -> UInt16? { integer(UInt16.self) }
    mutating func uint32() -> UInt32? { integer(UInt32.self) }
    mutating func uint64() -> UInt64? { integer(UInt64.self) }

    private mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard let raw = bytes(MemoryLayout<T>.size) else { return nil }
        return raw.reduce(T(0)) { $0 << 8 | T($1) }
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        var v = value.bigEndian
        Swift.withUnsafeBytes(of: &v) { append(contentsOf: $0) }
    }
}
