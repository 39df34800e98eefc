import Foundation
import Synchronization

/// How a batch runs.
public struct BatchOptions: Sendable {
    /// Where outputs go; manifest output names are relative to it.
    public var outputFolder: URL
    /// How many cards render at once.
    public var jobs: Int
    public var shard: Shard?
    /// Go on after a failed row (the exit status then says some failed).
    public var keepGoing: Bool
    /// Let output names point outside the output folder.
    public var allowOutside: Bool
    /// Check every row and say what would be written, without writing.
    public var dryRun: Bool
    public var creationDate: Date?
    /// Settings for what a row leaves empty (from a config file).
    public var defaults: CardSettings

    public init(outputFolder: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard? = nil,
                keepGoing: Bool = false, allowOutside: Bool = false, dryRun: Bool = false, creationDate: Date? = nil,
                defaults: CardSettings = CardSettings()) {
        self.defaults = defaults
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
public struct BatchResult: Sendable, Encodable {
    public var row: Int
    public var output: String?
    public var pages: Int
    public var bytes: Int
    public var warnings: [String]
    public var error: String?
    public var ms: Double
    /// True when the failure was reading or writing files rather than the row's content.
    public var isIOError: Bool

    enum CodingKeys: String, CodingKey { case row, output, pages, bytes, warnings, error, ms }

    /// Every key is present; a missing output or error is `null`, so scripts can test for it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row, forKey: .row)
        try container.encode(output, forKey: .output)
        try container.encode(pages, forKey: .pages)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(error, forKey: .error)
        try container.encode((ms * 10).rounded() / 10, forKey: .ms)
    }
}

/// The outcome of a whole batch.
public struct BatchSummary: Sendable {
    public var written = 0
    public var failed = 0
    /// The run stopped at the first failure (no `keepGoing`).
    public var stopped = false
    public var firstFailure: BatchResult?
}

/// Renders every row of a manifest, in parallel, each output written atomically.
///
/// Before rendering anything, every row's output name is checked: two rows writing the same file
/// and names escaping the output folder are errors. Then rows stream through `jobs` threads.
public final class BatchRunner: Sendable {
    let manifest: URL
    let format: ManifestFormat
    let options: BatchOptions
    private let outputRoot: URL

    public init(manifest: URL, format: ManifestFormat, options: BatchOptions) {
        self.manifest = manifest
        self.format = format
        self.options = options
        self.outputRoot = options.outputFolder.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// A problem found before rendering: it stops the batch whatever `keepGoing` says.
    public struct PlanError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Checks every output name in this shard. Returns how many rows the shard holds and the rows
    /// whose names are refused (with their reasons), which fail without rendering.
    public func plan() throws -> (rows: Int, refused: [Int: String]) {
        let reader = try ManifestReader(url: manifest, format: format)
        var seen: [String: Int] = [:]
        var refused: [Int: String] = [:]
        var count = 0
        var duplicates: [String] = []
        while let item = reader.next() {
            if let fatal = reader.error { throw PlanError(description: fatal.description) }
            guard case .success(let row) = item else { count += 1; continue }
            guard options.shard?.contains(row: row.number) ?? true else { continue }
            count += 1
            do {
                let url = try outputURL(for: row)
                if let first = seen[url.path] {
                    duplicates.append("rows \(first) and \(row.number) both write \(url.path)")
                } else {
                    seen[url.path] = row.number
                }
            } catch {
                refused[row.number] = "\(error)"
            }
        }
        if let fatal = reader.error { throw PlanError(description: fatal.description) }
        if !duplicates.isEmpty {
            throw PlanError(description: duplicates.prefix(10).joined(separator: "\n") + "\ngive each row its own output; nothing was written")
        }
        return (count, refused)
    }

    /// Where a row's card goes: its `output` inside the output folder, or one named after its first routine.
    func outputURL(for row: ManifestRow) throws(SettingError) -> URL {
        let format = try row.settings.outputFormat(for: row.output)
        let name: String
        if let output = row.output {
            name = output
        } else {
            let first = row.routines[0].split(separator: "#").first.map(String.init) ?? "card"
            let stem = URL(fileURLWithPath: first).deletingPathExtension().lastPathComponent
            name = "\(stem)-\(row.number).\(format.rawValue)"
        }
        let url = name.hasPrefix("/") ? URL(fileURLWithPath: name).standardizedFileURL
            : outputRoot.appendingPathComponent(name).standardizedFileURL
        guard !options.allowOutside else { return url }
        // Compare real paths, so a symlinked folder inside the output folder cannot lead out of it.
        var existing = url.deletingLastPathComponent()
        var rest: [String] = [url.lastPathComponent]
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let real = rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }
        let root = outputRoot.path.hasSuffix("/") ? outputRoot.path : outputRoot.path + "/"
        guard real.path.hasPrefix(root) else {
            throw SettingError("the output '\(name)' is outside the output folder \(outputRoot.path); use a name inside it (or --allow-outside)")
        }
        return url
    }

