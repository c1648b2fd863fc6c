import Crypto
import Foundation

/// The room code a presenter gives the room: the secret that proves a follower may join and that
/// the presenter is who it claims. Never sent on the wire; only proofs made with it are.
public struct RoomCode: Equatable, Sendable, CustomStringConvertible {
    /// The normalised code: ASCII upper case letters and digits, no separators.
    public let value: String
    /// The code as the presenter chose it, upper case, spaces as dashes (`PHONG-HOP-2026`): shown
    /// to the room as chosen, since a follower may type either form. Nil for a generated code.
    private let chosen: String?

    /// Two codes are the same when they normalise alike, however they were written.
    public static func == (a: RoomCode, b: RoomCode) -> Bool { a.value == b.value }

    /// Crockford's base 32: no I, L, O or U, so a code read aloud or off a projector is not misread.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// A generated code has 10 symbols: 50 bits, beyond guessing within a meeting even offline.
    public static let generatedLength = 10
    /// Shortest code `--code` accepts.
    public static let minimumLength = 6
    public static let maximumLength = 64

    public enum Failure: Error, Equatable {
        case tooShort, tooLong, badCharacter(Character)
    }

    /// A code as a person typed it: case, spaces and dashes do not matter, and O/I/L read as 0/1/1.
    public init(typed: String) throws(Failure) {
        var out = ""
        for c in typed {
            if c == " " || c == "-" || c == "\t" { continue }
            guard c.isASCII, c.isLetter || c.isNumber else { throw .badCharacter(c) }
            switch c.uppercased() {
            case "O": out.append("0")
            case "I", "L": out.append("1")
            case let u: out.append(contentsOf: u)
            }
        }
        guard out.count >= Self.minimumLength else { throw .tooShort }
        guard out.count <= Self.maximumLength else { throw .tooLong }
        value = out
        // Only ASCII letters, digits and single dashes between groups reach the screen.
        let groups = typed.uppercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\t" })
        chosen = groups.joined(separator: "-")
    }

    private init(generated: String) {
        value = generated
        chosen = nil
    }

    /// A fresh random code for one session.
    public static func generate() -> RoomCode {
        var rng = SystemRandomNumberGenerator()
        let symbols = (0..<generatedLength).map { _ in alphabet[Int(rng.next(upperBound: UInt32(alphabet.count)))] }
        return RoomCode(generated: String(symbols))
    }

    /// As chosen (`PHONG-HOP-2026`), or a generated code grouped by five for reading off a screen:
    /// "7KQ2M-XW9PD".
    public var description: String {
        if let chosen { return chosen }
        var out = ""
        for (i, c) in value.enumerated() {
            if i > 0 && i % 5 == 0 { out.append("-") }
            out.append(c)
        }
        return out
    }

    /// The key both sides derive from the code; proofs and session keys come from it.
    var key: SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Data(value.utf8)),
                               salt: Data("ciodash room code".utf8), info: Data("ciodash/1".utf8),
                               outputByteCount: 32)
    }
}
