import CioDashCore
import Foundation
import NIOCore
import NIOHTTP1

/// One browser's connection: one request, read-only. GET and HEAD of the page, its assets, a
/// view's HTML, the index and the event stream; everything else refused with its status.
final class WebConnection: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = ByteBuffer

    private let hub: WebHub
    private var answered = false

    init(hub: WebHub) { self.hub = hub }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let head) = unwrapInboundIn(data), !answered else { return }
        answered = true
        let channel = context.channel
        guard head.method == .GET || head.method == .HEAD else {
            var page = WebPages.refusal(.methodNotAllowed)
            page.headers.append(("Allow", "GET, HEAD"))
            hub.respond(channel, page, headOnly: false)
            return hub.said(hub.address(of: channel), .methodNotAllowed)
        }
        route(channel, target: head.uri, headOnly: head.method == .HEAD,
              crossSite: head.headers["Sec-Fetch-Site"].first == "cross-site")
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard !answered else { return context.close(promise: nil) }
        answered = true
        hub.refuse(context.channel, .malformed, headOnly: false)
    }

    private func route(_ channel: Channel, target: String, headOnly: Bool, crossSite: Bool) {
        let (path, query) = Self.split(target)
        // A delegate's unit comes from the page itself: a browser that says the announcement comes
        // from another site (`Sec-Fetch-Site`) is refused before the token is looked at. (Only
        // there: the join link itself may well be opened from a chat on another site.)
        if crossSite, path.hasSuffix("/attend") { return hub.refuse(channel, .crossSite, headOnly: headOnly) }
        if let asset = WebPages.assets[path] { return hub.respond(channel, asset, headOnly: headOnly) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        // "/j/TOKEN…": the j in either case, as the QR code's upper-case address has it.
        guard parts.count >= 3, parts[0].isEmpty, parts[1] == "j" || parts[1] == "J" else {
            return hub.respond(channel, WebPages.refusal(.notFound), headOnly: headOnly)
        }
        let address = hub.address(of: channel)
        if let refusal = hub.check(token: parts[2], from: address) {
            return hub.refuse(channel, refusal, headOnly: headOnly)
        }
        let rest = parts.dropFirst(3)
        switch (rest.first, rest.count) {
        case (nil, _), ("", 1):
            hub.respond(channel, WebPages.page, headOnly: headOnly)
        case ("events", 1):
            if headOnly { return hub.respond(channel, WebResponse(status: (200, "OK"), contentType: "text/event-stream", body: ByteBuffer()), headOnly: true) }
            hub.watch(channel)
        case ("attend", 1):
            // GET, as every request here: the token in the path is what a forger lacks (see
            // docs/network.md, "Attendance from who joins").
            guard !headOnly else { return hub.respond(channel, WebPages.refusal(.methodNotAllowed), headOnly: true) }
            let unit = Self.parameter("unit", in: query).map { String($0).removingPercentEncoding ?? "\u{0}" } ?? "\u{0}"
            if let refusal = hub.announce(unit: unit, from: address) { return hub.refuse(channel, refusal, headOnly: false) }
            hub.respond(channel, WebResponse(status: (204, "No Content"), contentType: "text/plain; charset=utf-8", body: ByteBuffer()), headOnly: false)
        case ("index", 1):
            guard let index = hub.content.index(Self.language(query)) else { return notReady(channel, headOnly) }
            hub.respond(channel, WebResponse(status: (200, "OK"), contentType: "application/json", body: index), headOnly: headOnly)
        case ("view", 2):
            let name = String(rest.last!).removingPercentEncoding ?? ""
            guard let view = WebContent.view(named: name) else {
                return hub.respond(channel, WebPages.refusal(.notFound), headOnly: headOnly)
            }
            if hub.settings.noAhead, hub.content.isAhead(view, furthest: hub.furthest) {
                return hub.respond(channel, WebPages.refusal(.notYetShown), headOnly: headOnly)
            }
            let width = Self.parameter("w", in: query).flatMap { Int($0) } ?? 80
            guard let markup = hub.content.view(view, width: width, language: Self.language(query)) else {
                return hub.respond(channel, WebPages.refusal(.notFound), headOnly: headOnly)
            }
            hub.respond(channel, WebResponse(status: (200, "OK"), contentType: "text/html; charset=utf-8", body: markup), headOnly: headOnly)
        default:
            hub.respond(channel, WebPages.refusal(.notFound), headOnly: headOnly)
        }
    }

    private func notReady(_ channel: Channel, _ headOnly: Bool) {
        hub.respond(channel, WebResponse(status: (503, "Service Unavailable"), contentType: "text/plain; charset=utf-8",
                                         body: ByteBuffer(string: "chưa nạp xong cuộc họp / the meeting is not loaded yet\n"),
                                         headers: [("Retry-After", "1")]), headOnly: headOnly)
    }

    static func split(_ target: String) -> (path: Substring, query: Substring) {
        guard let mark = target.firstIndex(of: "?") else { return (target[...], "") }
        return (target[..<mark], target[target.index(after: mark)...])
    }

    static func parameter(_ name: String, in query: Substring) -> Substring? {
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if kv.count == 2, kv[0] == name { return kv[1] }
        }
        return nil
    }

    static func language(_ query: Substring) -> Language {
        parameter("lang", in: query) == "en" ? .en : .vi
    }
}
