import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

// What the end-to-end tests of `dossier serve` need: the server as a child process, a raw HTTP/1.1 client over a
// socket (so that nothing normalises a request's target), and a reader of its Server-Sent Events. Every wait has a
// generous watchdog, never a speed target.

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The lines a child process writes to one pipe, read as they come.
final class LineLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var lines: [String] = []
    private var partial = Data()
    private var ended = false

    /// Starts reading `handle` on a thread of its own, until the end of the pipe.
    func read(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                condition.withLock {
                    if data.isEmpty {
                        if !partial.isEmpty { lines.append(String(decoding: partial, as: UTF8.self)) }
                        partial = Data()
                        ended = true
                    } else {
                        partial.append(data)
                        while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
                            lines.append(String(decoding: partial[partial.startIndex..<newline], as: UTF8.self))
                            partial = Data(partial[(newline + 1)...])
                        }
                    }
                    condition.broadcast()
                }
                if data.isEmpty { return }
            }
        }
    }

    /// Waits at most `seconds` for the end of the pipe; whether it came.
    func end(within seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !ended { if !condition.wait(until: deadline) { return ended } }
        return true
    }

    var all: [String] { condition.withLock { lines } }
    var text: String { all.joined(separator: "\n") }

    /// The first line from `index` on that `match` accepts, waiting at most `seconds` for it; nil if the pipe ends
    /// or the time runs out first.
    func wait(within seconds: Double, from index: Int = 0, for match: (String) -> Bool) -> String? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let line = lines.dropFirst(index).first(where: match) { return line }
            if ended || !condition.wait(until: deadline) { return lines.dropFirst(index).first(where: match) }
        }
    }
}

/// A `dossier serve` process on a free port of 127.0.0.1. Stop it with `stop()` (in a `defer`); if a test forgets
/// or fails before, it is killed when released.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let output = LineLog()
    let errors = LineLog()
    private(set) var url = ""
    private(set) var port = 0

    /// Launches `dossier serve site --port port arguments…`; `temporary` is its TMPDIR.
    init(site: URL, port: Int = 0, _ arguments: [String] = [], temporary: URL? = nil) throws {
        process.executableURL = URL(fileURLWithPath: Dossier.binary)
        process.arguments = ["serve", site.path, "--port", String(port)] + arguments
        var environment = ProcessInfo.processInfo.environment
        if let temporary { environment["TMPDIR"] = temporary.path }
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        output.read(stdout.fileHandleForReading)
        errors.read(stderr.fileHandleForReading)
    }

    /// Launches the server and waits until it says where it listens.
    static func start(site: URL, _ arguments: [String] = [], temporary: URL? = nil) throws -> ServeProcess {
        let server = try ServeProcess(site: site, arguments, temporary: temporary)
        guard let line = server.output.wait(within: 60, for: { $0.hasPrefix("serving ") }),
              let address = line.firstRange(of: "http://").map({ line[$0.lowerBound...] }),
              let url = address.split(separator: " ").first.map(String.init),
              let port = url.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "/"))) })
        else {
            server.kill()
            throw HarnessFailure("dossier serve did not start: \(server.output.text)\n\(server.errors.text)")
        }
        server.url = url
        server.port = port
        return server
    }

    var pid: pid_t { process.processIdentifier }

    /// Waits for the process to end by itself, and for what it wrote to be read; its status, or nil if it still
    /// runs after `seconds`.
    func exit(within seconds: Double) -> (status: Int32, reason: Process.TerminationReason)? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while process.isRunning {
            if Date() > deadline { return nil }
            usleep(10_000)
        }
        // The readers run on threads of their own: the process can end before they have read its last words.
        _ = output.end(within: max(1, deadline.timeIntervalSinceNow))
        _ = errors.end(within: max(1, deadline.timeIntervalSinceNow))
        return (process.terminationStatus, process.terminationReason)
    }

    /// Sends `signal` (Ctrl-C by default) and waits for the end; nil, after killing it, if it does not stop within
    /// `seconds`. Every test that stops its server this way checks that it stops cleanly.
    @discardableResult
    func stop(_ signal: Int32 = SIGINT, within seconds: Double = 20,
              sourceLocation: SourceLocation = #_sourceLocation) -> (status: Int32, reason: Process.TerminationReason)? {
        guard process.isRunning else { return (process.terminationStatus, process.terminationReason) }
        Glibc.kill(pid, signal)
        guard let end = exit(within: seconds) else {
            kill()
            Issue.record("dossier serve did not stop within \(seconds) s of signal \(signal)", sourceLocation: sourceLocation)
            return nil
        }
        if end.status != 0 || end.reason != .exit {
            Issue.record("dossier serve stopped with \(end); \(errors.text)", sourceLocation: sourceLocation)
        }
        return end
    }

    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    deinit { kill() }

    /// The lines starting `built ` printed so far (one per good build).
    var builtLines: [String] { output.all.filter { $0.hasPrefix("built ") } }
}

