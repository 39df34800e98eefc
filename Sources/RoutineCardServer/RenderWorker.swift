import Foundation
import RoutineCard

/// The other end of the server's render workers: reads jobs on standard input and answers on
/// standard output until the server closes the pipe.
///
/// cairo 1.16 draws on one thread at a time per process (see the README), so the server renders in
/// worker processes, as `batch` does, to use every core. A program that serves with
/// ``StudioServer/Configuration/workerCommand`` runs this in the command it names.
public enum RenderWorker {
    /// Answers jobs until standard input ends.
    public static func serve() {
        // The server stops its workers by closing their pipes, after their renders in flight;
        // a Ctrl-C or SIGTERM sent to the whole process group must not cut a render short.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let message = try? Frames.read(from: STDIN_FILENO) {
            let (reply, files): (WorkerReply, [Data])
            if let job = try? decoder.decode(WorkerJob.self, from: message) {
                (reply, files) = answer(job)
            } else {
                (reply, files) = (WorkerReply(problem: WorkerProblem(Problem.badRequest("the worker could not read its job"))), [])
            }
            guard let header = try? encoder.encode(reply), (try? Frames.write([header] + files, to: STDOUT_FILENO)) != nil else { return }
        }
    }

    static func answer(_ workerJob: WorkerJob) -> (WorkerReply, [Data]) {
        do {
            let job = try Job(workerJob.request)
            if workerJob.check {
                let findings = try CardRenderer().check([job.routine], options: job.options)
                return (WorkerReply(findings: findings.map(FindingBody.init)), [])
            }
            let document = try CardRenderer().render([job.routine], options: job.options, output: job.output)
            return (WorkerReply(cardCount: document.cardCount, fileCount: document.files.count), document.files)
        } catch {
            return (WorkerReply(problem: WorkerProblem(Problem(error))), [])
        }
    }
}

/// What the server sends a worker.
struct WorkerJob: Codable, Sendable {
    var request: RenderRequest
    /// Preflight findings instead of files.
    var check: Bool
}

/// A worker's answer; the files follow it as messages of their own.
struct WorkerReply: Codable, Sendable {
    var cardCount = 0
    var fileCount = 0
    var findings: [FindingBody]?
    var problem: WorkerProblem?
}

/// A ``Problem`` as it crosses the pipe.
struct WorkerProblem: Codable, Sendable {
    var status: Int
    var title: String
    var detail: String
    var diagnostics: [Diagnostic]
    var retryAfter: Int?

    init(_ problem: Problem) {
        status = problem.status.code
        title = problem.title
        detail = problem.detail
        diagnostics = problem.diagnostics
        retryAfter = problem.retryAfter
    }

    var problem: Problem {
        Problem(status: .init(code: status), title: title, detail: detail, diagnostics: diagnostics, retryAfter: retryAfter)
    }
}