    /// Renders the rows. `report` is called once per row, from worker threads, one call at a time.
    public func run(refused: [Int: String] = [:], report: @escaping @Sendable (BatchResult) -> Void) throws -> BatchSummary {
        let reader = try ManifestReader(url: manifest, format: format)
        let shared = SharedState(reader: reader)
        let cache = RoutineCache(base: manifest.deletingLastPathComponent())
        let group = DispatchGroup()
        for _ in 0..<options.jobs {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                while let item = shared.nextRow(shard: options.shard) {
                    let result: BatchResult
                    switch item {
                    case .failure(let error):
                        result = BatchResult(row: shared.lastRowNumber, output: nil, pages: 0, bytes: 0, warnings: [], error: error.description, ms: 0, isIOError: false)
                    case .success(let row):
                        if let reason = refused[row.number] {
                            result = BatchResult(row: row.number, output: nil, pages: 0, bytes: 0, warnings: [], error: reason, ms: 0, isIOError: false)
                        } else {
                            result = process(row, cache: cache)
                        }
                    }
                    shared.finish(result, keepGoing: options.keepGoing, report: report)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        if let fatal = shared.fatalError { throw PlanError(description: fatal.description) }
        return shared.summary
    }

    private func process(_ row: ManifestRow, cache: RoutineCache) -> BatchResult {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        var result = BatchResult(row: row.number, output: nil, pages: 0, bytes: 0, warnings: [], error: nil, ms: 0, isIOError: false)
        do {
            let url = try outputURL(for: row)
            result.output = url.path
            let settings = row.settings.filled(from: self.options.defaults)
            let options = try settings.cardOptions()
            let format = try settings.outputFormat(for: url.path)
            let language = try settings.languageOverride()
            var routines = try row.routines.map { try cache.routine($0) }
            if let language { routines = routines.map { var r = $0; r.language = language; return r } }
            if self.options.dryRun {
                result.ms = elapsed()
                return result
            }
            let document = try CardRenderer().render(routines, options: options, output: OutputOptions(
                format: format, dpi: settings.resolution, creationDate: self.options.creationDate, author: settings.byName))
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let written = try document.write(to: url)
                result.output = written.count == 1 ? written[0].path : written.map(\.path).joined(separator: ",")
            } catch {
                result.isIOError = true
                throw error
            }
            result.pages = document.pageCount
            result.bytes = document.files.reduce(0) { $0 + $1.count }
            result.warnings = document.notes + document.findings.filter { !$0.code.hasPrefix("text-shrunk") && $0.code != "continued" }.map(\.description)
        } catch let error as RoutineLoadError {
            result.error = error.diagnostics.map(\.description).joined(separator: "; ")
        } catch let error as CocoaError {
            result.isIOError = true
            result.error = error.localizedDescription
        } catch {
            result.error = "\(error)"
        }
        result.ms = elapsed()
        return result
    }
}

/// The reader and the tallies the worker threads share, behind one lock.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private let reader: ManifestReader
    private var stop = false
    private(set) var summary = BatchSummary()
    private(set) var fatalError: ManifestError?
    private(set) var lastRowNumber = 0

    init(reader: ManifestReader) { self.reader = reader }

    /// The next row of this shard, or nil when the manifest is done or the batch stopped.
    func nextRow(shard: Shard?) -> Result<ManifestRow, ManifestError>? {
        lock.lock()
        defer { lock.unlock() }
        while !stop, let item = reader.next() {
            if let fatal = reader.error {
                fatalError = fatal
                stop = true
                return nil
            }
            lastRowNumber += 1
            guard shard?.contains(row: lastRowNumber) ?? true else { continue }
            return item
        }
        return nil
    }

    func finish(_ result: BatchResult, keepGoing: Bool, report: (BatchResult) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if result.error == nil {
            summary.written += 1
        } else {
            summary.failed += 1
            if result.row < summary.firstFailure?.row ?? Int.max { summary.firstFailure = result }
            if !keepGoing {
                stop = true
                summary.stopped = true
            }
        }
        report(result)
    }
}

/// Routines by reference, loaded once per batch (a thousand rows naming one file read it once).
private final class RoutineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var routines: [String: Routine] = [:]
    private let base: URL

    init(base: URL) { self.base = base }

    func routine(_ reference: String) throws -> Routine {
        lock.lock()
        if let cached = routines[reference] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let routine = try RoutineReference(reference, relativeTo: base).load(standardInput: { Data() })
        lock.lock()
        if routines.count > 1000 { routines.removeAll() }
        routines[reference] = routine
        lock.unlock()
        return routine
    }
}
