import Crypto
import Foundation

/// What a browser's join address carries instead of the room code: a browser on plain HTTP at a
/// LAN address has no `crypto.subtle`, so it cannot run the terminal followers' handshake; the
/// token lets it in without the code ever being in a URL, a QR code or a browser's history.
///
/// `HMAC-SHA-256(key: room code, "ciodash/1 viewer token")`, its first 80 bits in RFC 4648 base 32
/// upper case (16 characters): a QR code's alphanumeric mode holds it, and guessing it is hopeless
/// even without the rate limit.
public enum ViewerToken {
    public static let label = "ciodash/1 viewer token"
    public static let length = 16
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// The token for a room code (its normalised value, `RoomCode.value`).
    public static func derive(code: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(label.utf8), using: SymmetricKey(data: Data(code.utf8)))
        let bytes = Array(mac)
        var out: [UInt8] = []
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 && out.count < length {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
            buffer &= (1 << bits) - 1
            if out.count == length { break }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `candidate` is `token`, compared in constant time (the length is no secret).
    static func matches(_ candidate: Substring, _ token: String) -> Bool {
        let a = Array(candidate.utf8), b = Array(token.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
