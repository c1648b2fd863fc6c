import Crypto
import Foundation
import NIOCore

/// The handshake's cryptography: proofs that each side knows the room code, and the two per-session
/// keys (one per direction) every later message is authenticated with.
///
/// Both proofs and keys bind the follower's and the presenter's nonces, so nothing recorded from one
/// session is accepted in another.
struct LinkKeys {
    static let nonceLength = 32
    static let tagLength = 32

    let toFollower: SymmetricKey
    let toPresenter: SymmetricKey

    init(code: RoomCode, followerNonce: [UInt8], presenterNonce: [UInt8]) {
        let salt = Data(followerNonce + presenterNonce)
        let ikm = code.key
        toFollower = HKDF<SHA256>.deriveKey(inputKeyMaterial: ikm, salt: salt,
                                            info: Data("ciodash/1 presenter to follower".utf8), outputByteCount: 32)
        toPresenter = HKDF<SHA256>.deriveKey(inputKeyMaterial: ikm, salt: salt,
                                             info: Data("ciodash/1 follower to presenter".utf8), outputByteCount: 32)
    }

    static func nonce() -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<nonceLength).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
    }

    enum Prover: String { case follower, presenter }

    /// HMAC-SHA-256 under the code's key over who proves, the role asked for, and both nonces.
    static func proof(_ who: Prover, code: RoomCode, role: LinkRole, followerNonce: [UInt8], presenterNonce: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: proofInput(who, role, followerNonce, presenterNonce), using: code.key))
    }

    /// Checked in constant time (swift-crypto compares the whole tag whatever differs first).
    static func verify(_ mac: [UInt8], _ who: Prover, code: RoomCode, role: LinkRole,
                       followerNonce: [UInt8], presenterNonce: [UInt8]) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: proofInput(who, role, followerNonce, presenterNonce),
                                               using: code.key)
    }

    private static func proofInput(_ who: Prover, _ role: LinkRole, _ f: [UInt8], _ p: [UInt8]) -> [UInt8] {
        Array("ciodash/1 proof by \(who.rawValue)".utf8) + [role.rawValue] + f + p
    }
}

/// Authenticates the messages one side sends, numbering them 0, 1, 2…; the receiving side's
/// `MessageOpener` accepts each number once and in order, so nothing can be replayed, dropped
/// or reordered unnoticed.
struct MessageSealer {
    let key: SymmetricKey
    private(set) var next: UInt64 = 0

    init(key: SymmetricKey) { self.key = key }

    /// The frame carrying `payload`, as three buffers (length and header, the payload itself, the
    /// tag), so a payload sent to many followers is shared rather than copied for each.
    mutating func seal(_ kind: SealedKind, _ payload: ByteBuffer, allocator: ByteBufferAllocator) -> [ByteBuffer] {
        var header: [UInt8] = [WireTag.sealed.rawValue, kind.rawValue]
        header.appendBigEndian(next)
        next += 1
        var mac = HMAC<SHA256>(key: key)
        mac.update(data: header)
        payload.withUnsafeReadableBytes { mac.update(data: $0) }
        let tag = Array(mac.finalize())
        var head = allocator.buffer(capacity: 4 + header.count)
        head.writeInteger(UInt32(header.count + payload.readableBytes + tag.count))
        head.writeBytes(header)
        return [head, payload, allocator.buffer(bytes: tag)]
    }
}

struct MessageOpener {
    let key: SymmetricKey
    private(set) var expected: UInt64 = 0

    init(key: SymmetricKey) { self.key = key }

    /// The kind and payload of a sealed frame body, or nil when its tag or number is wrong.
    mutating func open(_ body: [UInt8]) -> (SealedKind, ArraySlice<UInt8>)? {
        let header = 10
        guard body.count >= header + LinkKeys.tagLength, body[0] == WireTag.sealed.rawValue else { return nil }
        let signed = body[..<(body.count - LinkKeys.tagLength)]
        let tag = body[(body.count - LinkKeys.tagLength)...]
        guard HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: signed, using: key) else { return nil }
        var reader = ByteReader(body[2..<header])
        guard let kind = SealedKind(rawValue: body[1]), let seq = reader.uint64(), seq == expected else { return nil }
        expected += 1
        return (kind, body[header..<(body.count - LinkKeys.tagLength)])
    }
}
