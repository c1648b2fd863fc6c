import NIOCore

/// A response written whole as bytes (status line, headers, body), then the connection closed:
/// one request per connection keeps pipelining, keep-alive and request smuggling out of reach.
struct WebResponse {
    var status: (code: Int, phrase: String)
    var contentType: String
    var body: ByteBuffer
    var headers: [(String, String)] = []
    /// Tokened content and refusals are not kept by any cache; the page's hashed assets are.
    var cacheable = false

    /// Every response: the page's policy (no script, style, image or connection but its own), no
    /// framing, no sniffing, and no Referer, which would carry the token to another site.
    static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
    ]

    /// The bytes to write: without the body when answering HEAD.
    func encoded(headOnly: Bool, allocator: ByteBufferAllocator) -> ByteBuffer {
        var out = allocator.buffer(capacity: 512 + (headOnly ? 0 : body.readableBytes))
        out.writeString("HTTP/1.1 \(status.code) \(status.phrase)\r\n")
        out.writeString("Content-Type: \(contentType)\r\nContent-Length: \(body.readableBytes)\r\nConnection: close\r\n")
        out.writeString(cacheable ? "Cache-Control: public, max-age=31536000, immutable\r\n" : "Cache-Control: no-store\r\n")
        for (name, value) in Self.securityHeaders + headers { out.writeString("\(name): \(value)\r\n") }
        out.writeString("\r\n")
        if !headOnly { out.writeImmutableBuffer(body) }
        return out
    }

    /// The head of an event stream: no length, the body ends when the connection does.
    static func eventStreamHead(allocator: ByteBufferAllocator) -> ByteBuffer {
        var out = allocator.buffer(capacity: 512)
        out.writeString("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\nX-Accel-Buffering: no\r\n")
        for (name, value) in securityHeaders { out.writeString("\(name): \(value)\r\n") }
        out.writeString("\r\n")
        return out
    }
}
