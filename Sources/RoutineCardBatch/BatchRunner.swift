import Foundation
import RoutineCard
import Synchronization

/// How a batch runs.
package struct BatchOptions: Sendable {
    /// Where outputs go; manifest output names are relative to it.
    package var outputFolder: URL
    /// How many cards render at once.
    package var jobs: Int
    package var shard: Shard?
    /// Go on after a failed row (the exit status then says some failed).
    package var keepGoing: Bool
    /// Let output names point outside the output folder.
    package var allowOutside: Bool
    /// Check every row and say what would be written, without writing.
    package var dryRun: Bool
    package var creationDate: Date?
    /// Settings for what a row leaves empty (from a config file).
    package var defaults: CardSettings
    /// Folders besides each routine's own whose pictures routines may use.
    package var pictureFolders: [URL] = []

    package init(
        outputFolder: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard? = nil,
        keepGoing: Bool = false, allowOutside: Bool = false, dryRun: Bool = false, creationDate: Date? = nil,
        defaults: CardSettings = CardSettings(), pictureFolders: [URL] = []
    ) {
        self.defaults = defaults
        self.pictureFolders = pictureFolders
        self.outputFolder = outputFolder
        self.jobs = max(1, jobs)
        self.shard = shard
        self.keepGoing = keepGoing
        self.allowOutside = allowOutside
        self.dryRun = dryRun
        self.creationDate = creationDate
    }
}

/// What happened to one row.
package struct BatchResult: Sendable, Codable {
    package var row: Int
    package var output: String?
    package var pages: Int
    /// Cards to cut out or hand over (a wallet card's front and back are one; copies on sheets count).
    package var cards: Int = 0
    package var bytes: Int
    package var warnings: [String]
    package var error: String?
    package var ms: Double
    /// True when the failure was reading or writing files rather than the row's content.
    package var isIOError: Bool

    package init(row: Int, output: String?, pages: Int, bytes: Int, warnings: [String], error: String?, ms: Double, isIOError: Bool) {
        self.row = row
        self.output = output
        self.pages = pages
        self.bytes = bytes
        self.warnings = warnings
        self.error = error
        self.ms = ms
        self.isIOError = isIOError
    }

    enum CodingKeys: String, CodingKey { case row, output, pages, cards, bytes, warnings, error, ms, isIOError }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        row = try container.decode(Int.self, forKey: .row)
        output = try container.decodeIfPresent(String.self, forKey: .output)
        pages = try container.decode(Int.self, forKey: .pages)
        cards = try container.decodeIfPresent(Int.self, forKey: .cards) ?? 0
        bytes = try container.decode(Int.self, forKey: .bytes)
        warnings = try container.decode([String].self, forKey: .warnings)
        error = try container.decodeIfPresent(String.self, forKey: .error)
        ms = try container.decode(Double.self, forKey: .ms)
        isIOError = try container.decodeIfPresent(Bool.self, forKey: .isIOError) ?? false
    }

    /// Every key is present; a missing output or error is `null`, so scripts can test for it.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row, forKey: .row)
        try container.encode(output, forKey: .output)
        try container.encode(pages, forKey: .pages)
        try container.encode(cards, forKey: .cards)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(error, forKey: .error)
        try container.encode((ms * 10).rounded() / 10, forKey: .ms)
    }
}

/// The outcome of a whole batch.
package struct BatchSummary: Sendable {
    package var written = 0
    package var failed = 0
    /// The run stopped at the first failure (no `keepGoing`).
    package var stopped = false
    package var firstFailure: BatchResult?
}

/// Renders rows of a manifest one at a time: a batch runs one per job, each on its own thread (or,
/// in the command-line tool, behind its own worker process).
package protocol BatchRowRendering: AnyObject {
    /// Renders the row and writes its output; failures are in the result, never thrown.
    func render(_ row: ManifestRow) -> BatchResult
}

