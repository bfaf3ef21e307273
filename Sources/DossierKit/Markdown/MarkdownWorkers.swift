import Foundation

/// Worker processes that render note Markdown, so that cmark-gfm (whose parser state is process-wide) runs on
/// every core, and a note that makes it run away is stopped without stopping the build. Jobs wait in one queue;
/// a driver thread per worker (`MarkdownDriver`) feeds its worker from it. Workers start when there are jobs for
/// them, at most `capacity`; `stop` ends them all.
final class MarkdownWorkers: @unchecked Sendable {
    let executable: String
    let arguments: [String]
    let limits: MarkdownLimits
    let capacity: Int
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [MarkdownTicket] = []
    private var drivers = 0
    private var idleDrivers = 0
    private var stopping = false
    private var started = 0

    /// How many worker processes were started so far (a worker that fails or retires is replaced by a new one).
    var workersStarted: Int { condition.withLock { started } }

    /// Called by a driver that started a worker.
    func countStart() { condition.withLock { started += 1 } }

    /// Workers running `executable markdown-worker`: a `dossier` executable.
    convenience init(dossier executable: String, limits: MarkdownLimits = .standard,
                     capacity: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.init(executable: executable, arguments: ["markdown-worker"], limits: limits, capacity: capacity)
    }

    init(executable: String, arguments: [String], limits: MarkdownLimits, capacity: Int) {
        self.executable = executable
        self.arguments = arguments
        self.limits = limits
        self.capacity = max(1, capacity)
    }

    deinit { stop() }

    /// The workers' allocator keeps what a job freed for the next one, up to the size past which a worker retires,
    /// instead of returning it and faulting it in again: a third of a worker's system time otherwise.
    var environment: [String: String] {
        let tunables = "glibc.malloc.trim_threshold=\(limits.retireBytes):glibc.malloc.mmap_threshold=16777216:glibc.malloc.top_pad=16777216"
        return ["GLIBC_TUNABLES": ProcessInfo.processInfo.environment["GLIBC_TUNABLES"].map { $0 + ":" + tunables } ?? tunables]
    }

    /// Queues `job`; its ticket gives the rendering, or the problem with the note.
    func submit(_ job: MarkdownJob) -> MarkdownTicket {
        let bytes = job.source.utf8.count
        let request = MarkdownWire.Request(job: job, memoryLimit: limits.workerBytes(bytes: bytes), retireAbove: limits.retireBytes)
        let ticket = MarkdownTicket(job: job, frame: MarkdownWire.frame(MarkdownWire.encode(request)))
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else {
            ticket.fulfil(.failure(Self.notParsed))
            return ticket
        }
        queue.append(ticket)
        if idleDrivers == 0 && drivers < capacity { startDriver(early: false) } else { condition.signal() }
        return ticket
    }

    /// Starts workers for `jobs` jobs to come (one per job, at most `capacity`), so that they are ready when the
    /// jobs are: a worker takes a moment to start.
    func prestart(jobs: Int) {
        condition.lock()
        defer { condition.unlock() }
        while drivers < min(jobs, capacity) && !stopping { startDriver(early: true) }
    }

    /// Called with `condition` locked.
    private func startDriver(early: Bool) {
        drivers += 1
        Thread.detachNewThread { [self] in
            var driver = MarkdownDriver(pool: self)
            driver.run(startingWorker: early)
            condition.lock()
            drivers -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Up to `max` queued jobs for a driver, oldest first; waiting for one if `wait` is set. `nil`: the pool is
    /// stopping and the driver, which has nothing in hand, ends.
    func take(max: Int, wait: Bool) -> [MarkdownTicket]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && wait {
            if stopping { return nil }
            idleDrivers += 1
            condition.wait()
            idleDrivers -= 1
        }
        // Taken jobs leave the queue at once: their tickets, results included, belong to the driver and the caller.
        let taken = Array(queue.prefix(max))
        queue.removeFirst(taken.count)
        return taken
    }

    /// Ends every worker once the jobs given to them are done; jobs still queued are not parsed.
    func stop() {
        condition.lock()
        stopping = true
        let dropped = queue
        queue = []
        condition.broadcast()
        while drivers > 0 { condition.wait() }
        condition.unlock()
        for ticket in dropped { ticket.fulfil(.failure(Self.notParsed)) }
    }

    static let notParsed = MarkdownProblem(line: nil, "the note was not parsed: the build stopped first")

    /// What a worker's failure on a note of `bytes` bytes means for the note.
    func problem(_ failure: WorkerProcess.Failure, bytes: Int) -> MarkdownProblem {
        switch failure {
        case .overtime(let wall):
            return limits.timeProblem(bytes: bytes, wall: wall)
        case .ended(let how, let signal, let lastWords):
            let detail = "the parser " + how + (lastWords.map { ": " + $0 } ?? "")
            // cmark-gfm aborts when an allocation fails; the kernel kills a process when the machine runs out.
            if signal == SIGABRT || signal == SIGKILL { return limits.memoryProblem(bytes: bytes, detail) }
            return MarkdownProblem(line: nil, "the Markdown worker (\(executable)) failed: \(detail)")
        case .damaged:
            return MarkdownProblem(line: nil, "the Markdown worker (\(executable)) sent a damaged reply")
        }
    }
}
