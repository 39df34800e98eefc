import ArgumentParser
import Dispatch
import Foundation
import RoutineCard
import RoutineCardBatch
import Synchronization

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one card per row of a manifest (CSV, JSON Lines or YAML), in parallel.",
        discussion: """
            Columns: routines (ids, paths relative to the manifest, or id#section; separated by spaces \
            or commas), output, format, template, paper, sheet, theme, for, by, date, note, language, \
            landscape, tracker, margin, bleed, font, dpi.

            Every output is written to a temporary file and renamed into place when complete. Two rows \
            writing the same output stop the batch before anything is rendered; a row whose output lies \
            outside --out-dir fails and writes nothing (unless --allow-outside).

            Exit status: 0 all written; 1 some rows failed (--keep-going); 64 usage error; \
            65 invalid input (the first failed row is named); 74 input/output error.
            """
    )

    @Argument(help: "The manifest: .csv (with a header row), .jsonl, or .yaml (a list of rows).")
    var manifest: String

    @Option(help: "csv, jsonl or yaml, when the extension does not say.")
    var manifestFormat: String?

    @Option(help: "The folder for the outputs (created if missing).")
    var outDir: String = "."

    @Option(help: "How many cards to render at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Render only rows whose 0-based index ≡ K (mod N), as K/N; 'env' reads JOB_COMPLETION_INDEX and JOB_COMPLETION_COUNT.")
    var shard: String?

    @Flag(help: "Go on after a failed row; the exit status is then 1.")
    var keepGoing = false

    @Flag(help: "Allow output names outside --out-dir.")
    var allowOutside = false

    @Option(help: ArgumentHelp("A folder whose pictures routines may use, besides their own folder (repeatable).", valueName: "folder"))
    var picturesFrom: [String] = []

    @Flag(help: "Check every row and print what would be written, without writing.")
    var dryRun = false

    @Flag(help: "Print one JSON object per row on standard output (output, pages, bytes, warnings, error, ms).")
    var json = false

    @Flag(name: .shortAndLong, help: "No progress bar and no messages but errors.")
    var quiet = false

    @Option(help: "A YAML file of defaults for what rows leave empty; default: $XDG_CONFIG_HOME/routinecard/config.yaml or ~/.config/routinecard/config.yaml.")
    var config: String?

    private var pictureFolders: [URL] { picturesFrom.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } }

    func run() throws {
        // One job draws in this process: set up its fonts on the second core while the manifest is
        // checked. More jobs draw in worker processes, which warm up on their own.
        // This process draws one job's cards itself: set up its fonts on the second core while the
        // manifest is checked.
        if !dryRun { CardRenderer.warmUp(cardFontsProcessWide: true) }
        do {
            try runBatch()
        } catch let error as ExitCode {
            throw error
        } catch let error as BatchRunner.PlanError {
            printError("routinecard: error: \(error)")
            throw ExitCode(ExitStatus.dataError)
        } catch let error as ManifestError {
            printError("routinecard: error: \(error)")
            throw ExitCode(ExitStatus.dataError)
        } catch {
            throw ExitCode(report(error))
        }
    }

    private func runBatch() throws {
        let manifestURL = URL(fileURLWithPath: manifest)
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            throw UsageError(message: "there is no manifest at \(manifest)")
        }
        let format: ManifestFormat
        if let name = manifestFormat {
            guard let known = ManifestFormat(rawValue: name.lowercased()) else {
                throw UsageError(message: "unknown manifest format '\(name)'; use csv, jsonl or yaml")
            }
            format = known
        } else {
            guard let known = ManifestFormat(fileName: manifest) else {
                throw UsageError(message: "cannot tell the manifest's format from its name; use .csv, .jsonl or .yaml, or --manifest-format")
            }
            format = known
        }
        guard jobs >= 1, jobs <= 256 else { throw UsageError(message: "--jobs must be between 1 and 256") }
        var shardValue: Shard?
        if let shard {
            do { shardValue = try Shard.parse(shard) } catch { throw UsageError(message: error.description) }
        }
        let defaults = try configDefaults(config)
        let folder = URL(fileURLWithPath: outDir, isDirectory: true)
        if !dryRun { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

        let runner = try BatchRunner(
            manifest: manifestURL, format: format,
            options: BatchOptions(
                outputFolder: folder, jobs: jobs, shard: shardValue, keepGoing: keepGoing, allowOutside: allowOutside,
                dryRun: dryRun, creationDate: try RenderCommand.sourceDate(), defaults: defaults, pictureFolders: pictureFolders))
        let plan = try runner.plan()
        Interruption.install()
        let progress = Progress(total: plan.rows, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let json = self.json, dryRun = self.dryRun
        let warned = Mutex(0)
        // More than one job: all but one draw in worker processes (cairo draws text on one thread
        // at a time in a process; processes share nothing).
        var workerArguments = ["--manifest-folder", manifestURL.deletingLastPathComponent().path, "--out-dir", folder.path]
        if allowOutside { workerArguments.append("--allow-outside") }
        if dryRun { workerArguments.append("--dry-run") }
        for folder in pictureFolders { workerArguments += ["--pictures-from", folder.path] }
        if let date = try RenderCommand.sourceDate() { workerArguments += ["--creation-date", "\(Int(date.timeIntervalSince1970))"] }
        let arguments = workerArguments
        // One job draws in this process; each other job in a worker process of its own.
        let firstJob = Atomic(true)
        let makeRenderer: (@Sendable () throws -> any BatchRowRendering)? =
            jobs > 1 && !dryRun
            ? { @Sendable () throws -> any BatchRowRendering in
                firstJob.exchange(false, ordering: .relaxed) ? runner.inProcessRenderer() : WorkerProcessRenderer(arguments: arguments)
            } : nil
        let stdoutBroken = Atomic(false)
        let summary = try runner.run(refused: plan.refused, makeRenderer: makeRenderer) { result in
            if json, !stdoutBroken.load(ordering: .relaxed) {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                if let data = try? encoder.encode(result) {
                    do { try writeStandardOutput(data + Data("\n".utf8)) } catch { stdoutBroken.store(true, ordering: .relaxed) }
                }
            }
            progress.clear()
            if let error = result.error {
                printError("routinecard: row \(result.row): \(error)")
            } else if dryRun, !json {
                print("would write \(result.output ?? "?") (row \(result.row))")
            } else if !result.warnings.isEmpty {
                // Per-row notes would flood a long batch; they are counted here and listed by --json.
                warned.withLock { $0 += 1 }
            }
            progress.advance()
        }
        progress.finish()
        if !quiet {
            let verb = dryRun ? "checked" : "wrote"
            printError(
                "routinecard: \(verb) \(summary.written) of \(plan.rows) card\(plan.rows == 1 ? "" : "s")"
                    + (summary.failed > 0 ? ", \(summary.failed) failed" : "") + (summary.stopped ? " (stopped at the first failure)" : ""))
            let notes = warned.withLock { $0 }
            if notes > 0 { printError("routinecard: \(notes) card\(notes == 1 ? " has" : "s have") layout notes or preflight warnings; --json lists them") }
        }
        if stdoutBroken.load(ordering: .relaxed) { throw ExitCode(ExitStatus.ioError) }
        if summary.failed == 0 { return }
        if keepGoing { throw ExitCode(ExitStatus.partial) }
        throw ExitCode(summary.firstFailure?.isIOError == true ? ExitStatus.ioError : ExitStatus.dataError)
    }
}

/// Ctrl-C or a kill in the middle of a render or batch: delete every half-written file, stop the
/// worker processes, then exit.
enum Interruption {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    /// Set first thing on a signal, so threads that see their worker die wait for the exit instead
    /// of reporting a failure (and ending the process with another status).
    static let happened = Atomic(false)

    static func install(announce: Bool = true) {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                happened.store(true, ordering: .sequentiallyConsistent)
                AtomicFile.abandonAll()
                WorkerProcesses.terminateAll()
                if announce { printError("routinecard: interrupted; no partial files were left") }
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
