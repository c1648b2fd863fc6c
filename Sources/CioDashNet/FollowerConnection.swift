import CioDashApp
import Foundation
import NIOCore

/// One connection of a follower: sends the hello, answers the challenge with its proof, checks the
/// presenter's proof in the welcome, then opens every message with the session key.
final class FollowerConnection: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = [UInt8]

    private enum Phase {
        case awaitingChallenge
        case awaitingWelcome(presenterNonce: [UInt8])
        case joined(MessageOpener)
        case done
    }

    private let target: FollowerClient.Target
    private let inbox: NetInbox<FollowerLinkEvent>
    private let outcome: LinkOutcome
    private let nonce = LinkKeys.nonce()
    private var phase = Phase.awaitingChallenge
    private var sealer: MessageSealer?
    private var context: ChannelHandlerContext?
    private var lastHeard = LinkClock.now()
    private var pinger: RepeatedTask?
    private var revision: UInt64?
    private var presenterLeft = false
    private var ignoredStates = IgnoredStates(presenter: "?")

    init(target: FollowerClient.Target, inbox: NetInbox<FollowerLinkEvent>, outcome: LinkOutcome) {
        self.target = target
        self.inbox = inbox
        self.outcome = outcome
    }

    func channelActive(context: ChannelHandlerContext) {
        self.context = context
        if let peer = context.channel.remoteAddress, let ip = peer.ipAddress {
            let host = ip.contains(":") ? "[\(ip)]" : ip
            ignoredStates = IgnoredStates(presenter: peer.port.map { "\(host):\($0)" } ?? host)
        }
        let hello = Hello(version: linkProtocolVersion, role: target.role, wantsFolder: target.wantsFolder, nonce: nonce,
                          wantsEarlier: target.wantsEarlier)
        write(hello.body)
        // The presenter gives 5 s for the handshake; a follower waits as long for each step, then as
        // long again for any message (the presenter's heartbeat comes every 2 s).
        let interval = TimeAmount.milliseconds(Int64(FollowerClient.pingInterval * 1000))
        pinger = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { [weak self] _ in
            self?.tick()
        }
        context.fireChannelActive()
    }

    private func tick() {
        guard let context else { return }
        if LinkClock.now() - lastHeard > FollowerClient.silenceLimit { return context.close(promise: nil) }
        if case .joined = phase { send(.ping, []) }
        ignoredStates.flush(now: LinkClock.now()).map { inbox.post($0) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let body = unwrapInboundIn(data)
        lastHeard = LinkClock.now()
        if body.first == WireTag.reject.rawValue, let reject = RejectFrame.parse(body) {
            // Before joining, a refusal is the presenter's answer. After, a frame in clear could come
            // from anyone on the network: it only drops the link, which is tried again.
            if case .joined = phase { return finish(context) }
            outcome.finalRefusal = reject.reason.isFinal
            inbox.post(.refused(reject.reason))
            return finish(context)
        }
        switch phase {
        case .awaitingChallenge:
            guard let challenge = Challenge.parse(body) else { return give(context, .malformed) }
            let proof = LinkKeys.proof(.follower, code: target.code, role: target.role,
                                       followerNonce: nonce, presenterNonce: challenge.nonce)
            phase = .awaitingWelcome(presenterNonce: challenge.nonce)
            write(ProofFrame(tag: .proof, mac: proof).body)
        case .awaitingWelcome(let presenterNonce):
            guard let welcome = ProofFrame.parse(body, as: .welcome),
                  LinkKeys.verify(welcome.mac, .presenter, code: target.code, role: target.role,
                                  followerNonce: nonce, presenterNonce: presenterNonce) else {
                outcome.finalRefusal = true
                return give(context, .presenterUnproven)
            }
            let keys = LinkKeys(code: target.code, followerNonce: nonce, presenterNonce: presenterNonce)
            sealer = MessageSealer(key: keys.toPresenter)
            phase = .joined(MessageOpener(key: keys.toFollower))
            outcome.joined = true
            inbox.post(.joined)
        case .joined(var opener):
            guard let (kind, payload) = opener.open(body) else { return give(context, .badMessage) }
            phase = .joined(opener)
            receive(kind, payload, context: context)
        case .done:
            break
        }
    }

    private func receive(_ kind: SealedKind, _ payload: ArraySlice<UInt8>, context: ChannelHandlerContext) {
        // Checked here, on the network's thread: a state out of range never reaches the screen, and
        // the follower keeps the last good one (the presenter's next heartbeat may be good).
        switch FollowerMessage.decode(kind: kind.rawValue, payload) {
        case .state(let share):
            // The heartbeat repeats a revision; an older one never replaces a newer.
            if let seen = revision, share.revision < seen { return }
            revision = share.revision
            // Only the latest state waits for the screen's thread.
            inbox.post(.state(share, receivedAt: LinkClock.now())) { if case .state = $0 { return true } else { return false } }
        case .ignoredState(let problem):
            ignored(problem)
        case .folder(let files):
            // Only the latest folder waits: a presenter resending folders cannot queue them up.
            inbox.post(.folder(files)) { if case .folder = $0 { return true } else { return false } }
        case .folderUnavailable:
            inbox.post(.folderUnavailable)
        case .bye:
            inbox.post(.presenterLeft)
            presenterLeft = true
            phase = .done
            context.close(promise: nil)
        case .invalid:
            give(context, .badMessage)
        }
    }

    /// Says that a state was not used, at most about once a second (the rest are counted).
    private func ignored(_ problem: PresenterShare.Problem) {
        ignoredStates.record(problem, now: LinkClock.now()).map { inbox.post($0) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        pinger?.cancel()
        if outcome.joined && !presenterLeft { inbox.post(.lost) }
        phase = .done
        self.context = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        give(context, error is FrameDecoder.TooLarge ? .frameTooLarge : .malformed)
    }

    /// Gives the link up for a reason of the follower's own (the presenter broke the protocol).
    private func give(_ context: ChannelHandlerContext, _ reason: RejectReason) {
        if case .done = phase { return }
        if !outcome.joined { inbox.post(.refused(reason)) }
        finish(context)
    }

    private func finish(_ context: ChannelHandlerContext) {
        phase = .done
        context.close(promise: nil)
    }

    func send(_ kind: SealedKind, _ payload: [UInt8]) {
        guard let context, case .joined = phase, sealer != nil else { return }
        for part in sealer!.seal(kind, ByteBuffer(bytes: payload), allocator: context.channel.allocator) {
            context.write(NIOAny(part), promise: nil)
        }
        context.flush()
    }

    private func write(_ body: [UInt8]) {
        context?.writeAndFlush(NIOAny(FrameDecoder.frame(body, allocator: context!.channel.allocator)), promise: nil)
    }
}
