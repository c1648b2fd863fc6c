import ArgumentParser
import CioDashNet

extension RoomCode {
    /// A `--code` value, or the reason it is not one, in both languages.
    static func parsedForCommandLine(_ text: String) throws -> RoomCode {
        do {
            return try RoomCode(typed: text)
        } catch .tooShort {
            throw ValidationError("mã phòng cần ít nhất \(RoomCode.minimumLength) chữ hoặc số / the room code needs at least \(RoomCode.minimumLength) letters or digits")
        } catch .tooLong {
            throw ValidationError("mã phòng dài quá \(RoomCode.maximumLength) ký tự / the room code is longer than \(RoomCode.maximumLength) characters")
        } catch {
            throw ValidationError("mã phòng chỉ gồm chữ không dấu và số (A–Z, 0–9) / the room code takes only letters A–Z and digits")
        }
    }
}