/// A renderer that takes a row while it is still drawing the one before (a worker process reading
/// rows from a pipe), so that it never waits for the next.
package protocol PipelinedBatchRowRendering: BatchRowRendering {
    /// Hands over a row to render after those handed over before.
    func send(_ row: ManifestRow)
    /// The result of the oldest row handed over and not yet received.
    func receive() -> BatchResult
}

/// Renders every row of a manifest, in parallel, each output written atomically.
///
/// Before rendering anything, every row's output name is checked: two rows writing the same file
/// (after following symbolic links, and counting the numbered pages of a PNG) and names escaping the
/// output folder are errors. Then rows stream through `jobs` renderers. A manifest that is not a
/// regular file (a pipe) is read once, into memory, so that checking and rendering see the same rows.
package final class BatchRunner: Sendable {
    let manifest: URL
    let format: ManifestFormat
    let options: BatchOptions
    private let outputRoot: URL
    /// The manifest's bytes when it is not a regular file; nil reads the file (streaming) each pass.
    private let buffered: Data?

    /// The most a manifest read from a pipe may hold.
    package static let maximumPipedManifestBytes = 256 << 20

    package init(manifest: URL, format: ManifestFormat, options: BatchOptions) throws(ManifestError) {
        self.manifest = manifest
        self.format = format
        self.options = options
        self.outputRoot = options.outputFolder.standardizedFileURL.resolvingSymlinksInPath()
        var status = stat()
        if stat(manifest.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
            buffered = nil
        } else {
            guard let handle = FileHandle(forReadingAtPath: manifest.path) else { throw ManifestError("cannot read the manifest \(manifest.path)") }
            defer { try? handle.close() }
            do {
                let data = try handle.read(upToCount: Self.maximumPipedManifestBytes + 1) ?? Data()
                guard data.count <= Self.maximumPipedManifestBytes else {
                    throw ManifestError(
                        "the manifest from \(manifest.path) holds more than \(Self.maximumPipedManifestBytes >> 20) MB; save it to a file (files are streamed)")
                }
                buffered = data
            } catch let error as ManifestError {
                throw error
            } catch {
                throw ManifestError("cannot read the manifest \(manifest.path): \(error.localizedDescription)")
            }
        }
    }

    /// A runner that renders rows handed to it (by a process that read the manifest), resolving
    /// routine paths against `manifestFolder`.
    package init(rowsFrom manifestFolder: URL, options: BatchOptions) {
        self.manifest = manifestFolder.appendingPathComponent("manifest")
        self.format = .jsonl
        self.options = options
        self.outputRoot = options.outputFolder.standardizedFileURL.resolvingSymlinksInPath()
        self.buffered = Data()
    }

    private func reader() throws(ManifestError) -> ManifestReader {
        if let buffered { return try ManifestReader(data: buffered, name: manifest.path, format: format) }
        return try ManifestReader(url: manifest, format: format)
    }

    /// A problem found before rendering: it stops the batch whatever `keepGoing` says.
    package struct PlanError: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    /// Checks every output name in this shard. Returns how many rows the shard holds and the rows
    /// whose names are refused (with their reasons), which fail without rendering.
    package func plan() throws -> (rows: Int, refused: [Int: String]) {
        let reader = try reader()
        var refused: [Int: String] = [:]
        var count = 0
        var claims = OutputClaims()
        var folders: Set<String> = [outputRoot.path]
        var number = 0
        while let item = reader.next() {
            if let fatal = reader.error { throw PlanError(description: fatal.description) }
            number += 1
            guard options.shard?.contains(row: number) ?? true else { continue }
            count += 1
            guard case .success(let row) = item else { continue }
            do {
                let url = try outputURL(for: row)
                let format = try row.settings.filled(from: options.defaults).outputFormat(for: url.path)
                claims.claim(Self.realPath(url), row: row.number, pages: format != .pdf)
                folders.insert(url.deletingLastPathComponent().path)
            } catch {
                refused[row.number] = "\(error)"
            }
        }
        if let fatal = reader.error { throw PlanError(description: fatal.description) }
        // Temporary files that earlier runs killed with SIGKILL left in these folders.
        if !options.dryRun { for folder in folders { AtomicFile.removeStale(in: URL(fileURLWithPath: folder)) } }
        let duplicates = claims.conflicts()
        if !duplicates.isEmpty {
            throw PlanError(description: duplicates.prefix(10).joined(separator: "\n") + "\ngive each row its own output; nothing was written")
        }
        return (count, refused)
    }

    /// `url` with every symbolic link in it followed, including the file itself when it is one.
    static func realPath(_ url: URL) -> URL {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        return rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }
    }

    /// Where a row's card goes: its `output` inside the output folder, or one named after its first routine.
    func outputURL(for row: ManifestRow) throws(SettingError) -> URL {
        let format = try row.settings.filled(from: options.defaults).outputFormat(for: row.output)
        let name: String
        if let output = row.output {
            name = output
        } else {
            let first = row.routines[0].split(separator: "#").first.map(String.init) ?? "card"
            let stem = URL(fileURLWithPath: first).deletingPathExtension().lastPathComponent
            name = "\(stem)-\(row.number).\(format.rawValue)"
        }
        let url =
            name.hasPrefix("/")
            ? URL(fileURLWithPath: name).standardizedFileURL
            : outputRoot.appendingPathComponent(name).standardizedFileURL
        guard !options.allowOutside else { return url }
        // Compare real paths, so a symlinked folder inside the output folder cannot lead out of it.
        let real = Self.realPath(url)
        let root = outputRoot.path.hasSuffix("/") ? outputRoot.path : outputRoot.path + "/"
        guard real.path.hasPrefix(root) else {
            throw SettingError("the output '\(name)' is outside the output folder \(outputRoot.path); use a name inside it (or --allow-outside)")
        }
        return url
    }

    /// A renderer that draws in this process (``CardRenderer``), for one thread.
    package func inProcessRenderer() -> any BatchRowRendering {
        RowRenderer(runner: self)
    }

    /// Renders the rows. `report` is called once per row, from worker threads, one call at a time.
    /// - Parameter makeRenderer: makes each job's renderer, on that job's thread (default: in process).
    package func run(
        refused: [Int: String] = [:], makeRenderer: (@Sendable () throws -> any BatchRowRendering)? = nil,
        report: @escaping @Sendable (BatchResult) -> Void
    ) throws -> BatchSummary {
        let reader = try reader()
        // Temporary files of earlier runs that were killed (SIGKILL leaves them behind); plan() also
        // cleans every output's own folder.
        if !options.dryRun { AtomicFile.removeStale(in: outputRoot) }
        let shared = SharedState(reader: reader)
        let group = DispatchGroup()
        let startFailure = Mutex<(any Error)?>(nil)
        for _ in 0..<options.jobs {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                let renderer: any BatchRowRendering
                do {
                    renderer = try makeRenderer?() ?? inProcessRenderer()
                } catch {
                    startFailure.withLock { $0 = $0 ?? error }
                    shared.stopAll()
                    return
                }
                // With a pipelined renderer one more row waits in line, so the renderer never idles.
                let pipelined = renderer as? any PipelinedBatchRowRendering
                var inFlight = 0
                while true {
                    while inFlight < (pipelined == nil ? 1 : 2), let (number, item) = shared.nextRow(shard: options.shard) {
                        switch item {
                        case .failure(let error):
                            let result = BatchResult(
                                row: number, output: nil, pages: 0, bytes: 0, warnings: [], error: error.description, ms: 0, isIOError: false)
                            shared.finish(result, keepGoing: options.keepGoing, report: report)
                        case .success(let row):
                            if let reason = refused[row.number] {
                                let result = BatchResult(row: row.number, output: nil, pages: 0, bytes: 0, warnings: [], error: reason, ms: 0, isIOError: false)
                                shared.finish(result, keepGoing: options.keepGoing, report: report)
                                continue
                            }
                            var filled = row
                            filled.settings = row.settings.filled(from: options.defaults)
                            if let pipelined {
                                pipelined.send(filled)
                                inFlight += 1
                            } else {
                                shared.finish(renderer.render(filled), keepGoing: options.keepGoing, report: report)
                            }
                        }
                    }
                    guard let pipelined, inFlight > 0 else { break }
                    shared.finish(pipelined.receive(), keepGoing: options.keepGoing, report: report)
                    inFlight -= 1
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        if let failure = startFailure.withLock({ $0 }) { throw failure }
        if let fatal = shared.fatalError { throw PlanError(description: fatal.description) }
        return shared.summary
    }

    /// Renders one row in this process: the work of ``RowRenderer`` and of a worker process.
    package func renderRow(_ row: ManifestRow, cache: RoutineCache) -> BatchResult {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        var result = BatchResult(row: row.number, output: nil, pages: 0, bytes: 0, warnings: [], error: nil, ms: 0, isIOError: false)
        do {
            let url = try outputURL(for: row)
            result.output = url.path
            var settings = row.settings
            if let logo = settings.logo { settings.logo = try cache.picturePath(logo) }
            let options = try settings.cardOptions()
            let format = try settings.outputFormat(for: url.path)
            let language = try settings.languageOverride()
            try settings.checkRaster(options, format: format)
            let routines = try row.routines.map { try cache.routine($0, language: language) }
            if self.options.dryRun {
                result.ms = elapsed()
                return result
            }
            let document = try CardRenderer().render(
                routines, options: options,
                output: OutputOptions(
                    format: format, dpi: settings.resolution, creationDate: self.options.creationDate, author: settings.byName))
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw OutputError(.failed, "cannot create the folder \(url.deletingLastPathComponent().path): \(error.localizedDescription)")
            }
            let written = try document.write(to: url)
            result.output = written.count == 1 ? written[0].path : written.map(\.path).joined(separator: ",")
            result.pages = document.pageCount
            result.cards = document.cardCount
            result.bytes = document.files.reduce(0) { $0 + $1.count }
            result.warnings =
                settings.notes + document.notes + document.findings.filter { !$0.code.hasPrefix("text-shrunk") && $0.code != "continued" }.map(\.description)
        } catch {
            let error = RoutineCardError(error)
            result.isIOError = error.code == .inputOutput || error.code == .interrupted
            result.error = error.diagnostics.isEmpty ? error.message : error.diagnostics.map(\.description).joined(separator: "; ")
        }
        result.ms = elapsed()
        return result
    }
}

