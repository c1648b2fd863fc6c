/// Reading scalars straight out of a String's UTF-8: the renderer measures and places every
/// character of every view, and String's scalar view costs several times more per step.
public enum UTF8Decoding {
    /// The scalar value that starts at `i` in valid UTF-8 (what a native String holds); moves `i` past it.
    @inlinable @inline(__always)
    public static func next(_ utf8: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        let b0 = utf8[i]
        if b0 < 0x80 { i += 1; return UInt32(b0) }
        if b0 < 0xE0 {
            defer { i += 2 }
            return UInt32(b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
        }
        if b0 < 0xF0 {
            defer { i += 3 }
            return UInt32(b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
        }
        defer { i += 4 }
        return UInt32(b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
            | UInt32(utf8[i + 3] & 0x3F)
    }
}