/// A process's id and command line, from /proc.
struct ProcessEntry: Equatable {
    var pid: pid_t
    var command: String

    /// The processes whose parent is `parent`.
    static func children(of parent: pid_t) -> [ProcessEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> ProcessEntry? in
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // After "pid (comm)": state, then the parent's id.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == parent else { return nil }
            return ProcessEntry(pid: pid, command: command(of: pid) ?? "")
        }
    }

    /// The command line of `pid`, words joined by spaces; nil if it is gone.
    static func command(of pid: pid_t) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    /// Whether this process still runs the same command (a reused id runs another).
    var isAlive: Bool { Self.command(of: pid).map { $0 == command && !$0.isEmpty } ?? false }
}

/// Every path below `folder`, relative, folders with a trailing slash.
func listing(_ folder: URL) -> Set<String> {
    var paths = Set<String>()
    let walker = FileManager.default.enumerator(atPath: folder.path)
    while let path = walker?.nextObject() as? String {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
        paths.insert(isFolder.boolValue ? path + "/" : path)
    }
    return paths
}

/// An HTTP response as the tests read it.
struct HTTPReply {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// One TCP connection to the server, read with a deadline on every wait.
final class HTTPConnection {
    private let fd: Int32
    /// Bytes received and not yet taken.
    var buffer: [UInt8] = []

    struct ConnectFailed: Error { var code: Int32 }

    init(host: String = "127.0.0.1", port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessFailure("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            Glibc.close(fd)
            throw HarnessFailure("not an IPv4 address: \(host)")
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw ConnectFailed(code: code)
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw HarnessFailure("send: \(String(cString: strerror(errno)))") }
            bytes = bytes.dropFirst(n)
        }
    }

    enum Fill { case data, closed, timedOut }