/// Renders rows in this process, for one thread.
final class RowRenderer: BatchRowRendering {
    private let runner: BatchRunner
    private let cache: RoutineCache

    init(runner: BatchRunner) {
        self.runner = runner
        self.cache = RoutineCache(base: runner.manifest.deletingLastPathComponent(), pictureFolders: runner.options.pictureFolders)
    }

    func render(_ row: ManifestRow) -> BatchResult { runner.renderRow(row, cache: cache) }
}

/// The outputs rows will write, to find two rows writing one file. A PNG or SVG row `x.png` may
/// write `x-1.png`, `x-2.png`… (one file per page), so it claims those names too.
struct OutputClaims {
    private var exact: [String: Int] = [:]
    /// PNG and SVG rows by folder and stem.
    private var pageFamilies: [String: Int] = [:]

    mutating func claim(_ url: URL, row: Int, pages: Bool) {
        let path = url.path
        if let first = exact[path] {
            duplicates.append("rows \(first) and \(row) both write \(path)")
        } else {
            exact[path] = row
        }
        if pages {
            let stem = url.deletingPathExtension().path + "." + url.pathExtension.lowercased()
            if let first = pageFamilies[stem], first != row {
                duplicates.append("rows \(first) and \(row) both write \(path)")
            } else {
                pageFamilies[stem] = row
            }
        }
    }

