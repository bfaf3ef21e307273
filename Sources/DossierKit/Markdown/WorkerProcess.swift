import Foundation

/// One worker process, connected by two sockets: one for requests and replies (non-blocking on this side), one
/// its standard error goes to, read only once it has ended. Used by one thread at a time. Sockets rather than
/// pipes: a send to a worker that died fails with an error instead of a SIGPIPE that would end the build.
final class WorkerProcess {
    let pid: pid_t
    /// This side of the requests and replies; wait on it with `poll`.
    let channel: Int32
    private let errors: Int32
    private var status: Int32?
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// Why a worker could not be started: an `errno` value.
    struct StartFailure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    /// How a job went wrong; the worker has been ended.
    enum Failure: Error {
        /// The job took more processor time than allowed, or (`wall`) more wall time.
        case overtime(wall: Bool)
        /// The worker ended: `how`, and the last line it wrote to standard error.
        case ended(how: String, signal: Int32?, lastWords: String?)
        /// The worker's reply does not follow the protocol.
        case damaged
    }

    /// Starts `executable` with `arguments`, and `environment` added to this process's; the new process inherits
    /// no descriptor of this one but the three it is given, so that no other worker keeps its sockets open and its
    /// end is seen at once.
    init(executable: String, arguments: [String], environment added: [String: String] = [:]) throws(StartFailure) {
        let (parentChannel, childChannel) = try Self.socketPair()
        let (parentErrors, childErrors): (Int32, Int32)
        do { (parentErrors, childErrors) = try Self.socketPair() } catch {
            close(parentChannel)
            close(childChannel)
            throw error
        }
        defer {
            close(childChannel)
            close(childErrors)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childChannel, 0)
        posix_spawn_file_actions_adddup2(&actions, childChannel, 1)
        posix_spawn_file_actions_adddup2(&actions, childErrors, 2)
        for descriptor in Self.openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Whatever this thread blocks or ignores, the worker takes signals as a fresh process does (Ctrl-C ends it).
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        // Swift's crash reporter would answer an abort with a long backtrace, slowly: the one line before it
        // says what happened.
        var environment = ProcessInfo.processInfo.environment.merging(added) { _, new in new }
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for entry in envp { free(entry) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(parentChannel)
            close(parentErrors)
            throw StartFailure(code: result)
        }
        self.pid = pid
        channel = parentChannel
        errors = parentErrors
        _ = fcntl(channel, F_SETFL, fcntl(channel, F_GETFL) | O_NONBLOCK)
        _ = fcntl(errors, F_SETFL, fcntl(errors, F_GETFL) | O_NONBLOCK)
    }

    deinit { end() }

    /// Sends what the socket takes now of `bytes[offset...]`: the number of bytes sent, or `nil` when the worker
    /// has gone.
    func sendSome(_ bytes: [UInt8], from offset: Int) -> Int? {
        while true {
            let n = bytes.withUnsafeBytes { Glibc.send(channel, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n >= 0 { return n }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : nil
        }
    }

    /// Appends to `buffer` what can be read now; `false` at the end of the stream (the worker has gone).
    func receiveSome(into buffer: inout FrameBuffer) -> Bool {
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(channel, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                buffer.append(chunk[..<n])
                if n < chunk.count { return true }
                continue
            }
            if n < 0 && errno == EINTR { continue }
            return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
        }
    }

    /// Ends the worker (a no-op when it has already ended) and collects its status, so that no zombie is left;
    /// returns how it ended.
    @discardableResult
    func end() -> Failure {
        if status == nil {
            // Killing a worker that has already exited changes nothing: its status is the one it exited with.
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            status = raw
            close(channel)
        }
        let raw = status ?? 0
        let lastWords = readErrors()
        let signal = raw & 0x7F
        if signal == 0 {
            return .ended(how: "exited with status \((raw >> 8) & 0xFF)", signal: nil, lastWords: lastWords)
        }
        let name = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
        return .ended(how: "was stopped by signal \(signal) (\(name))", signal: signal, lastWords: lastWords)
    }

    private var lastWordsRead: String??

    /// The last non-empty line the worker wrote to standard error, read once, after it ended.
    private func readErrors() -> String? {
        if let lastWordsRead { return lastWordsRead }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65_536 {
            let n = buffer.withUnsafeMutableBytes { recv(errors, $0.baseAddress, $0.count, 0) }
            if n > 0 { bytes += buffer[..<n] } else if n < 0 && errno == EINTR { continue } else { break }
        }
        close(errors)
        let line = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .last { !$0.allSatisfy(\.isWhitespace) }.map { String($0.prefix(200)) }
        lastWordsRead = .some(line)
        return line
    }

    private static func socketPair() throws(StartFailure) -> (Int32, Int32) {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw StartFailure(code: errno)
        }
        // The child's end becomes its descriptor 0, 1 or 2; keep it clear of those numbers (a build run with a
        // standard stream closed hands them out) so that one duplication does not overwrite another.
        if pair[1] <= 2 {
            let moved = fcntl(pair[1], F_DUPFD_CLOEXEC, 3)
            close(pair[1])
            pair[1] = moved
        }
        guard pair[1] >= 0 else {
            close(pair[0])
            throw StartFailure(code: errno)
        }
        return (pair[0], pair[1])
    }

    /// This process's open descriptors, so that the worker closes the ones not opened close-on-exec.
    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }
}

/// The time one job has had: processor time of the worker since it started the job, checked whenever it could
/// have reached the limit, and wall time, against a worker that gets no processor time at all.
struct JobClock {
    let pid: pid_t
    let processorBase: Double
    let processorLimit: Double
    let wallLimit: Double
    let start = Self.now()
    private var nextCheck: Double

    init(pid: pid_t, processorBase: Double, processorLimit: Double, wallLimit: Double) {
        self.pid = pid
        self.processorBase = processorBase
        self.processorLimit = processorLimit
        self.wallLimit = wallLimit
        nextCheck = start + min(processorLimit, wallLimit)
    }

    /// Milliseconds until the clock needs looking at again.
    var timeout: Int32 { Int32(max(0, ((nextCheck - Self.now()) * 1000).rounded(.up))) }

    /// Throws when the job has had its time; otherwise sets when to look again.
    mutating func check() throws(WorkerProcess.Failure) {
        let now = Self.now()
        guard now >= nextCheck else { return }
        // Without /proc, wall time stands in for processor time.
        let used = Self.processorSeconds(pid).map { $0 - processorBase } ?? (now - start)
        if used >= processorLimit { throw .overtime(wall: false) }
        if now - start >= wallLimit { throw .overtime(wall: true) }
        nextCheck = min(now + max(processorLimit - used, 0.01), start + wallLimit)
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// User and system time of process `pid` from `/proc/<pid>/stat`, in seconds.
    static func processorSeconds(_ pid: pid_t) -> Double? {
        let file = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        // The command name, in parentheses, may hold spaces: fields are counted after its closing one.
        let text = String(decoding: buffer[..<n], as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the name: state, ppid, pgrp, session, tty, tpgid, flags, 4 fault counts, then utime and stime.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