    /// Receives what has arrived, waiting until `deadline` at most.
    func fill(until deadline: Date) -> Fill {
        let ms = max(0, Int32(min(deadline.timeIntervalSinceNow * 1000, 600_000)))
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, ms) > 0 else { return .timedOut }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return .closed }
        buffer.append(contentsOf: chunk[..<n])
        return .data
    }

    /// One CRLF-ended line, without its end; nil if the connection ends or the time runs out first.
    func line(until deadline: Date) -> String? {
        while true {
            if let end = crlf(in: buffer[...]) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            guard fill(until: deadline) == .data else { return nil }
        }
    }

    /// Exactly `count` bytes; nil if the connection ends or the time runs out first.
    func bytes(_ count: Int, until deadline: Date) -> [UInt8]? {
        while buffer.count < count {
            guard fill(until: deadline) == .data else { return nil }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    func crlf(in bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            if bytes[i] == 13 && bytes[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// The status line and headers of a response.
    func head(until deadline: Date) throws -> (status: Int, headers: [String: String]) {
        guard let statusLine = line(until: deadline) else { throw HarnessFailure("no response") }
        let words = statusLine.split(separator: " ")
        guard words.count >= 2, words[0].hasPrefix("HTTP/1."), let status = Int(words[1]) else {
            throw HarnessFailure("not an HTTP status line: \(statusLine)")
        }
        var headers: [String: String] = [:]
        while true {
            guard let header = line(until: deadline) else { throw HarnessFailure("response headers cut short") }
            if header.isEmpty { break }
            guard let colon = header.firstIndex(of: ":") else { throw HarnessFailure("bad header line: \(header)") }
            headers[header[..<colon].lowercased()] = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    /// Sends a request with `target` exactly as given and reads the whole response.
    static func request(_ target: String, port: Int, method: String = "GET", within seconds: Double = 30) throws -> HTTPReply {
        let connection = try HTTPConnection(port: port)
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        return try connection.response(to: method, until: Date(timeIntervalSinceNow: seconds))
    }

    /// The next response on this connection, to a request of `method`: a HEAD's has no body.
    func response(to method: String, until deadline: Date) throws -> HTTPReply {
        let (status, headers) = try head(until: deadline)
        var body: [UInt8] = []
        if method == "HEAD" {
        } else if let length = headers["content-length"].flatMap(Int.init) {
            guard let bytes = bytes(length, until: deadline) else { throw HarnessFailure("body cut short") }
            body = bytes
        } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                guard let sizeLine = line(until: deadline), let size = Int(sizeLine, radix: 16) else {
                    throw HarnessFailure("bad chunk")
                }
                guard let chunk = bytes(size + 2, until: deadline) else { throw HarnessFailure("chunk cut short") }
                if size == 0 { break }
                body += chunk.dropLast(2)
            }
        } else {
            while fill(until: deadline) == .data {}
            body = buffer
            buffer = []
        }
        return HTTPReply(status: status, headers: headers, body: Data(body))
    }
}

/// One event of the server's stream.
struct ServerEvent {
    var name: String
    var data: String
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:] }
    var build: Int? { json["build"] as? Int }
    var errors: [String]? { json["errors"] as? [String] }
}

/// A connection to `/_dossier/events`, read event by event.
final class EventStream {
    private let connection: HTTPConnection
    /// The stream's text decoded from its chunks and not yet parsed into events.
    private var text: [UInt8] = []
    private(set) var ended = false

    init(port: Int, within seconds: Double = 30) throws {
        connection = try HTTPConnection(port: port)
        try connection.send("GET /_dossier/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let (status, headers) = try connection.head(until: Date(timeIntervalSinceNow: seconds))
        guard status == 200, headers["content-type"]?.hasPrefix("text/event-stream") == true,
              headers["transfer-encoding"]?.lowercased() == "chunked" else {
            throw HarnessFailure("not an event stream: \(status) \(headers)")
        }
    }

    /// The next event, waiting at most `seconds`; nil if none comes in time or the stream ends. Comments (the
    /// server's keep-alives) are skipped.
    func next(within seconds: Double) throws -> ServerEvent? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while true {
            if let event = parsed() { return event }
            try decodeChunks()
            if let event = parsed() { return event }
            if ended { return nil }
            switch connection.fill(until: deadline) {
            case .data: continue
            case .closed: ended = true; return nil
            case .timedOut: return nil
            }
        }
    }

    /// The first whole event in `text`, taken out of it.
    private func parsed() -> ServerEvent? {
        while let end = blankLine() {
            let block = String(decoding: text[..<end], as: UTF8.self)
            text.removeFirst(end + 2)
            var name = "message", data: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            if !data.isEmpty { return ServerEvent(name: name, data: data.joined(separator: "\n")) }
        }
        return nil
    }

    /// The events that arrive within `seconds` (the window is the point: counting what a burst gives).
    func events(for seconds: Double) throws -> [ServerEvent] {
        let deadline = Date(timeIntervalSinceNow: seconds)
        var events: [ServerEvent] = []
        while Date() < deadline, let event = try next(within: deadline.timeIntervalSinceNow) { events.append(event) }
        return events
    }

    /// Whether the server ends the stream within `seconds`.
    func closes(within seconds: Double) throws -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !ended && Date() < deadline { _ = try next(within: deadline.timeIntervalSinceNow) }
        return ended
    }

    private func blankLine() -> Int? {
        var i = 0
        while i + 1 < text.count {
            if text[i] == 10 && text[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// Moves every complete chunk received into `text`.
    private func decodeChunks() throws {
        while let end = connection.crlf(in: connection.buffer[...]) {
            let sizeLine = String(decoding: connection.buffer[..<end], as: UTF8.self)
            guard let size = Int(sizeLine, radix: 16) else { throw HarnessFailure("bad chunk size: \(sizeLine)") }
            guard connection.buffer.count >= end + 2 + size + 2 else { return }
            text += connection.buffer[(end + 2)..<(end + 2 + size)]
            connection.buffer.removeFirst(end + 2 + size + 2)
            if size == 0 { ended = true; return }
        }
    }
}