    private var duplicates: [String] = []

    /// Every clash: the same file twice, or a file that another row's PNG pages would be named.
    func conflicts() -> [String] {
        var found = duplicates
        for (path, row) in exact {
            // "x-3.png" clashes with the pages of a PNG row "x.png".
            let url = URL(fileURLWithPath: path)
            let name = url.deletingPathExtension().lastPathComponent
            guard let dash = name.lastIndex(of: "-"), !name[name.index(after: dash)...].isEmpty,
                name[name.index(after: dash)...].allSatisfy(\.isNumber)
            else { continue }
            let family = url.deletingLastPathComponent().appendingPathComponent(String(name[..<dash])).path + "." + url.pathExtension.lowercased()
            if let owner = pageFamilies[family], owner != row {
                found.append("row \(row) writes \(path), which row \(owner) uses for one of its pages")
            }
        }
        return found.sorted()
    }
}

/// The reader and the tallies the worker threads share, behind one lock.
private final class SharedState: Sendable {
    private struct State {
        var stop = false
        var summary = BatchSummary()
        var fatalError: ManifestError?
        var number = 0
    }

    // The reader is used only under the lock.
    private struct ReaderBox: @unchecked Sendable { let reader: ManifestReader }
    private let box: ReaderBox
    private let state = Mutex(State())

