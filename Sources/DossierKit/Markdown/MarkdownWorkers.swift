import Foundation

/// Worker processes that render note Markdown, so that cmark-gfm (whose parser state is process-wide) runs on
/// every core, and a note that makes it run away is stopped without stopping the build. Workers start when first
/// needed, at most `capacity` of them; a worker that fails is ended and replaced; `stop` ends them all.
final class MarkdownWorkers: @unchecked Sendable {
    let executable: String
    let arguments: [String]
    let limits: MarkdownLimits
    let capacity: Int
    // `idle` and `running` are guarded by `condition`.
    private let condition = NSCondition()
    private var idle: [WorkerProcess] = []
    private var running = 0

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

    /// Renders `job` in a worker; any way the worker fails is a problem with the note.
    func render(_ job: MarkdownJob) -> Result<Markdown.Rendered, MarkdownProblem> {
        let worker: WorkerProcess
        switch checkOut() {
        case .success(let started): worker = started
        case .failure(let problem): return .failure(problem)
        }
        let bytes = job.source.utf8.count
        let request = MarkdownWire.Request(job: job, memoryLimit: limits.workerBytes(bytes: bytes),
                                           retireAbove: limits.workerBytes / 2)
        do {
            // A reply can be no larger than the memory the worker may use to make it.
            let payload = try worker.exchange(MarkdownWire.encode(request), processorSeconds: limits.parseSeconds(bytes: bytes),
                                              wallSeconds: limits.stallSeconds(bytes: bytes), maxReply: request.memoryLimit)
            guard let reply = try? MarkdownWire.reply(payload) else {
                worker.end()
                checkIn(nil)
                return .failure(problem(.damaged, bytes: bytes))
            }
            worker.processorBase = reply.processorSeconds
            if reply.retiring { worker.end() }
            checkIn(reply.retiring ? nil : worker)
            return .success(reply.rendered)
        } catch {
            checkIn(nil)
            return .failure(problem(error, bytes: bytes))
        }
    }

    /// Ends every worker. Called when the notes are loaded, with no job under way.
    func stop() {
        condition.lock()
        let workers = idle
        idle = []
        running -= workers.count
        condition.unlock()
        for worker in workers { worker.end() }
    }

    private func problem(_ failure: WorkerProcess.Failure, bytes: Int) -> MarkdownProblem {
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

    /// An idle worker, or a new one while fewer than `capacity` run; waits for one otherwise.
    private func checkOut() -> Result<WorkerProcess, MarkdownProblem> {
        condition.lock()
        while idle.isEmpty && running >= capacity { condition.wait() }
        if let worker = idle.popLast() {
            condition.unlock()
            return .success(worker)
        }
        running += 1
        condition.unlock()
        do {
            return .success(try WorkerProcess(executable: executable, arguments: arguments))
        } catch {
            checkIn(nil)
            return .failure(MarkdownProblem(line: nil, "cannot start the Markdown worker \(executable): \(error)"))
        }
    }

    /// Returns `worker` to the idle ones, or (`nil`) records that one ended.
    private func checkIn(_ worker: WorkerProcess?) {
        condition.lock()
        if let worker { idle.append(worker) } else { running -= 1 }
        condition.signal()
        condition.unlock()
    }
}
