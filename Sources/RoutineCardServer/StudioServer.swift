import Foundation
import Hummingbird
import HTTPTypes
import Logging
import NIOCore
import RoutineCard
import RoutineCardBatch
import Synchronization

/// The card studio and its HTTP API (`routinecard serve`): a web page to write, preview and
/// download cards, and endpoints that render, validate and check them. Stateless: any number of
/// copies can stand behind a load balancer.
public struct StudioServer: Sendable {
    /// What the server listens on and how much it takes on.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// The largest request body accepted, in bytes.
        public var maxBody: Int
        /// Renders at once, and renders queued behind them; past both a request gets 503.
        public var concurrentRenders: Int
        public var queuedRenders: Int
        /// How long one render may take before the client is told to retry.
        public var renderTimeout: Duration
        /// A program (executable and arguments) that runs ``RenderWorker/serve()``: renders then run
        /// in `concurrentRenders` such processes and use every core. Nil draws in this process, one
        /// card at a time (cairo 1.16 cannot draw on two threads at once).
        public var workerCommand: [String]?

        /// - Parameters:
        ///   - host: the address to bind; loopback unless told otherwise.
        public init(
            host: String = "127.0.0.1", port: Int = 8080, maxBody: Int = 256 * 1024,
            concurrentRenders: Int = ProcessInfo.processInfo.activeProcessorCount, queuedRenders: Int? = nil,
            renderTimeout: Duration = .seconds(20), workerCommand: [String]? = nil
        ) {
            self.host = host
            self.port = port
            self.maxBody = maxBody
            self.concurrentRenders = max(1, concurrentRenders)
            self.queuedRenders = queuedRenders ?? 8 * max(1, concurrentRenders)
            self.renderTimeout = renderTimeout
            self.workerCommand = workerCommand
        }
    }

    let configuration: Configuration
    let logger: Logger
    let gate: RenderGate
    let workers: RenderWorkerPool?

    public init(configuration: Configuration = Configuration(), logger: Logger = Logger(label: "routinecard.serve")) {
        self.configuration = configuration
        self.logger = logger
        self.gate = RenderGate(running: configuration.concurrentRenders, waiting: configuration.queuedRenders)
        self.workers = configuration.workerCommand.map(RenderWorkerPool.init(command:))
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting and finishes what is in flight.
    public func run() async throws {
        try workers?.start(configuration.concurrentRenders)
        defer { workers?.stop() }
        try await application().runService()
    }

    /// The application, for running or for tests.
    /// - Parameter onRunning: told the port once the server listens (port 0 asks for any free one).
    func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "routinecard"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware())
        router.get("/") { _, _ in Self.asset(StudioPage.html, type: "text/html; charset=utf-8") }
        router.get("/studio.css") { _, _ in Self.asset(StudioPage.css, type: "text/css; charset=utf-8") }
        router.get("/studio.js") { _, _ in Self.asset(StudioPage.script, type: "text/javascript; charset=utf-8") }
        router.get("/healthz") { _, _ in Self.json(["status": "ok"]) }
        router.get("/api/openapi.yaml") { _, _ in Self.asset(OpenAPIDocument.yaml, type: "application/yaml") }
        router.get("/api/schema") { _, _ in Self.asset(RoutineSchema.text, type: "application/schema+json") }
        router.get("/api/routines") { _, _ in Self.routineList() }
        router.get("/api/routines/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard let source = Routine.builtInSource(id, language: request.uri.queryParameters.get("language")) else {
                return Problem(status: .notFound, title: "No such routine", detail: "there is no built-in routine '\(id)'; GET /api/routines lists them")
                    .response
            }
            return Self.asset(source, type: "application/yaml; charset=utf-8")
        }
        router.post("/api/render") { request, context in await answer { try await render(request) } }
        router.post("/api/validate") { request, context in await answer { try await validate(request) } }
        router.post("/api/check") { request, context in await answer { try await check(request) } }
        return router
    }

    /// Runs a handler, turning every failure into a problem answer.
    private func answer(_ handler: () async throws -> Response) async -> Response {
        do {
            return try await handler()
        } catch {
            let problem = Problem(error)
            if problem.status == .internalServerError { logger.error("failure: \(problem.detail)") }
            return problem.response
        }
    }

    // MARK: - Reading requests

    /// The request's routine, options and output, checked.
    private func readJob(_ request: Request) async throws -> Job {
        try Job(try await readRequest(request))
    }

    /// The request's body as a render request: JSON, or a routine file in YAML with options in the query.
    private func readRequest(_ request: Request) async throws -> RenderRequest {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: configuration.maxBody)
        } catch is NIOTooManyBytesError {
            throw Problem.tooLarge(limit: configuration.maxBody)
        }
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let data = Data(buffer: body)
        switch type {
        case "application/json":
            do {
                return try JSONDecoder().decode(RenderRequest.self, from: data)
            } catch {
                throw Problem.badRequest("the body is not the JSON this endpoint takes: \(Self.describe(error)); see /api/openapi.yaml")
            }
        case "application/yaml", "application/x-yaml", "text/yaml":
            let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { $1 })
            return RenderRequest(
                routine: .text(String(decoding: data, as: UTF8.self)), builtin: nil, format: query["format"],
                page: query["page"].flatMap { Int($0) }, options: CardFields(query: query))
        default:
            throw Problem.unsupportedType(type)
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        return "\(error)"
    }

    // MARK: - Handlers

    private func render(_ request: Request) async throws -> Response {
        let job = try await readJob(request)
        let document = try await limited { [workers, configuration] in
            guard let workers else {
                let document = try await CardRenderer().render([job.routine], options: job.options, output: job.output)
                return CardFiles(files: document.files, cardCount: document.cardCount)
            }
            let (reply, files) = try await workers.run(WorkerJob(request: job.request, check: false), timeout: configuration.renderTimeout)
            if let problem = reply.problem { throw problem.problem }
            return CardFiles(files: files, cardCount: reply.cardCount)
        }
        guard job.page <= document.files.count else {
            throw Problem(status: .unprocessableContent, title: "No such page", detail: "the card has \(document.files.count) page(s)")
        }
        let file = document.files[job.page - 1]
        let (type, fileExtension) =
            switch job.format {
            case .pdf: ("application/pdf", "pdf")
            case .png: ("image/png", "png")
            case .svg: ("image/svg+xml", "svg")
            }
        let name = document.files.count > 1 && job.format != .pdf ? "\(job.routine.id)-\(job.page).\(fileExtension)" : "\(job.routine.id).\(fileExtension)"
        var headers: HTTPFields = [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""]
        if let pages = HTTPField.Name("X-Page-Count"), let cards = HTTPField.Name("X-Card-Count") {
            headers[pages] = "\(document.files.count)"
            headers[cards] = "\(document.cardCount)"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file)))
    }

    private func validate(_ request: Request) async throws -> Response {
        do {
            _ = try await readJob(request)
            return Self.json(ValidationBody(valid: true, diagnostics: []))
        } catch let error as RoutineCardError where error.code == .invalidRoutine {
            return Self.json(ValidationBody(valid: false, diagnostics: error.diagnostics.map(DiagnosticBody.init)))
        }
    }

    private func check(_ request: Request) async throws -> Response {
        let job = try await readJob(request)
        let findings = try await limited { [workers, configuration] in
            guard let workers else { return try CardRenderer().check([job.routine], options: job.options).map(FindingBody.init) }
            let (reply, _) = try await workers.run(WorkerJob(request: job.request, check: true), timeout: configuration.renderTimeout)
            if let problem = reply.problem { throw problem.problem }
            return reply.findings ?? []
        }
        return Self.json(FindingsBody(findings: findings))
    }

    /// Runs `work` through the gate and under the time limit; a full queue or a render over time
    /// is a 503 that says when to retry.
    private func limited<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        // A full queue is answered before any task or timer exists: a cancelled `Task.sleep`
        // keeps its memory until its deadline, so a timer per refused request piled up
        // (6,000 refusals a second × 20 s) under a flood.
        guard let pass = gate.admit() else {
            throw Problem(status: .serviceUnavailable, title: "Busy", detail: "every render place is taken; retry shortly", retryAfter: 1)
        }
        let gate = self.gate
        // Render workers keep the time limit themselves (and stop a worker that runs over it);
        // a second timer per request would only be work and memory.
        guard workers == nil else { return try await gate.run(pass, work) }
        let race = Race<T>()
        let timeout = configuration.renderTimeout
        return try await withCheckedThrowingContinuation { continuation in
            race.start(continuation)
            let timer = Task {
                try await Task.sleep(for: timeout)
                race.finish(
                    .failure(Problem(status: .serviceUnavailable, title: "Too slow", detail: "the card took longer than \(timeout) to render", retryAfter: 5)))
            }
            Task {
                defer { timer.cancel() }
                do {
                    // The render keeps its place in the gate until it is done, even after a timeout.
                    race.finish(.success(try await gate.run(pass, work)))
                } catch {
                    race.finish(.failure(error))
                }
            }
        }
    }

    // MARK: - Answers

    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func routineList() -> Response {
        let list = Routine.builtInIDs.compactMap { id -> RoutineEntry? in
            guard let routine = try? Routine.builtIn(id) else { return nil }
            return RoutineEntry(id: id, title: routine.title, languages: Routine.builtInLanguages(of: id))
        }
        return json(list)
    }
}

/// The first of two outcomes wins; the other is dropped.
final class Race<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func start(_ continuation: CheckedContinuation<T, any Error>) { self.continuation.withLock { $0 = continuation } }

    func finish(_ result: Result<T, any Error>) {
        let waiting = continuation.withLock { stored -> CheckedContinuation<T, any Error>? in
            defer { stored = nil }
            return stored
        }
        waiting?.resume(with: result)
    }
}

/// A rendered card's files, from this process or a worker.
struct CardFiles: Sendable {
    var files: [Data]
    var cardCount: Int
}

struct ValidationBody: Encodable {
    var valid: Bool
    var diagnostics: [DiagnosticBody]
}

struct FindingsBody: Encodable {
    var findings: [FindingBody]
}

struct FindingBody: Codable, Sendable {
    var severity: String
    var code: String
    var message: String

    init(_ finding: Finding) {
        severity = "\(finding.severity)"
        code = finding.code
        message = finding.message
    }
}

struct RoutineEntry: Encodable {
    var id: String
    var title: String
    var languages: [String]
}