    init(reader: ManifestReader) { self.box = ReaderBox(reader: reader) }

    var summary: BatchSummary { state.withLock { $0.summary } }
    var fatalError: ManifestError? { state.withLock { $0.fatalError } }

    func stopAll() { state.withLock { $0.stop = true } }

    /// The next row of this shard with its number among the manifest's rows, or nil when the
    /// manifest is done or the batch stopped.
    func nextRow(shard: Shard?) -> (Int, Result<ManifestRow, ManifestError>)? {
        state.withLock { state in
            while !state.stop, let item = box.reader.next() {
                if let fatal = box.reader.error {
                    state.fatalError = fatal
                    state.stop = true
                    return nil
                }
                state.number += 1
                guard shard?.contains(row: state.number) ?? true else { continue }
                return (state.number, item)
            }
            return nil
        }
    }

    func finish(_ result: BatchResult, keepGoing: Bool, report: (BatchResult) -> Void) {
        state.withLock { state in
            if result.error == nil {
                state.summary.written += 1
            } else {
                state.summary.failed += 1
                if result.row < state.summary.firstFailure?.row ?? Int.max { state.summary.firstFailure = result }
                if !keepGoing {
                    state.stop = true
                    state.summary.stopped = true
                }
            }
            report(result)
        }
    }
}

/// Routines by reference, loaded once per renderer (a thousand rows naming one file read it once).
package final class RoutineCache {
    private var routines: [String: Routine] = [:]
    private let base: URL
    private let pictureFolders: [URL]

    package init(base: URL, pictureFolders: [URL] = []) {
        self.base = base
        self.pictureFolders = pictureFolders
    }

    func routine(_ reference: String, language: String? = nil) throws -> Routine {
        let key = "\(language ?? "")|\(reference)"
        if let cached = routines[key] { return cached }
        let routine = try RoutineReference(reference, relativeTo: base).load(
            language: language,
            standardInput: {
                throw RoutineLoadError([Diagnostic(file: "<stdin>", line: 0, column: 0, message: "a manifest row cannot read a routine from standard input")])
            }, pictureFolders: pictureFolders)
        if routines.count > 1000 { routines.removeAll() }
        routines[key] = routine
        return routine
    }

    /// A picture a row names (its logo) as an absolute path: relative to the manifest's folder, and
    /// like a routine's pictures, inside that folder or one allowed for pictures.
    func picturePath(_ name: String) throws(SettingError) -> String {
        let url = (name.hasPrefix("/") ? URL(fileURLWithPath: name) : base.appendingPathComponent(name)).standardizedFileURL.resolvingSymlinksInPath()
        let roots = ([base] + pictureFolders).map { $0.standardizedFileURL.resolvingSymlinksInPath().path + "/" }
        guard roots.contains(where: { url.path.hasPrefix($0) }) else {
            throw SettingError(
                "the logo \(name) is outside the manifest's folder; put it there, or allow its folder with --pictures-from")
        }
        return url.path
    }
}
