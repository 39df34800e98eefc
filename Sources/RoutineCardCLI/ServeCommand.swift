import ArgumentParser
import Foundation
import RoutineCardServer
import Synchronization

/// `routinecard serve`: the card studio in a browser, and the HTTP API, from this binary.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the card studio (a web page to write, preview and download cards) and the HTTP API.",
        discussion: """
            Open http://127.0.0.1:8080/ in a browser. The API is described at /api/openapi.yaml. \
            SIGTERM or Ctrl-C stops accepting requests and finishes those in flight.
            """
    )

    @Option(help: "The address to listen on; 127.0.0.1 (this machine only) unless you say otherwise, e.g. 0.0.0.0.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The largest request body accepted, in KiB.")
    var maxBody = 256

    @Option(help: "Seconds one render may take before the client is asked to retry.")
    var timeout = 20

    @Option(help: "Render processes (default: one per core); 0 draws in the server process, one card at a time.")
    var workers: Int?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard (1...16384).contains(maxBody) else { throw ValidationError("--max-body must be between 1 and 16384 KiB") }
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be between 1 and 600 seconds") }
        if let workers, !(0...256).contains(workers) { throw ValidationError("--workers must be between 0 and 256") }
    }

    func run() throws {
        let processes = workers ?? ProcessInfo.processInfo.activeProcessorCount
        // Each worker is this program again (`serve-worker`): cairo 1.16 draws on one thread at a
        // time per process, so processes are how renders use every core, as in `batch`.
        let server = StudioServer(
            configuration: .init(
                host: host, port: port, maxBody: maxBody * 1024, concurrentRenders: max(1, processes), renderTimeout: .seconds(timeout),
                workerCommand: processes == 0 ? nil : [WorkerProcessRenderer.executable.path, "serve-worker"]))
        printError("routinecard: serving the card studio on http://\(host):\(port)/")
        // The command line is synchronous; the server runs on Swift's concurrency threads until it stops.
        let outcome = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await server.run() } catch { outcome.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = outcome.withLock({ $0 }) {
            // Most often the port is taken or the address is not this machine's.
            printError("routinecard: error: the server stopped: \(error)")
            throw ExitCode(ExitStatus.ioError)
        }
    }
}
