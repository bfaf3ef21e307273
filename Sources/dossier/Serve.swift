import ArgumentParser
import DossierKit
import FlyingFox
import FlyingSocks
import Foundation

/// `dossier serve [PATH] [--port N] [--host ADDRESS] [--open]`
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in memory, serve it on this machine and rebuild it on every save.",
        discussion: """
        Pages reload by themselves after each save; when a save breaks the build, they keep the last good site \
        and show the errors over it. Drafts are shown, marked as drafts. Nothing is written to the output folder; \
        build the site to publish it. Ctrl-C stops the server.
        """
    )

    @Argument(help: "The site folder, holding content/ and templates/.")
    var path: String = "."

    @Option(help: "The port to listen on (0: any free one).")
    var port: Int = 4000

    @Option(help: "The address to answer on. Only this machine can reach the default.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the site in the default browser.")
    var open = false

    @Flag(help: "Watch the files by comparing their times a few times a second instead of with inotify.")
    var poll = false

    @Flag(help: "Print the time each stage of every rebuild took.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let site = URL(fileURLWithPath: path)
        // What the command waits for: the first build, then Ctrl-C or a polite kill (caught from the start, so
        // that the server always stops cleanly).
        let (events, event) = AsyncStream<ServeEvent>.makeStream()
        let stop = StopSignals()
        let waiting = Task { event.yield(.signal(await stop.next())) }
        defer { waiting.cancel() }
        let session = SiteSession(site: site, options: SiteFolder.buildOptions)
        defer { session.close() }
        let live = LiveServer()

        // Listen first, so that a port in use is said at once, not after a build.
        let server: HTTPServer
        do {
            server = HTTPServer(address: try Self.address(host, port: port), timeout: 60, logger: .disabled,
                                handler: LiveHandler(live: live))
        } catch {
            Output.error("error: cannot listen on \(host): give an IP address (127.0.0.1, ::1 or 0.0.0.0)")
            throw ExitCode(1)
        }
        let failure = ServerFailure()
        let serving = Task {
            do { try await server.run() } catch { failure.set(error) }
        }
        while await !server.isListening {
            if let error = failure.error {
                Output.error("error: cannot listen on \(host):\(port): \(Self.reason(error))")
                throw ExitCode(1)
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        let url = Self.url(of: await server.listeningAddress, host: host, port: port)

        // Watching starts before the first build, so that a save made during it is built after it. Saves are
        // merged and rebuilt one at a time on a thread of their own: a rebuild is CPU work.
        let changes = ChangeQueue()
        changes.add(nil)
        let watcher = try FileWatcher(site: site, method: poll ? .polling : nil) { changes.add($0) }
        let timings = self.timings
        let rebuilder = Thread {
            while let changed = changes.next() {
                let start = ContinuousClock.now
                let outcome = session.rebuild(changed: changed)
                let done = DispatchSemaphore(value: 0)
                Task {
                    await Self.apply(outcome, to: live, start: start, timings: timings)
                    done.signal()
                }
                done.wait()
                event.yield(.built)
            }
        }
        rebuilder.start()
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await live.keepAlive()
            }
        }
        var stopped = SIGTERM
        var announced = false
        for await next in events {
            if case .signal(let number) = next {
                stopped = number
                break
            }
            if !announced {
                announced = true
                Output.line("serving \(site.path) at \(url) (watching with \(watcher.method.rawValue); Ctrl-C stops)")
                if open { Self.openBrowser(url) }
            }
        }

        keepAlive.cancel()
        watcher.stop()
        changes.stop()
        if !announced {
            // Stopped during the first build, which may be long (a site never built): leave it, as a killed build
            // is left. Its Markdown workers end when their input closes with this process.
            Output.line("stopped (\(stopped == SIGINT ? "interrupted" : "terminated")) before the first build finished")
            Foundation.exit(0)
        }
        while rebuilder.isExecuting { try? await Task.sleep(for: .milliseconds(10)) }
        await live.closeStreams()
        await server.stop(timeout: 2)
        serving.cancel()
        Output.line("stopped (\(stopped == SIGINT ? "interrupted" : "terminated"))")
    }

    /// Serves a good rebuild or shows a failed one's errors, and says so on the terminal.
    static func apply(_ outcome: SiteSession.Outcome, to live: LiveServer, start: ContinuousClock.Instant, timings: Bool) async {
        let elapsed = (ContinuousClock.now - start).formatted(.units(allowed: [.milliseconds], width: .narrow))
        switch outcome {
        case .built(let snapshot):
            await live.publish(snapshot)
            Output.diagnostics(snapshot.warnings)
            if timings {
                for (stage, seconds) in snapshot.timings {
                    Output.error(stage.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
                }
            }
            let drafts = snapshot.drafts > 0 ? " (\(Output.count(snapshot.drafts, "draft")) shown)" : ""
            Output.line("built \(Output.count(snapshot.notes, "note"))\(drafts), \(Output.count(snapshot.articles, "article")): "
                  + "\(Output.count(snapshot.pages, "page")) in \(elapsed)"
                  + (snapshot.warnings.isEmpty ? "" : ", \(Output.count(snapshot.warnings.count, "warning"))"))
        case .unchanged:
            await live.clearErrors()
        case .failed(let diagnostics):
            let serving = await live.fail(diagnostics)
            Output.failed("build", diagnostics,
                          then: serving ? "; still serving the last good build" : "; pages show the errors until it builds")
        }
    }

    static func address(_ host: String, port: Int) throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        return name.contains(":") ? try .inet6(ip6: name, port: UInt16(port)) as sockaddr_in6
            : try .inet(ip4: name, port: UInt16(port)) as sockaddr_in
    }

    static func url(of address: Socket.Address?, host: String, port: Int) -> String {
        var actual = port
        if case .ip4(_, let p) = address { actual = Int(p) }
        if case .ip6(_, let p) = address { actual = Int(p) }
        let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        return "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(actual)/"
    }

    /// Why the server cannot listen, in words.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? SocketError, case .failed(_, let code, let message) = error else { return "\(error)" }
        return message + (code == EADDRINUSE ? " (--port 0 picks a free port)" : "")
    }

    static func openBrowser(_ url: String) {
        let opener = Process()
        opener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        opener.arguments = ["xdg-open", url]
        opener.standardOutput = FileHandle.nullDevice
        opener.standardError = FileHandle.nullDevice
        do { try opener.run() } catch { Output.error("note: cannot open a browser (\(error.localizedDescription)); open \(url)") }
    }
}

