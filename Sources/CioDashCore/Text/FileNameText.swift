#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names and paths are bytes, not text: a name that is not valid UTF-8 cannot become a Swift
/// String without losing what it was. This writes it the way messages can show it, each byte that
/// is not part of valid UTF-8 as `<E9>` (the sanitiser's notation for C1 bytes).
public enum FileNameText {
    /// The name as text, and whether the bytes were valid UTF-8 (then the text is exactly them).
    public static func display<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (text: String, isValidUTF8: Bool) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var out = String.UnicodeScalarView()
        var valid = true
        // The parser hands back the bytes of a bad sequence one error at a time: show them from the input.
        var rest = bytes[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                out.append(Unicode.UTF8.decode(encoded))
                rest = rest.dropFirst(encoded.count)
            case .error(let length):
                valid = false
                for byte in rest.prefix(length) { out.append(contentsOf: "<\(hex(byte))>".unicodeScalars) }
                rest = rest.dropFirst(length)
            case .emptyInput:
                return (String(out), valid)
            }
        }
    }

    /// The raw bytes of the command-line argument that Swift decoded (replacing bad bytes with
    /// U+FFFD) as `argument`, when that argument was not valid UTF-8; nil otherwise.
    public static func undecodableArgument(_ argument: String) -> [UInt8]? {
        guard argument.unicodeScalars.contains("\u{FFFD}") else { return nil }
        for i in 0..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[i] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                  count: strlen(pointer)))
            if !display(bytes).isValidUTF8 && String(decoding: bytes, as: UTF8.self) == argument { return bytes }
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
