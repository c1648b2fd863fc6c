import NIOCore

/// One peer of the presenter, from its first byte: hello → challenge → proof → welcome, then a
/// joined follower whose only messages are authenticated pings (and, for the speaker view,
/// commands). Anything else refuses the peer with a reason and closes it.
final class PresenterConnection: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = [UInt8]

    private enum Phase {
        case awaitingHello
        case awaitingProof(Hello, presenterNonce: [UInt8])
        case joined(MessageOpener)
        case closed
    }

    private let hub: FollowerHub
    private var phase = Phase.awaitingHello
    private var deadline: Scheduled<Void>?
    private var address = "?"

    init(hub: FollowerHub) { self.hub = hub }

    func channelActive(context: ChannelHandlerContext) {
        address = context.channel.remoteAddress?.ipAddress ?? "?"
        hub.admit(context.channel)
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: .milliseconds(Int64(hub.settings.handshakeDeadline * 1000))) { [self] in
            if case .joined = phase { return }
            if case .closed = phase { return }
            endHandshake(channel)
            phase = .closed
            hub.refuse(channel, address: address, reason: .helloTimeout)
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let body = unwrapInboundIn(data)
        switch phase {
        case .awaitingHello, .awaitingProof:
            // A handshake that gave way to newer ones is being closed: nothing more from it counts.
            guard hub.isHandshaking(context.channel) else { return }
        default: break
        }
        switch phase {
        case .awaitingHello:
            switch Hello.parse(body) {
            case .failure(let reason): refuse(context, reason)
            case .success(let hello):
                let isLoopback = context.channel.remoteAddress.map(Self.isLoopback) ?? false
                if let reason = hub.screen(hello, from: address, isLoopback: isLoopback) { return refuse(context, reason) }
                let nonce = LinkKeys.nonce()
                phase = .awaitingProof(hello, presenterNonce: nonce)
                send(context, Challenge(nonce: nonce).body)
            }
        case .awaitingProof(let hello, let nonce):
            guard let proof = ProofFrame.parse(body, as: .proof) else { return refuse(context, .malformed) }
            // Asked again now, not only at the hello: proofs sent together on many connections
            // are each checked only while the limits allow one more guess.
            if let reason = hub.attemptRefusal(from: address) { return refuse(context, reason) }
            let code = hub.settings.code
            guard LinkKeys.verify(proof.mac, .follower, code: code, role: hello.role,
                                  followerNonce: hello.nonce, presenterNonce: nonce) else {
                hub.wrongCode(from: address)
                return refuse(context, .wrongCode)
            }
            let mine = LinkKeys.proof(.presenter, code: code, role: hello.role, followerNonce: hello.nonce, presenterNonce: nonce)
            send(context, ProofFrame(tag: .welcome, mac: mine).body)
            let keys = LinkKeys(code: code, followerNonce: hello.nonce, presenterNonce: nonce)
            phase = .joined(MessageOpener(key: keys.toPresenter))
            endHandshake(context.channel)
            hub.join(FollowerHub.Link(channel: context.channel, role: hello.role, wantsFolder: hello.wantsFolder,
                                      wantsEarlier: hello.wantsEarlier,
                                      sealer: MessageSealer(key: keys.toFollower), now: LinkClock.now()))
        case .joined(var opener):
            guard let (kind, payload) = opener.open(body), let link = hub.link(for: context.channel) else {
                return refuse(context, .badMessage)
            }
            phase = .joined(opener)
            link.lastHeard = LinkClock.now()
            switch kind {
            case .ping: break
            case .command where link.role == .speaker:
                guard payload.count == 1, let command = SpeakerCommand(rawValue: payload.first!) else {
                    return refuse(context, .badMessage)
                }
                hub.inbox.post(.command(command))
            default:
                refuse(context, .badMessage)
            }
        case .closed:
            break
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, let link = hub.link(for: context.channel) { hub.flush(link) }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        endHandshake(context.channel)
        phase = .closed
        hub.leave(context.channel)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if case .closed = phase { return }
        refuse(context, error is FrameDecoder.TooLarge ? .frameTooLarge : .malformed)
    }

    private func refuse(_ context: ChannelHandlerContext, _ reason: RejectReason) {
        if case .closed = phase { return }
        endHandshake(context.channel)
        phase = .closed
        hub.leave(context.channel)
        hub.refuse(context.channel, address: address, reason: reason)
    }

    private func endHandshake(_ channel: Channel) {
        deadline?.cancel()
        deadline = nil
        hub.handshakeEnded(channel)
    }

    private func send(_ context: ChannelHandlerContext, _ body: [UInt8]) {
        context.writeAndFlush(NIOAny(FrameDecoder.frame(body, allocator: context.channel.allocator)), promise: nil)
    }

    static func isLoopback(_ address: SocketAddress) -> Bool {
        switch address {
        case .v4: return address.ipAddress?.hasPrefix("127.") ?? false
        case .v6: return address.ipAddress == "::1" || (address.ipAddress?.hasPrefix("::ffff:127.") ?? false)
        default: return false
        }
    }
}
