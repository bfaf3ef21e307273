import Foundation

/// Where note bodies are rendered, and the limits they are held to: the checks before parsing always, and the
/// time and memory limits when the parsing runs in worker processes.
struct MarkdownEngine: Sendable {
    /// `nil`: in this process, one note at a time (cmark-gfm's parser state is process-wide).
    let workers: MarkdownWorkers?
    var limits: MarkdownLimits { workers?.limits ?? .standard }

    /// In this process, with the checks before parsing but without a time or memory limit.
    static let inProcess = MarkdownEngine(workers: nil)

    init(workers: MarkdownWorkers?) {
        self.workers = workers
    }

    /// Workers running `options.markdownWorker`, or in this process when it is `nil`.
    init(_ options: BuildOptions) {
        self.init(workers: options.markdownWorker.map { MarkdownWorkers(dossier: $0.path) })
    }

    /// Starts rendering `job`: the checks before parsing at once, then in a worker (the caller goes on) or in this
    /// process (done on return). `result` gives the outcome.
    func submit(_ job: MarkdownJob) -> MarkdownTicket {
        if let problem = limits.tableProblem(in: job.source) { return MarkdownTicket(job: job, result: .failure(problem)) }
        guard let workers else { return MarkdownTicket(job: job, result: .success(job.render())) }
        return workers.submit(job)
    }

    /// The job of `ticket` rendered, or why its Markdown is refused; lines of a problem count from the start of
    /// the job's source.
    func result(_ ticket: MarkdownTicket) -> Result<MarkdownJob.Output, MarkdownProblem> {
        ticket.wait().flatMap { output in limits.depthProblem(output.rendered.depth).map { .failure($0) } ?? .success(output) }
    }

    /// Ends the workers; call once every note submitted has its result.
    func stop() { workers?.stop() }
}