/// Why the server stopped running, once it has.
final class ServerFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? { lock.withLock { stored } }
    func set(_ error: any Error) { lock.withLock { stored = error } }
}

/// What `dossier serve` waits for.
enum ServeEvent: Sendable {
    case built
    case signal(Int32)
}

/// Ctrl-C and a polite kill, caught from the moment this is made (instead of ending the process) until `next`
/// returns. The handlers are plain ones, in place when `init` returns: a dispatch source's registration happens later
/// on its queue, and a signal sent in between was lost (ignored, so the server never stopped).
struct StopSignals {
    /// Written by the handler (`write` is safe in a signal handler), read by `next`; closed on exec, so that no
    /// Markdown worker holds it.
    private static let pipe: (read: Int32, write: Int32) = {
        var fds: [Int32] = [-1, -1]
        guard Foundation.pipe(&fds) == 0 else { return (-1, -1) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }()

    init() {
        _ = Self.pipe
        for number in [SIGINT, SIGTERM] {
            signal(number) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(StopSignals.pipe.write, &byte, 1)
            }
        }
    }

    /// Waits for the first signal; which one it was.
    func next() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var byte: UInt8 = 0
                while true {
                    let n = read(Self.pipe.read, &byte, 1)
                    if n == 1 { break }
                    if n < 0 && errno == EINTR { continue }
                    byte = UInt8(SIGTERM)
                    break
                }
                continuation.resume(returning: Int32(byte))
            }
        }
    }
}
