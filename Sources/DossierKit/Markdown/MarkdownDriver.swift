import Foundation

/// The thread that keeps one worker busy for a `MarkdownWorkers` pool: it sends the queued jobs a few ahead, so
/// that the worker never waits for this process, reads the replies in order, and holds the job being parsed to its
/// time limit. A worker that fails is ended, its job gets the problem, the jobs sent after it go to a new worker.
struct MarkdownDriver {
    let pool: MarkdownWorkers
    /// Jobs sent ahead of the one being parsed.
    static let ahead = 3

    private var worker: WorkerProcess?
    /// Jobs sent or to be sent, in order; the first is the one the worker parses.
    private var inFlight: [MarkdownTicket] = []
    private var outgoing: [UInt8] = []
    private var sent = 0
    private var incoming = FrameBuffer()
    private var clock: JobClock?
    /// The worker's processor time at its last reply: where the next job's time starts.
    private var processorBase = 0.0

    init(pool: MarkdownWorkers) { self.pool = pool }

    /// Runs until the pool stops and no job is left, then ends the worker; starts it at once if `startingWorker`,
    /// before there is a job for it.
    mutating func run(startingWorker: Bool = false) {
        defer { worker?.end() }
        if startingWorker { _ = start() }
        while true {
            if inFlight.count <= Self.ahead {
                guard let more = pool.take(max: Self.ahead + 1 - inFlight.count, wait: inFlight.isEmpty) else { return }
                for ticket in more {
                    inFlight.append(ticket)
                    outgoing += ticket.frame
                }
            }
            guard !inFlight.isEmpty else { continue }
            if worker == nil && !start() { continue }
            // A job that arrives when the worker has answered all others starts its time now.
            if clock == nil { startClock() }
            step()
        }
    }

    /// Starts a worker and sends it every job in flight; on failure, every one of them gets the problem (a worker
    /// started before its jobs fails them when they come).
    private mutating func start() -> Bool {
        do {
            worker = try WorkerProcess(executable: pool.executable, arguments: pool.arguments, environment: pool.environment)
        } catch {
            let problem = MarkdownProblem(line: nil, "cannot start the Markdown worker \(pool.executable): \(error)")
            for ticket in inFlight { ticket.fulfil(.failure(problem)) }
            inFlight = []
            outgoing = []
            sent = 0
            return false
        }
        pool.countStart()
        processorBase = 0
        outgoing = inFlight.flatMap(\.frame)
        sent = 0
        incoming = FrameBuffer()
        startClock()
        return true
    }

    private mutating func startClock() {
        guard let worker, let head = inFlight.first else { clock = nil; return }
        clock = JobClock(pid: worker.pid, processorBase: processorBase, processorLimit: pool.limits.parseSeconds(bytes: head.bytes),
                         wallLimit: pool.limits.stallSeconds(bytes: head.bytes))
    }

    /// Waits for the worker to reply, to take more of what is left to send, or for the clock, and acts on it.
    private mutating func step() {
        guard let worker else { return }
        var poller = pollfd(fd: worker.channel, events: Int16(POLLIN) | (sent < outgoing.count ? Int16(POLLOUT) : 0), revents: 0)
        _ = poll(&poller, 1, clock?.timeout ?? -1)
        // Replies first: a worker that retired after its last reply is gone by the time more is sent to it.
        if poller.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
            guard receive(from: worker) else { return }
        }
        if poller.revents & Int16(POLLOUT) != 0 {
            guard let n = worker.sendSome(outgoing, from: sent) else {
                // Gone: what it said before going decides which job, if any, is to blame.
                _ = receive(from: worker)
                return
            }
            sent += n
            if sent == outgoing.count {
                outgoing = []
                sent = 0
            }
        }
        do { try clock?.check() } catch {
            worker.end()
            fail(error)
        }
    }

    /// Reads what the worker sent and hands each whole reply to its job; `false` when the worker was replaced
    /// (it ended, retired or broke the protocol).
    private mutating func receive(from worker: WorkerProcess) -> Bool {
        // Replies that arrived before the worker ended still count.
        let open = worker.receiveSome(into: &incoming)
        while let frame = takeFrame() {
            guard let payload = frame, let reply = try? MarkdownWire.reply(payload) else {
                worker.end()
                fail(.damaged)
                return false
            }
            inFlight.removeFirst().fulfil(.success(reply.output))
            processorBase = reply.processorSeconds
            if reply.retiring {
                worker.end()
                restart()
                return false
            }
            startClock()
        }
        if !open {
            fail(worker.end())
            return false
        }
        // Bytes with no job to answer: the worker does not follow the protocol, and its next reply cannot be
        // trusted to be the next job's.
        if inFlight.isEmpty && !incoming.isEmpty {
            worker.end()
            restart()
            return false
        }
        return true
    }

    /// The next whole reply in `incoming`: `nil` when there is none yet, `.some(nil)` for one that cannot be.
    private mutating func takeFrame() -> [UInt8]?? {
        guard let head = inFlight.first else { return nil }
        return incoming.next(limit: pool.limits.workerBytes(bytes: head.bytes))
    }

    /// The job being parsed gets the problem; the worker has been ended; the others go to a new one.
    private mutating func fail(_ failure: WorkerProcess.Failure) {
        if !inFlight.isEmpty {
            let head = inFlight.removeFirst()
            head.fulfil(.failure(pool.problem(failure, bytes: head.bytes)))
        }
        restart()
    }

    private mutating func restart() {
        worker = nil
        clock = nil
        incoming = FrameBuffer()
        outgoing = []
        sent = 0
    }
}
