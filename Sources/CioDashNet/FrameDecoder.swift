import NIOCore

/// Splits the byte stream into frame bodies: a 4-byte big-endian length, then the body. A length
/// above `maxBody` is refused as soon as its 4 bytes arrive, before anything is buffered for it
/// (a "4 GiB" prefix costs the presenter four bytes, not four gigabytes).
struct FrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = [UInt8]

    struct TooLarge: Error { var length: UInt32 }

    let maxBody: Int

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard Int(length) <= maxBody else { throw TooLarge(length: length) }
        guard buffer.readableBytes >= 4 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        context.fireChannelRead(NIOAny(buffer.readBytes(length: Int(length))!))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A half frame at the end of the stream is simply dropped with the connection.
        try decode(context: context, buffer: &buffer)
    }

    /// The frame for `body`, ready to write.
    static func frame(_ body: [UInt8], allocator: ByteBufferAllocator) -> ByteBuffer {
        var out = allocator.buffer(capacity: body.count + 4)
        out.writeInteger(UInt32(body.count))
        out.writeBytes(body)
        return out
    }
}
