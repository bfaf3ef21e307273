import Foundation

/// The worker side of `dossier markdown-worker`: renders the jobs a build sends on standard input, one at a time,
/// and writes each reply to standard output, under the memory limit each job comes with, which it sets on itself.
/// A build stops a worker that takes too long; cmark-gfm aborts the worker when an allocation fails. Either way
/// the build goes on.
public enum MarkdownWorker {
    /// The longest request a worker reads: a note at the size limit, with room to spare.
    static let requestBytes = 2 * MarkdownLimits.standard.noteBytes

    /// Serves jobs until standard input ends, then returns the exit status: 0, or 2 for a request it cannot read
    /// or a limit it cannot set.
    public static func serve() -> Int32 {
        exitWhenTheBuildIsGone()
        var input = FrameReader()
        // The data segment (heap and private mappings) is what cmark-gfm's runaway cases fill; the address space
        // would also count shared libraries and reserved but unused arenas. Only the soft limit is set, so that
        // the next job can have more.
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit)
        while true {
            guard let payload = input.next(limit: requestBytes) else { return 0 }
            guard let payload = payload, let request = try? MarkdownWire.request(payload) else { return 2 }
            let wanted = min(rlim_t(request.memoryLimit), limit.rlim_max)
            if limit.rlim_cur != wanted {
                limit.rlim_cur = wanted
                guard setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit) == 0 else { return 2 }
            }
            let output = request.job.render()
            let reply = MarkdownWire.Reply(output: output, processorSeconds: processorSeconds(),
                                           retiring: residentBytes() > request.retireAbove)
            guard write(MarkdownWire.frame(MarkdownWire.encode(reply))) else { return 0 }
            if reply.retiring { return 0 }
        }
    }

    /// A thread that ends the process as soon as the build's end of standard input closes, even while a parse
    /// runs: a build that was killed leaves no worker behind.
    private static func exitWhenTheBuildIsGone() {
        Thread.detachNewThread {
            var input = pollfd(fd: 0, events: 0, revents: 0)
            while true {
                if poll(&input, 1, -1) > 0, input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { _exit(0) }
            }
        }
    }

    private static func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { FileOps.writeAll(1, $0) }
    }

    private static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }

    /// The memory the worker holds now, from `/proc/self/statm`. Not `getrusage`'s peak: a process started with
    /// `posix_spawn` inherits as its peak the build's own, taken when it still shared the build's memory.
    private static func residentBytes() -> Int {
        let file = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return 0 }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress, $0.count) }
        guard n > 0 else { return 0 }
        let fields = buffer[..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}

/// Reads the frames of standard input, as much at a time as the build has sent: requests sent ahead cost one
/// read together.
struct FrameReader {
    private var buffer = FrameBuffer()
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// The next frame's payload: `nil` at the end of input, `.some(nil)` for a damaged or cut-off frame.
    mutating func next(limit: Int) -> [UInt8]?? {
        while true {
            if let frame = buffer.next(limit: limit) { return frame }
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n > 0 { buffer.append(chunk[..<n]) } else if n < 0 && errno == EINTR { continue } else {
                return buffer.isEmpty ? nil : .some(nil)
            }
        }
    }
}
