import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch
import Synchronization

/// One worker process of a batch: reads rows (JSON, one per line) on standard input, renders each,
/// and answers with its result (JSON, one per line) on standard output.
///
/// A batch renders in worker processes rather than threads because cairo 1.16 cannot draw text on
/// two threads at once (see `CairoLock`): processes share nothing, so `--jobs 2` uses both cores.
struct BatchWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-worker", abstract: "Render rows for `routinecard batch` (internal).", shouldDisplay: false
    )

    @Option(help: "The folder relative routine paths start from.")
    var manifestFolder: String

    @Option(help: "The output folder.")
    var outDir: String

    @Flag var allowOutside = false
    @Flag var dryRun = false

    @Option(help: "Folders whose pictures routines may use.")
    var picturesFrom: [String] = []

    @Option(help: "The PDF creation date, in seconds since 1970.")
    var creationDate: Int?

    func run() throws {
        Interruption.install(announce: false)
        let runner = BatchRunner(
            rowsFrom: URL(fileURLWithPath: manifestFolder, isDirectory: true),
            options: BatchOptions(
                outputFolder: URL(fileURLWithPath: outDir, isDirectory: true), jobs: 1, allowOutside: allowOutside, dryRun: dryRun,
                creationDate: creationDate.map { Date(timeIntervalSince1970: TimeInterval($0)) }))
        let cache = RoutineCache(
            base: URL(fileURLWithPath: manifestFolder, isDirectory: true),
            pictureFolders: picturesFrom.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let input = DescriptorLines(descriptor: STDIN_FILENO)
        let encoder = JSONEncoder()
        while let line = input.next() {
            let reply: WorkerReply
            do {
                let row = try JSONDecoder().decode(ManifestRow.self, from: line)
                reply = WorkerReply(runner.renderRow(row, cache: cache))
            } catch {
                reply = WorkerReply(
                    BatchResult(
                        row: 0, output: nil, pages: 0, bytes: 0, warnings: [],
                        error: "the worker could not read its row: \(error)", ms: 0, isIOError: false))
            }
            try writeStandardOutput(try encoder.encode(reply) + Data("\n".utf8))
        }
    }
}

/// A row's result as a worker sends it (``BatchResult``'s public JSON leaves out `isIOError`).
struct WorkerReply: Codable {
    var result: BatchResult
    var isIOError: Bool

    init(_ result: BatchResult) {
        self.result = result
        self.isIOError = result.isIOError
    }

    var batchResult: BatchResult {
        var result = self.result
        result.isIOError = isIOError
        return result
    }
}

/// Lines read from a file descriptor, with nothing but the system's calls.
final class DescriptorLines {
    private let descriptor: Int32
    private var buffer = Data()
    private var atEnd = false
    /// Reused for every read: a fresh 64 kB array per row cost page faults on both sides of the pipe.
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The next line without its newline, or nil at the end (or on a read error).
    func next() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return Data(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return buffer
            }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { atEnd = true } else { buffer.append(contentsOf: chunk[0..<count]) }
        }
    }
}

/// Renders rows in a worker process of its own, started on first use and again after a crash. Rows
/// are sent ahead (``PipelinedBatchRowRendering``): the worker reads the next from its pipe as soon as
/// it finishes one.
final class WorkerProcessRenderer: PipelinedBatchRowRendering {
    private let arguments: [String]
    private var process: Process?
    private var input: FileHandle?
    private var lines: DescriptorLines?
    private var outputHandle: FileHandle?
    /// Rows sent and not yet answered, oldest first.
    private var sent: [ManifestRow] = []
    private let encoder = JSONEncoder()
    /// Why the last start or write failed, for the row that could not be rendered.
    private var failure: String?

    init(arguments: [String]) { self.arguments = arguments }

    deinit { stop() }

    func render(_ row: ManifestRow) -> BatchResult {
        send(row)
        return receive()
    }

    func send(_ row: ManifestRow) {
        sent.append(row)
        // A failure to start or write shows when the answer is read.
        deliverReportingFailure(row)
    }

    func receive() -> BatchResult {
        guard !sent.isEmpty else {
            return BatchResult(row: 0, output: nil, pages: 0, bytes: 0, warnings: [], error: "no row was sent", ms: 0, isIOError: false)
        }
        let row = sent.removeFirst()
        if let line = lines?.next(), let reply = try? JSONDecoder().decode(WorkerReply.self, from: line) {
            return reply.batchResult
        }
        // Interrupted: the signal handler stopped the workers and is about to exit.
        while Interruption.happened.load(ordering: .sequentiallyConsistent) { pause() }
        let status = stop()
        let reason =
            failure.map { "the worker process could not be used (\($0))" }
            ?? "the worker process rendering this row stopped\(status.map { " (\($0))" } ?? "")"
        failure = nil
        // The rows queued behind this one go to a new worker.
        for waiting in sent { deliverReportingFailure(waiting) }
        return BatchResult(
            row: row.number, output: nil, pages: 0, bytes: 0, warnings: [], error: "\(reason); nothing was written",
            ms: 0, isIOError: false)
    }

    private func deliverReportingFailure(_ row: ManifestRow) {
        do { try deliver(row) } catch { failure = failure ?? "\(error)" }
    }

    private func deliver(_ row: ManifestRow) throws {
        if process == nil { try start() }
        guard let input else { throw OutputError(.failed, "no worker process") }
        try AtomicFile.writeAll(try encoder.encode(row) + Data("\n".utf8), to: input.fileDescriptor, name: "the worker process")
    }

    private func start() throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["batch-worker"] + arguments
        let toWorker = Pipe(), fromWorker = Pipe()
        process.standardInput = toWorker
        process.standardOutput = fromWorker
        try process.run()
        WorkerProcesses.add(process.processIdentifier)
        self.process = process
        input = toWorker.fileHandleForWriting
        outputHandle = fromWorker.fileHandleForReading
        lines = DescriptorLines(descriptor: fromWorker.fileHandleForReading.fileDescriptor)
    }

    /// Ends the worker (closing its input lets it finish and exit) and says how it ended if abnormally.
    @discardableResult
    private func stop() -> String? {
        guard let process else { return nil }
        try? input?.close()
        process.waitUntilExit()
        WorkerProcesses.remove(process.processIdentifier)
        try? outputHandle?.close()
        self.process = nil
        input = nil
        lines = nil
        outputHandle = nil
        switch process.terminationReason {
        case .uncaughtSignal: return "signal \(process.terminationStatus)"
        case .exit: return process.terminationStatus == 0 ? nil : "exit status \(process.terminationStatus)"
        @unknown default: return nil
        }
    }

    /// This program's own file.
    static var executable: URL {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return URL(fileURLWithPath: path) }
        #endif
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }
}

/// The worker processes alive, so that an interrupted batch can stop them.
enum WorkerProcesses {
    private static let alive = Mutex<Set<Int32>>([])

    static func add(_ pid: Int32) { alive.withLock { _ = $0.insert(pid) } }
    static func remove(_ pid: Int32) { alive.withLock { _ = $0.remove(pid) } }

    /// Sends SIGTERM to every worker (each deletes its own half-written files) and waits for them.
    static func terminateAll() {
        let pids = alive.withLock { $0 }
        for pid in pids { kill(pid, SIGTERM) }
        // Each worker deletes its own temporary file; wait (briefly) so none outlives the batch.
        for pid in pids {
            for _ in 0..<200 where kill(pid, 0) == 0 { usleep(10_000) }
        }
    }
}
