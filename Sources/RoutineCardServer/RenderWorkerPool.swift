import Foundation
import Synchronization

/// Render worker processes, each doing one job at a time; started on first use, and again after
/// one stops or is stopped for taking too long.
final class RenderWorkerPool: Sendable {
    private let command: [String]
    private let idle = Mutex<[RenderWorkerProcess]>([])

    /// - Parameter command: the executable and arguments of a program that runs ``RenderWorker/serve()``.
    init(command: [String]) {
        self.command = command
        // A worker that died leaves a closed pipe; writing to it must be an error, not the end of the server.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Starts `count` workers now, so that the first requests do not wait for them to load their fonts.
    func start(_ count: Int) throws {
        let started = try (0..<count).map { _ in try RenderWorkerProcess(command: command) }
        idle.withLock { $0.append(contentsOf: started) }
    }

    /// Sends `job` to an idle worker and waits (on a thread of its own, not Swift's cooperative pool)
    /// for its answer and files.
    func run(_ job: WorkerJob, timeout: Duration) async throws -> (WorkerReply, [Data]) {
        let message = try JSONEncoder().encode(job)
        let command = self.command
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let worker = try self.idle.withLock { $0.popLast() } ?? RenderWorkerProcess(command: command)
                    do {
                        let answer = try worker.exchange(message, deadline: .now + timeout)
                        self.idle.withLock { $0.append(worker) }
                        continuation.resume(returning: answer)
                    } catch {
                        // Its pipe is out of step (or it is stuck): never use it again.
                        worker.stop(kill: true)
                        continuation.resume(throwing: error)
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Ends the idle workers (each finishes and exits when its pipe closes).
    func stop() {
        let workers = idle.withLock { workers in
            defer { workers.removeAll() }
            return workers
        }
        for worker in workers { worker.stop(kill: false) }
    }
}

/// One worker process and its two pipes. Used by one thread at a time: the pool hands it out.
final class RenderWorkerProcess: @unchecked Sendable {
    private let process = Process()
    private let toWorker = Pipe()
    private let fromWorker = Pipe()
    private var launched = false
    private var stopped = false

    init(command: [String]) throws {
        guard let executable = command.first else {
            throw Problem(status: .internalServerError, title: "No render worker", detail: "the server has no worker command")
        }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.standardInput = toWorker
        process.standardOutput = fromWorker
        do {
            try process.run()
            launched = true
        } catch {
            throw Problem(status: .internalServerError, title: "No render worker", detail: "cannot start \(executable): \(error)")
        }
    }

    deinit { stop(kill: true) }

    func exchange(_ message: Data, deadline: ContinuousClock.Instant) throws -> (WorkerReply, [Data]) {
        do {
            try Frames.write([message], to: toWorker.fileHandleForWriting.fileDescriptor)
            let input = fromWorker.fileHandleForReading.fileDescriptor
            guard let header = try Frames.read(from: input, deadline: deadline) else { throw FrameError.broken("the worker stopped") }
            let reply = try JSONDecoder().decode(WorkerReply.self, from: header)
            var files: [Data] = []
            for _ in 0..<reply.fileCount {
                guard let file = try Frames.read(from: input, deadline: deadline) else { throw FrameError.broken("the worker stopped") }
                files.append(file)
            }
            return (reply, files)
        } catch FrameError.timedOut {
            throw Problem(status: .serviceUnavailable, title: "Too slow", detail: "the card took too long to render", retryAfter: 5)
        } catch {
            throw Problem(status: .internalServerError, title: "The card could not be drawn", detail: "the render worker failed: \(error)")
        }
    }

    /// Closes its input so it exits after its job, or kills it at once.
    func stop(kill: Bool) {
        guard !stopped else { return }
        stopped = true
        if kill, launched, process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        try? toWorker.fileHandleForWriting.close()
        if launched { process.waitUntilExit() }
        try? fromWorker.fileHandleForReading.close()
    }
}
