import Foundation

/// A job handed to `MarkdownEngine`, and in time its result: the caller goes on with other notes and waits for
/// this one only when it needs the result.
final class MarkdownTicket: @unchecked Sendable {
    /// The request as sent to a worker (empty for a job rendered in this process, and once answered). Used by
    /// one driver thread at a time.
    private(set) var frame: [UInt8]
    /// The note's size, which its time and memory allowances grow with.
    let bytes: Int
    // Written once, before `done` is signalled; read only after it was.
    private var result: Result<MarkdownJob.Output, MarkdownProblem>?
    private let done = DispatchSemaphore(value: 0)

    init(job: MarkdownJob, frame: [UInt8] = []) {
        bytes = job.source.utf8.count
        self.frame = frame
    }

    /// A ticket whose result is already known.
    convenience init(job: MarkdownJob, result: Result<MarkdownJob.Output, MarkdownProblem>) {
        self.init(job: job)
        fulfil(result)
    }

    func fulfil(_ result: Result<MarkdownJob.Output, MarkdownProblem>) {
        frame = []
        self.result = result
        done.signal()
    }

    /// Waits for the result.
    func wait() -> Result<MarkdownJob.Output, MarkdownProblem> {
        done.wait()
        done.signal()
        return result ?? .failure(MarkdownProblem(line: nil, "the note was not parsed"))
    }
}
