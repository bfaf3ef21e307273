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
        while true {
            guard let payload = readFrame(limit: requestBytes) else { return 0 }
            guard let payload = payload, let request = try? MarkdownWire.request(payload) else { return 2 }
            // The data segment (heap and private mappings) is what cmark-gfm's runaway cases fill; the address
            // space would also count shared libraries and reserved but unused arenas. Only the soft limit is
            // set, so that the next job can have more.
            var limit = rlimit()
            getrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit)
            limit.rlim_cur = min(rlim_t(request.memoryLimit), limit.rlim_max)
            guard setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit) == 0 else { return 2 }
            let rendered = request.job.render()
            let usage = resourceUsage()
            let reply = MarkdownWire.Reply(rendered: rendered, processorSeconds: usage.processorSeconds,
                                           retiring: usage.peakBytes > request.retireAbove)
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

    /// The next request: `nil` at the end of input, `.some(nil)` for a damaged frame.
    private static func readFrame(limit: Int) -> [UInt8]?? {
        guard let header = read(8) else { return nil }
        guard header.count == 8, let length = try? MarkdownWire.length(header), length <= limit,
              let payload = read(length), payload.count == length else { return .some(nil) }
        return payload
    }

    /// Up to `count` bytes of standard input, fewer only at its end; `nil` when it ended before the first.
    private static func read(_ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress! + done, count - done) }
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
        if done == 0 && count > 0 { return nil }
        return Array(bytes[..<done])
    }

    private static func write(_ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + done, bytes.count - done) }
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return false }
        }
        return true
    }

    private static func resourceUsage() -> (processorSeconds: Double, peakBytes: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let seconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
        return (seconds, usage.ru_maxrss * 1024)
    }
}
