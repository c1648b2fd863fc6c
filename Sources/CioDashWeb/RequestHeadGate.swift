import NIOCore

/// In front of the HTTP decoder: lets one request head through, whole and within the limits, and
/// nothing after it. A request line longer than `maxRequestLine` gets 414, a head longer than
/// `maxHead` 431, a head not complete within the deadline 408; bytes after the head (a body, a
/// pipelined request) are dropped, since every connection answers one request.
final class RequestHeadGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let maxRequestLine: Int
    private let maxHead: Int
    private let deadline: TimeAmount
    /// Told once: nil when the head came whole, else why the connection is refused.
    private let ended: (Channel, WebRefusal?) -> Void
    private var head: ByteBuffer?
    private var done = false
    private var timer: Scheduled<Void>?

    init(maxRequestLine: Int, maxHead: Int, deadline: TimeAmount, ended: @escaping (Channel, WebRefusal?) -> Void) {
        self.maxRequestLine = maxRequestLine
        self.maxHead = maxHead
        self.deadline = deadline
        self.ended = ended
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: deadline) { [weak self] in
            self?.refuse(channel, .slowHeaders)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) { timer?.cancel() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !done else { return }
        var incoming = unwrapInboundIn(data)
        if head == nil { head = context.channel.allocator.buffer(capacity: min(maxHead, 1024)) }
        head!.writeBuffer(&incoming)
        let view = head!.readableBytesView
        let lineEnd = view.firstIndex(of: UInt8(ascii: "\n"))
        if (lineEnd.map { $0 - view.startIndex } ?? view.count) > maxRequestLine {
            return refuse(context.channel, .targetTooLong)
        }
        guard let end = Self.endOfHead(view) else {
            if view.count > maxHead { refuse(context.channel, .headTooLarge) }
            return
        }
        guard end <= maxHead else { return refuse(context.channel, .headTooLarge) }
        done = true
        timer?.cancel()
        let whole = head!.getSlice(at: head!.readerIndex, length: end)!
        head = nil
        ended(context.channel, nil)
        context.fireChannelRead(wrapInboundOut(whole))
    }

    /// Bytes up to and including the empty line that ends a head (CRLF or bare LF lines).
    static func endOfHead(_ view: ByteBufferView) -> Int? {
        var previousWasLF = false
        var offset = 0
        for byte in view {
            offset += 1
            if byte == UInt8(ascii: "\n") {
                if previousWasLF { return offset }
                previousWasLF = true
            } else if byte != UInt8(ascii: "\r") {
                previousWasLF = false
            }
        }
        return nil
    }

    private func refuse(_ channel: Channel, _ reason: WebRefusal) {
        guard !done else { return }
        done = true
        head = nil
        timer?.cancel()
        ended(channel, reason)
        let page = WebPages.refusal(reason)
        channel.writeAndFlush(page.encoded(headOnly: false, allocator: channel.allocator)).whenComplete { _ in
            channel.close(promise: nil)
        }
        // A peer that does not read the answer does not keep the connection either.
        channel.eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
    }
}
