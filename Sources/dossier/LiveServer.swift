import DossierKit
import FlyingFox
import FlyingSocks
import Foundation

/// What `dossier serve` serves: the pages of the current snapshot, rendered on request, with the live-reload
/// script in their head; the script itself; and the event stream that tells pages to reload or shows them errors.
/// FlyingFox: a small HTTP/1.1 server on Swift concurrency and plain sockets, with no SwiftNIO beneath, so it
/// builds in seconds where Hummingbird's stack takes minutes on every CI run, and a streamed response body is all
/// Server-Sent Events need.
actor LiveServer {
    private var snapshot: SiteSnapshot?
    private var build = 0
    private var errors: [String] = []
    private var listeners: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextListener = 0

    /// A good rebuild: serve it from now on and tell open pages to reload.
    func publish(_ snapshot: SiteSnapshot) {
        self.snapshot = snapshot
        build += 1
        errors = []
        send(.reload(build: build))
    }

    /// A rebuild with nothing new after a failed one: the site served is good again; pages showing the errors
    /// reload, as for a new build.
    func clearErrors() {
        guard !errors.isEmpty else { return }
        errors = []
        build += 1
        send(.reload(build: build))
    }

    /// A failed rebuild: keep serving the last good snapshot, show its errors on every open page. Whether there is
    /// one (not before the site has built once).
    func fail(_ diagnostics: [Diagnostic]) -> Bool {
        errors = diagnostics.map(\.description)
        send(.errors(build: build, errors: errors))
        return snapshot != nil
    }

    /// Ends every event stream, so that the server can stop.
    func closeStreams() {
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }

    private func send(_ event: LiveReload.Event) {
        let bytes = Array(event.text.utf8)
        for listener in listeners.values { listener.yield(bytes) }
    }

    func keepAlive() {
        let bytes = Array(LiveReload.keepAlive.utf8)
        for listener in listeners.values { listener.yield(bytes) }
    }

    private func listen() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        continuation.yield(Array(LiveReload.Event.hello(build: build, errors: errors).text.utf8))
        return stream
    }

    private func forget(_ id: Int) { listeners[id] = nil }

    /// What is served now: the last good snapshot and the errors of the last rebuild, if it failed.
    private var current: (snapshot: SiteSnapshot?, errors: [String]) { (snapshot, errors) }

    // MARK: Requests

    /// Answers a request. Pages are rendered outside the actor, so that a slow one (the search index, made on its
    /// first request) holds up no other request and no event.
    nonisolated func respond(to request: HTTPRequest) async -> HTTPResponse {
        let response = await answer(request)
        guard request.method == .HEAD else { return response }
        // GET's headers without its body, which a client keeping the connection would read as the next response.
        var head = HTTPResponse(statusCode: response.statusCode, headers: response.headers)
        head.headers[.contentLength] = String((try? await response.bodyData)?.count ?? 0)
        return head
    }

    private nonisolated func answer(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return plain(.methodNotAllowed, "dossier serve answers GET and HEAD only.\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let raw = request.target.path(percentEncoded: true)
        switch raw {
        case LiveReload.scriptPath:
            return HTTPResponse(statusCode: .ok, headers: headers("text/javascript; charset=utf-8"), body: Data(LiveReload.script.utf8))
        case LiveReload.eventsPath:
            var headers = headers("text/event-stream; charset=utf-8")
            headers[.connection] = "keep-alive"
            guard request.method == .GET else { return HTTPResponse(statusCode: .ok, headers: headers) }
            return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventBytes(stream: await listen())))
        default: break
        }
        let (snapshot, errors) = await current
        guard let path = ServePath.resolve(raw), !path.hasPrefix(LiveReload.folder + "/") else {
            return notFound(raw)
        }
        guard let snapshot else {
            if errors.isEmpty {
                return page(.serviceUnavailable, title: "Building the site", text: "This page reloads by itself when the site is built.")
            }
            return page(.serviceUnavailable, title: "The site does not build yet",
                        text: "Fix the errors below and save; this page reloads by itself.\n\n" + errors.joined(separator: "\n"))
        }
        do {
            if let bytes = try snapshot.bytes(at: path) {
                let type = ServePath.contentType(of: path)
                let body = type.hasPrefix("text/html") ? LiveReload.inject(into: bytes) : bytes
                return HTTPResponse(statusCode: .ok, headers: headers(type), body: body)
            }
        } catch {
            return page(.internalServerError, title: "This page does not render", text: error.diagnostic.description)
        }
        // `/notes/a` is the folder `/notes/a/`: send the browser there, so that the page's relative links work.
        if !raw.hasSuffix("/"), snapshot.has(path + "/index.html") {
            var headers = headers("text/plain; charset=utf-8")
            headers[.location] = raw + "/" + (request.target.query().isEmpty ? "" : "?" + request.target.query())
            return HTTPResponse(statusCode: .movedPermanently, headers: headers, body: Data())
        }
        // Browsers ask every host for its icon unprompted; a site without one would put a 404 in the console of
        // every page served, hiding the messages that matter. The published site is served under someone else's host.
        if path == "favicon.ico" {
            return HTTPResponse(statusCode: .noContent, headers: headers("image/x-icon"), body: Data())
        }
        return notFound(raw)
    }

    nonisolated private func headers(_ type: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        // Every response is of this moment's build: never reuse one.
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        return headers
    }

    nonisolated private func notFound(_ raw: String) -> HTTPResponse {
        page(.notFound, title: "Not found", text: "The site has no file at \(raw.removingPercentEncoding ?? raw).")
    }

    nonisolated private func plain(_ status: HTTPStatusCode, _ text: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = headers("text/plain; charset=utf-8")
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
    }

    /// The server's own page (not found, not built): text escaped, the live script loaded, so it reloads when the
    /// site has the page.
    nonisolated private func page(_ status: HTTPStatusCode, title: String, text: String) -> HTTPResponse {
        var headers = headers("text/html; charset=utf-8")
        headers[HTTPHeader("Content-Security-Policy")] = "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"
        let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>\(HTML.escape(title)) · dossier serve</title>
        <script src="\(LiveReload.scriptPath)" defer></script></head>
        <body><h1>\(HTML.escape(title))</h1><pre>\(HTML.escape(text))</pre><p><a href="/">The site's home page</a></p></body>
        </html>

        """
        return HTTPResponse(statusCode: status, headers: headers, body: Data(html.utf8))
    }
}

/// Hands each request to the server's state.
struct LiveHandler: HTTPHandler {
    let live: LiveServer
    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse { await live.respond(to: request) }
}

/// An event stream's bytes as FlyingFox reads a response body: each event as it is sent, never waiting to fill
/// a buffer.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async throws -> UInt8? {
            guard let bytes = try await nextBuffer(suggested: 1) else { return nil }
            return bytes.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if pending.isEmpty {
                guard let bytes = await base.next() else { return nil }
                pending = bytes[...]
            }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return Array(taken)
        }
    }
}
